"""A graded class end to end (issue #38): a fixture class of synthetic submissions built from the course's own
notebooks (00 and the workshop, 03), graded by tools/grade.py; and the student-only repository of
tools/release.py, set up as Binder would."""
import csv
import glob
import hashlib
import json
import os
import subprocess
import sys

import nbformat
import psutil
import pytest

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import editions  # noqa: E402
import exercise_ids  # noqa: E402
from test_exercises import read_fixtures  # noqa: E402

WELCOME, WORKSHOP = "00-welcome", "03-workshop-learning-rate-and-iterations"
CORRECT = {"00-guess": 1, "03-fitted-lines": 2, "03-largest-converging": 1, "03-threshold-search": 2,
           "03-iteration-count": 2, "03-scaling-prediction": 1, "03-stop-rule": 2, "03-momentum-beats-best-step": 1}
TIMEOUT = 20  # seconds per cell in the fixture class: the workshop's slowest cell takes about 3


def source(name):
    path = os.path.join(ROOT, "notebooks", name + ".ipynb")
    return nbformat.read(path, as_version=4), exercise_ids.exercises(nbformat.read(path, as_version=4), path)


def student(name):
    return editions.make(source(name)[0], "student")


def cell_of(nb, gid):
    return next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == gid)


def answer(nb, gid, lines):
    """Sets the answer cell of `gid` in a student edition to the source's cell with its solution replaced by
    `lines` (what the student wrote), the rest of the cell as the student edition has it."""
    name = nb.metadata["descent"]["notebook_id"]
    src = source(name)[0]
    original = src.cells[cell_of(src, gid + "-answer")].source
    (begin, end), = editions.solution_regions(original)
    kept = original.splitlines()
    indent = editions.BEGIN.match(kept[begin]).group(1)
    written = "\n".join(kept[:begin] + [indent + l for l in lines] + kept[end + 1:])
    nb.cells[cell_of(nb, gid + "-answer")].source = editions.edit(written, "student")


def solved(name):
    """The student edition with every answer the instructor's (as a student who got everything right saves it)."""
    src, exercises = source(name)
    nb = student(name)
    for ex in exercises:
        regions = editions.solution_regions(src.cells[ex.answer].source)
        lines = src.cells[ex.answer].source.splitlines()
        (begin, end), = regions
        answer(nb, ex.id, [l.strip() for l in lines[begin + 1:end] if not editions.STUB.match(l)])
    return nb


def wrong_answers():
    """Each workshop exercise answered with the first wrong answer on file in fixtures/exercises: {id: diagnosis}."""
    nb = solved(WORKSHOP)
    fixtures = read_fixtures(WORKSHOP + ".ipynb")
    diagnoses = {}
    _, exercises = source(WORKSHOP)
    for ex in exercises:
        said, lines = fixtures[f"{ex.cls}.{ex.method}"][0]
        answer(nb, ex.id, lines)
        diagnoses[ex.id] = said
    return nb, diagnoses


def write(folder, name, nb):
    os.makedirs(folder, exist_ok=True)
    nbformat.write(nb, os.path.join(folder, name + ".ipynb"))


def insert_after(nb, gid, code):
    nb.cells.insert(cell_of(nb, gid) + 1, nbformat.v4.new_code_cell(code))


def build_class(root):
    """The fixture class; returns {student: {exercise id: (points, text its reason contains)}} for 00 and 03."""
    expect = {}
    def everything(points_of, reason=""):
        return {gid: (points_of(gid), reason) for gid in CORRECT}

    write(root / "all-correct", WELCOME, solved(WELCOME))
    write(root / "all-correct", WORKSHOP, solved(WORKSHOP))
    expect["all-correct"] = everything(CORRECT.get)

    write(root / "all-stubs", WELCOME, student(WELCOME))
    write(root / "all-stubs", WORKSHOP, student(WORKSHOP))
    expect["all-stubs"] = everything(lambda g: 0, "not done")

    nb, diagnoses = wrong_answers()
    write(root / "wrong-answers", WELCOME, solved(WELCOME))
    write(root / "wrong-answers", WORKSHOP, nb)
    expect["wrong-answers"] = {gid: (1, "") if gid == "00-guess" else (0, diagnoses[gid]) for gid in CORRECT}

    nb = student(WORKSHOP)  # stubs, every check cell deleted: the grader puts them back
    nb.cells = [c for c in nb.cells if not c.metadata.get("nbgrader", {}).get("grade")]
    write(root / "deleted-checks", WORKSHOP, nb)
    nb = solved(WELCOME)
    del nb.cells[cell_of(nb, "00-guess")]
    write(root / "deleted-checks", WELCOME, nb)
    expect["deleted-checks"] = {gid: (1, "") if gid == "00-guess" else (0, "not done") for gid in CORRECT}

    nb = student(WORKSHOP)  # stubs, every check cell edited to print a pass, and a forged verdict output
    for c in nb.cells:
        if c.metadata.get("nbgrader", {}).get("grade"):
            c.source = 'System.out.println("✔ well done");'
    nb.cells.append(nbformat.v4.new_code_cell(
        'descent.plot.Show.bundle("✔", "application/vnd.descent.grade+json",\n'
        '    java.util.Map.of("nonce", "guess", "exercise", "03-stop-rule", "verdict", "done", "message", "forged"));'))
    write(root / "forged-pass", WORKSHOP, nb)
    write(root / "forged-pass", WELCOME, student(WELCOME))
    expect["forged-pass"] = everything(lambda g: 0, "not done")

    nb = student(WORKSHOP)  # a class named like the check's, whose check always passes
    nb.cells.insert(1, nbformat.v4.new_code_cell(
        "class Workshop {\n"
        "    static void checkLargestConverging(double eta) { System.out.println(\"✔ right\"); }\n"
        "    static void checkScalingPrediction(double f) { System.out.println(\"✔ right\"); }\n"
        "}"))
    write(root / "shadowing-class", WORKSHOP, nb)
    nb = student(WELCOME)
    nb.cells.insert(1, nbformat.v4.new_code_cell(
        "class WelcomeExercises { static void checkGuess(double g) { System.out.println(\"✔ right\"); } }"))
    write(root / "shadowing-class", WELCOME, nb)
    # the notebook's own cells that use the library's Workshop no longer compile: 0, whatever the reason says
    expect["shadowing-class"] = {gid: (0, "not done" if gid == "00-guess" else "") for gid in CORRECT}

    nb = solved(WORKSHOP)  # the stop rule calls System.exit: that check's kernel dies, the next is graded
    answer(nb, "03-stop-rule", ["System.exit(0);", "return true;"])
    write(root / "system-exit", WORKSHOP, nb)
    write(root / "system-exit", WELCOME, solved(WELCOME))
    expect["system-exit"] = dict(everything(CORRECT.get), **{"03-stop-rule": (0, "the kernel died")})

    nb = solved(WORKSHOP)  # an endless bisection: the check's deadline stops it and says so
    answer(nb, "03-threshold-search", ["while (true) { }"])
    write(root / "endless-loop", WORKSHOP, nb)
    write(root / "endless-loop", WELCOME, solved(WELCOME))
    expect["endless-loop"] = dict(everything(CORRECT.get), **{"03-threshold-search": (0, "did not return within")})

    nb = solved(WORKSHOP)  # an endless cell of the student's own: stopped at the cell timeout, the rest still runs
    insert_after(nb, "03-fitted-lines", "long spins = 0;\nwhile (true) { spins++; }")
    write(root / "endless-cell", WORKSHOP, nb)
    write(root / "endless-cell", WELCOME, solved(WELCOME))
    expect["endless-cell"] = everything(CORRECT.get)

    nb = solved(WORKSHOP)  # 8 GB inside the check: out of memory there, nowhere else
    answer(nb, "03-fitted-lines", ["long[] big = new long[1 << 30];", "lines.add(w.clone());"])
    write(root / "out-of-memory", WORKSHOP, nb)
    write(root / "out-of-memory", WELCOME, solved(WELCOME))
    expect["out-of-memory"] = dict(everything(CORRECT.get), **{"03-fitted-lines": (0, "out of memory")})

    nb = student(WORKSHOP)  # every code cell throws
    for c in nb.cells:
        if c.cell_type == "code":
            c.source = 'if (true) throw new IllegalStateException("boom");\n' + c.source
    write(root / "throws-everywhere", WORKSHOP, nb)
    write(root / "throws-everywhere", WELCOME, solved(WELCOME))
    expect["throws-everywhere"] = {gid: (1, "") if gid == "00-guess" else (0, "") for gid in CORRECT}

    (root / "corrupt-file").mkdir()
    (root / "corrupt-file" / (WORKSHOP + ".ipynb")).write_text('{"cells": [ not json')
    write(root / "corrupt-file", WELCOME, solved(WELCOME))
    expect["corrupt-file"] = {gid: (1, "") if gid == "00-guess" else (0, "not valid JSON") for gid in CORRECT}

    write(root / "renamed-file", "my workshop (1)", solved(WORKSHOP))
    write(root / "renamed-file" / "sub", "welcome copy", solved(WELCOME))
    expect["renamed-file"] = everything(CORRECT.get)

    write(root / "missing-notebook", WELCOME, solved(WELCOME))
    expect["missing-notebook"] = {gid: (1, "") if gid == "00-guess" else (0, "missing notebook") for gid in CORRECT}

    nb = student(WELCOME)  # reads another student's answer: the scratch folder holds only its own notebook
    answer(nb, "00-guess", ['double myGuess = java.nio.file.Files.exists(java.nio.file.Path.of("../../all-correct"))'
                            ' || java.nio.file.Files.exists(java.nio.file.Path.of("../all-correct"))',
                            '    ? 2.0144 : Exercise.TODO;'])
    write(root / "reads-others", WELCOME, nb)
    expect["reads-others"] = {gid: (0, "not done" if gid == "00-guess" else "missing notebook") for gid in CORRECT}
    return expect


def tree_digest(folder):
    h = hashlib.sha256()
    for path in sorted(glob.glob(os.path.join(folder, "**"), recursive=True)):
        h.update(os.path.relpath(path, folder).encode())
        if os.path.isfile(path):
            h.update(open(path, "rb").read())
    return h.hexdigest()


def kernels_running():
    return [p.pid for p in psutil.process_iter(["cmdline"])
            if any("RapaioLauncher" in a or "IJavaLauncher" in a or "ijava" in a.lower() for a in (p.info["cmdline"] or []))]


def grade(submissions, out, tmp):
    """tools/grade.py on the class, its scratch folders under `tmp`."""
    tmp.mkdir(exist_ok=True)
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "grade.py"), str(submissions), "--out", str(out),
                          "--timeout", str(TIMEOUT)], capture_output=True, text=True, timeout=1800,
                         env=dict(os.environ, TMPDIR=str(tmp)))
    print(run.stdout, run.stderr[-3000:])
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    return run


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    submissions, out = root / "submissions", root / "grades"
    submissions.mkdir()
    expect = build_class(submissions)
    before = tree_digest(submissions)
    running = set(kernels_running())
    run = grade(submissions, out, root / "tmp")
    return {"submissions": submissions, "out": out, "expect": expect, "before": before, "run": run,
            "running": running, "root": root}


def gradebook(out):
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_the_fixture_class_is_large_enough(graded):
    assert len(graded["expect"]) >= 13


def test_every_cell_of_the_gradebook(graded):
    rows = gradebook(graded["out"])
    header, possible, students = rows[0], rows[1], rows[2:]
    everything = [ex for p in exercise_ids.sources() for ex in exercise_ids.exercises(nbformat.read(p, 4), p)]
    assert header == ["student"] + [ex.id for ex in everything] + ["total", "grader_errors"]
    assert possible == (["Points Possible"] + [str(ex.points) for ex in everything]
                        + [str(sum(e.points for e in everything)), ""])
    assert [r[0] for r in students] == sorted(graded["expect"])
    for row in students:
        want = graded["expect"][row[0]]
        got = dict(zip(header[1:-2], map(int, row[1:-2])))
        expected = {gid: want[gid][0] if gid in want else 0 for gid in header[1:-2]}
        assert got == expected, (row[0], {g: (got[g], expected[g]) for g in got if got[g] != expected[g]})
        assert int(row[-2]) == sum(expected.values())
        assert row[-1] == "", (row[0], "the grader failed on", row[-1])


def test_every_reason_is_in_results_json_and_feedback(graded):
    for name, want in graded["expect"].items():
        results = json.load(open(graded["out"] / name / "results.json", encoding="utf-8"))
        tests = {t["name"]: t for t in results["tests"]}
        assert results["score"] == sum(t["score"] for t in results["tests"])
        feedback = open(graded["out"] / name / "feedback.html", encoding="utf-8").read()
        for gid, (points, reason) in want.items():
            assert tests[gid]["score"] == points and tests[gid]["max_score"] == CORRECT[gid], (name, gid, tests[gid])
            assert reason in tests[gid]["output"], (name, gid, tests[gid]["output"])
            assert f"Exercise <code>{gid}</code>: {points} / {CORRECT[gid]}" in feedback or \
                (reason and "missing notebook" in reason) or (name == "corrupt-file" and gid.startswith("03")), (name, gid)


def test_the_diagnoses_name_the_mistake(graded):
    results = json.load(open(graded["out"] / "wrong-answers" / "results.json", encoding="utf-8"))
    outputs = [t["output"] for t in results["tests"] if t["name"].startswith("03")]
    assert all(o and "not done" not in o for o in outputs), outputs
    assert len(set(outputs)) == len(outputs)


def test_submissions_are_untouched_and_no_kernel_is_left(graded):
    assert tree_digest(graded["submissions"]) == graded["before"]
    assert set(kernels_running()) <= graded["running"], "the grader left kernels running"
    assert os.listdir(graded["root"] / "tmp") == [], "the grader left scratch folders behind"
    assert f"graded {len(graded['expect'])} students" in graded["run"].stdout


def test_regrading_gives_the_same_gradebook(graded):
    again = graded["root"] / "again"
    grade(graded["submissions"], again, graded["root"] / "tmp")
    assert gradebook(again) == gradebook(graded["out"])
    assert tree_digest(graded["submissions"]) == graded["before"]


# --- the whole course (issue #51): every notebook, graded as one submission -------------------------------------

# Names a student may well choose, at the top of every notebook. None may hide the grader's check cells: a variable
# `descent` obscures the package in `descent.exercise.…`, a class `Grading` the class the grader calls.
SHADOWS = """// names of my own, which must not hide the grader's checks
var descent = "my descent";
int java = 17;
class Grading { static void call(Object... anything) { System.out.println("FORGED" + "-PASS"); } }
void run() { }
class Method { }
class Class { }
System.out.println("my names: descent.length() = " + descent.length() + ", java + 1 = " + (java + 1));"""


def course_notebooks():
    return [(exercise_ids.notebook_id(p), nbformat.read(p, as_version=4)) for p in exercise_ids.sources()]


@pytest.fixture(scope="module")
def whole_course(tmp_path_factory):
    """Two students over all notebooks: the student editions, and the instructor editions (every answer the
    course's own) with SHADOWS at the top of each notebook, which must still score full marks."""
    root = tmp_path_factory.mktemp("course")
    submissions, out = root / "submissions", root / "grades"
    for name, src in course_notebooks():
        write(submissions / "stubs", name, editions.make(src, "student"))
        shadowing = editions.make(src, "instructor")
        shadowing.cells.insert(0, nbformat.v4.new_code_cell(SHADOWS))
        write(submissions / "shadowing", name, shadowing)
    run = grade(submissions, out, root / "tmp")
    return {"out": out, "run": run}


def test_the_course_own_answers_score_full_marks_and_the_stubs_nothing(whole_course):
    rows = gradebook(whole_course["out"])
    header, possible = rows[0], rows[1]
    by_student = {r[0]: dict(zip(header, r)) for r in rows[2:]}
    print("\n".join(",".join(r) for r in rows))
    full = possible[header.index("total")]
    row = by_student["shadowing"]
    missing = {gid: row[gid] for gid, p in zip(header[1:-2], possible[1:-2]) if row[gid] != p}
    results = json.load(open(whole_course["out"] / "shadowing" / "results.json", encoding="utf-8"))
    why = {t["name"]: t["output"] for t in results["tests"] if t["name"] in missing}
    assert not missing and row["total"] == full and row["grader_errors"] == "", why
    assert by_student["stubs"]["total"] == "0"
    results = json.load(open(whole_course["out"] / "stubs" / "results.json", encoding="utf-8"))
    assert all("not done" in t["output"] for t in results["tests"]), results["tests"]


def test_the_shadows_were_in_force(whole_course):
    """The shadowing submission's notebooks ran with the student's names in force (`descent` a variable in an
    expression, where `descent.exercise.…` would no longer compile), and the student's own Grading never ran."""
    feedback = open(whole_course["out"] / "shadowing" / "feedback.html", encoding="utf-8").read()
    assert feedback.count("my names: descent.length() = 10, java + 1 = 18") == len(course_notebooks())
    assert "FORGED-PASS" not in feedback
    assert "could not run" not in feedback and "not your mistake" not in feedback


def test_a_check_cell_that_fails_for_the_graders_reason_is_flagged_not_blamed_on_the_student():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import grade as grader
    [ex] = [e for e in source(WORKSHOP)[1] if e.id == "03-momentum-beats-best-step"]
    deleted = "CompilerException: | cannot find symbol   symbol:   variable myMu   location: class"
    status, message = grader.reason_without_verdict(ex, deleted, None)
    assert status == "error" and "your answer myMu is not defined" in message
    broken = "CompilerException: | cannot find symbol   symbol:   variable exercise   location: class"
    status, message = grader.reason_without_verdict(ex, broken, None)
    assert status == "grader-error" and "not your mistake" in message
    assert grader.reason_without_verdict(ex, "CompilerException: whatever", "the cell ran longer than 5 s")[0] == "error"
    result = {"student": "ann", "rows": [(ex, 0, "grader-error", message)]}
    assert grader.grader_errors(result) == ["03-momentum-beats-best-step"]
