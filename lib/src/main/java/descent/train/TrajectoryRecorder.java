package descent.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the parameter vector every k steps with bounded memory: when the cap is reached, every
 * other kept point is dropped and k doubles, so a long run still yields an evenly spaced path
 * of at most {@code cap} points (plus the final point).
 */
final class TrajectoryRecorder {
    private final int cap;
    private long every;
    /**
     * The first step that can be kept: the next multiple of {@code every}. Steps come in increasing
     * order, one per update, so most offers end at one comparison instead of a division.
     */
    private long next;
    private final List<double[]> points = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();

    TrajectoryRecorder(long every, int cap) {
        this.every = every;
        this.cap = cap;
    }

    /** Offers the parameters after {@code step} updates (step 0 is the start); steps must increase. */
    void offer(long step, double[] theta) {
        if (step < next) return;
        if (step % every == 0) {
            points.add(theta.clone());
            steps.add(step);
            if (points.size() > cap) thin();
        }
        next = (step / every + 1) * every;
    }

    /** The next step {@link #offer} can keep: offers of the steps before it return at once. */
    long nextOffer() {
        return next;
    }

    private void thin() {
        every *= 2;
        List<double[]> keptPoints = new ArrayList<>();
        List<Long> keptSteps = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (steps.get(i) % every == 0) {
                keptPoints.add(points.get(i));
                keptSteps.add(steps.get(i));
            }
        }
        points.clear();
        points.addAll(keptPoints);
        steps.clear();
        steps.addAll(keptSteps);
    }

    /** Adds the final point if it was not recorded already. */
    void finish(long step, double[] theta) {
        if (steps.isEmpty() || steps.get(steps.size() - 1) != step) {
            points.add(theta.clone());
            steps.add(step);
        }
    }

    double[][] points() {
        return points.toArray(new double[0][]);
    }

    long[] steps() {
        return steps.stream().mapToLong(Long::longValue).toArray();
    }
}
