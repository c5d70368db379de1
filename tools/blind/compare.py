"""Before/after table of the blind answers: verdicts.json with results-13/14.json (the first round) against
verdicts-after.json with results-13/14-after.json (the checks after the fix), and the held-out answers of holdout/.

Usage: python tools/blind/compare.py tools/blind/after.md"""
import json
import os
import sys
from collections import Counter

from report import HERE, NAMES, ORDER, cell


def load(suffix, verdict_file, folder=HERE):
    verdicts = json.load(open(os.path.join(folder, verdict_file)))
    results = []
    for n in ("13", "14"):
        results += json.load(open(os.path.join(folder, f"results-{n}{suffix}.json")))
    out = {}
    for r in results:
        key, label = r["label"].split(" ", 1)
        v = verdicts.get(key, ["ok", ""])
        verdict, note = v[r["exercise"]] if isinstance(v, dict) else v
        if key.startswith("C"):
            verdict = "✔" if r["check_said"].strip().startswith("✔") else "REJECTED"
        out[(r["exercise"], key)] = (verdict, note, label, r["check_said"].strip())
    return out


def summary(before, after):
    lines = ["| exercise | before: " + " / ".join(ORDER[:4]) + " | after: " + " / ".join(ORDER[:4])
             + " | correct answers passed after |", "|---|---|---|---|"]
    totals = [Counter(), Counter()]
    for exercise, title in NAMES.items():
        cells = []
        for k, table in enumerate((before, after)):
            c = Counter(v[0] for (e, key), v in table.items() if e == exercise and not key.startswith("C"))
            totals[k] += c
            cells.append(" / ".join(str(c[v]) for v in ORDER[:4]))
        ok = [v for (e, key), v in after.items() if e == exercise and key.startswith("C")]
        lines.append(f"| {title.split(' ')[0]} | {cells[0]} | {cells[1]} | {sum(v[0] == '✔' for v in ok)} of {len(ok)} |")
    lines.append("| **all** | " + " | ".join("**" + " / ".join(str(t[v]) for v in ORDER[:4]) + "**" for t in totals) + " | |")
    return lines


def changes(before, after):
    lines = ["| exercise | id | answer | before | after | feedback after, verbatim |", "|---|---|---|---|---|---|"]
    for (exercise, key), (verdict, note, label, said) in after.items():
        old = before.get((exercise, key), ("–",))[0]
        if old != verdict:
            lines.append(f"| {exercise.split('.')[1]} | {key} | {cell(label)} | {old} | **{verdict}** | {cell(said)} |")
    return lines


def held_out():
    folder = os.path.join(HERE, "holdout")
    verdicts = json.load(open(os.path.join(folder, "verdicts.json")))
    lines = ["| exercise | id | answer | verdict | note | feedback, verbatim |", "|---|---|---|---|---|---|"]
    for n in ("13", "14"):
        for r in json.load(open(os.path.join(folder, f"results-{n}.json"))):
            key, label = r["label"].split(" ", 1)
            verdict, note = verdicts[r["exercise"]][key]
            lines.append(f"| {r['exercise'].split('.')[1]} | {key} | {cell(label)} | **{verdict}** | {cell(note)} "
                         f"| {cell(r['check_said'])} |")
    return lines


def main(out_path):
    before, after = load("", "verdicts.json"), load("-after", "verdicts-after.json")
    head = open(os.path.join(HERE, "after-head.md")).read()
    text = head.replace("{SUMMARY}", "\n".join(summary(before, after))).replace("{CHANGES}", "\n".join(changes(before, after))) \
        .replace("{HELDOUT}", "\n".join(held_out()))
    open(out_path, "w").write(text)


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main(sys.argv[1])
