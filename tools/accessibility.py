"""Audits the exported handouts with axe-core (npm, offline) in headless Chromium: WCAG 2.0 and 2.1, levels A and AA.

    python tools/accessibility.py [--html build/html] [--json FILE] [--rule RULE ...]

Every page of both editions and the index: the violations per rule (nodes, pages), and with --json every
violation's page, rule, target and summary. Exit status 0 always (a report, not a verdict: the tests hold the
verdict, tools/tests/test_accessibility.py).
"""
import argparse
import collections
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AXE = os.path.join(ROOT, "node_modules", "axe-core", "axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = "/usr/bin/chromium"


def pages(html_dir):
    return sorted(glob.glob(os.path.join(html_dir, "*.html")) + glob.glob(os.path.join(html_dir, "student", "*.html")))


def audit(paths, rules=None, media="screen", inspect=None):
    """{page: [violation]} where a violation is axe's dict (id, impact, nodes[target, failureSummary]); `media`
    "print" audits the page as printed; `inspect(page, path)`, if given, runs on each page once it is typeset."""
    from playwright.sync_api import sync_playwright
    if not os.path.exists(AXE):
        sys.exit("error: node_modules/axe-core is missing: run ./course build (it runs npm ci)")
    script = open(AXE, encoding="utf-8").read()
    options = {"runOnly": {"type": "tag", "values": TAGS}}
    if rules:
        options = {"runOnly": {"type": "rule", "values": rules}}
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else None,
                                    args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.emulate_media(media=media)
            for path in paths:
                page.goto("file://" + os.path.abspath(path), wait_until="load")
                page.wait_for_function("() => !window.MathJax || !MathJax.startup || MathJax.startup.promise",
                                       timeout=30000)
                page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
                if inspect:
                    inspect(page, path)
                page.add_script_tag(content=script)
                result = page.evaluate("options => axe.run(document, options)", options)
                found[path] = result["violations"]
        finally:
            browser.close()
    return found


def summary(found):
    nodes, on_pages = collections.Counter(), collections.Counter()
    for path, violations in found.items():
        for v in violations:
            nodes[v["id"]] += len(v["nodes"])
            on_pages[v["id"]] += 1
    return nodes, on_pages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--html", default=os.path.join(ROOT, "build", "html"))
    parser.add_argument("--json")
    parser.add_argument("--rule", nargs="*")
    args = parser.parse_args()
    paths = pages(args.html)
    if not paths:
        sys.exit(f"error: no pages in {args.html}: run ./course build first")
    found = audit(paths, args.rule)
    nodes, on_pages = summary(found)
    print(f"{len(paths)} pages, WCAG 2.0/2.1 A and AA rules of axe-core: "
          f"{sum(nodes.values())} violations of {len(nodes)} rules")
    for rule, count in nodes.most_common():
        print(f"  {rule:<28} {count:>5} nodes on {on_pages[rule]:>2} pages")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({os.path.relpath(p, args.html): [{"rule": v["id"], "impact": v["impact"],
                       "nodes": [{"target": n["target"], "summary": n.get("failureSummary", "")} for n in v["nodes"]]}
                       for v in vs] for p, vs in found.items()}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
