package descent.train;

import descent.Check;
import descent.Format;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The results of a sweep over one setting as a Tablesaw table, one row per run. */
public final class Runs {
    private Runs() {}

    /**
     * Columns: the setting's value, the updates made, the final cost's distance to the optimum J − J*
     * (empty for a diverged run: it has no meaningful final cost), and whether the run diverged.
     *
     * @param setting  the swept setting's name, e.g. "η"
     * @param values   its value in each run
     * @param runs     the runs, in the same order
     * @param optimum  J*, the lowest cost (e.g. at the normal equation's answer)
     */
    public static Table sweep(String setting, double[] values, List<History> runs, double optimum) {
        Check.notNull("setting", setting);
        Check.notNull("values", values);
        Check.notNull("runs", runs);
        Check.finite("optimum", new double[] {optimum});
        if (values.length != runs.size()) {
            throw new IllegalArgumentException("values has " + values.length + " entries but runs has " + runs.size()
                    + ": one value per run");
        }
        StringColumn value = StringColumn.create(setting);
        IntColumn iterations = IntColumn.create("iterations");
        DoubleColumn gap = DoubleColumn.create("final J − J*");
        StringColumn diverged = StringColumn.create("diverged?");
        for (int k = 0; k < values.length; k++) {
            History h = Check.notNull("runs[" + k + "]", runs.get(k));
            value.append(Format.number(values[k]));
            iterations.append((int) Math.min(Integer.MAX_VALUE, h.iterations()));
            if (h.diverged()) gap.appendMissing(); else gap.append(h.finalLoss() - optimum);
            diverged.append(h.diverged() ? "yes" : "no");
        }
        return Table.create("runs by " + setting, value, iterations, gap, diverged);
    }
}
