"""Executes the course notebooks in order and exports each to self-contained HTML.

    python tools/run_notebooks.py [--only 02 05 ...] [--timeout SECONDS] [--notebooks DIR] [--out DIR]

Every notebook is run in two editions (tools/editions.py): the instructor edition (solutions and
instructor notes) and the student edition (each solution replaced by a stub that reports "not done
yet"). Source notebooks are never modified. The instructor edition's executed copy goes to
<out>/executed and its page to <out>/html; the student edition's to <out>/executed/student and
<out>/html/student (pages are written to a temporary file, then renamed, and only when the notebook
succeeded). Both editions as clean .ipynb go to <out>/html/notebooks/{student,instructor}, an index of
the course linking all of them to <out>/html/index.html and a machine-readable summary to
<out>/summary.json. A notebook
fails on its first error output or any output on stderr; the report names the notebook, the cell
number, the cell's first line and the error. Exit status 1 if any notebook failed, 130 after Ctrl-C
(one line says what was stopped; no kernel is left running).
"""
import signal
import sys


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) or SIGTERM: the run ends with one line, and no kernel is left running."""

    def __init__(self, signum):
        super().__init__("Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name)


def on_stop_signal(signum, frame):
    raise Interrupted(signum)


# From here on, even where the runner was started with SIGINT ignored (as a shell starts a background
# job); during the slow imports below it ends the run with one line.
signal.signal(signal.SIGINT, on_stop_signal)
signal.signal(signal.SIGTERM, on_stop_signal)

import argparse
import contextlib
import glob
import html
import json
import os
import re
import shutil
import threading
import time

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbconvert import HTMLExporter
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import editions
except Interrupted as stop:
    print(f"stopped ({stop}) while starting: no notebook was run", flush=True)
    sys.exit(130)

STARTUP_TIMEOUT = 30   # seconds for a kernel to answer; a healthy one takes a few
STARTUP_ATTEMPTS = 4   # kernels started per notebook before giving up
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = "descent-java"
NOISE = re.compile(r"java\.io\.PrintStream@[0-9a-f]+")  # what printf(...) returns, shown as a value
OBJECT_TEXT = re.compile(r"[\w.$]+@[0-9a-f]+")  # Object.toString(): IJava's text copy beside an image
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def first_error(nb):
    """(cell number, first line, message) of the first error or stderr output, or None."""
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        first = next((l for l in cell.source.splitlines() if l.strip()), "")
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                return number, first, f"{out.ename}: {out.evalue}".strip()
            data = out.get("data", {}) if out.output_type == "execute_result" else {}
            # IJava puts a value in text/plain, rapaio in text/html
            value = "".join(data.get("text/html", "") or data.get("text/plain", "")).strip()
            if UUID.fullmatch(value) or NOISE.fullmatch(value):
                return number, first, ("the cell ends with an expression whose value is noise (a display id or "
                                       "printf's PrintStream): end it with println, the chart itself, or a statement")
            if out.output_type == "stream" and out.name == "stderr" and out.text.strip():
                return number, first, "output on stderr: " + out.text.strip().splitlines()[0]
    return None


def scrub(nb):
    """Drops per-run metadata (timestamps) so two runs export the same HTML, drops the text copy of an
    image ("java.awt.image.BufferedImage@1a2b…", which IJava sends beside the picture), and joins the
    pieces of text a kernel may stream separately (one printf can arrive in several) into one output."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data and OBJECT_TEXT.fullmatch("".join(data.get("text/plain", "")).strip()):
                del data["text/plain"]
        merged = []
        for out in cell.get("outputs", []):
            if (out.output_type == "stream" and merged and merged[-1].output_type == "stream"
                    and merged[-1].name == out.name):
                merged[-1].text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged
    nb.metadata.pop("widgets", None)


def copy_assets(html_dir):
    mathjax = os.path.join(ROOT, "node_modules", "mathjax", "es5")
    if not os.path.isdir(mathjax):
        sys.exit("error: node_modules/mathjax is missing: run ./course build (it runs npm ci)")
    target = os.path.join(html_dir, "assets", "mathjax")
    os.makedirs(target, exist_ok=True)
    shutil.copy2(os.path.join(mathjax, "tex-chtml-full.js"), target)
    fonts = os.path.join("output", "chtml", "fonts", "woff-v2")
    shutil.copytree(os.path.join(mathjax, fonts), os.path.join(target, fonts), dirs_exist_ok=True)
    plotly = os.path.join(ROOT, "node_modules", "plotly.js-dist-min", "plotly.min.js")
    if not os.path.isfile(plotly):
        sys.exit("error: node_modules/plotly.js-dist-min is missing: run ./course build (it runs npm ci)")
    shutil.copy2(plotly, os.path.join(html_dir, "assets", "plotly.min.js"))


# How the library inlines plotly.js into an output (Surface3D, Explorer): each interactive output carries
# its own copy, so that it works alone in JupyterLab. A page needs it once, from its assets.
PLOTLY_INLINE = re.compile(r"<script>if \(typeof Plotly === 'undefined'\) \{\n.*?\n\}</script>\n?", re.S)


def share_plotly(body):
    """Replaces the copies of plotly.js inlined by interactive outputs with one script from the page's
    assets (copied by copy_assets): a page with four explorers would otherwise weigh 20 MB."""
    if not PLOTLY_INLINE.search(body):
        return body
    body = PLOTLY_INLINE.sub("", body)
    return body.replace("</head>", '<script src="assets/plotly.min.js"></script>\n</head>', 1)


def export(nb, path, exporter):
    body, _ = exporter.from_notebook_node(nb)
    body = share_plotly(body)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(body)
    os.replace(tmp, path)


def write_index(html_dir, rows):
    """The course in order: each notebook's student and instructor edition, as a page and as .ipynb."""
    items = []
    for r in rows:
        mark = "" if r["status"] == "ok" else f' <span class="failed">({html.escape(r["status"])})</span>'
        restarts = len(r.get("kernel_restarts", [])) + len(r.get("student", {}).get("kernel_restarts", []))
        if restarts:  # a retried kernel is part of the truth about the run
            first = (r.get("kernel_restarts") or r["student"]["kernel_restarts"])[0]
            mark += f' <span class="note">(kernel restarted {restarts}×: {html.escape(first[:80])})</span>'
        page = html.escape(r["html"])
        nb = html.escape(r["notebook"])

        def link(path, text):
            return f'<a href="{path}">{text}</a>' if os.path.exists(os.path.join(html_dir, path)) else text

        student = f'{link("student/" + page, "page")} · {link("notebooks/student/" + nb, ".ipynb")}'
        instructor = f'{link(page, "page")} · {link("notebooks/instructor/" + nb, ".ipynb")}'
        items.append(f'<tr><td class="title">{html.escape(r["title"])}{mark}</td>'
                     f"<td>{student}</td><td>{instructor}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Gradient descent in Java</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:3rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse;width:100%}} th,td{{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd}}
th{{border-bottom:2px solid #444}} .failed{{color:#b00}} .note{{color:#666;font-size:.9em}}</style></head>
<body><h1>Gradient descent in Java</h1>
<p>The course notebooks, executed and exported, in order. The <b>student edition</b> has every exercise
open: its check says "not done yet" until the student writes the answer. The <b>instructor edition</b>
has the solutions, their feedback and instructor notes (timing, expected answers, common mistakes). The
.ipynb files open in JupyterLab with the course's Java kernel.</p>
<table><thead><tr><th>Notebook</th><th>Student edition</th><th>Instructor edition</th></tr></thead>
<tbody>
{chr(10).join(items)}
</tbody></table></body></html>
"""
    with open(os.path.join(html_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)


@contextlib.contextmanager
def kernel_log(path):
    """Sends what the kernel process prints on its own stdout/stderr (start-up and logging chatter,
    not cell output) to a log file instead of the console."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


class Stopped(Exception):
    """The run was interrupted in a notebook: it ends once that notebook's kernel is gone; no page is
    written for the notebook."""

    def __init__(self, why, notebook, where):
        super().__init__(notebook)
        self.why, self.notebook, self.where = why, notebook, where


def kill_kernel(client):
    """Ends the notebook's kernel process if it is still there (nbclient's own clean-up does not run
    when Ctrl-C arrives while it waits for a reply)."""
    km = getattr(client, "km", None)
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        process.kill()
        process.wait(10)
    connection_file = getattr(km, "connection_file", None)
    if connection_file and os.path.exists(connection_file):
        os.remove(connection_file)


def execute_off_the_main_thread(client):
    """Runs the notebook on a worker thread. Ctrl-C (SIGINT) reaches only the main thread, which waits
    here: it ends the kernel, lets the worker fail on the dead kernel, and raises KeyboardInterrupt.
    (On the main thread nbclient takes SIGINT itself, shuts the kernel down and carries on as if a cell
    had failed: the run then reported a stopped notebook as a failed start and retried it.)"""
    failure = []

    def work():
        try:
            client.execute()
        except BaseException as e:  # noqa: B036 — handed to the main thread as it is
            failure.append(e)

    worker = threading.Thread(target=work, name="notebook", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the tidy-up
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        deadline = time.monotonic() + STARTUP_TIMEOUT + 10
        while worker.is_alive() and time.monotonic() < deadline:
            kill_kernel(client)  # again and again: the kernel may be starting right now
            worker.join(0.5)
        kill_kernel(client)
        raise
    if failure:
        raise failure[0]


def describe_cell(nb, cell):
    """'cell N ('first line')' for a code cell, N counting code cells as the reports do."""
    number, first, _ = cell_report(nb, cell, "")
    return f"cell {number} ({first[:60]!r})"



def run(path, out, timeout, exporter, kernel, edition="instructor"):
    """Executes one edition of one notebook; the row for the summary. row["failed_start"] marks a kernel
    that never ran a cell (worth another try); any other failure names its cell."""
    name = os.path.basename(path)
    sub = "" if edition == "instructor" else edition
    row = {"notebook": name, "title": name, "html": name.replace(".ipynb", ".html"), "cells": 0,
           "seconds": 0.0, "status": "ok"}
    try:
        nb = editions.make(nbformat.read(path, as_version=4), edition)
    except editions.MarkerError as e:
        row.update(status="FAILED", error=f"solution markers: {e}")
        return row
    except Exception as e:  # not JSON, not a notebook: this notebook fails, the others still run
        row.update(status="FAILED", error=f"not a readable notebook file ({type(e).__name__}): {str(e)[:200]}")
        return row
    folder = os.path.join(out, "html", "notebooks", edition)  # the clean edition, to open in JupyterLab
    os.makedirs(folder, exist_ok=True)
    nbformat.write(nb, os.path.join(folder, name))
    row.update(title=title_of(nb, name), cells=sum(1 for c in nb.cells if c.cell_type == "code"))
    running = []  # the cells started, in order: the last one is the cell a timeout or a Ctrl-C hit
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, allow_errors=False,
                            startup_timeout=STARTUP_TIMEOUT, on_cell_execute=lambda cell, **_: running.append(cell),
                            resources={"metadata": {"path": os.path.dirname(path)}})
    start = time.time()
    error = None
    try:
        with kernel_log(os.path.join(out, "kernel.log")):
            execute_off_the_main_thread(client)
    except KeyboardInterrupt as stop:
        where = describe_cell(nb, running[-1]) if running else "before its first cell (the kernel was starting)"
        raise Stopped(stop, name, where) from None
    except CellTimeoutError:
        error = cell_report(nb, running[-1], f"no result within the {timeout} s per-cell timeout (--timeout)")
    except DeadKernelError as e:
        if running:
            error = cell_report(nb, running[-1], f"the kernel died while running this cell ({e})")
        else:
            row.update(failed_start=True, error=f"the kernel died before the first cell: {e}")
    except CellExecutionError:
        pass  # reported from the outputs below
    except Exception as e:  # the kernel would not start, etc.
        if running:
            error = cell_report(nb, running[-1], f"{type(e).__name__}: {e}")
        else:
            row.update(failed_start=True, error=f"the kernel did not start: {type(e).__name__}: {e}")
    kill_kernel(client)  # normally gone already; never left behind by a failure
    row["seconds"] = round(time.time() - start, 1)
    scrub(nb)
    os.makedirs(os.path.join(out, "executed", sub), exist_ok=True)
    nbformat.write(nb, os.path.join(out, "executed", sub, name))
    error = error or first_error(nb)
    if error:
        row["cell"], row["first_line"], row["error"] = error
    if error or "error" in row:
        row["status"] = "FAILED"
    else:
        os.makedirs(os.path.join(out, "html", sub), exist_ok=True)
        export(nb, os.path.join(out, "html", sub, row["html"]), exporter)
    return row


def cell_report(nb, cell, message):
    """(cell number, first line, message) for a code cell, numbered as the reports number them."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    return code.index(cell) + 1, next((l for l in cell.source.splitlines() if l.strip()), ""), message


def run_edition(path, args, exporter, edition):
    row = run(path, args.out, args.timeout, exporter, args.kernel, edition)
    for attempt in range(2, STARTUP_ATTEMPTS + 1):
        if not row.get("failed_start"):
            break
        # the kernel never answered: try a fresh one, and say so in the summary
        print(f"(kernel did not start: attempt {attempt})", end=" ", flush=True)
        restarts = row.get("kernel_restarts", []) + [row["error"]]
        row = run(path, args.out, args.timeout, exporter, args.kernel, edition)
        row["kernel_restarts"] = restarts
    return row


def run_all(paths, args, exporter, rows):
    for k, path in enumerate(paths, 1):
        name = os.path.basename(path)
        print(f"[{k}/{len(paths)}] {name} ...", end=" ", flush=True)
        row = run_edition(path, args, exporter, "instructor")
        if row.get("failed_start"):  # a kernel that will not start fails the student edition the same way
            student = {"status": "not run", "seconds": 0.0, "error": "the instructor edition's kernel did not start"}
        else:
            student = run_edition(path, args, exporter, "student")
        row["student"] = {key: student[key] for key in ("status", "seconds", "cell", "first_line", "error",
                                                       "kernel_restarts") if key in student}
        if student["status"] not in ("ok", "not run") and row["status"] == "ok":
            row.update(status="FAILED", edition="student",
                       **{key: student[key] for key in ("cell", "first_line", "error") if key in student})
        rows.append(row)
        if row["status"] == "ok":
            print(f"ok ({row['cells']} cells; instructor {row['seconds']} s, student {student['seconds']} s)",
                  flush=True)
        else:
            where = f"cell {row['cell']} ({row['first_line'][:60]!r}): " if "cell" in row else ""
            which = f" (student edition)" if row.get("edition") == "student" else ""
            print(f"FAILED\n    {name}{which}: {where}{row['error']}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[], help="run notebooks whose name starts with these")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("DESCENT_CELL_TIMEOUT", 300)),
                        help="seconds allowed per cell (default 300, or $DESCENT_CELL_TIMEOUT)")
    parser.add_argument("--notebooks", default=os.path.join(ROOT, "notebooks"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build"))
    parser.add_argument("--kernel", default=KERNEL)
    args = parser.parse_args()
    if args.timeout <= 0:
        parser.error(f"--timeout must be a positive number of seconds, got {args.timeout}")

    paths = sorted(glob.glob(os.path.join(args.notebooks, "[0-9][0-9]-*.ipynb")))
    if args.only:
        paths = [p for p in paths if any(os.path.basename(p).startswith(o) for o in args.only)]
    if not paths:
        what = f"--only {' '.join(args.only)} matches none of the" if args.only else "there are no"
        sys.exit(f"error: {what} notebooks NN-*.ipynb in {args.notebooks}")
    html_dir = os.path.join(args.out, "html")
    os.makedirs(html_dir, exist_ok=True)
    copy_assets(html_dir)
    copy_assets(os.path.join(html_dir, "student"))
    exporter = HTMLExporter(template_name="descent",
                            extra_template_basedirs=[os.path.join(ROOT, "tools", "nbconvert", "templates")])

    rows = []
    try:
        run_all(paths, args, exporter, rows)
    except (Stopped, KeyboardInterrupt) as stop:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the tidy-up
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if isinstance(stop, Stopped):
            why, where = stop.why, f"in {stop.notebook}, {stop.where}; no page written for it"
        else:
            why, where = stop, "between notebooks"
        print(f"\nstopped ({why}) {where}; {len(rows)} notebook(s) finished before", flush=True)
        if rows:
            write_index(html_dir, rows)
        return 130

    write_index(html_dir, rows)
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(rows, f, indent=1)
    width = max(len(r["notebook"]) for r in rows)
    print(f"\n{'notebook':<{width}}  cells  seconds  status")
    for r in rows:
        restarts = len(r.get("kernel_restarts", []))
        note = f"  (kernel restarted {restarts}x)" if restarts else ""
        print(f"{r['notebook']:<{width}}  {r['cells']:>5}  {r['seconds']:>7}  {r['status']}{note}")
    failed = [r for r in rows if r["status"] != "ok"]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} notebooks ok; HTML in {html_dir}/index.html")
    return 1 if failed else 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # skip nbclient's atexit clean-up of kernels already shut down (it only prints noise)
