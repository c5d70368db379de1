"""Measures the memory of the course kernel as a class uses it: each notebook in a kernel of its own.

    python tools/kernel_memory.py [--only 03 05 ...] [--edition student|instructor] [--keep-open]
                                  [--copies N] [--idle SECONDS] [--memory-limit 2G] [--json FILE]

For each notebook a kernel starts (jupyter_client, the installed `descent-java` kernelspec), the notebook's
edition (tools/editions.py; the student's by default) runs cell by cell, and a sampler reads the resident
memory (RSS) of the kernel's whole process tree every 20 ms: the peak while it runs, and the RSS once the
kernel has been idle for --idle seconds after its last cell (what a notebook left open in a tab holds).

- default: one notebook after another, each kernel shut down after its row is measured;
- --keep-open: every kernel stays running until the last notebook is done (a student who opens the
  course's notebooks one after another and never closes one); the total of all kernels is printed;
- --copies N: N kernels at once run each notebook (N students pressing "Run all" together);
- --memory-limit SIZE: the whole run (this process and every kernel it starts) inside a memory cgroup
  with that limit (cgroup v2, else v1, else `systemd-run --scope -p MemoryMax=`); the kernel is killed by
  the kernel's OOM killer if the limit is too small, and the report says so. If no cgroup can be made
  the run says so and exits with status 3, never pretending the limit was there.

Exit status 1 if a notebook failed (an error, a dead kernel, a timeout). --json writes every figure.
"""
import argparse
import json
import os
import ctypes
import gc
import re
import statistics
import subprocess
import sys
import threading
import time

import nbformat
import psutil
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editions  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1024 * 1024


def lean_malloc():
    """This process stands in for the Jupyter server inside the limit, but it also receives every notebook's
    outputs (a chart with plotly.js is 3.5 MB of text). glibc's malloc keeps the memory such strings leave behind:
    after one is freed it raises its mmap threshold, so later ones come from per-thread arenas and stay there. With
    16 notebooks this process grew to 375 MB and was the one the limit's OOM killer chose. Large blocks always
    mapped (and unmapped when freed), two arenas: its own memory stays that of a server, not of a notebook archive."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD: blocks of 1 MB and more are mapped, returned when freed
        libc.mallopt(-8, 2)        # M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def release_memory():
    """What a notebook's run left in this process (its outputs, the client's buffers) back to the system."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def tree_rss(pid):
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    return tree_sum(pid, lambda p: p.memory_info().rss)


def tree_pss(pid):
    """Proportional set size of a process and its descendants: each shared page (the JVM's library, the class-data
    archives, the JDK's modules file, about 55 MB a kernel) divided among the processes that map it, so that the
    PSS of many kernels adds up to the memory they take together, where their RSS counts those pages once a kernel."""
    return tree_sum(pid, lambda p: p.memory_full_info().pss)


def tree_sum(pid, measure):
    """measure(process) summed over a process and all its descendants (0 once it is gone)."""
    try:
        proc = psutil.Process(pid)
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += measure(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


class Sampler:
    """Samples a process tree's RSS on a thread of its own; .peak is the largest sample so far."""

    def __init__(self, pid, every=0.02):
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.every)

    def stop(self):
        self._stop.set()
        self._thread.join()
        return self.peak


class MemoryCgroup:
    """A child memory cgroup with a hard limit that this process joins (so every kernel it starts is in it
    too), or None from .make() where the machine allows none. v2: memory.max, memory.peak, memory.events;
    v1: memory.limit_in_bytes, memory.max_usage_in_bytes, memory.oom_control."""

    def __init__(self, path, version, limit):
        self.path, self.version, self.limit = path, version, limit
        self.kind = f"cgroup v{version} ({path})"

    @staticmethod
    def _own(controller_line):
        with open("/proc/self/cgroup") as f:
            for line in f:
                number, controllers, path = line.rstrip("\n").split(":", 2)
                if controller_line(number, controllers):
                    return path
        return None

    @classmethod
    def make(cls, limit):
        name = f"descent-memory-{os.getpid()}"
        unified = "/sys/fs/cgroup"
        if os.path.exists(os.path.join(unified, "cgroup.controllers")):
            parent = os.path.join(unified, cls._own(lambda n, c: n == "0").lstrip("/"))
            try:
                if "memory" in open(os.path.join(parent, "cgroup.subtree_control")).read().split():
                    return cls._create(os.path.join(parent, name), 2, limit)
            except OSError:
                pass
        v1 = "/sys/fs/cgroup/memory"
        own = cls._own(lambda n, c: "memory" in c.split(","))
        if own is not None and os.path.isdir(v1):
            try:
                return cls._create(os.path.join(v1, own.lstrip("/"), name), 1, limit)
            except OSError:
                pass
        return None

    @classmethod
    def _create(cls, path, version, limit):
        os.mkdir(path)
        group = cls(path, version, limit)
        try:
            group._write("memory.max" if version == 2 else "memory.limit_in_bytes", str(limit))
            if version == 1:
                try:
                    group._write("memory.memsw.limit_in_bytes", str(limit))  # no swap around the limit
                except OSError:
                    pass
            group._write("cgroup.procs", str(os.getpid()))
        except OSError:
            os.rmdir(path)
            raise
        return group

    def _write(self, name, value):
        with open(os.path.join(self.path, name), "w") as f:
            f.write(value)

    def _read(self, name):
        with open(os.path.join(self.path, name)) as f:
            return f.read()

    def usage(self):
        return int(self._read("memory.current" if self.version == 2 else "memory.usage_in_bytes"))

    def peak(self):
        try:
            return int(self._read("memory.peak" if self.version == 2 else "memory.max_usage_in_bytes"))
        except OSError:
            return None

    def oom_kills(self):
        text = self._read("memory.events" if self.version == 2 else "memory.oom_control")
        match = re.search(r"^oom_kill (\d+)", text, re.M)
        return int(match.group(1)) if match else 0

    def leave(self):
        """Moves this process back to its parent group and removes the child (once it is empty)."""
        parent = os.path.dirname(self.path)
        with open(os.path.join(parent, "cgroup.procs"), "w") as f:
            f.write(str(os.getpid()))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.rmdir(self.path)
                return
            except OSError:
                time.sleep(0.2)


def parse_size(text):
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?)i?B?", text.strip(), re.I)
    if not match:
        raise argparse.ArgumentTypeError(f"--memory-limit must be a size such as 2G or 1536M, got {text!r}")
    return int(float(match.group(1)) * {"": 1, "K": 1024, "M": MB, "G": 1024 * MB}[match.group(2).upper()])


class Run:
    """One notebook in one kernel: started, executed on a thread, measured; the kernel kept until .close()."""

    def __init__(self, path, edition, kernel, timeout):
        self.name = os.path.basename(path)
        self.nb = editions.make(nbformat.read(path, as_version=4), edition)
        self.km = KernelManager(kernel_name=kernel)
        self.timeout, self.error, self.peak, self.idle = timeout, None, 0, None
        self.log = open(os.devnull, "w")
        self.folder = os.path.dirname(path)

    def start(self):
        self.started = time.monotonic()
        self.km.start_kernel(cwd=self.folder, stdout=self.log, stderr=self.log)
        self.pid = self.km.provisioner.process.pid
        try:  # the kernel does not inherit the runner's protection from the OOM killer (see main)
            with open(f"/proc/{self.pid}/oom_score_adj", "w") as f:
                f.write("0")
        except OSError:
            pass
        self.sampler = Sampler(self.pid)
        self.thread = threading.Thread(target=self._execute, daemon=True)
        self.thread.start()

    def _execute(self):
        client = NotebookClient(self.nb, km=self.km, timeout=self.timeout, allow_errors=False,
                                startup_timeout=60, resources={"metadata": {"path": self.folder}})
        try:
            client.execute(cleanup_kc=False)  # the kernel stays: its idle memory is measured next
        except Exception as e:  # noqa: BLE001 — any failure is this notebook's result
            self.error = f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"
        if self.error is None:
            for cell in self.nb.cells:
                for out in cell.get("outputs", []):
                    if out.output_type == "error":
                        self.error = f"{out.ename}: {out.evalue}"
        self.seconds = time.monotonic() - self.started
        self.nb = None  # its outputs (charts, plotly.js copies) would weigh on the measuring process itself
        del client
        release_memory()

    def wait(self, idle):
        """Waits for the last cell, lets the kernel sit idle for `idle` seconds, takes the idle RSS."""
        self.thread.join()
        if self.km.is_alive():
            time.sleep(idle)
            self.idle = tree_rss(self.pid)
        elif self.error is None:
            self.error = "the kernel died"
        self.peak = max(self.sampler.stop(), self.idle or 0)

    def close(self):
        try:
            if self.km.is_alive():
                self.km.shutdown_kernel(now=False)
        finally:
            if self.km.has_kernel and self.km.is_alive():
                self.km.shutdown_kernel(now=True)
            self.log.close()

    def row(self):
        return {"notebook": self.name, "peak_mb": round(self.peak / MB), "idle_mb": round((self.idle or 0) / MB),
                "seconds": round(self.seconds, 1), "error": self.error}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[], help="notebooks whose name starts with these")
    parser.add_argument("--edition", choices=["student", "instructor"], default="student")
    parser.add_argument("--keep-open", action="store_true", help="leave every kernel running until the end")
    parser.add_argument("--copies", type=int, default=1, help="kernels running each notebook at once")
    parser.add_argument("--idle", type=float, default=5.0, help="seconds idle after the last cell (default 5)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    parser.add_argument("--memory-limit", type=parse_size, help="run inside a memory cgroup of this size")
    parser.add_argument("--kernel", default="descent-java")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    lean_malloc()
    if args.copies < 1:
        parser.error(f"--copies must be at least 1, got {args.copies}")
    if args.idle < 0:
        parser.error(f"--idle must be 0 or more seconds, got {args.idle}")
    folder = os.path.join(ROOT, "notebooks")
    paths = sorted(p for p in (os.path.join(folder, n) for n in os.listdir(folder))
                   if re.match(r"\d\d-.*\.ipynb$", os.path.basename(p))
                   and (not args.only or any(os.path.basename(p).startswith(o) for o in args.only)))
    if not paths:
        sys.exit(f"error: no notebook matches --only {' '.join(args.only)}")

    group = None
    if args.memory_limit:
        group = MemoryCgroup.make(args.memory_limit)
        if group is None and subprocess.run(["sh", "-c", "command -v systemd-run"], capture_output=True).returncode == 0 \
                and not os.environ.get("DESCENT_IN_SCOPE"):
            scope = subprocess.run(["systemd-run", "--scope", "--quiet", "-p", f"MemoryMax={args.memory_limit}",
                                    "--setenv=DESCENT_IN_SCOPE=1", sys.executable, *sys.argv])
            sys.exit(scope.returncode)
        if group is None and not os.environ.get("DESCENT_IN_SCOPE"):
            print("no memory cgroup can be made here (neither cgroup v2 nor v1 nor systemd-run): "
                  "the limit was not applied", flush=True)
            return 3
        try:  # when the limit is reached, the OOM killer is to take a kernel (what the run reports), not the runner
            with open("/proc/self/oom_score_adj", "w") as f:
                f.write("-900")
        except OSError:
            pass
        where = group.kind if group else "systemd-run scope"
        print(f"memory limit {args.memory_limit / MB:.0f} MB: {where}", flush=True)

    from jupyter_client.kernelspec import KernelSpecManager
    kind = KernelSpecManager().get_kernel_spec(args.kernel).metadata.get("descent_kernel", "unknown")
    print(f"kernel: {args.kernel} ({kind})", flush=True)
    report = {"kernel": kind, "edition": args.edition, "copies": args.copies, "keep_open": args.keep_open,
              "limit_mb": round(args.memory_limit / MB) if args.memory_limit else None, "notebooks": []}
    open_runs, failed = [], 0
    try:
        for path in paths:
            runs = [Run(path, args.edition, args.kernel, args.timeout) for _ in range(args.copies)]
            for run in runs:
                run.start()
            for run in runs:
                run.wait(args.idle)
            rows = [run.row() for run in runs]
            failed += sum(1 for r in rows if r["error"])
            if args.copies == 1:
                row = rows[0]
                open_total = sum(tree_rss(r.pid) for r in open_runs + runs) if args.keep_open else None
                print(f"{row['notebook']:<48} peak {row['peak_mb']:>4} MB  idle {row['idle_mb']:>4} MB"
                      f"  {row['seconds']:>5} s" + (f"  open kernels {open_total / MB:>5.0f} MB" if open_total else "")
                      + (f"  FAILED: {row['error']}" if row["error"] else ""), flush=True)
                report["notebooks"].append(dict(row, open_kernels_mb=round(open_total / MB) if open_total else None))
            else:
                total = sum(r.peak for r in runs)
                print(f"{rows[0]['notebook']}: {args.copies} kernels at once, "
                      f"{sum(1 for r in rows if not r['error'])} finished; "
                      f"seconds {min(r['seconds'] for r in rows)}–{max(r['seconds'] for r in rows)}; "
                      f"peak per kernel {min(r['peak_mb'] for r in rows)}–{max(r['peak_mb'] for r in rows)} MB, "
                      f"sum of peaks {total / MB:.0f} MB; idle sum {sum(r['idle_mb'] for r in rows)} MB"
                      + "".join(f"\n    FAILED {i}: {r['error']}" for i, r in enumerate(rows) if r["error"]),
                      flush=True)
                report["notebooks"].append({"notebook": rows[0]["notebook"], "kernels": rows,
                                            "sum_of_peaks_mb": round(total / MB)})
            if args.keep_open:
                open_runs += runs
            else:
                for run in runs:
                    run.close()
        if args.keep_open:
            total = sum(tree_rss(r.pid) for r in open_runs)
            pss = sum(tree_pss(r.pid) for r in open_runs)
            alive = sum(1 for r in open_runs if r.km.is_alive())
            report["open_kernels"] = {"count": len(open_runs), "alive": alive, "total_mb": round(total / MB),
                                      "total_pss_mb": round(pss / MB)}
            print(f"all {len(open_runs)} kernels open at once: {alive} alive, {total / MB:.0f} MB of RSS in total, "
                  f"{pss / MB:.0f} MB of PSS (shared pages counted once)", flush=True)
        if group:
            report["cgroup"] = {"kind": group.kind, "peak_mb": round((group.peak() or 0) / MB),
                                "usage_mb": round(group.usage() / MB), "oom_kills": group.oom_kills()}
            print(f"cgroup: peak {report['cgroup']['peak_mb']} MB of {args.memory_limit / MB:.0f} MB "
                  f"(page cache included), now {report['cgroup']['usage_mb']} MB, "
                  f"OOM kills {report['cgroup']['oom_kills']}", flush=True)
        peaks = [r["peak_mb"] for r in report["notebooks"] if "peak_mb" in r]
        if len(peaks) > 1:
            print(f"peak RSS median {statistics.median(peaks):.0f} MB, max {max(peaks)} MB", flush=True)
    finally:
        for run in open_runs:
            run.close()
        if group:
            group.leave()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
