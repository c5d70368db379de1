"""The runner reports a failing cell precisely, keeps going, and never writes a broken page."""
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
    found = subprocess.run(["pgrep", "-f", "descent.kernel.RapaioLauncher|ijava"], capture_output=True, text=True)
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
