"""The course's Python formulas timed on the same shapes as the JMH benchmarks (issues #6, #17).

Full-batch MSE gradient  2/m * X.T.dot(X.dot(w) - y)  and log-loss gradient
X.T.dot(exp(-logaddexp(0, -X.dot(w))) - y) / m  (σ(z) = exp(−log(1 + e^−z)), finite for any z)
at the shapes given with `--shape M N` (bench/run passes the JMH benchmarks' @Param shapes),
and one epoch of per-sample SGD written as the course's Python loop (one row at a time), at the shape
given with `--sgd-shape M N` (bench/run passes SgdEpochBenchmark's @Params).
Timing mirrors JMH's: warm-up rounds, then rounds of at least `--seconds` each; the mean time per
call over the measured rounds is reported. bench/run times numpy and the core's JVMs shape by shape
in turn (one `--shape` per process), three processes and three JVMs a shape, so that
a slow spell of the machine falls on both sides of a ratio; `--join` puts those processes' figures
together, each the median of its processes (one process can run at half the speed of another on a
shared machine).
Prints JSON on stdout.
"""
import argparse
import json
import statistics
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
    parser.add_argument("--shape", type=int, nargs=2, metavar=("M", "N"), action="append",
                        help="time the gradients at this shape (repeat for more; needed unless --sgd-only or --join)")
    parser.add_argument("--sgd-only", action="store_true", help="only the SGD epoch")
    parser.add_argument("--sgd-shape", type=int, nargs=2, metavar=("M", "N"),
                        help="time the SGD epoch at this shape (needed unless --mse-only, --gradients-only or --join)")
    parser.add_argument("--join", nargs="+", metavar="FILE",
                        help="join these outputs (one process each) into one: each figure the median of its processes")
    args = parser.parse_args()
    if args.join:
        print(json.dumps(join([json.load(open(path)) for path in args.join]), indent=1))
        return
    if not (args.sgd_only or args.shape):
        parser.error("--shape M N: give the shapes at which to time the gradients")
    if not (args.mse_only or args.gradients_only or args.sgd_shape):
        parser.error("--sgd-shape M N: give the shape at which to time the SGD epoch")
    results = {"numpy": np.__version__, "mse": [], "logloss": [], "sgd_epoch": None}
    if not args.sgd_only:
        gradients(args, results)
    if args.mse_only or args.gradients_only:
        print(json.dumps(results, indent=1))
        return
    m, n = args.sgd_shape
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


def join(runs):
    """Outputs of several processes as one: each shape's figure the median of the processes that timed
    it, every process's figure kept (in the order of `runs`); the SGD epoch from the output that has it."""
    joined = {"numpy": runs[0]["numpy"], "sgd_epoch": next((r["sgd_epoch"] for r in runs if r.get("sgd_epoch")), None)}
    for table in ("mse", "logloss"):
        each = {}
        for run in runs:
            for cell in run.get(table, []):
                each.setdefault((cell["m"], cell["n"]), []).extend(cell.get("processes") or [cell["seconds"]])
        joined[table] = [{"m": m, "n": n, "seconds": statistics.median(times), "processes": times}
                         for (m, n), times in sorted(each.items())]
    return joined


def gradients(args, results):
    """The MSE (and unless --mse-only, log-loss) gradient at each --shape, in this process."""
    for m, n in args.shape:
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
