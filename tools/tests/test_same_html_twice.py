"""The same course gives the same pages: a notebook run a second time exports byte-identical HTML, and
a notebook with timing cells (tagged `measures-time`) differs only in those cells' outputs."""
import json
import os
import subprocess
import sys

import pytest

from conftest import BUILD, ROOT

TAG = "measures-time"


def outputs_by_cell(path):
    nb = json.load(open(path, encoding="utf-8"))
    return [(c.get("id"), TAG in c.get("metadata", {}).get("tags", []), c.get("outputs"))
            for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.fixture(scope="module")
def second_run(tmp_path_factory, summary):
    out = tmp_path_factory.mktemp("second")
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebooks.py"), "--only", "02", "05",
                          "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def test_a_notebook_run_twice_gives_the_same_page(second_run):
    name = "02-batch-gradient-descent.html"
    first = open(os.path.join(BUILD, "html", name), "rb").read()
    again = open(second_run / "html" / name, "rb").read()
    assert first == again, "the page changed between two runs of the same notebook"


def test_only_cells_that_measure_time_differ(second_run):
    name = "05-minibatch-gradient-descent.ipynb"
    first = outputs_by_cell(os.path.join(BUILD, "executed", name))
    again = outputs_by_cell(second_run / "executed" / name)
    assert any(timed for _, timed, _ in first), f"{name} has no cell tagged {TAG}"
    for (cell, timed, a), (_, _, b) in zip(first, again):
        if not timed:
            assert a == b, f"cell {cell} printed something else the second time; tag it {TAG} if it measures time"
