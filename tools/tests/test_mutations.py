"""The mutation suite (issue #46, item 5): every exercise's reference solution mutated mechanically
(tools/mutants.py, the way PIT mutates code), each mutant run through the course kernel with the exercise's
check. A mutant the check passes (✔) has survived: the test fails on any survivor that is neither EQUIVALENT
(its behaviour is the reference's; the reason is given) nor a KNOWN_SURVIVOR (a wrong answer the check still
passes, listed with why, so the list shows what is left). The share of killed mutants whose message names the
mutation's category (tools/mutants.CATEGORY_WORDS) is reported per exercise in build/mutants.md and printed
(pytest -s).

One kernel per notebook: the instructor edition's cells run in order; at each exercise the check must pass the
reference; then each mutant's answer cell is run and the check after it; a mutant that does not compile is
discarded; the reference answer cell is run again before the notebook goes on. Student code runs under a 3 s
deadline here (DESCENT_DEADLINE_SECONDS) so that mutants that loop for ever cost little.
"""
import os
import sys

import nbformat
import pytest

from conftest import ROOT
from test_exercises import CHECK, SOURCES, Kernel, with_answer

sys.path.insert(0, os.path.join(ROOT, "tools"))
import editions  # noqa: E402
import mutants  # noqa: E402

# Mutants whose behaviour is the reference's: no check can or should tell them apart. {(exercise, key): reason}
EQUIVALENT = {
    ("SgdExercises.checkSgdEpoch", "statement order: lines 4–5 swapped: int k = rng.nextInt(i + 1); / int swap = order[i];"):
        "independent statements: the draw and the saved row do not depend on each other",
    ("SgdExercises.checkSgdEpoch", "statement order: lines 10–11 swapped: grad.at(order[i], weights, gradient); / double eta = rate.rate((long) epoch * m + i);"):
        "independent statements: the rate does not depend on the gradient",
    ("SgdExercises.checkSgdEpoch", "off-by-one: line 2: = 0; → for (int i = 1; i < m; i++) order[i] = i;"):
        "order[0] is already 0: new int[m] holds zeros",
    ("SgdExercises.checkMinibatchEpoch", "statement order: lines 4–5 swapped: int k = rng.nextInt(i + 1); / int swap = order[i];"):
        "independent statements: the draw and the saved row do not depend on each other",
    ("SgdExercises.checkMinibatchEpoch", "off-by-one: line 2: = 0; → for (int i = 1; i < m; i++) order[i] = i;"):
        "order[0] is already 0: new int[m] holds zeros",
    ("HyperparameterExercises.checkGridSearch", "statement order: lines 5–6 swapped: bestCost = cost; / bestEta = eta;"):
        "independent assignments",
    ("OptimizerExercises.checkAdam", "statement order: lines 1–2 swapped: m[i] = 0.9 * m[i] + (1 - 0.9) * grad[i]; / v[i] = 0.999 * v[i] + (1 - 0.999) * grad[i] * grad[i];"):
        "independent: m and v are updated from their own old values",
    ("OptimizerExercises.checkAdam", "statement order: lines 3–4 swapped: double mHat = m[i] / (1 - Math.pow(0.9, t + 1)); / double vHat = v[i] / (1 - Math.pow(0.999, t + 1));"):
        "independent: m̂ and v̂ are computed from different states",
    ("Workshop.checkIterationCount", "statement deleted: line 1: if (!Double.isFinite(cost)) return -1; deleted"):
        "a NaN or infinite cost never compares < 1e-6, so the loop runs out and returns -1 all the same (only later)",
    ("Workshop.checkIterationCount", "statement order: lines 1–2 swapped: if (!Double.isFinite(cost)) return -1; / if (cost - best < 1e-6) return t;"):
        "the two returns exclude each other: a non-finite cost fails the < test",
    ("Workshop.checkIterationCount", "statement order: lines 2–3 swapped: if (cost - best < 1e-6) return t; / for (int j = 0; j < w.length; j++) w[j] -= eta * g[j];"):
        "w is local to the lambda and the cost was read before: stepping before returning t returns the same t",
    ("Workshop.checkIterationCount", "comparison: line 2: < → if (cost - best <= 1e-6) return t;"):
        "differs only when J − J* is exactly 1e-6, which no iterate of the six rates hits",
    ("BatchDescentExercises.checkIterations", "value: +1 296 → 297 (line 1)"):
        "inside the check's stated reading tolerance (≤ 10 % + 2 over the fewest, read off a chart); it says the fewest is 296",
    ("Workshop.checkScalingPrediction", "value: -1 100 → 99.0 (line 1)"):
        "inside the check's stated tolerance for a prediction \"about 100\"",
    ("SurfaceExercises.checkStationaryPoint", "comparison: line 2: < → if (det <= 0) return \"saddle\";"):
        "differs only at det H = 0, where the second-derivative test says nothing; no case has det = 0 on purpose",
    ("SurfaceExercises.checkStart", "value: -1 -2.0 → -3.0 (line 1)"):
        "−3 is inside the window and in the deepest valley's basin: another right answer",
    ("SurfaceExercises.checkRosenbrockGradient", "statement order: lines 1–2 swapped: g[0] = -2 * (1 - x) - 400 * x * (y - x * x); / g[1] = 200 * (y - x * x);"):
        "independent assignments",
    ("SgdExercises.checkMinibatchEpoch", "swapped arguments: line 10: min(m, from + b) → int[] batch = Arrays.copyOfRange(order, from, Math.min(from + b, m));"):
        "Math.min is symmetric",
    ("HyperparameterExercises.checkGridSearch", "comparison: line 4: < → if (cost <= bestCost) {   // false for NaN, so diverged runs are skipped"):
        "differs only on ties, where either η of two equal costs is a right answer (no test grid has a tie)",
    ("OptimizerExercises.checkAdam", "statement order: lines 2–3 swapped: v[i] = 0.999 * v[i] + (1 - 0.999) * grad[i] * grad[i]; / double mHat = m[i] / (1 - Math.pow(0.9, t + 1));"):
        "independent: m̂ does not read v",
    ("SpeedExercises.checkBatch", "value: x10 601 → 6010 (line 1)"):
        "any b ≥ 601 keeps the fixed costs within 10 %, as the task asks; the check names 601 as the smallest",
    ("SpeedExercises.checkBatch", "value: +1 601 → 602 (line 1)"):
        "any b ≥ 601 keeps the fixed costs within 10 %, as the task asks; the check names 601 as the smallest",
    ("BackpropExercises.checkMulRule", "statement order: lines 1–2 swapped: a.addGrad(b.data() * out.grad()); / b.addGrad(a.data() * out.grad());"):
        "independent: each line adds into another input's gradient and reads only values",
    ("NetworkExercises.checkInitialisation", "statement deleted: line 1: WeightInit myInit = WeightInit.XAVIER; deleted"):
        "an artefact of one kernel: the reference's myInit from the cell run before is still defined; a student "
        "who deletes the line gets \"cannot find symbol\"",
    ("NetworkExercises.checkSoftmaxGradient", "statement order: lines 1–2 swapped: double largest = Arrays.stream(z).max().getAsDouble(), total = 0; / double[] g = new double[z.length];"):
        "independent declarations",
}
# Wrong answers the checks still pass at this commit, with the reason; each is a task left for issue #46.
KNOWN_SURVIVORS = {
}


def solution_regions(nb):
    """{answer cell: (exercise, region's inner lines)} of a source notebook."""
    out = {}
    for sol, chk in editions.exercises(nb):
        src = nb.cells[sol].source.splitlines()
        (b, e), = editions.solution_regions(nb.cells[sol].source)
        out[sol] = (chk, CHECK.search(nb.cells[chk].source).group(1), mutants.region_lines(src[b:e + 1]))
    return out


def first_line(said):
    s = said.strip()
    return s.splitlines()[0] if s else ""


RESULTS = {}


def run_notebook(path):
    source = nbformat.read(path, as_version=4)
    instructor = editions.make(source, "instructor")
    regions = solution_regions(source)
    kept = [i for i, c in enumerate(source.cells) if editions.NOTES_TAG not in c.metadata.get("tags", [])]
    kernel = Kernel(env={"DESCENT_DEADLINE_SECONDS": "3"})
    problems, rows, skip = [], [], set()
    try:
        for k, i in enumerate(kept):
            cell = source.cells[i]
            if cell.cell_type != "code" or i in skip:
                continue
            reference = instructor.cells[i].source
            text, error = kernel.run(reference)
            if error:
                problems.append(f"cell {i + 1} of the instructor edition failed: {error}")
                break
            if i not in regions:
                continue
            chk, exercise, lines = regions[i]
            skip.add(chk)
            check = source.cells[chk].source
            said, error = kernel.run(check)
            if error or not first_line(said).startswith("✔"):
                problems.append(f"{exercise}: the reference should pass, said {said.strip()[:200]!r} {error or ''}")
                continue
            row = {"exercise": exercise, "mutants": 0, "killed": 0, "survived": [], "named": 0,
                   "equivalent": [], "known": [], "unnamed": []}
            for mu in mutants.mutants(lines):
                _, error = kernel.run(with_answer(cell.source, list(mu.lines)))
                if error:
                    continue   # does not compile: discarded
                said, error = kernel.run(check)
                row["mutants"] += 1
                verdict = first_line(said)
                if (exercise, mu.key) in EQUIVALENT:
                    row["equivalent"].append((mu.key, verdict))
                elif verdict.startswith("✘"):
                    row["killed"] += 1
                    if mu.named_in(said):
                        row["named"] += 1
                    else:
                        row["unnamed"].append((mu.key, verdict[:160]))
                elif (exercise, mu.key) in KNOWN_SURVIVORS:
                    row["known"].append(mu.key)
                else:
                    row["survived"].append((mu.key, verdict[:160] or (error or "")[:160]))
            kernel.run(reference)   # the reference answer back before the notebook goes on
            rows.append(row)
    finally:
        kernel.close()
    return rows, problems


def table(rows):
    out = ["| exercise | mutants (compiled) | killed ✘ | survived | known survivors | equivalent | named | named % |",
           "|---|---|---|---|---|---|---|---|"]
    tot = dict(m=0, k=0, s=0, kn=0, e=0, n=0)
    for r in rows:
        pct = f"{100 * r['named'] / r['killed']:.0f} %" if r["killed"] else "–"
        out.append(f"| {r['exercise']} | {r['mutants']} | {r['killed']} | {len(r['survived'])} | {len(r['known'])} "
                   f"| {len(r['equivalent'])} | {r['named']} | {pct} |")
        for key, n in (("mutants", "m"), ("killed", "k"), ("named", "n")):
            tot[n] += r[key]
        tot["s"] += len(r["survived"])
        tot["kn"] += len(r["known"])
        tot["e"] += len(r["equivalent"])
    pct = f"{100 * tot['n'] / tot['k']:.0f} %" if tot["k"] else "–"
    out.append(f"| **total** | {tot['m']} | {tot['k']} | {tot['s']} | {tot['kn']} | {tot['e']} | {tot['n']} | {pct} |")
    return "\n".join(out)


def details(rows):
    out = []
    for r in rows:
        for title, key in (("SURVIVED", "survived"), ("known survivor", "known"), ("equivalent", "equivalent"),
                           ("killed, category not named", "unnamed")):
            for item in r[key]:
                out.append(f"- {r['exercise']} — {title}: {item if isinstance(item, str) else ' — '.join(item)}")
    return "\n".join(out)


NOTEBOOKS = [p for p in SOURCES if editions.exercises(nbformat.read(p, as_version=4))]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=os.path.basename)
def test_no_mutant_survives(path):
    rows, problems = run_notebook(path)
    RESULTS[os.path.basename(path)] = rows
    write_report()
    print("\n" + os.path.basename(path) + "\n" + table(rows) + "\n" + details(rows))
    survivors = [f"{r['exercise']}: {key} — said {said!r}" for r in rows for key, said in r["survived"]]
    assert not problems, "\n".join(problems)
    assert not survivors, f"{len(survivors)} mutants survived:\n" + "\n".join(survivors)
    floor = lambda exercise: EXERCISE_FLOORS.get(exercise, EXERCISE_FLOOR)  # noqa: E731
    low = [f"{r['exercise']}: {r['named']} of {r['killed']} named, floor {floor(r['exercise']):.0%}"
           for r in rows if r["killed"] and r["named"] / r["killed"] < floor(r["exercise"])]
    assert not low, "the share of killed mutants named fell below the exercise's floor:\n" + "\n".join(low)


def write_report():
    rows = [r for name in sorted(RESULTS) for r in RESULTS[name]]
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    with open(os.path.join(ROOT, "build", "mutants.md"), "w", encoding="utf-8") as f:
        f.write("# Mutation suite (tools/tests/test_mutations.py)\n\n" + table(rows) + "\n\n" + details(rows) + "\n")


NAMED_FLOOR = 0.85  # issue #46's floor over every exercise (33 % at b134d61)
# The share of killed mutants named, per exercise: issue #46 asks ≥ 60 % for each. The one exception: exercise 13.4
# differentiates a function of the student's own, so the check knows no formula to probe, only central differences
# of the student's f; it names a missing out.grad() or a whole sign, not a slip inside f′ (its one mutant).
EXERCISE_FLOOR = 0.60
EXERCISE_FLOORS = {"BackpropExercises.checkOwnOperation": 0.0}


def test_the_share_of_mutants_named_does_not_fall():
    """A regression floor on the share of killed mutants whose message names the mutation's category, over every
    notebook (runs after them; skipped when only some notebooks ran, e.g. under -k)."""
    if sorted(RESULTS) != sorted(os.path.basename(p) for p in NOTEBOOKS):
        pytest.skip("the mutation suite ran over only some notebooks")
    rows = [r for name in RESULTS for r in RESULTS[name]]
    killed, named = sum(r["killed"] for r in rows), sum(r["named"] for r in rows)
    assert killed > 0 and named / killed >= NAMED_FLOOR, f"{named} of {killed} killed mutants named"
