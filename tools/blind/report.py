"""Writes the blind-student report (markdown) from results-13/14.json, verdicts.json and the answer files."""
import json
import os
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = OrderedDict([("BackpropExercises.checkMulRule", "13.1 the backward rule of a multiplication"),
                     ("BackpropExercises.checkTanhRule", "13.2 the backward rule of tanh"),
                     ("BackpropExercises.checkShare", "13.3 a node used twice"),
                     ("BackpropExercises.checkOwnOperation", "13.4 an operation of your own"),
                     ("NetworkExercises.checkLayer", "14.1 one layer's forward pass"),
                     ("NetworkExercises.checkSoftmaxGradient", "14.2 the gradient at the logits"),
                     ("NetworkExercises.checkInitialisation", "14.3 an initialisation")])
ORDER = ["NAMED", "VALUES", "WRONG", "PASSED", "HUNG/CRASH"]


def cell(text):
    return text.strip().replace("|", "\\|").replace("\n", "<br>") if text else ""


def main(out_path):
    verdicts = json.load(open(os.path.join(HERE, "verdicts.json")))
    results = []
    for n in ("13", "14"):
        results += json.load(open(os.path.join(HERE, f"results-{n}.json")))
    lines, counts = [], OrderedDict((e, Counter()) for e in NAMES)
    for exercise, title in NAMES.items():
        lines += [f"### {title} (`{exercise}`)", "",
                  "| id | answer | the mistake really is | feedback, verbatim | verdict | s |", "|---|---|---|---|---|---|"]
        for r in [r for r in results if r["exercise"] == exercise]:
            key, label = r["label"].split(" ", 1)
            v = verdicts[key]
            verdict, note = (v[exercise] if isinstance(v, dict) else v)
            said = cell(r["check_said"])
            if r["answer_cell_error"]:
                said = f"(answer cell: `{cell(r['answer_cell_error'])}`)<br>" + said
            if r["check_error"]:
                said += f"<br>(check cell error: `{cell(r['check_error'])}`)"
            if key.startswith("C"):
                verdict = "✔ passes (correct)" if r["check_said"].strip().startswith("✔") else "REJECTED (correct answer!)"
            else:
                counts[exercise][verdict] += 1
                if key[0] in "EX":
                    verdict += " (extra)"
            lines.append(f"| {key} | {cell(label)} | {cell(note)} | {said} | **{verdict}** | {r['seconds']} |")
        lines.append("")
    summary = ["| exercise | " + " | ".join(ORDER) + " | wrong answers | correct answers passed |",
               "|---" * (len(ORDER) + 3) + "|"]
    for exercise, title in NAMES.items():
        c = counts[exercise]
        ok = [r for r in results if r["exercise"] == exercise and r["label"].startswith("C")]
        summary.append(f"| {title.split(' ')[0]} | " + " | ".join(str(c[v]) for v in ORDER)
                       + f" | {sum(c.values())} | {sum(r['check_said'].strip().startswith('✔') for r in ok)} of {len(ok)} |")
    total = sum((counts[e] for e in NAMES), Counter())
    summary.append("| **all** | " + " | ".join(f"**{total[v]}**" for v in ORDER) + f" | **{sum(total.values())}** | |")
    fixtures = []
    for n in ("13-backpropagation", "14-a-first-neural-network"):
        fixtures += [f"#### tools/blind/{n}.txt", "", "```", open(os.path.join(HERE, n + ".txt")).read().rstrip(), "```", ""]
    head = open(os.path.join(HERE, "report-head.md")).read()
    text = head.replace("{SUMMARY}", "\n".join(summary)) + "\n" + "\n".join(lines) + "\n## The answers, re-runnable\n\n" \
        + "\n".join(fixtures)
    open(out_path, "w").write(text)


if __name__ == "__main__":
    main(sys.argv[1])
