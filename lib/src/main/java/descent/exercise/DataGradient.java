package descent.exercise;

import descent.data.Dataset;

/** A gradient of a cost over a data set at weights w, written into g (a student's ∇J). */
@FunctionalInterface
public interface DataGradient {
    void into(Dataset xb, double[] w, double[] g);
}
