"""The course's Python formulas timed on the same shapes as the JMH benchmarks (issues #6, #17).

Full-batch MSE gradient  2/m * X.T.dot(X.dot(w) - y)  and log-loss gradient
X.T.dot(exp(-logaddexp(0, -X.dot(w))) - y) / m  (σ(z) = exp(−log(1 + e^−z)), finite for any z)
for m in {1e3, 1e5, 1e6}, n in {2, 16, 128},
and one epoch of per-sample SGD written as the course's Python loop (one row at a time).
Timing mirrors JMH's: warm-up rounds, then rounds of at least `--seconds` each; the mean time per
call over the measured rounds is reported. With `--processes K` the gradients are timed in K fresh
Python processes and each figure is the median of theirs (as the JMH goal figures are the median of
three JVMs: one process can run at half the speed of another on a shared machine). Prints JSON on stdout.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np


def time_call(fn, warmups, rounds, seconds):
    for _ in range(warmups):
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            fn()
    per_call = []
    for _ in range(rounds):
        calls, start = 0, time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        per_call.append(elapsed / calls)
    return float(np.mean(per_call)), float(np.std(per_call))


def problem(m, n, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, size=(m, n))
    y = x @ (np.arange(n) % 3 - 1.0) + 0.1 * (rng.uniform(size=m) - 0.5)
    w = 0.01 * np.arange(1, n + 1, dtype=float)
    return x, y, w


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--mse-only", action="store_true", help="only the MSE gradient (no log loss, no SGD epoch)")
    parser.add_argument("--gradients-only", action="store_true", help="the gradients, no SGD epoch")
    parser.add_argument("--processes", type=int, default=1, help="time the gradients in this many processes")
    args = parser.parse_args()
    results = {"numpy": np.__version__, "mse": [], "logloss": [], "sgd_epoch": None}
    if args.processes > 1:
        results.update(gradients_in_processes(args))
    else:
        gradients(args, results)
    if args.mse_only or args.gradients_only:
        print(json.dumps(results, indent=1))
        return
    m, n = 1_000_000, 16
    x, y, w = problem(m, n, 45)
    order = np.random.default_rng(8).permutation(m)

    def epoch():
        nonlocal w
        for i in order:
            xi = x[i]
            w = w - 1e-4 * 2 * xi * (xi.dot(w) - y[i])

    start = time.perf_counter()
    epoch()
    results["sgd_epoch"] = {"m": m, "n": n, "seconds": time.perf_counter() - start}
    print(json.dumps(results, indent=1))


def gradients_in_processes(args):
    """Each gradient's median over args.processes fresh processes, with every process's figure kept."""
    child = [sys.executable, __file__, "--gradients-only", "--warmups", str(args.warmups),
             "--rounds", str(args.rounds), "--seconds", str(args.seconds)] + (["--mse-only"] if args.mse_only else [])
    runs = [json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
            for _ in range(args.processes)]
    combined = {}
    for table in ("mse", "logloss"):
        combined[table] = []
        for cells in zip(*(run[table] for run in runs)):
            each = [c["seconds"] for c in cells]
            combined[table].append({"m": cells[0]["m"], "n": cells[0]["n"], "seconds": statistics.median(each),
                                    "processes": each})
    return combined


def gradients(args, results):
    """The MSE (and unless --mse-only, log-loss) gradient at every shape, in this process."""
    for m in (1_000, 100_000, 1_000_000):
        for n in (2, 16, 128):
            x, y, w = problem(m, n, 42)
            mean, sd = time_call(lambda: 2 / m * x.T.dot(x.dot(w) - y),
                                 args.warmups, args.rounds, args.seconds)
            results["mse"].append({"m": m, "n": n, "seconds": mean, "sd": sd})
            if args.mse_only:
                continue
            labels = (y > 0).astype(float)
            mean, sd = time_call(lambda: x.T.dot(np.exp(-np.logaddexp(0.0, -x.dot(w))) - labels) / m,
                                 args.warmups, args.rounds, args.seconds)
            results["logloss"].append({"m": m, "n": n, "seconds": mean, "sd": sd})


if __name__ == "__main__":
    main()
