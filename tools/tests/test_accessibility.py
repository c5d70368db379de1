"""The handouts as a student with a screen reader, low vision or a printout meets them (issue #40): axe-core's
WCAG 2.0/2.1 A and AA rules over every exported page of both editions and the index, on screen and in print, and
every formula typeset with assistive MathML. Runs tools/accessibility.py's audit on the pages ./course build wrote."""
import glob
import os
import sys

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import accessibility  # noqa: E402

PAGES = accessibility.pages(os.path.join(ROOT, "build", "html"))


def report(found):
    return "\n".join(f"{os.path.relpath(page, ROOT)}: {v['id']} ({len(v['nodes'])}): "
                     f"{v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:200]}"
                     for page, violations in found.items() for v in violations)


def test_every_page_is_built():
    notebooks = len(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]-*.ipynb")))
    assert len(PAGES) == 2 * notebooks + 1, PAGES  # an instructor and a student page per notebook, the index


def test_no_wcag_a_or_aa_violation_on_any_page():
    found = accessibility.audit(PAGES)
    assert len(found) == len(PAGES)
    assert not any(found.values()), report(found)


def test_printed_pages_keep_their_contrast():
    found = accessibility.audit([p for p in PAGES if os.path.basename(p).startswith(("01", "03"))],
                                rules=["color-contrast"], media="print")
    assert not any(found.values()), report(found)


def test_every_formula_carries_assistive_mathml():
    counts = {}

    def count(page, path):
        counts[path] = page.evaluate("() => [document.querySelectorAll('mjx-container').length,"
                                     " document.querySelectorAll('mjx-container mjx-assistive-mml math').length]")

    pages = [p for p in PAGES if os.path.basename(p).startswith(("01", "08"))]
    accessibility.audit(pages, rules=["color-contrast"], inspect=count)
    for path, (formulas, mathml) in counts.items():
        assert formulas > 10, (path, formulas)  # these pages are full of math: the typesetting ran
        assert mathml == formulas, f"{path}: {mathml} of {formulas} formulas have assistive MathML"


PLACEHOLDER = "No description has been provided for this image"
# what a chart's text alternative must say on these pages: what it shows and its main finding, from its data
FINDINGS = {
    "01": ["Error curve MSE(m): MSE(m) against candidate m from 1 to 3.", "its lowest 0.0892, at candidate m 2.03"],
    "03": ["Learning curves for four learning rates: cost J against iteration from 0 to 199, cost J on a log scale. "
           "cost J falls from 213 to 1.46 (η = 0.005), 0.822 (η = 0.05) and 0.819 (η = 0.3); rises to "],
    "07": ["Rosenbrock: step size matters: contour lines of Rosenbrock over x from -2 to 2 and y from -1 to 3. "
           "Minimum at (1, 1). η = 0.0005: 2000 steps from (-1.5, 2.5) to (-0.963, 0.934), where f = 3.86"],
    "11": ["Final cost after 1 epoch, b = 32: heat map over learning rate η = 0.001, 0.01 and 0.1 and momentum μ = 0, "
           "0.5 and 0.9. Lowest 1.04 at learning rate η 0.1, momentum μ 0.5"],
}


def images(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
    return [img.get("alt") for img in soup.find_all("img")]


def test_every_image_says_what_its_chart_shows():
    """Issue #40, WCAG 1.1.1: no image without alt text, with an empty one or with nbconvert's placeholder; every
    alt text is a description (a sentence or more, not a file name), and on the pages of FINDINGS it says what the
    chart's data shows, with the numbers the notebook computed."""
    seen = 0
    for path in PAGES:
        alts = images(path)
        seen += len(alts)
        name = os.path.relpath(path, ROOT)
        for k, alt in enumerate(alts):
            assert alt is not None and alt.strip(), f"{name}: image {k} has no alt text"
            assert PLACEHOLDER not in alt, f"{name}: image {k} has nbconvert's placeholder alt text"
            assert len(alt.split()) >= 6, f"{name}: image {k}'s alt text says too little: {alt!r}"
        text = " ".join(alts)
        for finding in FINDINGS.get(os.path.basename(path)[:2], []):
            assert finding in text, f"{name}: no alt text says {finding!r}"
    assert seen > 90, seen   # both editions' charts (the student edition leaves out the solutions' charts)
