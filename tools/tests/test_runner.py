"""The runner reports a failing cell precisely, keeps going, and never writes a broken page."""
import os
import subprocess
import sys

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
