"""Mechanical mutants of an exercise's reference solution, the way PIT mutates code (issue #46, item 5).

Each operator rewrites the solution region's lines (tools/editions.py) in one place and names its category;
tools/tests/test_mutations.py runs every mutant through the kernel and counts the ones the check kills (✘) and
the ones whose feedback names the category (CATEGORY_WORDS). A mutant is only text: whether it compiles is the
kernel's to say (a mutant that does not compile is discarded).

A value answer (`double myEta = 0.4;`) is mutated in its number: ×10, ÷10, +1, −1, negated, truncated to an
integer, 0 (what integer division gives).

    python tools/mutants.py notebooks/02-batch-gradient-descent.ipynb   # lists the mutants
"""
import re
import sys
from dataclasses import dataclass

# The words in a check's message that name each category: a message that only restates the formula or shows
# values does not name the mutation. Lower case; a message counts if it contains any of them.
CATEGORY_WORDS = {
    "sign": ["sign", "opposite", "uphill", "wrong way", "direction", "minus", "climb", "against the gradient"],
    "off-by-one": ["one too", "off by one", "first", "last", "bound", "t + 1", "one row", "one more", "one fewer",
                   "never stays", "sattolo", "biased", "draw for draw"],
    "integer division": ["integer division"],
    "factor": ["factor", "twice", "half", "times too", "2/m", "1/m", "2 and", "scaled", "too large by",
               "too small by"],
    "statement order": ["order", "before", "after"],
    "statement deleted": ["missing", "never", "did not move", "not updated", "left out", "forgot", "skip"],
    "in place": ["copy", "same array", "in place", "clone", "changed the", "changes the"],
    "accumulator": ["reset", "accumulat", "carried over", "left over", "zero", "start from"],
    "swapped arguments": ["swap", "the other way round", "exchanged"],
    "return early": ["return", "early", "stops", "stopped"],
    "comparison": ["comparison", "larger", "smaller", "ties", "best", "worst", "<", ">"],
    "value": [],   # per mutant below: the words that name how the number is off
}
VALUE_WORDS = {
    "x10": ["10 times", "ten times", "too large", "factor of 10", "order of magnitude", "diverge"],
    "/10": ["10 times", "ten times", "too small", "factor of 10", "order of magnitude", "slow"],
    "+1": ["one too", "one more", "too large", "too many", "off by one"],
    "-1": ["one too", "one fewer", "too small", "too few", "off by one"],
    "negated": ["sign", "negative", "> 0", "positive", "opposite"],
    "truncated": ["integer division", "truncat", "round"],
    "zero": ["integer division", "0", "zero"],
}


@dataclass(frozen=True)
class Mutant:
    category: str
    description: str
    lines: tuple

    @property
    def key(self):
        """Stable name of the mutant, for the EQUIVALENT and KNOWN_SURVIVORS lists."""
        return f"{self.category}: {self.description}"

    def words(self):
        if self.category == "value":
            return VALUE_WORDS[self.description.split()[0]]
        return CATEGORY_WORDS[self.category]

    def named_in(self, message):
        low = message.lower()
        return any(w in low for w in self.words())


VALUE = re.compile(r"^(\s*(?:double|int|float|long)\s+\w+\s*=\s*)(-?[\d.]+)(\s*(?:,.*)?;.*)$")
TOKEN = (r"(?:(?:\(\s*\w+\s*\)\s*)?[\w.]+(?:\[[^\]]*\])*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?"
         r"|\([^()]*(?:\([^()]*\)[^()]*)*\))")
STATEMENT = re.compile(r"^\s*[^/{}\s][^{}]*;\s*$")


def _number(text):
    return float(text)


def _format(v, integer):
    if integer:
        return str(int(v))
    return repr(float(v))


def value_mutants(lines):
    """Mutants of a value answer: the first number of each `type name = number` line."""
    out = []
    for i, line in enumerate(lines):
        m = VALUE.match(line)
        if not m or "STUB" in line:
            continue
        integer = re.match(r"\s*(int|long)\b", line) is not None
        v = _number(m.group(2))
        cases = [("x10", v * 10), ("/10", v / 10), ("+1", v + 1), ("-1", v - 1), ("negated", -v),
                 ("truncated", float(int(v))), ("zero", 0.0)]
        if integer:
            cases = [c for c in cases if c[0] != "/10" or v % 10 == 0]
        seen = {v}
        for name, w in cases:
            w = int(w) if integer else w
            if w in seen:
                continue
            seen.add(w)
            new = list(lines)
            new[i] = m.group(1) + _format(w, integer) + m.group(3)
            out.append(Mutant("value", f"{name} {m.group(2)} → {_format(w, integer)} (line {i + 1})", tuple(new)))
        # a second number on the line (`double myEta = 0.5, myMu = 0.5;`)
        rest = re.match(r"^(.*,\s*\w+\s*=\s*)(-?[\d.]+)(\s*;.*)$", line)
        if rest:
            v2 = _number(rest.group(2))
            for name, w in (("x10", v2 * 10), ("/10", v2 / 10), ("+1", v2 + 1), ("negated", -v2), ("zero", 0.0)):
                new = list(lines)
                new[i] = rest.group(1) + _format(w, False) + rest.group(3)
                out.append(Mutant("value", f"{name} second {rest.group(2)} → {w} (line {i + 1})", tuple(new)))
    return out


# Single-place substitutions on a line's code, (category, pattern, replacement), one mutant per occurrence.
LINE_SUBSTITUTIONS = [
    ("sign", r"(?<=[\w)\]]) \+ (?=[\w(])", " - "),          # + and - between operands swapped
    ("sign", r"(?<=[\w)\]]) - (?=[\w(])", " + "),
    ("sign", r"-=", "+="),
    ("sign", r"\+=(?= [^b\d])", "-="),
    ("sign", r"(?<=[=(,] )-(?=[\w(])", ""),                  # a unary minus dropped
    ("integer division", r"\b(\d+)\.0\b(?= /)", r"\1"),       # a double literal in a division made an int
]
# ... and on loop headers and index draws only: bounds and indices off by one
BOUND_SUBSTITUTIONS = [
    ("off-by-one", r" < (?!=)", " <= "),
    ("off-by-one", r" <= ", " < "),
    ("off-by-one", r" > 0", " >= 0"),
    ("off-by-one", r"(\w) \+ 1\b", r"\1"),
    ("off-by-one", r"(\w) - 1\b", r"\1"),
    ("off-by-one", r"= 0;", "= 1;"),
]
# ... and in place instead of from a copy
COPY_SUBSTITUTIONS = [
    ("in place", r"\b(\w+)\.clone\(\)", r"\1"),
    ("in place", r"Arrays\.copyOfRange\((\w+), [^;]*\);", r"\1;"),
]


def _subs(line, pattern, repl):
    """Each single-place substitution of pattern in line (one mutant per occurrence)."""
    for m in re.finditer(pattern, line):
        yield line[:m.start()] + m.expand(repl) + line[m.end():], m.group(0)


def code_mutants(lines):
    """Mutants of a code answer, one change each."""
    out = []

    def add(category, i, new_line, what):
        new = list(lines)
        new[i] = new_line
        out.append(Mutant(category, f"line {i + 1}: {what.strip()} → {new_line.strip()}", tuple(new)))

    for i, line in enumerate(lines):
        code = line.split("//")[0]
        if not code.strip():
            continue
        tail = line[len(code):]
        for category, pattern, replacement in LINE_SUBSTITUTIONS:
            for new, what in _subs(code, pattern, replacement):
                add(category, i, new + tail, what)
        if re.match(r"\s*(for|while)\b", code) or "nextInt" in code or "pow" in code:
            for category, pattern, replacement in BOUND_SUBSTITUTIONS:
                for new, what in _subs(code, pattern, replacement):
                    add(category, i, new + tail, what)
        # factor: drop either operand of a product, or double one
        for m in re.finditer(rf"({TOKEN}) \* ({TOKEN})", code):
            left, right = m.group(1), m.group(2)
            add("factor", i, code[:m.start()] + right + code[m.end():] + tail, f"{m.group(0)} (drop {left})")
            add("factor", i, code[:m.start()] + left + code[m.end():] + tail, f"{m.group(0)} (drop {right})")
        for m in re.finditer(rf"(?<=[=(] )({TOKEN}) \*", code):
            add("factor", i, code[:m.start()] + "2 * " + code[m.start():] + tail, f"{m.group(0)} (doubled)")
        for new, what in _subs(code, rf" / ({TOKEN})", r""):
            add("factor", i, new + tail, what + " (dropped)")
        for category, pattern, replacement in COPY_SUBSTITUTIONS:
            for new, what in _subs(code, pattern, replacement):
                add(category, i, new + tail, what)
        # swapped arguments / hyperparameters in one call: f(a, b) → f(b, a)
        for m in re.finditer(r"(\w+)\(([^(),]+), ([^(),]+)\)", code):
            if m.group(1) in ("fill",):
                continue
            add("swapped arguments", i,
                code[:m.start()] + f"{m.group(1)}({m.group(3)}, {m.group(2)})" + code[m.end():] + tail, m.group(0))
        if not re.match(r"\s*(for|while)\b", code):  # a comparison turned round, outside loop headers
            for replacement in (" > ", " <= "):
                for new, what in _subs(code, r"(?<=\w) < (?=\w)", replacement):
                    add("comparison", i, new + tail, what)
        # a statement deleted
        if STATEMENT.match(code) or re.match(r"\s*for\b.*\)\s*[^{;]+;\s*$", code):
            new = list(lines)
            new[i] = ""
            out.append(Mutant("statement deleted" if not re.match(r"\s*Arrays\.fill", code) else "accumulator",
                              f"line {i + 1}: {line.strip()} deleted", tuple(new)))
    # two hyperparameters swapped: each pair of distinct decimal literals exchanged everywhere
    literals = sorted({m for line in lines for m in re.findall(r"(?<![\w.])\d+\.\d+(?:e-?\d+)?", line.split("//")[0])
                       if float(m) not in (0.0, 1.0, 2.0)})
    for a in range(len(literals)):
        for b in range(a + 1, len(literals)):
            x, y = literals[a], literals[b]
            pat = re.compile(rf"(?<![\w.])({re.escape(x)}|{re.escape(y)})(?![\w.])")
            new = tuple(pat.sub(lambda m: y if m.group(1) == x else x, line) for line in lines)
            out.append(Mutant("swapped arguments", f"{x} ↔ {y} everywhere", new))
    # two adjacent statements swapped
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if STATEMENT.match(a.split("//")[0]) and STATEMENT.match(b.split("//")[0]) and \
                len(a) - len(a.lstrip()) == len(b) - len(b.lstrip()):
            new = list(lines)
            new[i], new[i + 1] = b, a
            out.append(Mutant("statement order", f"lines {i + 1}–{i + 2} swapped: {a.strip()} / {b.strip()}",
                              tuple(new)))
    # an accumulator reused: its `= 0` reset moved from inside a loop to before it
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)(double|int) (\w+) = 0;", line)
        if not m:
            continue
        for k in range(i - 1, -1, -1):
            if re.match(r"\s*for\b.*\{\s*$", lines[k]) and \
                    len(lines[k]) - len(lines[k].lstrip()) < len(m.group(1)):
                new = list(lines)
                del new[i]
                new.insert(k, lines[k][:len(lines[k]) - len(lines[k].lstrip())] + line.strip())
                out.append(Mutant("accumulator", f"line {i + 1}: {line.strip()} moved before the loop", tuple(new)))
                break
    # return early: the final `return x;` also at the end of the first loop's body (the first pass decides)
    ret = [i for i, line in enumerate(lines) if re.match(r"\s*return\b[^;]*;", line)]
    loops = [i for i, line in enumerate(lines) if re.match(r"\s*(for|while)\b.*\{\s*$", line)]
    if loops:
        k = loops[0]
        ind = len(lines[k]) - len(lines[k].lstrip())
        end = next((j for j in range(k + 1, len(lines)) if lines[j].strip() == "}" and
                    len(lines[j]) - len(lines[j].lstrip()) == ind), None)
        if end is not None:
            stmt = lines[ret[-1]].strip() if ret and ret[-1] > end else "return;"
            if stmt != "return;" or not ret:
                new = list(lines)
                new.insert(end, " " * (ind + 4) + stmt)
                out.append(Mutant("return early", f"`{stmt}` at the end of the loop's first pass", tuple(new)))
    # de-duplicate (two operators can write the same text)
    seen, unique = set(), []
    for mu in out:
        if mu.lines not in seen and mu.lines != tuple(lines):
            seen.add(mu.lines)
            unique.append(mu)
    return unique


def list_mutants(line):
    """Mutants of a list answer (`String[] x = {"a", "b"};`): an entry left out, one added that does not belong."""
    m = re.match(r'^(.*\{)(.*)(\};.*)$', line)
    items = [t.strip() for t in m.group(2).split(",")]
    out = []
    for k, item in enumerate(items):
        rest = items[:k] + items[k + 1:]
        out.append(Mutant("statement deleted", f"{item} left out", (m.group(1) + ", ".join(rest) + m.group(3),)))
    for extra in ('"weights"', '"bias"', '"gradient"'):
        out.append(Mutant("value", f"+1 {extra} added", (m.group(1) + ", ".join(items + [extra]) + m.group(3),)))
    return out


def is_value_answer(lines):
    body = [l for l in lines if l.strip() and not l.strip().startswith("//")]
    return bool(body) and all(VALUE.match(l) or re.match(r"\s*String\[\]", l) for l in body)


def region_lines(region):
    """The solution's own lines, from the BEGIN line to the END line, without the stub, indented as with_answer
    will indent them (relative to the markers)."""
    indent = len(region[0]) - len(region[0].lstrip())
    return [l[indent:] if l[:indent].strip() == "" else l.lstrip()
            for l in region[1:-1] if "// STUB:" not in l]


def mutants(lines):
    """The mutants of a solution region's inner lines (between the markers)."""
    lines = list(lines)
    if len(lines) == 1 and re.match(r"\s*String\[\]", lines[0]):
        return list_mutants(lines[0])
    if is_value_answer(lines):
        return value_mutants(lines)
    return code_mutants(lines)


if __name__ == "__main__":
    import os

    import nbformat
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import editions
    for path in sys.argv[1:]:
        nb = nbformat.read(path, as_version=4)
        for sol, _ in editions.exercises(nb):
            src = nb.cells[sol].source.splitlines()
            (b, e), = editions.solution_regions(nb.cells[sol].source)
            inner = region_lines(src[b:e + 1])
            for mu in mutants(inner):
                print(f"[{sol}] {mu.key}")
