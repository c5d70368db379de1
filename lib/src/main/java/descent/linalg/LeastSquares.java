package descent.linalg;

import descent.Check;
import descent.data.Dataset;

/**
 * The closed-form answer of linear regression: the normal equation XᵀX w = Xᵀy, solved by a
 * hand-written Cholesky factorisation XᵀX = LLᵀ (fine for the small n of the course). This is the
 * answer gradient descent on the mean squared error must reach (Géron, ch. 4, eq. 4-4).
 */
public final class LeastSquares {
    private LeastSquares() {}

    /** w minimising Σ (x_i·w − y_i)²; fails clearly if XᵀX is singular (e.g. repeated columns). */
    public static double[] solve(Dataset data) {
        Check.notNull("data", data);
        int n = data.cols();
        double[][] a = SymmetricMatrix.gram(data, 1.0);
        double[] b = new double[n];
        double[] x = data.x();
        double[] y = data.y();
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < n; j++) b[j] += x[i * n + j] * y[i];
        }
        double[][] l = cholesky(a);
        // Forward substitution L z = b, then back substitution Lᵀ w = z.
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
            z[i] = s / l[i][i];
        }
        double[] w = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * w[k];
            w[i] = s / l[i][i];
        }
        return w;
    }

    /** Lower-triangular L with A = LLᵀ, for symmetric positive definite A. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i][i]));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 1e-12 * scale)) {
                        throw new IllegalArgumentException("XᵀX is singular (pivot " + i + " = " + s
                                + "): the columns of X are linearly dependent, e.g. a repeated column or "
                                + "fewer rows than columns, so the normal equation has no unique solution");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
