"""Writes the student-only repository of the course: what an instructor publishes for a class.

    python tools/release.py DIR       (./course release DIR)

DIR (new, or empty) becomes a git repository with one commit holding:
- notebooks/: the student edition of every notebook (tools/editions.py: each solution replaced by its stub, no
  instructor notes, no outputs), with the exercises' ids and points in their metadata, as the grader reads them;
- what `./course setup`, `./course lab`, `./course build` and Binder's postBuild need, exactly as in this
  repository: the library's and the kernel launcher's sources (lib/, kernel/, pom.xml; no tests), the set-up
  (course, postBuild, environment.yml, requirements.txt, package.json, package-lock.json, jupyter/,
  tools/kernel.py and the notebook runner), bench/results.csv (notebook 12 charts it);
- a README for students with the Binder and nbgitpuller links (OWNER/REPO/BRANCH to fill in).
No solution, no instructor note, no test or fixture (they hold the answers), no build output.
"""
import os
import shutil
import subprocess
import sys

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editions  # noqa: E402
import exercise_ids  # noqa: E402

ROOT = exercise_ids.ROOT
FILES = ["course", "postBuild", "environment.yml", "requirements.txt", "package.json", "package-lock.json",
         "pom.xml", "jupyter/jupyter_server_config.json", "kernel/pom.xml", "kernel/bin/descent-jvm", "lib/pom.xml",
         "tools/kernel.py", "tools/run_notebooks.py", "bench/results.csv"]
# The student repository's notebooks are already the student edition: its tools/editions.py (which the notebook
# runner imports) makes both editions the notebook as it is, and knows nothing of solution markers.
EDITIONS = '''"""The student repository has one edition of each notebook: the notebook as it is (written by ./course release
in the course's repository, where tools/editions.py makes the student and the instructor edition)."""
import copy


class MarkerError(ValueError):
    """Never raised here: these notebooks hold no solutions."""


def make(nb, edition):
    result = copy.deepcopy(nb)
    result.metadata["descent_edition"] = edition
    return result
'''
TREES = ["lib/src/main", "kernel/src/main", "tools/nbconvert"]
README = """# {title}: student edition

Notebooks on gradient descent in Java, from the error curve to a first neural network. Open them on Binder or
your class's JupyterHub (links below), or on your own machine:

```bash
./course lab     # builds the library, installs the Java kernel, opens JupyterLab on notebooks/
```

(needs Java 17+, Maven, Python 3 and npm; or `conda env create -f environment.yml && conda activate
descent-course` first.)

## Links

- **Binder**: `https://mybinder.org/v2/gh/OWNER/REPO/BRANCH?urlpath=lab/tree/notebooks/00-welcome.ipynb`
- **JupyterHub (nbgitpuller)**:
  `https://HUB/hub/user-redirect/git-pull?repo=https://github.com/OWNER/REPO&branch=BRANCH&urlpath=lab/tree/REPO/notebooks/00-welcome.ipynb`

## Exercises

Each ✏️ cell is yours; the cell after it checks your answer and says what is wrong. Hand in the notebooks as
your instructor asks (download each `.ipynb`, File → Download). Keep the check cells: the grader puts its own back
anyway, so editing or deleting them changes nothing.

The notebooks:
{notebooks}
"""


def copy(rel, target):
    src, dst = os.path.join(ROOT, rel), os.path.join(target, rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy2(src, dst)


def release(target):
    if os.path.exists(target) and os.listdir(target):
        sys.exit(f"error: {target} exists and is not empty: give a new or empty folder")
    os.makedirs(target, exist_ok=True)
    for rel in FILES:
        copy(rel, target)
    for tree in TREES:
        for folder, dirs, names in os.walk(os.path.join(ROOT, tree)):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in names:
                copy(os.path.relpath(os.path.join(folder, name), ROOT), target)
    with open(os.path.join(target, "tools", "editions.py"), "w") as f:
        f.write(EDITIONS)
    titles = []
    for path in exercise_ids.sources():
        nb = editions.make(nbformat.read(path, as_version=4), "student")
        nb.metadata.pop("descent_edition", None)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        os.makedirs(os.path.join(target, "notebooks"), exist_ok=True)
        nbformat.write(nb, os.path.join(target, "notebooks", os.path.basename(path)))
        heading = next((c.source.splitlines()[0].lstrip("# ") for c in nb.cells if c.cell_type == "markdown"), "")
        titles.append(f"- `notebooks/{os.path.basename(path)}`: {heading}")
    with open(os.path.join(target, "README.md"), "w", encoding="utf-8") as f:
        f.write(README.format(title="Gradient descent in Java", notebooks="\n".join(titles)))
    with open(os.path.join(target, ".gitignore"), "w") as f:
        f.write("build/\n.venv/\nnode_modules/\ntarget/\n.ipynb_checkpoints/\n")
    git = ["git", "-C", target, "-c", "user.name=descent-course", "-c", "user.email=course@localhost"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "The course's student edition (./course release)"], check=True)
    files = subprocess.run(git[:3] + ["ls-files"], capture_output=True, text=True, check=True).stdout.split()
    print(f"==> released the student edition to {target}: {len(files)} files in one commit")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    release(os.path.abspath(sys.argv[1]))
