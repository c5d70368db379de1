"""The student and the instructor edition of a course notebook, made with nbconvert preprocessors.

Source notebooks hold each exercise's solution between two marker lines (nbgrader's convention, in
Java comments):

    // BEGIN SOLUTION
    double myEta = 0.3;
    // END SOLUTION

and, optionally, inside the region, the lines the student gets instead (`// STUB: <code>`). Without a
STUB line the student gets `throw Exercise.notDone();`, which the exercise's check reports as "not
done yet". Cells tagged `instructor` hold instructor notes (timing, expected answers, common mistakes,
discussion prompts).

- instructor edition: the solutions without their markers and STUB lines, and the instructor notes;
- student edition: every solution replaced by its stub under a "✏️ your code here" line, no instructor
  notes, no markers.

    python tools/editions.py SOURCE.ipynb OUT_DIR   # writes OUT_DIR/student/ and OUT_DIR/instructor/
"""
import copy
import os
import re
import sys

import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode

BEGIN = re.compile(r"^(\s*)//\s*(###\s*)?BEGIN SOLUTION\b.*$")
END = re.compile(r"^\s*//\s*(###\s*)?END SOLUTION\b.*$")
STUB = re.compile(r"^(\s*)//\s*STUB:\s?(.*)$")
DEFAULT_STUB = "throw Exercise.notDone();"
NOTES_TAG = "instructor"


class MarkerError(ValueError):
    """A solution region that does not open and close properly."""


def solution_regions(source):
    """[(begin line index, end line index)] of the solution regions of a cell's source."""
    regions, start = [], None
    for k, line in enumerate(source.splitlines()):
        if BEGIN.match(line):
            if start is not None:
                raise MarkerError(f"line {k + 1}: BEGIN SOLUTION inside the solution that begins on line {start + 1}")
            start = k
        elif END.match(line):
            if start is None:
                raise MarkerError(f"line {k + 1}: END SOLUTION without a BEGIN SOLUTION")
            regions.append((start, k))
            start = None
    if start is not None:
        raise MarkerError(f"line {start + 1}: BEGIN SOLUTION is never closed by END SOLUTION")
    return regions


def edit(source, edition):
    """The source of one code cell in an edition ("student" or "instructor")."""
    lines = source.splitlines()
    out, k = [], 0
    for begin, end in solution_regions(source):
        out.extend(lines[k:begin])
        indent = BEGIN.match(lines[begin]).group(1)
        body = lines[begin + 1:end]
        stubs = [STUB.match(l) for l in body]
        if edition == "instructor":
            out.extend(l for l, s in zip(body, stubs) if not s)
        else:
            given = [indent + s.group(2) for s in stubs if s]
            out.append(indent + "// ✏️ your code here")
            out.extend(given or [indent + DEFAULT_STUB])
        k = end + 1
    out.extend(lines[k:])
    return "\n".join(out)


class EditionPreprocessor(Preprocessor):
    """nbconvert preprocessor: turns a source notebook into its student or instructor edition."""

    edition = Unicode("student", help="student or instructor").tag(config=True)

    def preprocess(self, nb, resources):
        if self.edition not in ("student", "instructor"):
            raise ValueError(f"edition must be 'student' or 'instructor', not {self.edition!r}")
        if self.edition == "student":
            nb.cells = [c for c in nb.cells if NOTES_TAG not in c.get("metadata", {}).get("tags", [])]
        nb.metadata["descent_edition"] = self.edition
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            try:
                cell.source = edit(cell.source, self.edition)
            except MarkerError as e:
                raise MarkerError(f"cell {index + 1}: {e}") from None
        return cell, resources


def make(nb, edition):
    """A copy of the notebook node as the given edition."""
    result, _ = EditionPreprocessor(edition=edition).preprocess(copy.deepcopy(nb), {})
    return result


CHECK_CALL = re.compile(r"\b\w+\.check\w+\(")


def exercises(nb):
    """[(index of the solution cell, index of its check cell)]: the check is the next code cell that
    calls a check (a prediction may have a demonstration between the two)."""
    pairs = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and solution_regions(cell.source):
            nxt = next((j for j in range(i + 1, len(nb.cells))
                        if nb.cells[j].cell_type == "code" and CHECK_CALL.search(nb.cells[j].source)), None)
            if nxt is None:
                raise MarkerError(f"cell {i + 1} holds a solution but no check cell follows it")
            pairs.append((i, nxt))
    return pairs


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    nb = nbformat.read(argv[1], as_version=4)
    for edition in ("student", "instructor"):
        os.makedirs(os.path.join(argv[2], edition), exist_ok=True)
        nbformat.write(make(nb, edition), os.path.join(argv[2], edition, os.path.basename(argv[1])))


if __name__ == "__main__":
    main(sys.argv)
