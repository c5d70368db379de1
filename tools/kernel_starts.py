"""Starts the course kernel again and again through jupyter_client and counts the starts that hang.

    python tools/kernel_starts.py [--starts 200] [--kernel descent-java] [--plain] [--timeout 30]
                                  [--compare-unlean | --compare-imports-first]

Each start must answer kernel_info, run a cell (`1 + 1`) and shut down; a start that does not answer
within --timeout seconds counts as hung (and is killed). Prints one line per hung start and a summary
with the start and shutdown times. --plain runs rapaio-jupyter-kernel as its own jar instead of under
the course's launcher (kernel/), to measure the difference on the same machine in the same run.
Exit status 1 if any start hung.
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def plain_spec(spec_dir, kernel):
    """A copy of the installed kernelspec that runs rapaio-jupyter-kernel's own MainApp."""
    spec = KernelSpecManager().get_kernel_spec(kernel)
    argv = list(spec.argv)
    if "descent.kernel.RapaioLauncher" not in argv:
        sys.exit(f"error: the kernelspec {kernel} does not run the course's launcher; nothing to compare")
    classpath = argv[argv.index("-cp") + 1].split(os.pathsep)
    jar = next(j for j in classpath if "rapaio-jupyter-kernel" in j)
    argv = [a for a in argv[:argv.index("-cp")]] + ["-jar", jar, "{connection_file}"]
    folder = os.path.join(spec_dir, "kernels", kernel + "-plain")
    os.makedirs(folder)
    content = spec.to_dict()
    content["argv"] = argv
    with open(os.path.join(folder, "kernel.json"), "w") as f:
        json.dump(content, f)
    return kernel + "-plain"


def unlean_spec(spec_dir, kernel):
    """A copy of the installed kernelspec without what sizes it for a class (kernel/bin/descent-jvm, the lean JVM
    flags, the idle-memory agent, the class-data archive): the kernelspec as it was before them, to compare."""
    spec = KernelSpecManager().get_kernel_spec(kernel)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import kernel as course_kernel
    argv = list(spec.argv)
    if argv[:2] == ["sh", os.path.join(ROOT, "kernel", "bin", "descent-jvm")]:
        argv = argv[2:]
    argv = [a for a in argv if a not in course_kernel.LEAN_FLAGS and not a.startswith(
        ("-javaagent:", "-XX:SharedArchiveFile=", "-Xlog:cds"))]
    content = spec.to_dict()
    content["argv"] = argv
    for name in course_kernel.LEAN_ENV:
        content["env"].pop(name, None)
    folder = os.path.join(spec_dir, "kernels", kernel + "-unlean")
    os.makedirs(folder)
    with open(os.path.join(folder, "kernel.json"), "w") as f:
        json.dump(content, f)
    return kernel + "-unlean"


def imports_first_spec(spec_dir, kernel):
    """A copy of the installed kernelspec with DESCENT_DEFER_IMPORTS=off: rapaio's start-up imports (JShell's first
    compilation) are evaluated before the kernel serves, as rapaio does, not during the handshake
    (descent.kernel.StartupImports), to compare."""
    content = KernelSpecManager().get_kernel_spec(kernel).to_dict()
    content["env"]["DESCENT_DEFER_IMPORTS"] = "off"
    folder = os.path.join(spec_dir, "kernels", kernel + "-imports-first")
    os.makedirs(folder)
    with open(os.path.join(folder, "kernel.json"), "w") as f:
        json.dump(content, f)
    return kernel + "-imports-first"


def alternate(kernels, starts, timeout, log):
    """Starts each kernel `starts` times, taking turns (the order flips every round, so that drift in the
    machine's speed falls on both alike); prints each one's median and returns 1 if any start hung."""
    times = {name: [] for name in kernels}
    for k in range(starts):
        for name in kernels if k % 2 == 0 else kernels[::-1]:
            started, _ = one_start(name, timeout, log)
            times[name].append(started)
    for name, xs in times.items():
        ok = [x for x in xs if x is not None]
        print(f"{name}: start to first result median {statistics.median(ok):.2f} s "
              f"(max {max(ok):.2f}; {len(xs) - len(ok)} of {len(xs)} hung)")
    return 1 if any(x is None for xs in times.values() for x in xs) else 0


def one_start(kernel, timeout, log):
    """(seconds to a finished first cell, seconds to shut down) or (None, problem) if it hung."""
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        reply = kc.execute_interactive("1 + 1", timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            return None, f"first cell: {reply['content'].get('ename')}"
        started = time.monotonic() - t0
    except Exception as e:  # noqa: BLE001 — any failure to answer is a hung start
        km.shutdown_kernel(now=True)
        return None, f"{type(e).__name__}: {e}".strip()
    finally:
        kc.stop_channels()
    t1 = time.monotonic()
    km.shutdown_kernel()
    return started, time.monotonic() - t1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--starts", type=int, default=200)
    parser.add_argument("--kernel", default="descent-java")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--plain", action="store_true", help="without the course's launcher (for comparison)")
    parser.add_argument("--compare-unlean", action="store_true",
                        help="alternate each start with one of the kernelspec without its lean JVM settings")
    parser.add_argument("--compare-imports-first", action="store_true",
                        help="alternate each start with one of the kernelspec with DESCENT_DEFER_IMPORTS=off")
    args = parser.parse_args()
    if args.compare_unlean and args.compare_imports_first:
        parser.error("--compare-unlean and --compare-imports-first: choose one")
    if args.starts < 1:
        parser.error(f"--starts must be at least 1, got {args.starts}")
    spec_dir = tempfile.mkdtemp(prefix="kernel-starts-")
    try:
        kernel = args.kernel
        if args.plain:
            os.environ["JUPYTER_PATH"] = spec_dir + os.pathsep + os.environ.get("JUPYTER_PATH", "")
            kernel = plain_spec(spec_dir, args.kernel)
        if args.compare_unlean or args.compare_imports_first:
            os.environ["JUPYTER_PATH"] = spec_dir + os.pathsep + os.environ.get("JUPYTER_PATH", "")
            other = (unlean_spec if args.compare_unlean else imports_first_spec)(spec_dir, kernel)
            with open(os.path.join(spec_dir, "kernel.log"), "w") as log:
                return alternate([kernel, other], args.starts, args.timeout, log)
        starts, stops, hung = [], [], []
        with open(os.path.join(spec_dir, "kernel.log"), "w") as log:
            for k in range(1, args.starts + 1):
                started, second = one_start(kernel, args.timeout, log)
                if started is None:
                    hung.append(k)
                    print(f"start {k}: hung ({second})", flush=True)
                else:
                    starts.append(started)
                    stops.append(second)
        median = lambda xs: f"{statistics.median(xs):.2f}" if xs else "-"
        repaired = sum(1 for line in open(os.path.join(spec_dir, "kernel.log"), errors="replace")
                       if "had ended at start" in line)
        print(f"{kernel}: {len(hung)} of {args.starts} starts hung; "
              f"start to first result median {median(starts)} s (max {max(starts, default=0):.2f}); "
              f"shutdown median {median(stops)} s (max {max(stops, default=0):.2f})"
              + (f"; the launcher restarted {repaired} loop thread(s) that lost the start race" if repaired else ""))
        return 1 if hung else 0
    finally:
        shutil.rmtree(spec_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
