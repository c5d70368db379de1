"""The handouts as a student with a screen reader, low vision or a printout meets them (issue #40): axe-core's
WCAG 2.0/2.1 A and AA rules over every exported page of both editions and the index, on screen and in print, and
every formula typeset with assistive MathML. Runs tools/accessibility.py's audit on the pages ./course build wrote."""
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
    assert len(PAGES) == 27, PAGES  # 13 instructor pages, 13 student pages, the index


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
