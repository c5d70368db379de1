"""Runs a student's answers (fixture-like file, see tools/blind/*.txt) through the course kernel and the
notebook's own check cells, and writes what each check said, verbatim, to a JSON file.

Usage: .venv/bin/python tools/blind/run_blind.py tools/blind/13-backpropagation.txt out.json [LABEL-prefix ...]
The student edition's cells run in order (those tagged measures-time are skipped: no check uses a timing).
The answer files here are wrong answers written by a helper who had not read the checks ("blind"); holdout/ by
one who had. They are a held-out set for judging feedback, not fixtures: tools/tests/fixtures/exercises/ holds
the regression cases taken from them."""
import json
import os
import sys
import time

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "tests"))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import editions  # noqa: E402
from test_exercises import Kernel, exercises_of, read_fixtures, with_answer  # noqa: E402

SKIP_TAG = "measures-time"   # cells that only time something: no check reads them


def main(fixture, out_path, only=()):
    name = os.path.basename(fixture).replace(".txt", ".ipynb")
    source = nbformat.read(os.path.join(ROOT, "notebooks", name), as_version=4)
    student = editions.make(source, "student")
    kept = [i for i, c in enumerate(source.cells) if editions.NOTES_TAG not in c.metadata.get("tags", [])]
    found = {sol: (chk, ex) for sol, chk, ex in exercises_of(source)}
    cases = read_fixtures_from(fixture)
    results = []
    kernel = Kernel()
    try:
        for k, i in enumerate(kept):
            cell = student.cells[k]
            if (cell.cell_type != "code" or SKIP_TAG in source.cells[i].metadata.get("tags", [])
                    or any(i == c for c, _ in found.values())):
                continue
            text, error = kernel.run(cell.source)
            if error:
                print(f"cell {i} failed: {error}", file=sys.stderr)
            if i not in found:
                continue
            chk, exercise = found[i]
            for label, lines in cases.get(exercise, []):
                if only and not label.startswith(tuple(only)):
                    continue
                start = time.time()
                out, error = kernel.run(with_answer(source.cells[i].source, lines))
                said, error2 = kernel.run(source.cells[chk].source)   # a student runs the check cell even after an error
                seconds = time.time() - start
                results.append({"exercise": exercise, "label": label, "answer": lines, "answer_cell_output": out,
                                "answer_cell_error": error, "check_said": said, "check_error": error2,
                                "seconds": round(seconds, 1)})
                print(f"{exercise} {label}: {round(seconds, 1)} s\n  {said.strip()[:400]!r} {error or error2 or ''}",
                      flush=True)
                json.dump(results, open(out_path, "w"), ensure_ascii=False, indent=1)
            # the student's answer ends as the last case left it; reset with the instructor's solution
            kernel.run(editions.make(source, "instructor").cells[i].source)
    finally:
        kernel.close()


def read_fixtures_from(path):
    """read_fixtures reads tools/tests/fixtures/exercises/; this reads the same format from any path."""
    import test_exercises
    saved = test_exercises.FIXTURES
    test_exercises.FIXTURES = os.path.dirname(os.path.abspath(path))
    try:
        return read_fixtures(os.path.basename(path).replace(".txt", ".ipynb"))
    finally:
        test_exercises.FIXTURES = saved


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
