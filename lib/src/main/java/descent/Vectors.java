package descent;

import descent.core.GradientCore;

/** The two vector scans the loops share: the Euclidean norm and "every entry is a finite number". */
public final class Vectors {
    private Vectors() {}

    /** ‖v‖₂ = √(Σ v_i²). */
    public static double norm(double[] v) {
        Check.notNull("v", v);
        double s = 0;
        for (double a : v) s += a * a;
        return Math.sqrt(s);
    }

    /**
     * From this many entries on, {@link #allFinite} adds with the gradient core's SIMD sum. Below it
     * four plain sums are as fast (16 entries: about 5 ns either way), and the SIMD sum, inlined deep
     * into a caller, can cost HotSpot 17 a 64-byte vector object per call: the minibatch step, which
     * must not allocate, measured 64 bytes per step with it (bench/NOTES.md).
     */
    static final int SIMD_FROM = 4096;

    /**
     * True when no entry is NaN or ±∞. Every optimiser step asks this of θ and ∇J, and the descent
     * loop of ∇J at its checks, so it first adds the entries, with no branch per entry: NaN and ±∞
     * absorb every addition, so a finite total proves every entry finite, whatever the order of the
     * additions. Only a total that is not finite (a NaN or ∞ entry, or finite entries whose sum
     * overflowed) is looked at entry by entry. Long arrays are added by the gradient core's streaming
     * sum ({@link GradientCore#streamingSum}: SIMD where the JVM has it): at a million entries it
     * takes 87–91 µs where four plain sums took 208–221, which made plain gradient descent's step
     * about 1.6× faster (bench/NOTES.md).
     */
    public static boolean allFinite(double[] v) {
        Check.notNull("v", v);
        double total = v.length >= SIMD_FROM ? GradientCore.streamingSum(v) : plainSum(v);
        if (Double.isFinite(total)) return true;
        for (double a : v) if (!Double.isFinite(a)) return false;
        return true;  // every entry finite, their sum overflowed
    }

    /** Σ v_i in four independent sums, so that the additions do not wait on each other. */
    private static double plainSum(double[] v) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < v.length; i++) s0 += v[i];
        return (s0 + s1) + (s2 + s3);
    }
}
