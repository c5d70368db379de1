"""Joins the JMH and numpy results of one `bench/run` into bench/RESULTS.md (markdown on stdout)."""
import csv
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys


RERUN = set()  # benchmark classes measured again by `bench/run --only`


def load_jmh(paths):
    """Comma-separated JMH result files; a benchmark in a later file (a re-run) replaces the earlier."""
    rows = {}
    files = paths.split(",")
    records = [r for path in files for r in json.load(open(path))]
    RERUN.update(r["benchmark"].rsplit(".", 2)[-2] for path in files[1:] for r in json.load(open(path)))
    for r in records:
        cls, method = r["benchmark"].rsplit(".", 2)[-2:]
        params = tuple(sorted((r.get("params") or {}).items()))
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm", {})).get("score")
        unit = r["primaryMetric"]["scoreUnit"].split("/")[0]
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]
        raw = r["primaryMetric"].get("rawData") or []
        forks = [sum(f) / len(f) * scale for f in raw if f]  # each JVM's mean
        rows[(cls, method, params)] = {
            # several JVMs: the median JVM (one JVM can run at half the speed of another here)
            "seconds": statistics.median(forks) if len(forks) > 1 else r["primaryMetric"]["score"] * scale,
            "forks": forks,
            "error": float(r["primaryMetric"]["scoreError"]) * scale,  # JMH writes "NaN" for < 3 rounds
            "alloc": alloc,
        }
    return rows


def ms(seconds):
    return f"{seconds * 1e3:.3f}"


def verdict(ok):
    return "✔" if ok else "✘"


def against(value, target, ok):
    """The ratio and its verdict, to three decimals where two would show the target (1.498 ✘, not 1.50 ✘)."""
    digits = 3 if f"{value:.2f}" == f"{target:.2f}" else 2
    return f"{value:.{digits}f} {verdict(ok)}"


def machine():
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or "unknown CPU"
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{model}, {os.cpu_count()} cores; {java}; {platform.system()} {platform.release()}"


def main(jmh_path, numpy_path, numpy_all_path, kernel_path=None):
    jmh = load_jmh(jmh_path)
    kernel = open(kernel_path).read().strip() if kernel_path and os.path.exists(kernel_path) else "an unrecorded kernel"
    npy = json.load(open(numpy_path))
    npy_all = {(e["m"], e["n"]): e["seconds"] for e in json.load(open(numpy_all_path))["mse"]}
    summary = {"date": datetime.date.today().isoformat(), "machine": machine(), "numpy": npy["numpy"], "goal": [],
               "mse": [], "logloss": [], "plain_java": [], "call_history": [], "minibatch": [], "optimizers": []}
    npy_mse = {(e["m"], e["n"]): e["seconds"] for e in npy["mse"]}
    get = lambda cls, bench, **p: jmh.get((cls, bench, tuple(sorted((k, str(v)) for k, v in p.items()))))

    def values(cls, name):
        """The values with which the class's integer @Param NAME ran, in order."""
        return sorted({int(dict(p)[name]) for c, _, p in jmh if c == cls and name in dict(p)})

    def shape(cls, *names):
        """The one value of each of the class's @Params NAMES in the results ({} if the class did not run):
        the benchmarks' shapes are written once, in their @Param annotations."""
        if not any(c == cls for c, _, _ in jmh):
            return {}
        found_values = {name: values(cls, name) for name in names}
        for name, found in found_values.items():
            if not found:
                sys.exit(f"report.py: {cls}'s results give no {name} (its @Param {name} holds its shape; run bench/run again)")
            if len(found) > 1:
                sys.exit(f"report.py: {cls} ran at {name} = {', '.join(map(str, found))}; the report shows one, "
                         f"so give its @Param {name} one value")
        return {name: found[0] for name, found in found_values.items()}

    def dims(shape_of_class):
        """A heading's shape: "m = 1,000,000, n = 16"."""
        return ", ".join(f"{name} = {value:,}" for name, value in shape_of_class.items()) or "not measured in this run"
    out = []
    w = out.append
    shapes = [(e["m"], e["n"]) for e in npy["mse"]]  # the goal's shapes, as bench/run gave them to numpy
    probe = get("MseGradientBenchmark", "gradientOneThread", m=shapes[0][0], n=shapes[0][1]) if shapes else None
    rounds = max(1, len(probe["forks"])) if probe else 1
    three = {1: "one", 2: "two", 3: "three"}.get(rounds, str(rounds))
    jvms_of = "one JVM" if rounds == 1 else f"the median of {three} JVMs"
    processes_of = "one process" if rounds == 1 else f"the median of {three} processes"
    w("# Benchmark results: the gradient core\n")
    w(f"Generated by `bench/run` on {datetime.date.today().isoformat()}. Machine: {machine()}; "
      f"numpy {npy['numpy']}. Every ratio compares two figures measured in the same run. "
      f"The Java core runs {kernel}. "
      "Times are JMH averages (1 fork, 3 warm-up and 5 measured iterations of 1 s); numpy is timed "
      "the same way by `bench/numpy_gradient.py`, with one BLAS thread (OPENBLAS_NUM_THREADS=1) beside "
      "the one-thread Java figures and with every core beside the all-core ones. The figures of the goal "
      f"table (the one-thread gradients, the read of X, numpy's one-thread gradients) are each {jvms_of} "
      f"or {processes_of} (2 warm-up and 3 measured iterations each), because on this "
      "machine one process can run the same loop at half the speed of another; and they were taken shape "
      "by shape in turn, a numpy process and that shape's JVMs one after the other (which first "
      "alternating between rounds), because the machine's speed drifts over minutes: so a slow spell falls "
      "on both sides of a ratio (bench/NOTES.md). The other columns come from one JVM each, run after the "
      "goal's.\n")
    if RERUN:
        w(f"Re-measured after the main run with `bench/run --only`: {', '.join(sorted(RERUN))} "
          "(ratios inside each of these tables still come from one run).\n")

    C, L = "MseGradientBenchmark", "LogLossGradientBenchmark"
    npy_log = {(e["m"], e["n"]): e["seconds"] for e in npy.get("logloss", [])}
    npy_runs = {t: {(e["m"], e["n"]): e.get("processes") for e in npy.get(t, [])} for t in ("mse", "logloss")}

    w("## The goal: the gradient core against numpy and against one read of X\n")
    w("The gradient alone, one thread (the Java core with SIMD, numpy with one BLAS thread), at every "
      "shape. Targets: ≥ 1.5× faster than numpy everywhere; for n ≥ 16 and m ≥ 100,000 the MSE gradient "
      "within 1.3× of one streaming read of X and the log-loss gradient within 2×. Each time behind "
      f"these ratios is {jvms_of} (Java) or {processes_of} (numpy), timed in turn. "
      "Ratios > 1 in the numpy columns mean the core is faster.\n")
    w("| m | n | MSE: numpy ÷ core (≥ 1.5) | log loss: numpy ÷ core (≥ 1.5) | MSE: core ÷ read X (≤ 1.3) | log loss: core ÷ read X (≤ 2) |")
    w("|---:|---:|---:|---:|---:|---:|")
    for m, n in shapes:
        mse, mread = get(C, "gradientOneThread", m=m, n=n), get(C, "streamingReadOfX", m=m, n=n)
        log, lread = get(L, "gradientOneThread", m=m, n=n), get(L, "streamingReadOfX", m=m, n=n)
        if not (mse and log and mread and lread):
            continue
        big = n >= 16 and m >= 100_000
        a = npy_mse[(m, n)] / mse["seconds"]
        b = npy_log[(m, n)] / log["seconds"] if (m, n) in npy_log else float("nan")
        c, d = mse["seconds"] / mread["seconds"], log["seconds"] / lread["seconds"]
        w(f"| {m:,} | {n} | {against(a, 1.5, a >= 1.5)} | {against(b, 1.5, b >= 1.5)} "
          f"| {against(c, 1.3, c <= 1.3) if big else f'{c:.2f}'} | {against(d, 2, d <= 2) if big else f'{d:.2f}'} |")
        summary["goal"].append({"m": m, "n": n, "numpy_over_mse": a, "numpy_over_log": b,
                                "mse_over_read": c, "log_over_read": d,
                                # every JVM's and numpy process's time behind the medians above
                                "seconds": {"mse_jvms": mse["forks"], "mse_read_jvms": mread["forks"],
                                            "log_jvms": log["forks"], "log_read_jvms": lread["forks"],
                                            "numpy_mse_processes": npy_runs["mse"].get((m, n)),
                                            "numpy_log_processes": npy_runs["logloss"].get((m, n))}})

    w("\n## Full-batch MSE gradient ∇J(w) = (2/m) Xᵀ(Xw − y)\n")
    w("Milliseconds per call. \"gradient\" is `MeanSquaredError.gradient`, \"cost + gradient\" "
      "`valueAndGradient` (both in one pass); \"read X\" sums every entry of X once (SIMD), the floor "
      "of any pass.\n")
    w("| m | n | read X | gradient | cost + gradient | naive 2-pass | EJML | numpy | gradient ÷ read | numpy ÷ gradient | EJML ÷ gradient | naive ÷ gradient | gradient, all cores | numpy, all cores | all-core speed-up |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for m, n in shapes:
        read, grad, both, allc, naive, ejml = (get(C, k, m=m, n=n) for k in
            ("streamingReadOfX", "gradientOneThread", "fusedCoreOneThread", "fusedCoreAllCores", "naiveTwoPass", "ejml"))
        if not grad:
            continue
        t, e = grad["seconds"], npy_mse[(m, n)]
        na = npy_all.get((m, n), float("nan"))
        w(f"| {m:,} | {n} | {ms(read['seconds'])} | {ms(t)} | {ms(both['seconds'])} | {ms(naive['seconds'])} "
          f"| {ms(ejml['seconds'])} | {ms(e)} | {t / read['seconds']:.2f} | {e / t:.2f} "
          f"| {ejml['seconds'] / t:.2f} | {naive['seconds'] / t:.2f} | {ms(allc['seconds'])} | {ms(na)} | {t / allc['seconds']:.2f} |")
        summary["mse"].append({"m": m, "n": n, "read": read["seconds"], "core": t, "core_with_cost": both["seconds"],
                               "core_all": allc["seconds"], "naive": naive["seconds"], "ejml": ejml["seconds"],
                               "numpy": e, "numpy_all": na})

    w("\n## Full-batch log-loss gradient (1/m) Xᵀ(σ(Xw) − y)\n")
    w("numpy: `X.T.dot(np.exp(-np.logaddexp(0, -X.dot(w))) - y) / m`, one BLAS thread.\n")
    w("| m | n | read X | gradient | cost + gradient | naive 2-pass | numpy | gradient ÷ read | numpy ÷ gradient | naive ÷ gradient |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for m, n in shapes:
        read, grad, both, naive = (get(L, k, m=m, n=n) for k in
            ("streamingReadOfX", "gradientOneThread", "fusedCoreOneThread", "naiveTwoPass"))
        if grad:
            t, e = grad["seconds"], npy_log.get((m, n), float("nan"))
            w(f"| {m:,} | {n} | {ms(read['seconds'])} | {ms(t)} | {ms(both['seconds'])} | {ms(naive['seconds'])} "
              f"| {ms(e)} | {t / read['seconds']:.2f} | {e / t:.2f} | {naive['seconds'] / t:.2f} |")
            summary["logloss"].append({"m": m, "n": n, "read": read["seconds"], "core": t,
                                       "core_with_cost": both["seconds"], "naive": naive["seconds"], "numpy": e})

    # the twin's shapes: those of its @Params that the goal table measured too
    P = "PlainJavaCoreBenchmark"
    twin = sorted({(int(dict(p)["m"]), int(dict(p)["n"])) for cls, _, p in jmh if cls == P})
    twin = [(m, n) for m, n in twin if (m, n) in shapes]
    twin_ms = sorted({m for m, _ in twin})
    w(f"\n## SIMD against the plain-Java loops (m = {' and '.join(f'{m:,}' for m in twin_ms) or 'none measured'})\n")
    w("The same gradient in a JVM without the Vector API (`-Ddescent.simd=false`, what a JVM started "
      "without `--add-modules jdk.incubator.vector` runs). Each round of the goal table launches the "
      f"plain-Java JVM right after the SIMD one at the same shape: {jvms_of} each side.\n")
    m_column = len(twin_ms) > 1  # a column for m only when the twin ran at more than one
    w(("| m " if m_column else "") + "| n | MSE: plain Java | MSE: SIMD | plain ÷ SIMD | log loss: plain Java | log loss: SIMD | plain ÷ SIMD |")
    w(("|---:" if m_column else "") + "|---:|---:|---:|---:|---:|---:|---:|")
    for m, n in twin:
        pm, pl = get(P, "mseGradient", m=m, n=n), get(P, "logLossGradient", m=m, n=n)
        sm, sl = get(C, "gradientOneThread", m=m, n=n), get(L, "gradientOneThread", m=m, n=n)
        if pm and pl and sm and sl:
            w((f"| {m:,} " if m_column else "") + f"| {n} | {ms(pm['seconds'])} | {ms(sm['seconds'])} "
              f"| {pm['seconds'] / sm['seconds']:.2f} | {ms(pl['seconds'])} | {ms(sl['seconds'])} "
              f"| {pl['seconds'] / sl['seconds']:.2f} |")
            summary["plain_java"].append({"m": m, "n": n, "mse": pm["seconds"], "log": pl["seconds"]})

    w("\n## The log loss's exponential (one chunk of 256 outputs)\n")
    w("Nanoseconds per row. The core computes e^−|z| with its own exponential (Cody–Waite reduction and a "
      "degree-13 polynomial, four rows per instruction, the same bits as its plain-Java form) and σ(z) "
      "from it with SIMD; before, the log loss called `Math.exp` per row, then a branch and a division.\n")
    w("| what | core (SIMD) | `Math.exp` per row | ÷ |")
    w("|---|---:|---:|---:|")
    E = "ExpBenchmark"
    for label, core, plain in (("e^−\\|z\\|", "coreExpOfMinusAbs", "mathExp"), ("σ(z)", "coreSigmoid", "mathSigmoid")):
        c, p_ = get(E, core), get(E, plain)
        if c and p_:
            w(f"| {label} | {c['seconds'] / 256 * 1e9:.2f} | {p_['seconds'] / 256 * 1e9:.2f} | {p_['seconds'] / c['seconds']:.2f} |")
            summary.setdefault("exp", []).append({"what": plain, "core_ns_per_row": c["seconds"] / 256 * 1e9,
                                                  "math_exp_ns_per_row": p_["seconds"] / 256 * 1e9})

    H = "CallHistoryBenchmark"
    history_shape = shape(H, "m", "n")
    w(f"\n## Call history ({dims(history_shape)})\n")
    probe = get(H, "gradient", loss="log", history="fresh", **history_shape)
    jvms = len(probe["forks"]) if probe and probe["forks"] else 1
    w(f"Each cell is {jvms} JVM{'s' if jvms > 1 else ''}: \"fresh\" ones measure the loss first thing, the others after running every "
      "other loss of the library (cost and gradient, n = 2, 16, 128) for several seconds; the two kinds ran "
      "in turn (fresh, after, after, fresh, ...), so a slow spell of the machine falls on both. The cells give the "
      "median JVM and, in brackets, the fastest and the slowest: on this machine one JVM can take twice as long as "
      "another for the same call (bench/NOTES.md). Target: the same figure (ratio of the medians at most "
      "1.15).\n")
    w("| loss | call | fresh JVMs (ms) | after the other losses (ms) | after ÷ fresh (medians) |")
    w("|---|---|---:|---:|---:|")

    def median(values):
        v = sorted(values)
        return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2

    def cell(r):
        forks = r["forks"] or [r["seconds"]]
        return median(forks), f"{ms(median(forks))} ({ms(min(forks))}–{ms(max(forks))})"

    for loss, label in (("mse", "MSE"), ("log", "log loss")):
        for call in ("gradient", "valueAndGradient"):
            fresh = get(H, call, loss=loss, history="fresh", **history_shape)
            after = get(H, call, loss=loss, history="afterOthers", **history_shape)
            if fresh and after:
                (f_med, f_cell), (a_med, a_cell) = cell(fresh), cell(after)
                r = a_med / f_med
                w(f"| {label} | `{call}` | {f_cell} | {a_cell} | {against(r, 1.15, r <= 1.15)} |")
                summary["call_history"].append({**history_shape, "loss": loss, "call": call, "fresh": f_med, "after": a_med,
                                                "fresh_jvms": fresh["forks"], "after_jvms": after["forks"]})
    B = "MinibatchStepBenchmark"
    minibatch_shape = shape(B, "m", "n")
    w(f"\n## Minibatch step ({dims(minibatch_shape)}, random rows through an index array)\n")
    w("| b | ns per step | bytes allocated per step (target 0) |")
    w("|---:|---:|---:|")
    for b in values(B, "b"):
        r = get(B, "minibatchStep", b=b, **minibatch_shape)
        if r:
            alloc = r["alloc"]
            w(f"| {b} | {r['seconds'] * 1e9:.0f} | {alloc:.2f} {verdict(alloc is not None and alloc < 1)} |")
            summary["minibatch"].append({**minibatch_shape, "b": b, "seconds": r["seconds"], "bytes": alloc})

    C = "SgdEpochBenchmark"
    sgd_shape = shape(C, "m", "n")
    w(f"\n## One epoch of per-sample SGD vs one full-batch pass ({dims(sgd_shape)})\n")
    epoch, full = get(C, "perSampleEpoch", **sgd_shape), get(C, "fullBatchPass", **sgd_shape)
    course, gather = get(C, "descentEpoch", **sgd_shape), get(C, "gatherShuffledRows", **sgd_shape)
    ordered, two = get(C, "perSampleEpochInOrder", **sgd_shape), get(C, "descentTwoEpochs", **sgd_shape)
    within = two["seconds"] - course["seconds"] if two and course else None
    if epoch and full:
        py = npy["sgd_epoch"]["seconds"]
        if (npy["sgd_epoch"]["m"], npy["sgd_epoch"]["n"]) != (sgd_shape["m"], sgd_shape["n"]):
            sys.exit(f"report.py: numpy's SGD epoch ran at {npy['sgd_epoch']['m']} × {npy['sgd_epoch']['n']}, "
                     f"{C} at {sgd_shape['m']} × {sgd_shape['n']}: run bench/run without --only")
        jvms = len(epoch.get("forks") or []) or 1
        w(f"Each Java figure is {'one JVM' if jvms == 1 else f'the median of {jvms} JVMs, the fastest and the slowest in brackets'}; "
          "each round ran every benchmark below in one JVM of its own, one after the other.\n")
        w("| what | ms | ÷ one full-batch pass |")
        w("|---|---:|---:|")

        def row(label, r):
            forks = r.get("forks") or []
            spread = f" ({ms(min(forks))}–{ms(max(forks))})" if len(forks) > 1 else ""
            w(f"| {label} | {ms(r['seconds'])}{spread} | {r['seconds'] / full['seconds']:.2f} |")

        row("one full-batch gradient pass", full)
        if course:
            row("the course's loop: `Descent…stochastic()`, a run of one epoch (includes its 2 full-cost passes)", course)
        if two:
            row("the course's loop: a run of two epochs", two)
        if within:
            w(f"| the course's loop: one more epoch in a run (two epochs minus one, medians) | {ms(within)} | "
              f"{within / full['seconds']:.2f} |")
        row("hand loop: loss API + optimiser per sample, shuffled rows", epoch)
        if ordered:
            row("the same hand loop, rows in storage order", ordered)
        if gather:
            row("floor for random order: copy every row once in the shuffled order", gather)
        w(f"| the same epoch as the lecture's Python loop (numpy, one row at a time) | {py * 1e3:.0f} | {py / full['seconds']:.0f} |")
        if course and gather:
            r = course["seconds"] / gather["seconds"]
            w(f"\nThe course's loop ÷ the shuffled-copy floor (target ≤ 2): a run of one epoch {against(r, 2, r <= 2)}")
            if within:
                r2 = within / gather["seconds"]
                w(f"(its shuffle, updates, check and the run's start); one epoch within a run {against(r2, 2, r2 <= 2)} "
                  "(its shuffle, updates and check).\n")
            else:
                w("(its shuffle, updates, check and the run's start).\n")
        w(f"Python loop ÷ Java hand loop: {py / epoch['seconds']:.0f}×.\n")
        summary["sgd_epoch"] = {**sgd_shape, "java": epoch["seconds"], "full_pass": full["seconds"], "python": py,
                                "descent": course["seconds"] if course else None,
                                "descent_within": within,
                                "gather": gather["seconds"] if gather else None,
                                "in_order": ordered["seconds"] if ordered else None}

    O, S = "OptimizerUpdateBenchmark", "StreamingUpdateBenchmark"
    parameters, floor_parameters = shape(O, "p"), shape(S, "p")
    if floor_parameters != parameters:
        sys.exit(f"report.py: {O} ran at p = {parameters.get('p')}, {S} at p = {floor_parameters.get('p')}: "
                 "give their @Param p the same value")
    w(f"\n## Optimiser update of {parameters['p']:,} parameters\n" if parameters else "\n## Optimiser update (not measured in this run)\n")
    w("Against a plain loop that reads and writes the same arrays (target ≤ 1.5×), and, for the "
      "methods whose formula takes a square root and a division per parameter, against a plain loop "
      "doing that same arithmetic: the floor for that formula, with no optimiser around it.\n")
    w("| optimiser | µs per update | arrays streamed | µs | ratio (≤ 1.5) | same arithmetic, plain loop | µs | ratio |")
    w("|---|---:|---|---:|---:|---|---:|---:|")
    floors = {"GradientDescent": ("streamTwoArrays", None), "Momentum": ("streamThreeArrays", None),
              "Nesterov": ("streamThreeArrays", None), "Adagrad": ("streamThreeArrays", "streamThreeArraysSqrtDiv"),
              "RMSprop": ("streamThreeArrays", "streamThreeArraysSqrtDiv"), "Adam": ("streamFourArrays", "streamFourArraysSqrtDiv")}
    for method, (floor, arith) in floors.items():
        r = get(O, "update", method=method, **parameters)
        f = get(S, floor, **parameters)
        a = get(S, arith, **parameters) if arith else None
        if r and f:
            ratio = r["seconds"] / f["seconds"]
            tail = (f"| {arith} | {a['seconds'] * 1e6:.0f} | {r['seconds'] / a['seconds']:.2f} |" if a else "| — | | |")
            w(f"| {method} | {r['seconds'] * 1e6:.0f} | {floor} | {f['seconds'] * 1e6:.0f} | {against(ratio, 1.5, ratio <= 1.5)} {tail}")
            summary["optimizers"].append({**parameters, "name": method, "seconds": r["seconds"], "floor": f["seconds"],
                                          "arithmetic_floor": a["seconds"] if a else None})
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NOTES.md")
    if os.path.exists(notes):
        w("\n" + open(notes, encoding="utf-8").read().strip())
    print("\n".join(out))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "results.json"), "w") as f:
        json.dump(summary, f, indent=1)
    # The same figures in long form, for the course notebook (read with Tablesaw).
    names = {"read": "read X once", "core": "fused core", "core_with_cost": "fused core, cost + gradient",
             "core_all": "fused core, all cores",
             "naive": "naive two-pass", "ejml": "EJML", "numpy": "numpy", "numpy_all": "numpy, all cores"}
    # the network's rows come from bench/mlp.py, its own rounds: kept as they are
    mlp_rows = []
    if os.path.exists(os.path.join(here, "results.csv")):
        with open(os.path.join(here, "results.csv"), newline="") as f:
            mlp_rows = [row for row in csv.reader(f) if row and row[0].startswith("mlp_")]
    with open(os.path.join(here, "results.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["benchmark", "m", "n", "implementation", "milliseconds"])
        for section in ("mse", "logloss"):
            for e in summary[section]:
                for key, label in names.items():
                    if key in e and e[key] == e[key]:
                        out.writerow([section, e['m'], e['n'], label, f"{e[key] * 1e3:.6f}"])
        if "sgd_epoch" in summary:
            e = summary["sgd_epoch"]
            for key, label in (("full_pass", "one full-batch pass (Java)"),
                               ("descent", "one epoch, Descent loop (Java)"),
                               ("descent_within", "one more epoch in a run, Descent loop (Java)"),
                               ("java", "one epoch, hand loop, shuffled rows (Java)"),
                               ("in_order", "one epoch, hand loop, rows in order (Java)"),
                               ("gather", "floor: copy every row once, shuffled (Java)"),
                               ("python", "one epoch, lecture's Python loop (numpy)")):
                if e.get(key):
                    out.writerow(['sgd_epoch', e["m"], e["n"], label, f"{e[key] * 1e3:.6f}"])
        for e in summary["minibatch"]:
            out.writerow(['minibatch', e["m"], e["n"], f"b = {e['b']}", f"{e['seconds'] * 1e3:.6f}"])
        out.writerows(mlp_rows)


if __name__ == "__main__":
    main(*sys.argv[1:5])
