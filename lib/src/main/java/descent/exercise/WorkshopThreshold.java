package descent.exercise;

import static descent.exercise.WorkshopData.*;

/** Workshop tasks 2 and 3: the largest rate that converges, predicted, and a search for the divergence threshold. */
final class WorkshopThreshold {
    private WorkshopThreshold() {}

    static Feedback assessLargestConverging(double eta) {
        return Exercise.report("set myPrediction", () -> NearMiss.explain(judgeLargestConverging(eta), "η", eta,
                x -> judgeLargestConverging(x).passed()));
    }

    private static Feedback judgeLargestConverging(double eta) {
        if (Exercise.isTodo(eta)) return Feedback.notDone("set myPrediction to one of 0.005, 0.05, 0.3, 0.6");
        if (eta == 0) return IntegerDivision.zero("myPrediction", eta);
        double answer = Double.NaN;
        for (double r : TASK2_RATES) if (r < SPECTRUM.stabilityBound()) answer = r;
        boolean listed = false;
        for (double r : TASK2_RATES) listed |= r == eta;
        if (!listed) {
            return Feedback.wrong("not-listed", Exercise.num(eta) + " is not one of the four rates: pick 0.005, 0.05, "
                    + "0.3 or 0.6");
        }
        if (eta == answer) {
            return Feedback.done("η = " + Exercise.num(eta) + " is the largest that converges: 2/λ_max = "
                    + Exercise.num(SPECTRUM.stabilityBound()) + " lies between it and the next one");
        }
        if (eta > answer) {
            return Feedback.wrong("too-large", "η = " + Exercise.num(eta) + " diverged in the chart (its curve climbs): "
                    + "it is above 2/λ_max = " + Exercise.num(SPECTRUM.stabilityBound()));
        }
        return Feedback.wrong("too-cautious", "η = " + Exercise.num(eta) + " converges, but so does " + Exercise.num(answer)
                + " (see its curve): a larger η converges too as long as it stays below 2/λ_max");
    }

    /**
     * The student's search, first against thresholds the check knows (so a hard-coded number fails; it must
     * land within 1e-4 of them), then against real runs, whose result it reports beside 2/λ_max. Every test
     * goes through {@link SearchProbes}, which stops a search whose interval never shrinks and says why.
     */
    static Feedback assessThresholdSearch(Workshop.ThresholdSearch search) {
        return Exercise.report("write the bisection inside the lambda", () -> {
            if (Exercise.isTodo(search)) return Feedback.notDone("write the search");
            for (double threshold : new double[] {0.123, SPECTRUM.stabilityBound()}) {
                SearchProbes diverges = new SearchProbes(eta -> eta >= threshold, 0.001, 2.0);
                double found;
                try {
                    found = search.find(diverges, 0.001, 2.0);
                } catch (SearchProbes.Exhausted e) {
                    return diverges.diagnosis();
                }
                if (Double.isNaN(found) || found < 0.001 || found > 2.0) {
                    return Feedback.wrong("outside", "your search returned " + found + ", outside the interval [lo, hi] = "
                            + "[0.001, 2] it was given" + (found < 0 ? ": a negative η — is there a minus where the "
                            + "midpoint (lo + hi) / 2 has a plus?" : ""));
                }
                if (Math.abs(found - threshold) > 1e-4) {
                    if (Math.abs(found - 0.001) < 1e-3 || Math.abs(found - 2.0) < 1e-3) {
                        return Feedback.wrong("wrong-half", "your search ended at " + Exercise.num(found) + ", an end of the "
                                + "interval, though the threshold was " + Exercise.num(threshold) + ": when diverges(mid) is "
                                + "true the threshold is below mid, so set hi = mid (else lo = mid)");
                    }
                    if (Math.abs(found - 2 * threshold) < 1e-4) {
                        return Feedback.wrong("twice", "your search returned " + Exercise.num(found) + ", twice the "
                                + "threshold " + Exercise.num(threshold) + ": return the middle, (lo + hi) / 2 — the "
                                + "factor 1/2 is missing");
                    }
                    return Feedback.wrong("too-coarse", "your search stopped at " + Exercise.num(found) + " after "
                            + diverges.calls() + " runs; the threshold was " + Exercise.num(threshold)
                            + ". Halve [lo, hi] until hi − lo < 1e-5");
                }
            }
            SearchProbes experiment = new SearchProbes(eta -> run(eta, 3000).diverged(), 0.01, 2.0);
            double found;
            try {
                found = search.find(experiment, 0.01, 2.0);
            } catch (SearchProbes.Exhausted e) {
                return experiment.diagnosis();
            }
            double bound = SPECTRUM.stabilityBound();
            return Feedback.done("your search finds divergence starting at η = " + String.format("%.4f", found)
                    + " in " + experiment.calls() + " real runs of 3000 iterations; 2/λ_max = " + String.format("%.4f", bound)
                    + " (off by " + String.format("%.2f", 100 * Math.abs(found - bound) / bound) + "%)");
        });
    }
}
