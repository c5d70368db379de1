package descent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.Objective;
import descent.function.Sphere;
import descent.function.TestFunction;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.optim.Optimizer;
import descent.schedule.Schedule;
import descent.schedule.Schedules;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Goes through the whole public API: every public constructor and static method of every public
 * class (and the instance methods of the classes it can build), called first with arguments that work
 * and then with one argument at a time replaced by a typo a student makes (null, NaN, ±∞, a negative
 * or huge index, an empty or ragged array, an array of the wrong length). Each call must either work
 * or throw an IllegalArgumentException whose message shows the bad value; any other exception
 * (NullPointerException, ArrayIndexOutOfBounds, …) is a defect, and so is a non-finite double returned
 * from finite input or a number returned from a NaN or ∞.
 */
class PublicApiProbeTest {

    /** How long one call may take before it counts as never returning. */
    static final long TIMEOUT_SECONDS = 20;

    /** Counts of the walk, printed at its end (the closing note quotes them). */
    static int methods, probed, calls, clearErrors, accepted;

    @Test
    void everyPublicEntryPointRejectsBadInputWithAClearError() throws Exception {
        List<String> defects = new ArrayList<>();
        Map<String, int[]> perPackage = new TreeMap<>();
        Map<String, Integer> unprobed = new TreeMap<>();
        for (Class<?> type : publicClasses()) {
            // descent.exercise's entry points change with the notebooks: only null arguments are probed there
            boolean nullsOnly = type.getPackageName().equals("descent.exercise");
            for (Executable e : entryPoints(type)) {
                Object[] good = workingArguments(type, e);
                int[] counts = perPackage.computeIfAbsent(type.getPackageName(), k -> new int[2]);
                counts[0]++;
                methods++;
                if (good == null) {  // no working call found: counted, not probed
                    unprobed.merge(signature(type, e), 1, Integer::sum);
                    continue;
                }
                counts[1]++;
                probed++;
                Parameter[] ps = e.getParameters();
                for (int p = 0; p < ps.length; p++) {
                    for (Object bad : badValues(ps[p].getType(), good[p])) {
                        if (nullsOnly && bad != null) continue;
                        Object[] args = good.clone();
                        args[p] = copy(bad);
                        calls++;
                        Result r = timed(type, e, args);
                        String problem = outcome(e, args, r);
                        if (problem == null) problem = messageProblem(r, bad);
                        if (problem != null) {
                            defects.add(signature(type, e) + " with argument " + p + " = " + show(bad) + ": " + problem);
                        } else if (r instanceof Threw) {
                            clearErrors++;
                        } else {
                            accepted++;
                        }
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("public entry points (probed) per package:");
        perPackage.forEach((k, v) -> report.append(' ').append(k).append('=').append(v[0]).append(" (").append(v[1]).append(')'));
        System.out.println(report);
        System.out.println("entry points without a working call found (not probed), per class: " + unprobed);
        System.out.println("reflection walk: " + methods + " methods (" + probed + " probed), " + calls + " calls, "
                + clearErrors + " clear errors, " + accepted + " accepted, " + defects.size() + " defects");
        assertTrue(defects.isEmpty(), defects.size() + " defect(s):\n" + String.join("\n", defects));
    }

    // ------------------------------------------------------------------ the API

    static List<Class<?>> publicClasses() throws Exception {
        File root = new File(Dataset.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        collect(root, root, found);
        found.sort((a, b) -> a.getName().compareTo(b.getName()));
        return found;
    }

    private static void collect(File root, File dir, List<Class<?>> found) throws ClassNotFoundException {
        File[] files = dir.listFiles();
        if (files == null) return;
        for (File f : files) {
            if (f.isDirectory()) {
                collect(root, f, found);
            } else if (f.getName().endsWith(".class") && !f.getName().contains("$")) {
                String name = root.toPath().relativize(f.toPath()).toString().replace(File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name);
                // Check's methods hand back what they were given once it is valid: they are the checks themselves
                if (Modifier.isPublic(c.getModifiers()) && c != Check.class) found.add(c);
            }
        }
    }

    static List<Executable> entryPoints(Class<?> type) {
        List<Executable> all = new ArrayList<>();
        if (!Modifier.isAbstract(type.getModifiers())) {
            for (Constructor<?> c : type.getConstructors()) all.add(c);
        }
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isSynthetic()) continue;
            if (!m.getDeclaringClass().getPackageName().startsWith("descent")) continue;
            if (Modifier.isStatic(m.getModifiers()) || sampleOf(type) != null) all.add(m);
        }
        all.sort((a, b) -> a.toString().compareTo(b.toString()));
        return all;
    }

    /** A working object of {@code type} to call instance methods on, or null. */
    static Object instanceOf(Class<?> type) {
        Supplier<Object> s = sampleOf(type);
        return s == null ? null : s.get();
    }

    private static final Map<Class<?>, Supplier<Object>> SAMPLE_BY_CLASS = new java.util.HashMap<>();

    /** The supplier of a fresh working object of {@code type} (the class itself, or one implementing it). */
    static synchronized Supplier<Object> sampleOf(Class<?> type) {
        if (SAMPLE_BY_CLASS.isEmpty()) {
            for (Supplier<Object> s : samples()) SAMPLE_BY_CLASS.putIfAbsent(s.get().getClass(), s);
        }
        Supplier<Object> exact = SAMPLE_BY_CLASS.get(type);
        if (exact != null || !type.isInterface()) return exact;
        for (Map.Entry<Class<?>, Supplier<Object>> e : SAMPLE_BY_CLASS.entrySet()) {
            if (type.isAssignableFrom(e.getKey())) return e.getValue();
        }
        return null;
    }

    private static List<Supplier<Object>> samples() {
        List<Supplier<Object>> s = new ArrayList<>();
        s.add(PublicApiProbeTest::regression);
        s.add(MeanSquaredError::mean);
        s.add(descent.loss.LogLoss::new);
        s.add(() -> descent.autodiff.Value.of(0.5, "x"));
        s.add(() -> descent.autodiff.Tensor.of(new double[] {0.5, 1, 1.5, 2}, 2, 2));
        s.add(() -> new descent.loss.HuberLoss(1));
        s.add(() -> descent.loss.L2Penalty.of(MeanSquaredError.mean(), 0.1));
        s.add(() -> new GradientDescent(0.1));
        s.add(() -> new descent.optim.Momentum(0.1, 0.5));
        s.add(() -> new descent.optim.Nesterov(0.1, 0.5));
        s.add(() -> new descent.optim.Adagrad(0.1));
        s.add(() -> new descent.optim.RMSprop(0.1));
        s.add(() -> new descent.optim.Adam(0.1));
        s.add(() -> new descent.optim.SignDescent(0.1));
        s.add(() -> new descent.optim.CustomOptimizer("mine", 0.1, 1, (theta, grad, eta, t, state) -> {
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * grad[i];
        }));
        s.add(() -> new Sphere(2));
        s.add(descent.function.Himmelblau::new);
        s.add(descent.function.Rosenbrock::new);
        s.add(descent.function.BukinN6::new);
        s.add(descent.function.Saddle::new);
        s.add(() -> new descent.function.QuadraticBowl(10));
        s.add(() -> new descent.function.XCosCx(1));
        s.add(() -> descent.train.Descent.of(MeanSquaredError.mean(), regression()).optimizer(new GradientDescent(0.1)).maxIterations(5));
        s.add(() -> descent.train.Descent.of(MeanSquaredError.mean(), regression()).optimizer(new GradientDescent(0.1)).maxIterations(5).run());
        s.add(() -> descent.train.Minimizer.walk(new Sphere(2), new GradientDescent(0.1), new double[] {1, 1}, 5));
        s.add(() -> descent.linalg.HessianSpectrum.of(MeanSquaredError.mean(), regression()));
        s.add(() -> descent.plot.LineChart.of("t").series("s", new double[] {1, 2, 3}));
        s.add(() -> descent.plot.BarChart.of("t", "a", "b").series("s", 1, 2));
        s.add(() -> descent.plot.ContourPlot.of(new Sphere(2)).size(120, 100).levels(3));
        s.add(() -> descent.plot.Surface3D.of(new Sphere(2), new double[] {-1, 1, -1, 1}));
        s.add(() -> descent.plot.Explorers.heatMap("t", "x", new double[] {1, 2}, "y", new double[] {1, 2},
                new double[][] {{1, 2}, {3, 4}}));
        s.add(() -> descent.plot.LineChart.of("t").series("s", new double[] {1, 2, 3}).image());
        s.add(() -> descent.function.GradientCheck.compare(new Sphere(2), new double[] {1, 2}));
        s.add(() -> descent.data.Standardizer.fit(regression()));
        s.add(() -> {
            descent.data.RowBlock block = new descent.data.RowBlock(regression(), 4);
            block.gather(new int[] {0, 1, 2, 3}, 0, 4);
            return block;
        });
        s.add(() -> descent.schedule.Schedules.inverseTime(0.5, 10));
        s.add(() -> descent.train.Init.random(1));
        return s;
    }

    static Dataset regression() {
        return Datasets.linear(20, 3).withBias();
    }

    // ------------------------------------------------------------------ arguments

    /** Candidate working values per parameter type, tried in order until a call works. */
    static List<Object> candidates(Class<?> t) {
        if (t == double.class || t == Double.class) return List.of(0.5, 0.1, 1.0, 2.0, 1e-3, 10.0);
        if (t == int.class || t == Integer.class) return List.of(1, 2, 3, 5, 0, 20, 400);
        if (t == long.class || t == Long.class) return List.of(1L, 2L, 10L, 0L);
        if (t == boolean.class) return List.of(true, false);
        if (t == String.class) return List.of("label", "y", "a");
        if (t == List.class) return List.of(List.of("a", "b"), List.of(new GradientDescent(0.1)), List.of(new double[] {0.5, 0.25}));
        if (t == Map.class) return List.of(Map.of("a", new double[] {1, 2, 3}));
        if (t == double[].class) return List.of(new double[] {0.5, 0.25}, new double[] {0.5}, new double[] {0.5, 0.25, 0.1},
                new double[] {1, 2, 3, 4}, new double[] {-1, 1, -1, 1});
        if (t == int[].class) return List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {0});
        if (t == double[][].class) return List.of(new double[][] {{0, 0}, {1, 1}}, new double[][] {{1, 2}, {3, 4}, {5, 6}});
        if (t == String[].class) return List.of(new String[] {"a", "b"}, new String[] {"a"}, new String[0]);
        if (t == Object[][].class) return List.of((Object) new Object[][] {{1, 2}});
        if (t == Dataset.class) return List.of(regression(), Datasets.twoClass(20, 3).withBias());
        if (t == Schedule.class) return List.of(Schedules.constant(0.1));
        if (t == Optimizer.class) return List.of(new GradientDescent(0.1));
        if (t == java.nio.file.Path.class) return List.of(csvFile());
        if (t == Loss.class || t == MeanSquaredError.class) return List.of(MeanSquaredError.mean());
        if (t == Objective.class || t == TestFunction.class) return List.of(new Sphere(2));
        if (t == ToDoubleFunction.class) return List.of((ToDoubleFunction<double[]>) x -> x[0] * x[0]);
        if (t == java.awt.Color.class) return List.of(java.awt.Color.BLUE);
        if (t == descent.train.Init.class) return List.of(descent.train.Init.zeros());
        if (t == descent.train.StoppingRule.class) return List.of(descent.train.StoppingRule.maxIterations(5));
        if (t == java.util.function.Consumer.class) return List.of((java.util.function.Consumer<Object>) p -> {});
        if (t == Runnable.class) return List.of((Runnable) () -> {});
        if (t == java.util.Random.class) return List.of(new java.util.Random(1));
        if (t == tech.tablesaw.api.Table.class) return List.of(descent.data.Tables.of(regression()));
        if (t == descent.core.RowLoss.class) return List.of(BadDataRoundTwoTest.HALF_SQUARES);
        if (t == descent.optim.CustomOptimizer.Rule.class) {
            return List.of((descent.optim.CustomOptimizer.Rule) (theta, grad, eta, step, state) -> theta[0] -= eta * grad[0]);
        }
        Object sample = instanceOf(t);
        return sample == null ? List.of() : List.of(sample);
    }

    /** The first combination of candidates that the entry point accepts (bounded search), or null. */
    static Object[] workingArguments(Class<?> type, Executable e) {
        Class<?>[] ps = e.getParameterTypes();
        List<List<Object>> options = new ArrayList<>();
        for (Class<?> p : ps) {
            List<Object> c = candidates(p);
            if (c.isEmpty()) return null;
            options.add(c);
        }
        int[] pick = new int[ps.length];
        for (int tries = 0; tries < 400; tries++) {
            Object[] args = new Object[ps.length];
            for (int i = 0; i < ps.length; i++) args[i] = copy(options.get(i).get(pick[i]));
            if (timed(type, e, args) instanceof Returned) return args;
            int i = 0;  // next combination, like an odometer
            while (i < ps.length && ++pick[i] == options.get(i).size()) pick[i++] = 0;
            if (i == ps.length) return null;
        }
        return null;
    }

    static List<Object> badValues(Class<?> t, Object good) {
        if (t == double.class) return List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 0.0);
        if (t == int.class) return List.of(-1, Integer.MAX_VALUE, 0);
        if (t == long.class) return List.of(-1L, 0L, Long.MAX_VALUE);
        if (t == String.class) return Arrays.asList(null, "", " ");
        if (t == String[].class) return Arrays.asList(null, new String[0], new String[] {null}, new String[] {""},
                new String[] {"a", "a"});
        if (t == List.class) return Arrays.asList(null, List.of(), Arrays.asList((Object) null));
        if (t == double[].class) {
            double[] g = (double[]) good;
            double[] nan = g.clone();
            nan[0] = Double.NaN;
            double[] inf = g.clone();
            inf[inf.length - 1] = Double.POSITIVE_INFINITY;
            List<Object> bad = new ArrayList<>(Arrays.asList(null, new double[0], nan, inf, Arrays.copyOf(g, g.length + 1)));
            if (g.length > 1) bad.add(Arrays.copyOf(g, g.length - 1));
            return bad;
        }
        if (t == int[].class) return Arrays.asList(null, new int[0], new int[] {-1}, new int[] {Integer.MAX_VALUE});
        if (t == double[][].class) {
            double[][] g = (double[][]) good;
            double[][] ragged = Arrays.stream(g).map(double[]::clone).toArray(double[][]::new);
            ragged[ragged.length - 1] = new double[ragged[0].length + 1];
            double[][] nan = Arrays.stream(g).map(double[]::clone).toArray(double[][]::new);
            nan[0][0] = Double.NaN;
            double[][] inf = Arrays.stream(g).map(double[]::clone).toArray(double[][]::new);
            inf[inf.length - 1][0] = Double.NEGATIVE_INFINITY;
            return Arrays.asList(null, new double[0][], ragged, nan, inf, new double[][] {null});
        }
        if (t.isPrimitive()) return List.of();
        return Arrays.asList((Object) null);
    }

    // ------------------------------------------------------------------ calls

    sealed interface Result permits Returned, Threw {}

    record Returned(Object value) implements Result {}

    record Threw(Throwable error) implements Result {}

    static Result call(Class<?> type, Executable e, Object[] args) {
        try {
            if (e instanceof Constructor<?> c) return new Returned(c.newInstance(args));
            Method m = (Method) e;
            Object target = Modifier.isStatic(m.getModifiers()) ? null : freshInstance(type);
            // a public method inherited from a package-private base class (BaseOptimizer, PlaneFunction)
            if (!Modifier.isPublic(m.getDeclaringClass().getModifiers())) m.setAccessible(true);
            return new Returned(m.invoke(target, args));
        } catch (InvocationTargetException ex) {
            return new Threw(ex.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException ex) {
            return new Threw(new AssertionError("could not call " + e + ": " + ex));
        }
    }

    /** A new working instance for each call, so that one bad call cannot spoil the next. */
    static Object freshInstance(Class<?> type) {
        Supplier<Object> s = sampleOf(type);
        if (s == null) throw new AssertionError("no sample of " + type);
        return s.get();
    }

    /**
     * {@link #call} on a thread of its own, given {@link #TIMEOUT_SECONDS}: a call that never returns is
     * reported as such (its thread, a daemon, is left behind) instead of hanging the build.
     */
    static Result timed(Class<?> type, Executable e, Object[] args) {
        return timed(() -> {
            Result r = call(type, e, args);
            // a chart builder takes its data lazily: draw what it was given, where a bad value shows
            if (r instanceof Returned ret && drawable(ret.value())) return draw(ret.value());
            return r;
        });
    }

    static Result timed(Supplier<Result> work) {
        java.util.concurrent.FutureTask<Result> task = new java.util.concurrent.FutureTask<>(work::get);
        Thread thread = new Thread(task, "probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException ex) {
            thread.interrupt();
            return new Threw(new AssertionError("did not return within " + TIMEOUT_SECONDS + " s"));
        } catch (java.util.concurrent.ExecutionException ex) {
            return new Threw(ex.getCause());
        } catch (InterruptedException ex) {
            throw new AssertionError(ex);
        }
    }

    /** A chart of descent.plot that renders to an image. */
    static boolean drawable(Object value) {
        if (value == null || !value.getClass().getPackageName().equals("descent.plot")) return false;
        try {
            return value.getClass().getMethod("image").getParameterCount() == 0;
        } catch (NoSuchMethodException ex) {
            return false;
        }
    }

    static Result draw(Object chart) {
        try {
            chart.getClass().getMethod("image").invoke(chart);
            return new Returned(chart);
        } catch (InvocationTargetException ex) {
            return new Threw(ex.getCause());
        } catch (ReflectiveOperationException ex) {
            return new Threw(new AssertionError("could not draw " + chart + ": " + ex));
        }
    }

    /** Null when the bad argument was handled well, otherwise what went wrong. */
    static String outcome(Executable e, Object[] args, Result r) {
        if (r instanceof Threw t) {
            Throwable error = t.error();
            if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
                return error.getMessage() == null || error.getMessage().isBlank()
                        ? error.getClass().getSimpleName() + " without a message" : null;
            }
            if (error instanceof OutOfMemoryError) return "OutOfMemoryError: the size was not checked";
            if (error instanceof java.io.UncheckedIOException) return null;
            return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        }
        Object value = ((Returned) r).value();
        boolean finiteIn = Arrays.stream(args).allMatch(PublicApiProbeTest::finite);
        if (finiteIn && !finite(value)) return "returned " + show(value) + " from finite arguments";
        // a NaN or ∞ taken in and a plain number given back is a silent wrong answer; but sigmoid(±∞) = 1 or 0
        // and exp(−∞) = 0 are exact, predict reads one row of X (the bad value sits in another) and
        // sumOfSquares the first count entries (the probe's ∞ sits beyond them; one inside gives ∞)
        if (!finiteIn && (value instanceof Number || value instanceof double[]) && finite(value)
                && !READS_PART.contains(e.getName())) {
            return "took a non-finite argument and returned " + show(value) + " instead of an error";
        }
        return null;
    }

    // sgdSteps and stepRows: costs is written, not read, and costLimit = +∞ means "no limit"; the network's losses
    // (softmaxCrossEntropy, logLoss, squaredError) read the first count entries and write delta, not read it
    private static final java.util.Set<String> READS_PART = java.util.Set.of("sigmoid", "exp", "predict", "sumOfSquares",
            "sgdSteps", "stepRows", "softmaxCrossEntropy", "logLoss", "squaredError");

    /** An error must show the bad value (or say what is wrong with the array or the text). */
    static String messageProblem(Result r, Object bad) {
        if (!(r instanceof Threw t)) return null;
        if (!(t.error() instanceof IllegalArgumentException) && !(t.error() instanceof IllegalStateException)) return null;
        String m = String.valueOf(t.error().getMessage());
        boolean shown;
        if (bad == null) shown = m.contains("null");
        else if (bad instanceof Number) shown = m.contains(String.valueOf(bad)) || m.contains(show(bad))
                || (bad.equals(Long.MAX_VALUE) && m.contains("too large"));
        else if (bad instanceof String text) shown = m.contains("\"" + text + "\"") || m.contains("blank") || m.contains("empty");
        else shown = m.contains("length") || m.contains("NaN") || m.contains("Infinity") || m.contains("empty")
                || m.contains("-1") || m.contains("2147483647") || m.contains("null") || m.contains("rows") || m.contains("0 ")
                || m.contains("blank") || m.contains("twice") || m.contains("\"\"");
        return shown ? null : "message does not show the bad value: " + m;
    }

    /** A small comma-separated file with columns a, b and y, written once. */
    static synchronized java.nio.file.Path csvFile() {
        try {
            if (csv == null) {
                csv = java.nio.file.Files.createTempFile("probe", ".csv");
                csv.toFile().deleteOnExit();
                java.nio.file.Files.writeString(csv, "a,b,y\n1,2,3\n2,1,4\n3,5,1\n");
            }
            return csv;
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static java.nio.file.Path csv;

    static boolean finite(Object v) {
        if (v instanceof Double d) return Double.isFinite(d);
        if (v instanceof double[] a) return Arrays.stream(a).allMatch(Double::isFinite);
        if (v instanceof double[][] a) return Arrays.stream(a).allMatch(r -> r == null || Arrays.stream(r).allMatch(Double::isFinite));
        return true;
    }

    static Object copy(Object value) {
        if (value instanceof double[] a) return a.clone();
        if (value instanceof int[] a) return a.clone();
        if (value instanceof double[][] a) return Arrays.stream(a).map(r -> r == null ? null : r.clone()).toArray(double[][]::new);
        return value;
    }

    static String signature(Class<?> type, Executable e) {
        return type.getSimpleName() + "." + (e instanceof Constructor ? "<init>" : e.getName())
                + Arrays.toString(Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).toArray());
    }

    static String show(Object v) {
        if (v instanceof double[] a) return Arrays.toString(a);
        if (v instanceof int[] a) return Arrays.toString(a);
        if (v instanceof double[][] a) return Arrays.deepToString(a);
        return String.valueOf(v);
    }
}
