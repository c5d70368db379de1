package descent.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an optimiser's state as a student may have written it: s ← keep·s + weight·g^power + add. Momentum's
 * velocity (keep μ, weight −η, power 1), RMSprop's cache (ρ, 1 − ρ, 2) and Adam's moments (β₁, 1 − β₁, 1; β₂,
 * 1 − β₂, 2) are all of this form, and so are the slips of each: {@link #slips} changes one property at a time
 * and says, in the line's own symbols, which property that is.
 */
record AverageLine(double keep, double weight, double add, int power) {
    /** The line as written in the notebook: keep·s + weight·g^power. */
    static AverageLine of(double keep, double weight, int power) {
        return new AverageLine(keep, weight, 0, power);
    }

    double next(double old, double g) {
        return keep * old + weight * (power == 2 ? g * g : power == 1 ? g : 1) + add;
    }

    /** This line with one property changed, and the words for it. */
    record Variant(AverageLine line, String mistake, String words) {}

    /**
     * The lines one property away from this one. {@code name} is the state ("the cache"), {@code k} the symbol of
     * keep ("ρ"), {@code w} the symbol of weight ("(1 − ρ)" or "η"), {@code code} the line itself.
     */
    List<Variant> slips(String name, String k, String w, String code) {
        List<Variant> out = new ArrayList<>();
        String at = " (" + code + ")";
        String g = power == 2 ? "g²" : "g";
        out.add(new Variant(new AverageLine(1, weight, add, power), "keep-missing", name + " keeps all of its old value "
                + "from step to step: the factor " + k + " on the old value is missing" + at));
        out.add(new Variant(new AverageLine(2 * keep, weight, add, power), "keep-twice", name + " is multiplied by "
                + Exercise.num(2 * keep) + " each step, twice " + k + ": one factor 2 too many" + at));
        out.add(new Variant(new AverageLine(0, weight, add, power), "no-memory", name + " never carries over to the "
                + "next step: the old value is dropped, so " + k + "·(old value) is missing" + at));
        out.add(new Variant(new AverageLine(0, weight, keep, power), "keep-added", k + " is added to " + name
                + " instead of multiplying its old value, which is dropped: " + k + " is a factor, " + k
                + "·(old value)" + at));
        out.add(new Variant(new AverageLine(1 - keep, weight, add, power), "keep-complement", name + " keeps "
                + Exercise.num(1 - keep) + " = 1 − " + k + " of its old value, not " + k + " = " + Exercise.num(keep)
                + ": " + k + " and 1 − " + k + " mixed up" + at));
        if (same(weight, 1 - keep)) {
            out.add(new Variant(new AverageLine(weight, keep, add, power), "swapped", k + " and " + w + " are swapped: "
                    + name + " keeps " + Exercise.num(weight) + " of its old value and takes " + Exercise.num(keep)
                    + " of the new " + (power == 2 ? "g²" : "g") + at));
        }
        double unit = Math.signum(weight);
        out.add(new Variant(new AverageLine(keep, unit, add, power), "weight-missing", "the new " + g + " enters "
                + name + " with weight " + Exercise.num(unit) + ": the factor " + w + " is missing" + at));
        out.add(new Variant(new AverageLine(keep, -weight, add, power), "weight-sign", "the new " + g + " enters "
                + name + " with the opposite sign: " + (power == 2 ? "a sum of squares is never negative" : "the "
                + "update then climbs, in the direction of the gradient") + at));
        if (same(weight, 1 - keep)) {
            out.add(new Variant(new AverageLine(keep, 1 + keep, add, power), "weight-plus", "the new " + g + " enters "
                    + name + " with weight 1 + " + k + " = " + Exercise.num(1 + keep) + ": a plus sign where " + w
                    + " has a minus" + at));
        }
        out.add(new Variant(new AverageLine(keep, weight, add, power - 1), "power", power == 2
                ? name + " adds g, not g²: a factor g is missing (with g = −1 it goes negative)" + at
                : name + " adds " + w + " whatever the gradient: the gradient is missing as a factor of " + w + "·g" + at));
        out.add(new Variant(new AverageLine(1, 0, 0, power), "never-updated", name + " is never updated: it stays 0 "
                + "(the line " + code + " is missing)"));
        return out;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 1e-12;
    }
}
