"""Grades a class's submitted notebooks with the course's own checks.

    python tools/grade.py SUBMISSIONS --out DIR [--jobs N] [--timeout SECONDS] [--heap-mb MB]
    ./course grade SUBMISSIONS --out DIR ...        (the same, after the set-up)

SUBMISSIONS holds one folder per student (any names), each with some of the course notebooks, saved from the
student edition (a student may rename a file: a notebook is matched by the `descent.notebook_id` in its metadata,
then by its file name). For each student, on its own kernel per notebook and in a scratch folder of its own:

1. the submitted notebook is copied (SUBMISSIONS is only read, never written);
2. every check cell is put back from the course's notebook, found by its `grade_id` (tools/exercise_ids.py) or,
   where the student deleted it, inserted after the exercise's answer cell. The grader's check cell reaches
   descent.exercise.Grading.call by reflection from `int.class` and names the check as text, so no name the student
   declares (a variable `descent` or `java`, a class `Grading`) can hide it; it carries a random nonce made for
   this run;
3. the notebook runs on the course kernel, every cell under --timeout seconds (an endless loop is interrupted and
   the next cell runs), with the JVM's heap capped at --heap-mb; a kernel that dies (System.exit, a crash) is
   restarted for the cells after it;
4. an exercise scores its points when the output of the grader's own check cell carries a verdict with this
   run's nonce saying "done"; otherwise 0, with the reason (the check's diagnosis, "not done", the cell's
   error, a timeout, a dead kernel, a missing notebook, a file that is not a notebook). A check cell that fails
   for a reason that is not the student's (the grader's own cell does not compile, the library lacks the check)
   scores 0 with status "grader-error": the feedback says so, the gradebook's `grader_errors` column lists it for
   the instructor, and the run ends with a warning and exit status 1.

Writes DIR/gradebook.csv (one row per student, one column per exercise, then total; the second row holds the
points possible, as Canvas's gradebook export does), DIR/STUDENT/results.json (Gradescope's autograder format)
and DIR/STUDENT/feedback.html (the executed notebooks with each exercise's points and verdict after its check
cell). Students run in parallel, one kernel per core (--jobs). Exit status 0 when every student was graded and
the grader failed on no check.
"""
import argparse
import concurrent.futures
import copy
import csv
import html
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exercise_ids  # noqa: E402
import run_notebooks  # noqa: E402  (its exporter helpers; it also makes Ctrl-C a KeyboardInterrupt)

ROOT = exercise_ids.ROOT
KERNEL = "descent-java"
GRADE_MIME = "application/vnd.descent.grade+json"  # descent.exercise.Grading.MIME
STARTS = 3           # attempts to start a notebook's kernel
DEATHS = 3           # kernels a notebook may kill before its remaining cells are given up
STARTUP_TIMEOUT = 60


class CourseNotebook:
    def __init__(self, path):
        self.path = path
        self.id = exercise_ids.notebook_id(path)
        self.source = nbformat.read(path, as_version=4)
        self.exercises = exercise_ids.exercises(self.source, path)


def course():
    return [CourseNotebook(p) for p in exercise_ids.sources()]


def grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def read_submission(path):
    """(notebook node, None) or (None, why it cannot be read)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return None, f"the file cannot be read ({type(e).__name__})"
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        return None, f"the file is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}), so it is not a notebook"
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # noqa: BLE001 — any schema problem: the file is not a notebook we can run
        return None, f"the file is JSON but not a valid notebook ({str(e).splitlines()[0][:120]})"
    return nb, None


def match(student_dir, notebooks):
    """{notebook id: (relative file name, node or None, problem or None)} for one student's folder, and notes on
    files that match no notebook."""
    files = sorted(os.path.relpath(os.path.join(d, f), student_dir)
                   for d, dirs, names in os.walk(student_dir) for f in names
                   if f.endswith(".ipynb") and ".ipynb_checkpoints" not in d)
    ids = {nb.id for nb in notebooks}
    found, notes = {}, []
    by_name = {}
    for rel in files:
        nb, problem = read_submission(os.path.join(student_dir, rel))
        claimed = nb.metadata.get("descent", {}).get("notebook_id") if nb is not None else None
        stem = os.path.splitext(os.path.basename(rel))[0]
        if claimed in ids and claimed not in found:
            found[claimed] = (rel, nb, problem)
        elif stem in ids:
            by_name.setdefault(stem, (rel, nb, problem))
        else:
            prefix = next((i for i in sorted(ids) if stem[:3] == i[:3]), None)
            if prefix and nb is None:  # a broken file whose name says which notebook it was
                by_name.setdefault(prefix, (rel, nb, problem))
            else:
                notes.append(f"{rel}: matches no course notebook (by its metadata or its name); not graded")
    for nid, entry in by_name.items():
        if nid not in found:
            found[nid] = entry
        else:
            notes.append(f"{entry[0]}: a second file for {nid}; {found[nid][0]} was graded")
    return found, notes


GRADED_CALL = ('{{ int.class.forName("descent.exercise.Grading")\n'
               '    .getMethod("call", {types})\n'
               '    .invoke(null, "{nonce}", "{id}", "{check}", {answers}); }}')


def graded_cell(exercise, nonce):
    """The grader's check cell. It reaches descent.exercise.Grading by reflection from `int.class` and names the
    check as text, so nothing in it but the answers is a name the student could have declared (a variable
    `descent` hides the package in `descent.exercise.…`, a class `Grading` the class; see Grading's javadoc)."""
    answers = exercise.answers()
    check = f"{exercise.cls}.{exercise.method}({', '.join(answers)})"
    types = ", ".join(['"".getClass()'] * 3 + ['int.class.forName("java.lang.Object")'] * len(answers))
    call = GRADED_CALL.format(types=types, nonce=nonce, id=exercise.id, check=check, answers=", ".join(answers))
    cell = nbformat.v4.new_code_cell(
        f"// The grader's check: {check}, called by name so that no name declared in this notebook can hide it.\n"
        + call)
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": exercise.id, "points": exercise.points}
    cell.metadata["descent_graded"] = True
    return cell


def prepare(submitted, notebook, nonce):
    """The submission with the grader's check cells in place: {exercise id: [cell indices]}, notebook."""
    nb = copy.deepcopy(submitted)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("descent_graded", None)
    for exercise in notebook.exercises:
        checks = [i for i, c in enumerate(nb.cells) if grade_id(c) == exercise.id]
        for i in checks:
            nb.cells[i] = graded_cell(exercise, nonce)
        if not checks:  # deleted: back after the answer cell (or at the end)
            answers = [i for i, c in enumerate(nb.cells) if grade_id(c) == exercise.id + "-answer"]
            at = answers[-1] + 1 if answers else len(nb.cells)
            nb.cells.insert(at, graded_cell(exercise, nonce))
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (descent course)", "language": "java"}
    return nb


def error_of(cell):
    """The cell's error as one line: its name and the compiler's or the exception's words (a compile error's quoted
    source lines, which start with "|", are left out; the nonce is in them)."""
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(out.get("traceback", [])) or out.get("evalue", ""))
            lines = [l.strip() for l in text.splitlines() if l.strip() and not l.strip().startswith("|")]
            return f"{out.ename}: {' '.join(lines)[:300]}" if lines else out.ename
    return None


def deadline(timeout):
    """The checks' deadline for student code (descent.exercise.Deadline) under a cell timeout: half of it, at most
    the library's 10 s."""
    return round(min(10.0, timeout / 2), 1)


def execute(nb, folder, timeout, heap_mb, log):
    """Runs every cell; returns {cell index: why it has no result} for cells that timed out, died or never ran."""
    problems, start, deaths = {}, 0, 0
    # a check stops student code that does not return well before the cell's own timeout, and names it
    env = dict(os.environ, DESCENT_KERNEL_HEAP_MB=str(heap_mb), DESCENT_DEADLINE_SECONDS=str(deadline(timeout)))
    while start < len(nb.cells):
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, allow_errors=True, interrupt_on_timeout=True,
                                startup_timeout=STARTUP_TIMEOUT, resources={"metadata": {"path": folder}})
        index = start
        try:
            with client.setup_kernel(env=env, stdout=log, stderr=log):
                for index in range(start, len(nb.cells)):
                    cell = nb.cells[index]
                    if cell.cell_type != "code":
                        continue
                    began = time.monotonic()
                    client.execute_cell(cell, index)
                    if time.monotonic() - began >= timeout:
                        problems[index] = f"the cell ran longer than {timeout} s and was stopped"
                start = len(nb.cells)
        except DeadKernelError:
            deaths += 1
            problems[index] = "the kernel died while this cell ran (System.exit, or the JVM crashed)"
            start = index + 1
        except RuntimeError as e:  # the kernel would not start: try again, then give up on the rest
            deaths += 1
            problems[index] = f"the kernel did not start ({str(e)[:120]})"
            start = index if deaths < STARTS else len(nb.cells)
        if deaths >= DEATHS and start < len(nb.cells):
            for k in range(start, len(nb.cells)):
                problems.setdefault(k, f"not run: the kernel died {deaths} times in this notebook")
            break
    return problems


def reason_without_verdict(exercise, error, problem):
    """(status, message) for a check cell that showed no verdict. A timeout or a dead kernel (`problem`) and an
    answer that is not defined are the student's ("error"); any other failure of the grader's own cell is the
    course's ("grader-error"): its inserted cell names nothing else the student wrote."""
    if problem:
        return "error", problem
    if not error:
        return "error", "the check cell showed no verdict"
    missing = re.search(r"symbol:\s*variable\s+(\w+)", error)
    if missing and missing.group(1) in exercise.answers():
        return "error", (f"the check could not run: your answer {missing.group(1)} is not defined (was its answer "
                         f"cell deleted or renamed, or did it fail to compile?) [{error}]")
    return "grader-error", f"the grader could not run this check (not your mistake): {error}"


def verdict_of(cell, nonce, exercise_id):
    """The verdict this run's check wrote into its cell, or None."""
    found = None
    for out in cell.get("outputs", []):
        data = out.get("data", {}) if out.output_type in ("display_data", "execute_result") else {}
        value = data.get(GRADE_MIME)
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                continue
        if isinstance(value, dict) and value.get("nonce") == nonce and value.get("exercise") == exercise_id:
            found = value
    return found


def grade_notebook(notebook, entry, scratch, args, nonce):
    """[(exercise, score, status, message)], executed notebook (or None)."""
    rel, submitted, problem = entry
    if submitted is None:
        return [(ex, 0, "error", f"{rel}: {problem}") for ex in notebook.exercises], None
    folder = os.path.join(scratch, "notebooks")
    nb = prepare(submitted, notebook, nonce)
    with open(os.path.join(scratch, "kernel.log"), "a") as log:
        problems = execute(nb, folder, args.timeout, args.heap_mb, log)
    results, notes = [], []  # notes: (cell index, markdown) to insert once every index has been read
    for ex in notebook.exercises:
        cells = [i for i, c in enumerate(nb.cells) if c.metadata.get("descent_graded") and grade_id(c) == ex.id]
        i = cells[-1]
        verdict = verdict_of(nb.cells[i], nonce, ex.id)
        if verdict is not None:
            status = verdict.get("verdict", "error")
            message = str(verdict.get("message", ""))
            score = ex.points if status == "done" else 0
            if status == "not-done":
                message = "not done: " + message
        else:
            score = 0
            status, message = reason_without_verdict(ex, error_of(nb.cells[i]), problems.get(i))
        if status == "error" and verdict is not None and verdict.get("mistake") == "grader":
            status = "grader-error"
        message = message.replace(nonce, "…")  # a compile error quotes the cell: the nonce stays the grader's
        results.append((ex, score, status, message))
        notes.append((i, f"**Exercise `{ex.id}`: {score} / {ex.points}** — {html.escape(message)}"))
    graded = {i for i, c in enumerate(nb.cells) if c.metadata.get("descent_graded")}
    notes += [(i, f"**Grader:** {html.escape(why)}") for i, why in problems.items() if i not in graded]
    for i, text in sorted(notes, key=lambda n: n[0], reverse=True):
        note = nbformat.v4.new_markdown_cell(text)
        note.metadata["descent_feedback"] = True
        nb.cells.insert(i + 1, note)
    for cell in nb.cells:
        cell.source = cell.source.replace(nonce, "…")
        for out in cell.get("outputs", []):
            value = out.get("data", {}).get(GRADE_MIME)
            if isinstance(value, dict) and "nonce" in value:
                value["nonce"] = "…"
    return results, nb


def grade_student(name, student_dir, notebooks, args, nonce):
    found, notes = match(student_dir, notebooks)
    scratch = tempfile.mkdtemp(prefix="descent-grade-")
    try:
        os.makedirs(os.path.join(scratch, "notebooks"))
        results = os.path.join(ROOT, "bench", "results.csv")  # notebook 12 reads ../bench/results.csv
        if os.path.exists(results):
            os.makedirs(os.path.join(scratch, "bench"))
            shutil.copy2(results, os.path.join(scratch, "bench", "results.csv"))
        rows, executed = [], []
        for notebook in notebooks:
            if notebook.id not in found:
                rows += [(ex, 0, "missing", f"missing notebook: no file of {notebook.id} was submitted")
                         for ex in notebook.exercises]
                continue
            graded, nb = grade_notebook(notebook, found[notebook.id], scratch, args, nonce)
            rows += graded
            if nb is not None:
                executed.append((notebook, found[notebook.id][0], nb))
        return {"student": name, "rows": rows, "notes": notes, "executed": executed}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_results(out, result, exporter):
    folder = os.path.join(out, result["student"])
    os.makedirs(folder, exist_ok=True)
    rows = result["rows"]
    total, possible = sum(r[1] for r in rows), sum(r[0].points for r in rows)
    summary = f"{total} / {possible} points" + "".join(f"\n{n}" for n in result["notes"])
    gradescope = {"score": total, "output": summary, "tests": [
        {"name": ex.id, "score": score, "max_score": ex.points, "status": "passed" if score == ex.points else "failed",
         "output": message} for ex, score, status, message in rows]}
    with open(os.path.join(folder, "results.json"), "w", encoding="utf-8") as f:
        json.dump(gradescope, f, indent=1, ensure_ascii=False)
        f.write("\n")
    page = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": KERNEL, "display_name": "Java", "language": "java"}})
    table = "\n".join(f"| `{ex.id}` | {score} / {ex.points} | {html.escape(message).replace('|', '&#124;')} |"
                      for ex, score, status, message in rows)
    notes = "".join(f"\n- {html.escape(n)}" for n in result["notes"])
    page.cells.append(nbformat.v4.new_markdown_cell(
        f"# Feedback for {html.escape(result['student'])}: {total} / {possible} points\n\n"
        f"| exercise | points | verdict |\n|---|---|---|\n{table}\n{notes}"))
    for notebook, rel, nb in result["executed"]:
        page.cells.append(nbformat.v4.new_markdown_cell(f"# {html.escape(notebook.id)} (your file: `{rel}`)"))
        page.cells.extend(nb.cells)
    run_notebooks.scrub(page)
    body, _ = exporter.from_notebook_node(page)
    body = run_notebooks.share_plotly(body).replace('src="assets/', 'src="../assets/')
    with open(os.path.join(folder, "feedback.html"), "w", encoding="utf-8") as f:
        f.write(body)
    return total, possible


def write_gradebook(out, results, notebooks):
    columns = [ex for nb in notebooks for ex in nb.exercises]
    with open(os.path.join(out, "gradebook.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student"] + [ex.id for ex in columns] + ["total", "grader_errors"])
        w.writerow(["Points Possible"] + [ex.points for ex in columns] + [sum(ex.points for ex in columns), ""])
        for result in results:
            scores = {ex.id: score for ex, score, _, _ in result["rows"]}
            w.writerow([result["student"]] + [scores[ex.id] for ex in columns] + [sum(scores.values()),
                                                                                 " ".join(grader_errors(result))])


def grader_errors(result):
    """The exercises whose check the grader could not run, through no fault of the student's."""
    return [ex.id for ex, _, status, _ in result["rows"] if status == "grader-error"]


class Progress:
    """A bar on a terminal, one line per student otherwise."""

    def __init__(self, total):
        self.total, self.done, self.tty, self.lock = total, 0, sys.stdout.isatty(), threading.Lock()
        self.started = time.monotonic()

    def student(self, name, total, possible, seconds):
        with self.lock:
            self.done += 1
            if self.tty:
                width = 30
                filled = width * self.done // self.total
                print(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}  {name[:30]:<30}"
                      f" {total}/{possible}", end="", flush=True)
                if self.done == self.total:
                    print()
            else:
                print(f"{self.done}/{self.total} {name}: {total} / {possible} points ({seconds:.0f} s)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("submissions")
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="students graded at once")
    parser.add_argument("--timeout", type=int, default=60, help="seconds allowed per cell (default 60)")
    parser.add_argument("--heap-mb", type=int, default=256, help="each kernel's Java heap (default 256)")
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, got {args.jobs}")
    if args.timeout < 1:
        parser.error(f"--timeout must be at least 1 second, got {args.timeout}")
    if args.heap_mb < 64:
        parser.error(f"--heap-mb must be at least 64, got {args.heap_mb}")
    submissions = os.path.abspath(args.submissions)
    if not os.path.isdir(submissions):
        parser.error(f"SUBMISSIONS must be a folder of student folders, got {args.submissions!r}")
    out = os.path.abspath(args.out)
    if out == submissions or out.startswith(submissions + os.sep):
        parser.error("--out must not be inside SUBMISSIONS (the grader never writes there)")
    students = sorted(d for d in os.listdir(submissions) if os.path.isdir(os.path.join(submissions, d)))
    if not students:
        parser.error(f"{args.submissions} holds no student folders")
    notebooks = course()
    nonce = secrets.token_hex(16)
    os.makedirs(out, exist_ok=True)
    run_notebooks.copy_assets(out)
    exporter = run_notebooks.HTMLExporter(template_name="descent", extra_template_basedirs=[
        os.path.join(ROOT, "tools", "nbconvert", "templates")])
    exporter_lock = threading.Lock()
    progress = Progress(len(students))
    started = time.monotonic()
    print(f"grading {len(students)} students, {sum(len(n.exercises) for n in notebooks)} exercises, "
          f"{args.jobs} at once", flush=True)

    def one(name):
        began = time.monotonic()
        result = grade_student(name, os.path.join(submissions, name), notebooks, args, nonce)
        with exporter_lock:
            total, possible = write_results(out, result, exporter)
        progress.student(name, total, possible, time.monotonic() - began)
        return result

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, students))
    write_gradebook(out, results, notebooks)
    seconds = time.monotonic() - started
    print(f"graded {len(students)} students in {seconds:.0f} s ({seconds / len(students):.1f} s each): "
          f"{os.path.join(out, 'gradebook.csv')}", flush=True)
    failed = {r["student"]: grader_errors(r) for r in results if grader_errors(r)}
    if failed:
        print(f"warning: the grader could not run {sum(map(len, failed.values()))} checks, through no fault of the "
              f"students' (gradebook column grader_errors): " + "; ".join(f"{name}: {' '.join(ids)}"
                                                                       for name, ids in failed.items()), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
