"""Every exercise, run through the course kernel as a student would: the student edition's stub says
"not done yet" and the notebook goes on; each wrong answer kept in fixtures/exercises/ gets its own
diagnosis; the instructor's solution passes. Also: the student edition gives nothing away, and every
exercise has its wrong answers on file."""
import glob
import os
import re
import sys

import nbformat
import pytest
from jupyter_client.manager import KernelManager

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import editions  # noqa: E402

SOURCES = sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]-*.ipynb")))
FIXTURES = os.path.join(ROOT, "tools", "tests", "fixtures", "exercises")
CHECK = re.compile(r"\b(\w+\.check\w+)\(")


def read_fixtures(name):
    """{exercise: [(expected text, replacement lines)]} from fixtures/exercises/<notebook>.txt."""
    path = os.path.join(FIXTURES, name.replace(".ipynb", ".txt"))
    cases, exercise = {}, None
    if not os.path.exists(path):
        return cases
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.startswith("=== "):
            exercise = line[4:].strip()
            cases[exercise] = []
        elif line.startswith("--- "):
            cases[exercise].append((line[4:].strip(), []))
        elif exercise and cases[exercise]:
            cases[exercise][-1][1].append(line)
    return cases


def exercises_of(nb):
    """[(solution cell, check cell, exercise name)] of a source notebook."""
    out = []
    for sol, chk in editions.exercises(nb):
        match = CHECK.search(nb.cells[chk].source)
        assert match, f"cell {chk + 1} follows a solution but calls no check: {nb.cells[chk].source[:80]!r}"
        out.append((sol, chk, match.group(1)))
    return out


def with_answer(source, lines):
    """The solution cell with its (single) solution region replaced by a student's lines."""
    (begin, end), = editions.solution_regions(source)
    src = source.splitlines()
    indent = editions.BEGIN.match(src[begin]).group(1)
    return "\n".join(src[:begin] + [indent + l if l else l for l in lines] + src[end + 1:])


class Kernel:
    def __init__(self, env=None):
        """env: variables added to this process's environment for the kernel (e.g. DESCENT_DEADLINE_SECONDS)."""
        self.km = KernelManager(kernel_name="descent-java")
        with open(os.devnull, "w") as quiet:
            # in the notebooks' folder, as Jupyter starts a notebook's kernel (notebook 12 reads ../bench/results.csv)
            self.km.start_kernel(stdout=quiet, stderr=quiet, cwd=os.path.join(ROOT, "notebooks"),
                                 env={**os.environ, **(env or {})})
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=90)

    def run(self, code):
        """(printed and displayed text, error or None) of one cell."""
        texts, errors = [], []

        def hook(msg):
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                texts.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                data = content.get("data", {})
                texts.append(data.get("text/plain", "") if "image/png" not in data else "")
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")

        reply = self.kc.execute_interactive(code, timeout=300, output_hook=hook)
        if reply["content"]["status"] == "error" and not errors:
            errors.append(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")
        return "".join(texts), (errors[0] if errors else None)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.mark.parametrize("path", [p for p in SOURCES if editions.exercises(nbformat.read(p, as_version=4))],
                         ids=os.path.basename)
def test_every_exercise_through_the_kernel(path):
    name = os.path.basename(path)
    source = nbformat.read(path, as_version=4)
    student = editions.make(source, "student")
    instructor = editions.make(source, "instructor")
    fixtures = read_fixtures(name)
    found = {sol: (chk, exercise) for sol, chk, exercise in exercises_of(source)}
    # the student edition keeps the source's cell order minus the instructor notes
    kept = [i for i, c in enumerate(source.cells) if editions.NOTES_TAG not in c.metadata.get("tags", [])]
    assert len(kept) == len(student.cells)
    kernel = Kernel()
    problems, skip = [], set()
    try:
        for k, i in enumerate(kept):
            cell = student.cells[k]
            if cell.cell_type != "code" or i in skip:
                continue
            text, error = kernel.run(cell.source)
            if error:
                problems.append(f"cell {i + 1} of the student edition failed: {error}")
                break
            if i not in found:
                continue
            chk, exercise = found[i]
            skip.add(chk)
            check = source.cells[chk].source
            said, error = kernel.run(check)
            if error or "… not done yet" not in said:
                problems.append(f"{exercise}: the stub should say 'not done yet', said {said!r} {error or ''}")
            seen = set()
            for expected, lines in fixtures.get(exercise, []):
                out, error = kernel.run(with_answer(source.cells[i].source, lines))
                said, error2 = (kernel.run(check) if not error else ("", error))
                first = said.strip().splitlines()[0] if said.strip() else ""
                if error or error2 or not first.startswith("✘") or expected not in said:
                    problems.append(f"{exercise}, wrong answer {expected!r}: said {said.strip()[:300]!r} "
                                    f"{error or error2 or ''}")
                elif first in seen:
                    problems.append(f"{exercise}: two wrong answers got the same message {first[:120]!r}")
                seen.add(first)
            out, error = kernel.run(instructor.cells[i].source)
            said, error2 = kernel.run(check) if not error else ("", error)
            if error or error2 or not said.strip().startswith("✔"):
                problems.append(f"{exercise}: the solution should pass, said {said.strip()[:300]!r} {error or error2 or ''}")
    finally:
        kernel.close()
    assert not problems, "\n".join(problems)


def test_every_exercise_has_at_least_two_wrong_answers_on_file():
    missing = []
    for path in SOURCES:
        name = os.path.basename(path)
        fixtures = read_fixtures(name)
        names = [e for _, _, e in exercises_of(nbformat.read(path, as_version=4))]
        for exercise in names:
            if len(fixtures.get(exercise, [])) < 2:
                missing.append(f"{name}: {exercise} has {len(fixtures.get(exercise, []))} wrong answers on file")
        for stale in set(fixtures) - set(names):
            missing.append(f"{name}: fixtures for {stale}, which no check cell calls")
    assert not missing, "\n".join(missing)


def solution_lines(nb):
    """The meaningful lines of every solution region (not braces, not STUB lines)."""
    lines = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        src = cell.source.splitlines()
        for begin, end in editions.solution_regions(cell.source):
            for line in src[begin + 1:end]:
                s = line.strip()
                if s and not editions.STUB.match(line) and len(s) > 3 and s not in ("}", "};", "{"):
                    lines.add(s)
    return lines


@pytest.mark.parametrize("path", SOURCES, ids=os.path.basename)
def test_the_student_edition_gives_nothing_away(path):
    source = nbformat.read(path, as_version=4)
    student = editions.make(source, "student")
    text = "\n".join(c.source for c in student.cells)
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text and "STUB:" not in text
    assert not [c for c in student.cells if editions.NOTES_TAG in c.metadata.get("tags", [])]
    leaked = [line for line in solution_lines(source) if line in text]
    assert not leaked, f"solution lines in the student edition: {leaked[:3]}"
    # every answer cell of the student edition is a stub that the check reports as not done
    for sol, _ in editions.exercises(source):
        stub = student.cells[[i for i, c in enumerate(source.cells)
                              if editions.NOTES_TAG not in c.metadata.get("tags", [])].index(sol)].source
        assert "Exercise.TODO" in stub or "Exercise.notDone()" in stub or "= {};" in stub or "= null;" in stub, stub


def test_both_editions_were_built_and_executed(summary):
    """The main job wrote both editions of every notebook, executed, as pages and as clean .ipynb."""
    build = os.path.join(ROOT, "build")
    for path in SOURCES:
        name = os.path.basename(path)
        assert summary[name]["student"]["status"] == "ok", summary[name]
        for edition, page in (("instructor", name), ("student", os.path.join("student", name))):
            assert os.path.exists(os.path.join(build, "html", page.replace(".ipynb", ".html"))), page
            clean = nbformat.read(os.path.join(build, "html", "notebooks", edition, name), as_version=4)
            assert all(c.get("outputs", []) == [] for c in clean.cells if c.cell_type == "code")
        executed = nbformat.read(os.path.join(build, "executed", "student", name), as_version=4)
        checks = [c for c in executed.cells if c.cell_type == "code" and editions.CHECK_CALL.search(c.source)]
        said = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for c in checks for o in c.outputs)
        assert "✔" not in said, f"{name}: a check passed in the student edition"
        assert said.count("… not done yet") == len(checks), f"{name}: {said!r}"
    index = open(os.path.join(build, "html", "index.html"), encoding="utf-8").read()
    assert index.count('href="student/') == len(SOURCES)
    assert index.count('href="notebooks/student/') == len(SOURCES)
    assert index.count('href="notebooks/instructor/') == len(SOURCES)


def test_the_editions_follow_the_marker_rules():
    src = "int a = 1;\n    // BEGIN SOLUTION\n    x = 2;\n    // STUB: x = Exercise.TODO;\n    // END SOLUTION\nint b;"
    assert editions.edit(src, "instructor") == "int a = 1;\n    x = 2;\nint b;"
    assert editions.edit(src, "student") == "int a = 1;\n    // ✏️ your code here\n    x = Exercise.TODO;\nint b;"
    plain = "f(() -> {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n});"
    assert editions.edit(plain, "student") == "f(() -> {\n  // ✏️ your code here\n  throw Exercise.notDone();\n});"
    for broken in ("// BEGIN SOLUTION\nx", "x\n// END SOLUTION", "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"):
        with pytest.raises(editions.MarkerError):
            editions.edit(broken, "student")
