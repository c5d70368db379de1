"""Each exercise's stable id and points, kept in the course notebooks' cell metadata in nbgrader's names.

An exercise is an answer cell (it holds a solution region, see tools/editions.py) and the check cell after it
(one call `SomeExercises.checkSomething(answer);`). In the source notebooks:

    check cell:  "nbgrader": {"grade": true,  "grade_id": "03-fitted-lines", "points": 2, "locked": true,  ...}
    answer cell: "nbgrader": {"grade": false, "grade_id": "03-fitted-lines-answer", "solution": true, ...}
    notebook:    "descent": {"notebook_id": "03-workshop-learning-rate-and-iterations"}

The id is the notebook's number and the check's name (checkFittedLines → fitted-lines); points are 1 for an
answer that is a value (its stub is `Exercise.TODO…`) and 2 for code. Both editions keep the metadata, so a
student's saved notebook still says which cell is which, whatever the file is called. The points are the
instructor's to change in the source notebook; `tag` never overwrites them.

    python tools/exercise_ids.py tag     # writes missing ids into notebooks/*.ipynb (idempotent)
"""
import glob
import os
import re
import sys

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editions  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECK = re.compile(r"\s*(\w+)\.(check\w+)\(([\s\S]*)\);\s*")


class Exercise:
    def __init__(self, notebook_id, answer, check, cls, method, argument, points):
        self.notebook_id, self.answer, self.check = notebook_id, answer, check
        self.cls, self.method, self.argument, self.points = cls, method, argument, points
        self.id = notebook_id[:2] + "-" + re.sub(r"(?<!^)(?=[A-Z])", "-", method[len("check"):]).lower()

    def answers(self):
        """The names of the answers the check takes, in order (`myEta, myMu`: ["myEta", "myMu"])."""
        return [a.strip() for a in self.argument.split(",")]


def notebook_id(path):
    return os.path.splitext(os.path.basename(path))[0]


def exercises(nb, path):
    """The exercises of a source notebook, in order."""
    found = []
    for answer, check in editions.exercises(nb):
        match = CHECK.fullmatch(nb.cells[check].source)
        if not match:
            raise ValueError(f"{os.path.basename(path)} cell {check + 1}: a check cell is one call "
                             f"`Class.checkName(answer);`, not {nb.cells[check].source[:80]!r}")
        if not re.fullmatch(r"\s*\w+\s*(,\s*\w+\s*)*", match.group(3)):
            raise ValueError(f"{os.path.basename(path)} cell {check + 1}: a check's arguments are the answers' names "
                             f"(`myEta` or `myEta, myMu`), which the grader passes by name, not {match.group(3)!r}")
        stub = editions.edit(nb.cells[answer].source, "student")
        given = nb.cells[check].metadata.get("nbgrader", {}).get("points")
        points = given if given is not None else (1 if "Exercise.TODO" in stub else 2)
        found.append(Exercise(notebook_id(path), answer, check, *match.groups(), points))
    return found


def sources():
    return sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]-*.ipynb")))


def tag(path):
    """Writes the ids (and first points) into one source notebook; True if it changed."""
    nb = nbformat.read(path, as_version=4)
    before = nbformat.writes(nb)
    nb.metadata["descent"] = {"notebook_id": notebook_id(path)}
    for ex in exercises(nb, path):
        nb.cells[ex.check].metadata["nbgrader"] = {
            "grade": True, "grade_id": ex.id, "locked": True, "points": ex.points, "schema_version": 3,
            "solution": False, "task": False}
        nb.cells[ex.answer].metadata["nbgrader"] = {
            "grade": False, "grade_id": ex.id + "-answer", "locked": False, "schema_version": 3, "solution": True,
            "task": False}
    if nbformat.writes(nb) == before:
        return False
    nbformat.write(nb, path)
    return True


if __name__ == "__main__":
    if sys.argv[1:] != ["tag"]:
        sys.exit(__doc__)
    changed = [os.path.basename(p) for p in sources() if tag(p)]
    print(f"tagged {len(changed)} notebook(s): {' '.join(changed) or 'none changed'}")
