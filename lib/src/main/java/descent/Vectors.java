package descent;

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

    /** True when no entry is NaN or ±∞. */
    public static boolean allFinite(double[] v) {
        Check.notNull("v", v);
        for (double a : v) if (!Double.isFinite(a)) return false;
        return true;
    }
}
