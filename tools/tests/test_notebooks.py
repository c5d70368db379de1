"""Source notebooks are clean and portable; executed notebooks kept their promises."""
import glob
import json
import os
import re

import pytest
from conftest import BUILD, ROOT

SOURCES = sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]-*.ipynb")))
MANIFEST = json.load(open(os.path.join(ROOT, "notebooks", "manifest.json")))["notebooks"]


def code(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def output_text(output):
    """What an output says as text: a stream's text, or the text/plain of a display (a check's line)."""
    if output["output_type"] == "stream":
        text = output["text"]
    elif output["output_type"] == "display_data":
        text = output.get("data", {}).get("text/plain", "")
    else:
        return ""
    return "".join(text) if isinstance(text, list) else text


def text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.mark.parametrize("path", SOURCES, ids=os.path.basename)
def test_source_is_committed_without_outputs_and_runs_on_both_kernels(path):
    nb = json.load(open(path))
    assert nb["metadata"]["kernelspec"]["name"] == "descent-java"
    for i, cell in enumerate(code(nb), 1):
        src = text(cell)
        assert cell.get("outputs") == [] and cell.get("execution_count") is None, f"cell {i} has outputs"
        assert not re.search(r"^\s*%", src, re.M), f"cell {i} uses a % magic"
        assert "spencerpark" not in src and "org.rapaio" not in src, f"cell {i} uses kernel classes"
        # rapaio's display(...) stops resolving after `import java.util.*;` in the same session
        assert not re.search(r"import\s+java\.util\.\*", src), f"cell {i}: import java.util classes one by one"
        assert not re.search(r"\bclass\s+\w+", src), f"cell {i} defines a class: put it in the library"
        long = [l for l in src.splitlines() if len(l) > 100]
        assert not long, f"cell {i}: {len(long)} line(s) over 100 characters, e.g. {long[0][:60]!r}…"


def test_every_notebook_is_in_the_manifest():
    assert sorted(os.path.basename(p) for p in SOURCES) == sorted(MANIFEST)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_notebook_ran_and_kept_its_promises(name, summary):
    assert summary[name]["status"] == "ok", summary[name]
    nb = json.load(open(os.path.join(BUILD, "executed", name)))
    outputs = [o for c in code(nb) for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    assert images >= MANIFEST[name]["images"], f"{images} images, {MANIFEST[name]['images']} promised"
    printed = "".join(output_text(o) for o in outputs)
    for quote in MANIFEST[name]["quotes"]:
        assert quote in printed, f"the narrative quotes {quote!r} but no cell printed it"
    html = open(os.path.join(BUILD, "html", name.replace(".ipynb", ".html")), encoding="utf-8").read()
    explorers = html.count('<div class="descent-explorer"')
    assert explorers == MANIFEST[name].get("explorers", 0), f"{explorers} explorers on the page"
    markup = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)  # plotly.js quotes URLs in strings
    assert not re.search(r"""(src|href)=["']https?://""", markup), "the HTML loads something from the network"


def test_index_lists_the_course_in_order(summary):
    index = open(os.path.join(BUILD, "html", "index.html"), encoding="utf-8").read()
    positions = [index.index(r["title"]) for r in summary.values()]
    assert positions == sorted(positions)
