package descent.linalg;

import descent.data.Dataset;

/** Small dense symmetric matrices built from a dataset (n × n, n is small in the course). */
final class SymmetricMatrix {
    private SymmetricMatrix() {}

    /** c · XᵀX as a full n × n array. */
    static double[][] gram(Dataset data, double c) {
        int n = data.cols();
        // n × n doubles, and twice that while the spectrum is found: refused before allocating if too many
        descent.Check.size("data.cols() (the Hessian is n × n)", n, 2 * n);
        double[] x = data.x();
        double[][] g = new double[n][n];
        for (int i = 0; i < data.rows(); i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                double xj = x[off + j];
                for (int k = 0; k <= j; k++) g[j][k] += xj * x[off + k];
            }
        }
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                g[j][k] *= c;
                g[k][j] = g[j][k];
            }
        }
        return g;
    }

    /** y = A v. */
    static void multiply(double[][] a, double[] v, double[] y) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int k = 0; k < v.length; k++) s += a[i][k] * v[k];
            y[i] = s;
        }
    }
}
