package descent.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernel with SIMD instructions, written with the Java Vector API ({@code jdk.incubator.vector},
 * JEP 414): one instruction multiplies and adds four doubles (a fused multiply-add, FMA). HotSpot's
 * C2 compiler vectorises neither a dot product (a floating-point sum whose order it must keep) nor
 * rows of two columns, so both are written out here.
 *
 * <p>The species is fixed at 256 bits (four doubles), not the machine's widest: the order of
 * additions, and so every rounding, is the same on every machine that runs this kernel, and
 * {@link ScalarKernel} repeats it lane by lane, so the two give bit-identical results. Loaded only
 * when the module is present (see {@link GradientCore}); nothing else in the library refers to it.
 */
final class VectorKernel implements Kernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** (v₁, v₀, v₃, v₂): each lane's neighbour. */
    private static final VectorShuffle<Double> NEIGHBOURS = VectorShuffle.fromValues(S, 1, 0, 3, 2);
    /** (v₀, v₂, v₀, v₂): lanes 0 and 2 in both halves. */
    private static final VectorShuffle<Double> EVENS = VectorShuffle.fromValues(S, 0, 2, 0, 2);
    /** (v₂, v₃, v₀, v₁): the halves swapped. */
    private static final VectorShuffle<Double> SWAP_HALVES = VectorShuffle.fromValues(S, 2, 3, 0, 1);
    /** Lanes 2 and 3. */
    private static final VectorMask<Double> HIGH_HALF = VectorMask.fromValues(S, false, false, true, true);
    /** Lanes 1 and 3: where a vector of 2-column rows holds the second column. */
    private static final VectorMask<Double> ODD_LANES = VectorMask.fromValues(S, false, true, false, true);
    /** (d₀, d₀, d₁, d₁): two rows' slopes, each beside its row's two columns. */
    private static final VectorShuffle<Double> LOW_PAIRS = VectorShuffle.fromValues(S, 0, 0, 1, 1);
    /** (d₂, d₂, d₃, d₃). */
    private static final VectorShuffle<Double> HIGH_PAIRS = VectorShuffle.fromValues(S, 2, 2, 3, 3);

    /** @throws IllegalStateException on a machine whose vectors are narrower than 256 bits (emulated: slow) */
    VectorKernel() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < S.vectorBitSize()) {
            throw new IllegalStateException("this machine's vectors have " + DoubleVector.SPECIES_PREFERRED.vectorBitSize()
                    + " bits; the SIMD kernel needs " + S.vectorBitSize());
        }
    }

    /**
     * Four rows of C at a time, eight columns (two vectors) at a time: eight accumulators in registers,
     * each step over p loading two vectors of B and broadcasting four entries of A for eight FMAs. The
     * columns beyond the last multiple of 8 go four, then one at a time, rows beyond the last multiple of
     * 4 one at a time; every entry is the same chain of FMAs over p as {@link ScalarKernel#product}.
     */
    @Override
    public void product(double[] a, int aAt, int rowStride, int colStride, double[] b, int bAt, int m, int k, int n,
                        double[] c, int cAt, boolean add) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int a0 = aAt + i * rowStride, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
            int c0 = cAt + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            int j = 0;
            for (; j + 7 < n; j += 8) {
                DoubleVector x0 = start(c, c0 + j, add), y0 = start(c, c0 + j + 4, add);
                DoubleVector x1 = start(c, c1 + j, add), y1 = start(c, c1 + j + 4, add);
                DoubleVector x2 = start(c, c2 + j, add), y2 = start(c, c2 + j + 4, add);
                DoubleVector x3 = start(c, c3 + j, add), y3 = start(c, c3 + j + 4, add);
                for (int p = 0, ap = 0, bp = bAt + j; p < k; p++, ap += colStride, bp += n) {
                    DoubleVector bx = DoubleVector.fromArray(S, b, bp), by = DoubleVector.fromArray(S, b, bp + 4);
                    DoubleVector s0 = DoubleVector.broadcast(S, a[a0 + ap]), s1 = DoubleVector.broadcast(S, a[a1 + ap]);
                    DoubleVector s2 = DoubleVector.broadcast(S, a[a2 + ap]), s3 = DoubleVector.broadcast(S, a[a3 + ap]);
                    x0 = s0.fma(bx, x0);
                    y0 = s0.fma(by, y0);
                    x1 = s1.fma(bx, x1);
                    y1 = s1.fma(by, y1);
                    x2 = s2.fma(bx, x2);
                    y2 = s2.fma(by, y2);
                    x3 = s3.fma(bx, x3);
                    y3 = s3.fma(by, y3);
                }
                x0.intoArray(c, c0 + j);
                y0.intoArray(c, c0 + j + 4);
                x1.intoArray(c, c1 + j);
                y1.intoArray(c, c1 + j + 4);
                x2.intoArray(c, c2 + j);
                y2.intoArray(c, c2 + j + 4);
                x3.intoArray(c, c3 + j);
                y3.intoArray(c, c3 + j + 4);
            }
            for (; j + 3 < n; j += 4) {
                DoubleVector x0 = start(c, c0 + j, add), x1 = start(c, c1 + j, add);
                DoubleVector x2 = start(c, c2 + j, add), x3 = start(c, c3 + j, add);
                for (int p = 0, ap = 0, bp = bAt + j; p < k; p++, ap += colStride, bp += n) {
                    DoubleVector bx = DoubleVector.fromArray(S, b, bp);
                    x0 = DoubleVector.broadcast(S, a[a0 + ap]).fma(bx, x0);
                    x1 = DoubleVector.broadcast(S, a[a1 + ap]).fma(bx, x1);
                    x2 = DoubleVector.broadcast(S, a[a2 + ap]).fma(bx, x2);
                    x3 = DoubleVector.broadcast(S, a[a3 + ap]).fma(bx, x3);
                }
                x0.intoArray(c, c0 + j);
                x1.intoArray(c, c1 + j);
                x2.intoArray(c, c2 + j);
                x3.intoArray(c, c3 + j);
            }
            for (; j < n; j++) {
                double z0 = add ? c[c0 + j] : 0, z1 = add ? c[c1 + j] : 0, z2 = add ? c[c2 + j] : 0, z3 = add ? c[c3 + j] : 0;
                for (int p = 0, ap = 0, bp = bAt + j; p < k; p++, ap += colStride, bp += n) {
                    double bpj = b[bp];
                    z0 = Math.fma(a[a0 + ap], bpj, z0);
                    z1 = Math.fma(a[a1 + ap], bpj, z1);
                    z2 = Math.fma(a[a2 + ap], bpj, z2);
                    z3 = Math.fma(a[a3 + ap], bpj, z3);
                }
                c[c0 + j] = z0;
                c[c1 + j] = z1;
                c[c2 + j] = z2;
                c[c3 + j] = z3;
            }
        }
        for (; i < m; i++) {
            int a0 = aAt + i * rowStride, c0 = cAt + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                DoubleVector x0 = start(c, c0 + j, add);
                for (int p = 0, ap = 0, bp = bAt + j; p < k; p++, ap += colStride, bp += n) {
                    x0 = DoubleVector.broadcast(S, a[a0 + ap]).fma(DoubleVector.fromArray(S, b, bp), x0);
                }
                x0.intoArray(c, c0 + j);
            }
            for (; j < n; j++) {
                double z0 = add ? c[c0 + j] : 0;
                for (int p = 0, ap = 0, bp = bAt + j; p < k; p++, ap += colStride, bp += n) z0 = Math.fma(a[a0 + ap], b[bp], z0);
                c[c0 + j] = z0;
            }
        }
    }

    /** Four entries of C from {@code at} (to add to) or zeros. */
    private static DoubleVector start(double[] c, int at, boolean add) {
        return add ? DoubleVector.fromArray(S, c, at) : DoubleVector.zero(S);
    }

    /**
     * Rows of 32 to 192 columns that come from main memory go one row after another ({@link #dot} per
     * row), other rows four at a time ({@link #dotsInGroups}); each row's sum is the same chain of FMAs
     * either way, so are the bits. Four rows at a time read four places a row apart at once; in a
     * harness on the AMD EPYC (chunks as the core takes them, X far larger than the caches) that ran
     * 42–48 ns per row at 128 columns against 30–32 for one row after another, 13–14 against 7–9 at 32
     * columns and 73–80 against 55–65 at 192, while a single chain of 64 FMAs per row lost at 256
     * columns (88–103 against 63–76). From the caches four rows at a time win (at 128 columns and
     * 1 MB of X, 13.7 against 24.7 ns per row), as their four chains overlap.
     */
    @Override
    public void dots(double[] x, int at, int n, double[] w, int count, double[] z, boolean fromMemory) {
        if (n == 2) {
            dotsOfPairs(x, at, w, count, z);
            return;
        }
        int bound = S.loopBound(n);
        int c = bound == 16 ? dotsOfSixteen(x, at, n, w, count, z)
                : fromMemory && n >= 32 && n <= 192 ? 0
                : dotsInGroups(x, at, n, w, count, z);
        for (; c < count; c++) z[c] = dot(x, at + c * n, w, n);
    }

    /**
     * Four rows at a time, each row's dot product in four lanes of FMAs over its vector part, then the
     * columns beyond the last multiple of 4 one by one. Returns the number of rows done, 4⌊count/4⌋.
     * Kept apart from {@link #dots}: one method holding every path grew past what HotSpot inlines,
     * and this loop, left with Vector API calls, ran four times slower.
     */
    private static int dotsInGroups(double[] x, int at, int n, double[] w, int count, double[] z) {
        int bound = S.loopBound(n);
        int c = 0;
        for (; c + 3 < count; c += 4) {
            int o0 = at + c * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0; j < bound; j += 4) {
                DoubleVector wj = DoubleVector.fromArray(S, w, j);
                a0 = DoubleVector.fromArray(S, x, o0 + j).fma(wj, a0);
                a1 = DoubleVector.fromArray(S, x, o1 + j).fma(wj, a1);
                a2 = DoubleVector.fromArray(S, x, o2 + j).fma(wj, a2);
                a3 = DoubleVector.fromArray(S, x, o3 + j).fma(wj, a3);
            }
            if (bound == n) {
                sumsOfFour(a0, a1, a2, a3).intoArray(z, c);
                continue;
            }
            double z0 = laneSum(a0), z1 = laneSum(a1), z2 = laneSum(a2), z3 = laneSum(a3);
            for (int j = bound; j < n; j++) {
                double wj = w[j];
                z0 = Math.fma(x[o0 + j], wj, z0);
                z1 = Math.fma(x[o1 + j], wj, z1);
                z2 = Math.fma(x[o2 + j], wj, z2);
                z3 = Math.fma(x[o3 + j], wj, z3);
            }
            z[c] = z0;
            z[c + 1] = z1;
            z[c + 2] = z2;
            z[c + 3] = z3;
        }
        return c;
    }

    /**
     * Rows of 16 to 19 columns (the vector part is 16 wide): the four vectors of w stay in registers
     * for the whole chunk and each group of four rows is written out, no inner loop. About twice as
     * fast as {@link #dotsInGroups}, which reloads w for every group (100,000 × 16 in a harness: 1.3–1.7
     * against 2.9–3.0 ns per row); the arithmetic is the same, so are the bits. Returns the number of
     * rows done, 4⌊count/4⌋.
     */
    private static int dotsOfSixteen(double[] x, int at, int n, double[] w, int count, double[] z) {
        DoubleVector w0 = DoubleVector.fromArray(S, w, 0), w1 = DoubleVector.fromArray(S, w, 4);
        DoubleVector w2 = DoubleVector.fromArray(S, w, 8), w3 = DoubleVector.fromArray(S, w, 12);
        DoubleVector zero = DoubleVector.zero(S);
        int c = 0;
        for (; c + 3 < count; c += 4) {
            int o0 = at + c * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
            DoubleVector a0 = DoubleVector.fromArray(S, x, o0).fma(w0, zero);
            DoubleVector a1 = DoubleVector.fromArray(S, x, o1).fma(w0, zero);
            DoubleVector a2 = DoubleVector.fromArray(S, x, o2).fma(w0, zero);
            DoubleVector a3 = DoubleVector.fromArray(S, x, o3).fma(w0, zero);
            a0 = DoubleVector.fromArray(S, x, o0 + 4).fma(w1, a0);
            a1 = DoubleVector.fromArray(S, x, o1 + 4).fma(w1, a1);
            a2 = DoubleVector.fromArray(S, x, o2 + 4).fma(w1, a2);
            a3 = DoubleVector.fromArray(S, x, o3 + 4).fma(w1, a3);
            a0 = DoubleVector.fromArray(S, x, o0 + 8).fma(w2, a0);
            a1 = DoubleVector.fromArray(S, x, o1 + 8).fma(w2, a1);
            a2 = DoubleVector.fromArray(S, x, o2 + 8).fma(w2, a2);
            a3 = DoubleVector.fromArray(S, x, o3 + 8).fma(w2, a3);
            a0 = DoubleVector.fromArray(S, x, o0 + 12).fma(w3, a0);
            a1 = DoubleVector.fromArray(S, x, o1 + 12).fma(w3, a1);
            a2 = DoubleVector.fromArray(S, x, o2 + 12).fma(w3, a2);
            a3 = DoubleVector.fromArray(S, x, o3 + 12).fma(w3, a3);
            sumsOfFour(a0, a1, a2, a3).intoArray(z, c);
        }
        if (n > 16) { // columns 16 … n − 1, after the lanes' sum, as in dotsInGroups
            for (int r = 0; r < c; r++) {
                double zr = z[r];
                for (int j = 16, o = at + r * n; j < n; j++) zr = Math.fma(x[o + j], w[j], zr);
                z[r] = zr;
            }
        }
        return c;
    }

    /**
     * (v₀ + v₁) + (v₂ + v₃), in that order. Not {@code reduceLanes(ADD)}, whose order of additions for
     * doubles is left to the implementation: the sum must round as {@link ScalarKernel}'s does.
     */
    private static double laneSum(DoubleVector v) {
        return (v.lane(0) + v.lane(1)) + (v.lane(2) + v.lane(3));
    }

    /**
     * (Σa, Σb, Σc, Σd) of four vectors' lanes, as one vector, each sum rounded as {@link #laneSum}:
     * neighbours first, (a₀ + a₁, b₀ + b₁, a₂ + a₃, b₂ + b₃) and the same for c, d, then halves. Each
     * step blends two vectors and adds one of them to the other blend turned around, one lane move per
     * step where a move per vector would do the same (three moves in all, not six). Cheaper than four
     * separate reductions, and the four outputs leave in one store.
     */
    private static DoubleVector sumsOfFour(DoubleVector a, DoubleVector b, DoubleVector c, DoubleVector d) {
        DoubleVector ab = a.blend(b, ODD_LANES).add(b.blend(a, ODD_LANES).rearrange(NEIGHBOURS));
        DoubleVector cd = c.blend(d, ODD_LANES).add(d.blend(c, ODD_LANES).rearrange(NEIGHBOURS));
        return ab.blend(cd, HIGH_HALF).add(cd.blend(ab, HIGH_HALF).rearrange(SWAP_HALVES));
    }

    /**
     * Two columns: one vector holds two rows (a₀, b₀, a₁, b₁). Multiply by (w₀, w₁, w₀, w₁) and add
     * each product to its neighbour: (z₀, z₀, z₁, z₁). Two such vectors give four rows' outputs,
     * which two lane moves and a blend pack into (z₀, z₁, z₂, z₃).
     */
    private static void dotsOfPairs(double[] x, int at, double[] w, int count, double[] z) {
        DoubleVector ww = DoubleVector.broadcast(S, w[0]).blend(w[1], ODD_LANES);
        int c = 0;
        for (; c + 7 < count; c += 8) { // eight rows per round: the loop's own cost shared by twice the rows
            int o = at + 2 * c;
            DoubleVector p = DoubleVector.fromArray(S, x, o).mul(ww);
            DoubleVector q = DoubleVector.fromArray(S, x, o + 4).mul(ww);
            DoubleVector u = DoubleVector.fromArray(S, x, o + 8).mul(ww);
            DoubleVector v = DoubleVector.fromArray(S, x, o + 12).mul(ww);
            p = p.add(p.rearrange(NEIGHBOURS));
            q = q.add(q.rearrange(NEIGHBOURS));
            u = u.add(u.rearrange(NEIGHBOURS));
            v = v.add(v.rearrange(NEIGHBOURS));
            p.rearrange(EVENS).blend(q.rearrange(EVENS), HIGH_HALF).intoArray(z, c);
            u.rearrange(EVENS).blend(v.rearrange(EVENS), HIGH_HALF).intoArray(z, c + 4);
        }
        for (; c + 3 < count; c += 4) {
            DoubleVector p = DoubleVector.fromArray(S, x, at + 2 * c).mul(ww);
            DoubleVector q = DoubleVector.fromArray(S, x, at + 2 * c + 4).mul(ww);
            p = p.add(p.rearrange(NEIGHBOURS));
            q = q.add(q.rearrange(NEIGHBOURS));
            p.rearrange(EVENS).blend(q.rearrange(EVENS), HIGH_HALF).intoArray(z, c);
        }
        for (; c < count; c++) z[c] = dotOfPair(x, at + 2 * c, w);
    }

    @Override
    public void accumulate(double[] x, int at, int n, double[] d, int count, double[] g) {
        if (n == 2) {
            accumulatePairs(x, at, d, count, g);
            return;
        }
        int bound = S.loopBound(n), pairs = count & ~1;
        // Sixteen columns at a time, rows inside: their sums stay in eight registers (even rows and odd
        // rows apart, so consecutive multiply-adds do not wait on each other) and g is loaded and
        // stored once per chunk.
        int j = 0;
        for (; j + 15 < bound; j += 16) {
            DoubleVector e0 = DoubleVector.zero(S), e1 = e0, e2 = e0, e3 = e0, o0 = e0, o1 = e0, o2 = e0, o3 = e0;
            int c = 0;
            for (; c < pairs; c += 2) {
                int even = at + c * n + j, odd = even + n;
                DoubleVector de = DoubleVector.broadcast(S, d[c]), dodd = DoubleVector.broadcast(S, d[c + 1]);
                e0 = DoubleVector.fromArray(S, x, even).fma(de, e0);
                e1 = DoubleVector.fromArray(S, x, even + 4).fma(de, e1);
                e2 = DoubleVector.fromArray(S, x, even + 8).fma(de, e2);
                e3 = DoubleVector.fromArray(S, x, even + 12).fma(de, e3);
                o0 = DoubleVector.fromArray(S, x, odd).fma(dodd, o0);
                o1 = DoubleVector.fromArray(S, x, odd + 4).fma(dodd, o1);
                o2 = DoubleVector.fromArray(S, x, odd + 8).fma(dodd, o2);
                o3 = DoubleVector.fromArray(S, x, odd + 12).fma(dodd, o3);
            }
            if (c < count) {
                int last = at + c * n + j;
                DoubleVector dl = DoubleVector.broadcast(S, d[c]);
                e0 = DoubleVector.fromArray(S, x, last).fma(dl, e0);
                e1 = DoubleVector.fromArray(S, x, last + 4).fma(dl, e1);
                e2 = DoubleVector.fromArray(S, x, last + 8).fma(dl, e2);
                e3 = DoubleVector.fromArray(S, x, last + 12).fma(dl, e3);
            }
            DoubleVector.fromArray(S, g, j).add(e0.add(o0)).intoArray(g, j);
            DoubleVector.fromArray(S, g, j + 4).add(e1.add(o1)).intoArray(g, j + 4);
            DoubleVector.fromArray(S, g, j + 8).add(e2.add(o2)).intoArray(g, j + 8);
            DoubleVector.fromArray(S, g, j + 12).add(e3.add(o3)).intoArray(g, j + 12);
        }
        for (; j < bound; j += 4) { // the last 4, 8 or 12 columns of the vector part
            DoubleVector e = DoubleVector.zero(S), o = e;
            int c = 0;
            for (; c < pairs; c += 2) {
                int even = at + c * n + j;
                e = DoubleVector.fromArray(S, x, even).fma(DoubleVector.broadcast(S, d[c]), e);
                o = DoubleVector.fromArray(S, x, even + n).fma(DoubleVector.broadcast(S, d[c + 1]), o);
            }
            if (c < count) e = DoubleVector.fromArray(S, x, at + c * n + j).fma(DoubleVector.broadcast(S, d[c]), e);
            DoubleVector.fromArray(S, g, j).add(e.add(o)).intoArray(g, j);
        }
        for (; j < n; j++) { // columns beyond the last multiple of 4
            double sj = 0;
            for (int c = 0, o = at + j; c < count; c++, o += n) sj = Math.fma(x[o], d[c], sj);
            g[j] += sj;
        }
    }

    /**
     * Two columns: (a₀, b₀, a₁, b₁) times (d₀, d₀, d₁, d₁) adds both rows' contributions to both
     * columns in one FMA. Eight rows per round into four sums, so that four FMAs are under way at once
     * (with two, each waited on the one before: measured 0.25 ns per row at 2,048 × 2). Lanes 0 and 2
     * collect column 0, lanes 1 and 3 column 1; {@link ScalarKernel} keeps the same sixteen sums. The
     * last count mod 8 rows are added one by one (a full chunk of two-column rows is 256 rows).
     */
    private static void accumulatePairs(double[] x, int at, double[] d, int count, double[] g) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int c = 0;
        for (; c + 7 < count; c += 8) {
            int o = at + 2 * c;
            DoubleVector d0 = DoubleVector.fromArray(S, d, c), d1 = DoubleVector.fromArray(S, d, c + 4);
            s0 = DoubleVector.fromArray(S, x, o).fma(d0.rearrange(LOW_PAIRS), s0);
            s1 = DoubleVector.fromArray(S, x, o + 4).fma(d0.rearrange(HIGH_PAIRS), s1);
            s2 = DoubleVector.fromArray(S, x, o + 8).fma(d1.rearrange(LOW_PAIRS), s2);
            s3 = DoubleVector.fromArray(S, x, o + 12).fma(d1.rearrange(HIGH_PAIRS), s3);
        }
        DoubleVector sum = s0.add(s2).add(s1.add(s3));
        double g0 = sum.lane(0) + sum.lane(2), g1 = sum.lane(1) + sum.lane(3);
        for (; c < count; c++) {
            int off = at + 2 * c;
            g0 = Math.fma(x[off], d[c], g0);
            g1 = Math.fma(x[off + 1], d[c], g1);
        }
        g[0] += g0;
        g[1] += g1;
    }

    /**
     * Rows of 2 and of 16 columns in one pass: each group of rows is read once, its residuals stay in
     * registers between the outputs, their squares and the gradient update, and the loops'
     * instructions overlap. Same bits as the four loops in turn: the same operations, each sum taking
     * its rows in the same order. Other widths run the four loops.
     */
    @Override
    public double residualGradient(double[] x, int at, int n, double[] w, double[] y, int yAt, int count,
                                   double[] z, double[] g, boolean fromMemory) {
        if (n == 2) return residualGradientOfPairs(x, at, w, y, yAt, count, z, g);
        if (n == 16 && count > 0 && count % 4 == 0) { // every chunk but perhaps the last of a sum
            return residualGradientOfSixteen(x, at, w, y, yAt, count, z, g);
        }
        return Kernel.super.residualGradient(x, at, n, w, y, yAt, count, z, g, fromMemory);
    }

    /**
     * {@link #dotsOfPairs}, {@link #subtract}, {@link #sumOfSquares} and {@link #accumulatePairs} for
     * each round of eight rows: the four vectors of X loaded for the outputs are the ones the update
     * multiplies. The last count mod 8 rows go one by one, their residuals kept in {@code z} for the
     * squares.
     */
    private static double residualGradientOfPairs(double[] x, int at, double[] w, double[] y, int yAt, int count,
                                                  double[] z, double[] g) {
        DoubleVector ww = DoubleVector.broadcast(S, w[0]).blend(w[1], ODD_LANES);
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        DoubleVector squares = s0;
        int c = 0;
        for (; c + 7 < count; c += 8) {
            int o = at + 2 * c;
            DoubleVector xp = DoubleVector.fromArray(S, x, o), xq = DoubleVector.fromArray(S, x, o + 4);
            DoubleVector xu = DoubleVector.fromArray(S, x, o + 8), xv = DoubleVector.fromArray(S, x, o + 12);
            DoubleVector p = xp.mul(ww), q = xq.mul(ww), u = xu.mul(ww), v = xv.mul(ww);
            p = p.add(p.rearrange(NEIGHBOURS));
            q = q.add(q.rearrange(NEIGHBOURS));
            u = u.add(u.rearrange(NEIGHBOURS));
            v = v.add(v.rearrange(NEIGHBOURS));
            DoubleVector d0 = p.rearrange(EVENS).blend(q.rearrange(EVENS), HIGH_HALF).sub(DoubleVector.fromArray(S, y, yAt + c));
            DoubleVector d1 = u.rearrange(EVENS).blend(v.rearrange(EVENS), HIGH_HALF).sub(DoubleVector.fromArray(S, y, yAt + c + 4));
            s0 = xp.fma(d0.rearrange(LOW_PAIRS), s0);
            s1 = xq.fma(d0.rearrange(HIGH_PAIRS), s1);
            s2 = xu.fma(d1.rearrange(LOW_PAIRS), s2);
            s3 = xv.fma(d1.rearrange(HIGH_PAIRS), s3);
            squares = d1.fma(d1, d0.fma(d0, squares));
        }
        DoubleVector sum = s0.add(s2).add(s1.add(s3));
        double g0 = sum.lane(0) + sum.lane(2), g1 = sum.lane(1) + sum.lane(3);
        int rest = c;
        for (; c < count; c++) {
            int off = at + 2 * c;
            double d = dotOfPair(x, off, w) - y[yAt + c];
            z[c] = d;
            g0 = Math.fma(x[off], d, g0);
            g1 = Math.fma(x[off + 1], d, g1);
        }
        g[0] += g0;
        g[1] += g1;
        double l0 = squares.lane(0), l1 = squares.lane(1), l2 = squares.lane(2), l3 = squares.lane(3);
        if (rest + 3 < count) { // a group of four among the last rows, into the lanes
            l0 = Math.fma(z[rest], z[rest], l0);
            l1 = Math.fma(z[rest + 1], z[rest + 1], l1);
            l2 = Math.fma(z[rest + 2], z[rest + 2], l2);
            l3 = Math.fma(z[rest + 3], z[rest + 3], l3);
            rest += 4;
        }
        double sumOfSquares = (l0 + l1) + (l2 + l3);
        for (; rest < count; rest++) sumOfSquares = Math.fma(z[rest], z[rest], sumOfSquares);
        return sumOfSquares;
    }

    /**
     * {@link #dotsOfSixteen}, {@link #subtract}, {@link #sumOfSquares} and {@link #accumulate} for each
     * group of four rows: w in four registers, the gradient's sums (even rows and odd rows apart) in
     * eight, the squares' four lane sums in one, and each row's residual broadcast straight from the
     * vector of four. The lane sums leave through {@code z} (a call to {@link #laneSum} there pushed
     * the method past what HotSpot inlines, and the loop ran twice as slow). {@code count} is a
     * positive multiple of 4. The
     * outputs repeat {@link #dotsOfSixteen}'s sixteen FMAs written out: moved into a method that takes
     * the vectors of w, they ran about twice as slow in both loops (measured at 100,000 × 16), as
     * HotSpot did not inline it.
     */
    private static double residualGradientOfSixteen(double[] x, int at, double[] w, double[] y, int yAt, int count,
                                                    double[] z, double[] g) {
        DoubleVector w0 = DoubleVector.fromArray(S, w, 0), w1 = DoubleVector.fromArray(S, w, 4);
        DoubleVector w2 = DoubleVector.fromArray(S, w, 8), w3 = DoubleVector.fromArray(S, w, 12);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector e0 = zero, e1 = zero, e2 = zero, e3 = zero, o0 = zero, o1 = zero, o2 = zero, o3 = zero;
        DoubleVector squares = zero;
        for (int c = 0; c < count; c += 4) {
            int r0 = at + 16 * c, r1 = r0 + 16, r2 = r1 + 16, r3 = r2 + 16;
            DoubleVector a0 = DoubleVector.fromArray(S, x, r0).fma(w0, zero);
            DoubleVector a1 = DoubleVector.fromArray(S, x, r1).fma(w0, zero);
            DoubleVector a2 = DoubleVector.fromArray(S, x, r2).fma(w0, zero);
            DoubleVector a3 = DoubleVector.fromArray(S, x, r3).fma(w0, zero);
            a0 = DoubleVector.fromArray(S, x, r0 + 4).fma(w1, a0);
            a1 = DoubleVector.fromArray(S, x, r1 + 4).fma(w1, a1);
            a2 = DoubleVector.fromArray(S, x, r2 + 4).fma(w1, a2);
            a3 = DoubleVector.fromArray(S, x, r3 + 4).fma(w1, a3);
            a0 = DoubleVector.fromArray(S, x, r0 + 8).fma(w2, a0);
            a1 = DoubleVector.fromArray(S, x, r1 + 8).fma(w2, a1);
            a2 = DoubleVector.fromArray(S, x, r2 + 8).fma(w2, a2);
            a3 = DoubleVector.fromArray(S, x, r3 + 8).fma(w2, a3);
            a0 = DoubleVector.fromArray(S, x, r0 + 12).fma(w3, a0);
            a1 = DoubleVector.fromArray(S, x, r1 + 12).fma(w3, a1);
            a2 = DoubleVector.fromArray(S, x, r2 + 12).fma(w3, a2);
            a3 = DoubleVector.fromArray(S, x, r3 + 12).fma(w3, a3);
            DoubleVector d = sumsOfFour(a0, a1, a2, a3).sub(DoubleVector.fromArray(S, y, yAt + c));
            squares = d.fma(d, squares);
            DoubleVector d0 = DoubleVector.broadcast(S, d.lane(0)), d1 = DoubleVector.broadcast(S, d.lane(1));
            DoubleVector d2 = DoubleVector.broadcast(S, d.lane(2)), d3 = DoubleVector.broadcast(S, d.lane(3));
            e0 = DoubleVector.fromArray(S, x, r0).fma(d0, e0);
            e1 = DoubleVector.fromArray(S, x, r0 + 4).fma(d0, e1);
            e2 = DoubleVector.fromArray(S, x, r0 + 8).fma(d0, e2);
            e3 = DoubleVector.fromArray(S, x, r0 + 12).fma(d0, e3);
            o0 = DoubleVector.fromArray(S, x, r1).fma(d1, o0);
            o1 = DoubleVector.fromArray(S, x, r1 + 4).fma(d1, o1);
            o2 = DoubleVector.fromArray(S, x, r1 + 8).fma(d1, o2);
            o3 = DoubleVector.fromArray(S, x, r1 + 12).fma(d1, o3);
            e0 = DoubleVector.fromArray(S, x, r2).fma(d2, e0);
            e1 = DoubleVector.fromArray(S, x, r2 + 4).fma(d2, e1);
            e2 = DoubleVector.fromArray(S, x, r2 + 8).fma(d2, e2);
            e3 = DoubleVector.fromArray(S, x, r2 + 12).fma(d2, e3);
            o0 = DoubleVector.fromArray(S, x, r3).fma(d3, o0);
            o1 = DoubleVector.fromArray(S, x, r3 + 4).fma(d3, o1);
            o2 = DoubleVector.fromArray(S, x, r3 + 8).fma(d3, o2);
            o3 = DoubleVector.fromArray(S, x, r3 + 12).fma(d3, o3);
        }
        DoubleVector.fromArray(S, g, 0).add(e0.add(o0)).intoArray(g, 0);
        DoubleVector.fromArray(S, g, 4).add(e1.add(o1)).intoArray(g, 4);
        DoubleVector.fromArray(S, g, 8).add(e2.add(o2)).intoArray(g, 8);
        DoubleVector.fromArray(S, g, 12).add(e3.add(o3)).intoArray(g, 12);
        squares.intoArray(z, 0); // not laneSum: one more call inlined here pushed the loop past HotSpot's node limit
        return (z[0] + z[1]) + (z[2] + z[3]);
    }

    /** z = a·w₀ + b·w₁ rounded as {@link #dotsOfPairs} rounds it: two products, then their sum. */
    private static double dotOfPair(double[] x, int at, double[] w) {
        return x[at] * w[0] + x[at + 1] * w[1];
    }

    @Override
    public double dot(double[] x, int at, double[] w, int n) {
        if (n == 2) return dotOfPair(x, at, w);
        int bound = S.loopBound(n);
        DoubleVector a = DoubleVector.zero(S);
        for (int j = 0; j < bound; j += 4) {
            a = DoubleVector.fromArray(S, x, at + j).fma(DoubleVector.fromArray(S, w, j), a);
        }
        double z = laneSum(a);
        for (int j = bound; j < n; j++) z = Math.fma(x[at + j], w[j], z);
        return z;
    }

    /**
     * Rows of 16 to 19 columns: θ₀ … θ₁₅ stay in four vector registers for the whole span, so an
     * update neither stores them nor loads them back for the next row's dot product, which waits on
     * them (the chain from one update to the next: the products for θ, then four multiply-adds and the
     * lanes' sum, then ℓ′). In a harness on the Intel Xeon (a million shuffled rows of 16 columns,
     * gathered in chunks of 512) the updates took 23–26 ns each, against 41–54 ns for the plain-Java
     * loop with θ in memory. The arithmetic is the plain-Java loop's ({@link ScalarKernel#stepRows}), one
     * operation for one operation: lane l of the dot's vector is the lane sum l_l of {@link #dot}, added
     * as (l₀ + l₁) + (l₂ + l₃) with the columns from 16 after it, and each θ_j takes
     * η·((0 + ℓ′x_j)·s) away as four lanes, so the bits are the same. Other widths run the plain-Java
     * loop: a vector loop over θ in memory ran 6 to 9 times slower at 32 and 128 columns.
     */
    @Override
    public int stepRows(RowLoss loss, double valueScale, double gradientScale, double[] x, double[] y, int n,
                        double largest, int from, int to, double[] theta, double[] etas, double costLimit,
                        double[] costs) {
        if (n < 16 || n > 19) {
            return ScalarKernel.INSTANCE.stepRows(loss, valueScale, gradientScale, x, y, n, largest, from, to, theta, etas,
                    costLimit, costs);
        }
        return stepRowsOfSixteen(loss, valueScale, gradientScale, x, y, n, largest, from, to, theta, etas, costLimit, costs);
    }

    /** {@link #stepRows} for 16 to 19 columns (kept apart so that HotSpot inlines its Vector API calls). */
    private static int stepRowsOfSixteen(RowLoss loss, double valueScale, double gradientScale, double[] x, double[] y,
                                         int n, double largest, int from, int to, double[] theta, double[] etas,
                                         double costLimit, double[] costs) {
        double scale = Math.abs(gradientScale);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector t0 = DoubleVector.fromArray(S, theta, 0), t1 = DoubleVector.fromArray(S, theta, 4);
        DoubleVector t2 = DoubleVector.fromArray(S, theta, 8), t3 = DoubleVector.fromArray(S, theta, 12);
        int i = from;
        for (; i < to; i++) {
            int off = i * n, k = i - from;
            DoubleVector x0 = DoubleVector.fromArray(S, x, off), x1 = DoubleVector.fromArray(S, x, off + 4);
            DoubleVector x2 = DoubleVector.fromArray(S, x, off + 8), x3 = DoubleVector.fromArray(S, x, off + 12);
            double z = laneSum(x3.fma(t3, x2.fma(t2, x1.fma(t1, x0.fma(t0, zero)))));
            for (int j = 16; j < n; j++) z = Math.fma(x[off + j], theta[j], z);
            double d = loss.slope(z, y[i]);
            double cost = valueScale * loss.value(z, y[i]);
            if (ScalarKernel.stopsBefore(cost, d, largest, scale, costLimit)) break;
            double eta = etas[k];
            DoubleVector dv = DoubleVector.broadcast(S, d), etav = DoubleVector.broadcast(S, eta);
            t0 = t0.sub(etav.mul(zero.add(dv.mul(x0)).mul(gradientScale)));
            t1 = t1.sub(etav.mul(zero.add(dv.mul(x1)).mul(gradientScale)));
            t2 = t2.sub(etav.mul(zero.add(dv.mul(x2)).mul(gradientScale)));
            t3 = t3.sub(etav.mul(zero.add(dv.mul(x3)).mul(gradientScale)));
            for (int j = 16; j < n; j++) theta[j] -= eta * ((0.0 + d * x[off + j]) * gradientScale);
            costs[k] = cost;
        }
        t0.intoArray(theta, 0);
        t1.intoArray(theta, 4);
        t2.intoArray(theta, 8);
        t3.intoArray(theta, 12);
        return i - from;
    }

    /**
     * {@link ScalarKernel#exp} four lanes at a time, operation for operation (the same roundings, so the
     * same bits). The Vector API's own {@code EXP} is not used: its last bit can differ before and after
     * HotSpot compiles the loop.
     */
    @Override
    public void expOfMinusAbs(double[] z, int count, double[] e) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            DoubleVector x = DoubleVector.fromArray(S, z, k).abs().neg().max(-746.0);
            DoubleVector round = x.fma(DoubleVector.broadcast(S, ScalarKernel.LOG2_E), DoubleVector.broadcast(S, ScalarKernel.ROUNDER))
                    .sub(ScalarKernel.ROUNDER);
            DoubleVector minusRound = round.neg();
            DoubleVector r = minusRound.fma(DoubleVector.broadcast(S, ScalarKernel.LN2_HI), x);
            r = minusRound.fma(DoubleVector.broadcast(S, ScalarKernel.LN2_LO), r);
            // Horner, written out: a loop over the coefficients here would carry a vector from one
            // iteration to the next, which HotSpot may fail to keep in a register
            DoubleVector p = r.fma(DoubleVector.broadcast(S, ScalarKernel.C13), DoubleVector.broadcast(S, ScalarKernel.C12));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C11));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C10));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C9));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C8));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C7));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C6));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C5));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C4));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C3));
            p = p.fma(r, DoubleVector.broadcast(S, ScalarKernel.C2));
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            p = p.fma(r, one);
            p = p.fma(r, one);
            DoubleVector half = round.mul(0.5).add(ScalarKernel.ROUNDER).sub(ScalarKernel.ROUNDER);
            p.mul(powerOfTwo(half)).mul(powerOfTwo(round.sub(half))).intoArray(e, k);
        }
        for (; k < count; k++) e[k] = ScalarKernel.exp(-Math.abs(z[k]));
    }

    /** 2^k per lane for integer-valued k in −1022 … 1023, as {@code ScalarKernel.powerOfTwo}. */
    private static DoubleVector powerOfTwo(DoubleVector k) {
        return k.add(ScalarKernel.ROUNDER_BIASED).reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    @Override
    public void logistic(double[] z, double[] e, int count, double[] s) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            DoubleVector zk = DoubleVector.fromArray(S, z, k), ek = DoubleVector.fromArray(S, e, k);
            DoubleVector numerator = ek.blend(1.0, zk.compare(VectorOperators.GE, 0.0));
            numerator.div(ek.add(1.0)).intoArray(s, k);
        }
        for (; k < count; k++) s[k] = ScalarKernel.sigmoid(z[k], e[k]);
    }

    /**
     * Four rows per instruction. Written out because HotSpot 17 leaves the plain loop {@code z[k] −=
     * y[at + k]} scalar here (measured: 0.47 ns per row on 256-row chunks, about what the outputs
     * themselves cost at n = 2).
     */
    @Override
    public void subtract(double[] z, double[] y, int at, int count) {
        int k = 0;
        for (; k + 15 < count; k += 16) {
            DoubleVector.fromArray(S, z, k).sub(DoubleVector.fromArray(S, y, at + k)).intoArray(z, k);
            DoubleVector.fromArray(S, z, k + 4).sub(DoubleVector.fromArray(S, y, at + k + 4)).intoArray(z, k + 4);
            DoubleVector.fromArray(S, z, k + 8).sub(DoubleVector.fromArray(S, y, at + k + 8)).intoArray(z, k + 8);
            DoubleVector.fromArray(S, z, k + 12).sub(DoubleVector.fromArray(S, y, at + k + 12)).intoArray(z, k + 12);
        }
        for (; k + 3 < count; k += 4) {
            DoubleVector.fromArray(S, z, k).sub(DoubleVector.fromArray(S, y, at + k)).intoArray(z, k);
        }
        for (; k < count; k++) z[k] -= y[at + k];
    }

    @Override
    public double sumOfSquares(double[] a, int count) {
        DoubleVector lanes = DoubleVector.zero(S);
        int k = 0;
        for (; k + 3 < count; k += 4) {
            DoubleVector p = DoubleVector.fromArray(S, a, k);
            lanes = p.fma(p, lanes);
        }
        double s = laneSum(lanes);
        for (; k < count; k++) s = Math.fma(a[k], a[k], s);
        return s;
    }

    @Override
    public double sum(double[] a) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int k = 0;
        for (; k + 15 < a.length; k += 16) {
            s0 = s0.add(DoubleVector.fromArray(S, a, k));
            s1 = s1.add(DoubleVector.fromArray(S, a, k + 4));
            s2 = s2.add(DoubleVector.fromArray(S, a, k + 8));
            s3 = s3.add(DoubleVector.fromArray(S, a, k + 12));
        }
        double s = laneSum(s0.add(s1).add(s2.add(s3)));
        for (; k < a.length; k++) s += a[k];
        return s;
    }

    @Override
    public String description() {
        return "SIMD, 4 doubles per instruction (Vector API, " + S + ")";
    }
}
