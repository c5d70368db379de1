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


# The first names of the packages on the kernel's classpath: a variable or method named like one obscures the
# package in an expression (JLS 6.4.2: `Path descent = …` makes every later `descent.exercise.X.y()` fail).
PACKAGE_ROOTS = {"descent", "java", "javax", "jdk", "sun", "org", "com", "tech"}
DECLARED = re.compile(r"(?:\b(?:var|int|long|double|float|boolean|char|byte|short)|[A-Z]\w*(?:<[^;=()]*>)?)"
                      r"(?:\[\])*\s+(\w+)\s*(?:=|;|:|\(|,)")
# a package-qualified class in an expression (`java.util.List.of(…)`, `java.awt.Color.RED`): a student's variable
# named `java` would break the line; an import says it once. Types (`java.util.List<T> x`, `new java.util.X()`) are
# safe: variables do not obscure packages there.
QUALIFIED_IN_EXPRESSION = re.compile(r"(?<![\w.])(?<!new )(?:" + "|".join(sorted(PACKAGE_ROOTS)) +
                                     r")(?:\.[a-z]\w*)+\.[A-Z]\w*\.\w")


def library_classes():
    return {os.path.splitext(os.path.basename(p))[0]
            for p in glob.glob(os.path.join(ROOT, "lib", "src", "main", "java", "descent", "**", "*.java"),
                               recursive=True)}


@pytest.mark.parametrize("path", SOURCES, ids=os.path.basename)
def test_no_name_hides_a_package_or_a_library_class(path):
    """The grader's check cells and the students' own reading of `descent.…` depend on it (issue #51)."""
    hidden = PACKAGE_ROOTS | library_classes()
    for i, cell in enumerate(code(json.load(open(path))), 1):
        for line in text(cell).splitlines():
            code_part = re.sub(r'"(?:\\.|[^"\\])*"|//.*', "", line)
            if code_part.lstrip().startswith("import "):
                continue
            names = set(DECLARED.findall(code_part)) & hidden
            assert not names, f"cell {i} declares {sorted(names)}, the name of a package or library class: {line!r}"
            qualified = QUALIFIED_IN_EXPRESSION.search(code_part)
            assert not qualified, (f"cell {i} names a package-qualified class in an expression "
                                   f"({qualified.group(0)}…): import it, {line!r}")


def test_the_shadowing_checks_catch_what_they_are_for():
    hidden = PACKAGE_ROOTS | library_classes()
    assert set(DECLARED.findall("Path descent = Minimizer.walk(cost, gd, start, 40);")) & hidden == {"descent"}
    assert set(DECLARED.findall("int java = 3; double[] w = {1};")) & hidden == {"java"}
    assert set(DECLARED.findall("List<Path> Path = new ArrayList<>();")) & hidden == {"Path"}
    assert not set(DECLARED.findall("Path gdPath = Minimizer.walk(cost, gd, start, 40);")) & hidden
    assert QUALIFIED_IN_EXPRESSION.search("Plots.smallMultiples(r, java.util.List.of(plain, mom), 2)")
    assert QUALIFIED_IN_EXPRESSION.search("  .point(x, y, java.awt.Color.RED)")
    assert not QUALIFIED_IN_EXPRESSION.search("java.util.List<Path> paths = new java.util.ArrayList<>();")
    assert not QUALIFIED_IN_EXPRESSION.search("var mse = new descent.function.SampleMse(sample);")


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
