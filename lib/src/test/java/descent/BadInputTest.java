package descent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.CsvData;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Standardizer;
import descent.function.GradientCheck;
import descent.function.QuadraticBowl;
import descent.function.SampleMse;
import descent.function.Sphere;
import descent.function.XCosCx;
import descent.loss.HuberLoss;
import descent.loss.L2Penalty;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.Adagrad;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RMSprop;
import descent.optim.SignDescent;
import descent.schedule.Schedule;
import descent.schedule.Schedules;
import descent.train.Descent;
import descent.train.Init;
import descent.train.Minimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public entry point rejects bad input with an {@link IllegalArgumentException} whose message
 * names the parameter, shows the bad value and says what would be valid (the contract of
 * {@link Check}). Each assertion checks the message with {@code contains}.
 *
 * <p>Six of these cases found inputs the library did not validate at first (an empty CSV, Infinity in
 * a CSV, targets of the wrong length in Dataset.of, non-finite trueW, non-finite initial weights,
 * value(null, w)); they are validated now.
 */
class BadInputTest {

    /** Asserts an IllegalArgumentException whose message contains every one of {@code parts}. */
    static IllegalArgumentException assertRejected(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String message = e.getMessage();
        for (String part : parts) {
            assertTrue(message != null && message.contains(part),
                    "message should contain \"" + part + "\" but was: " + message);
        }
        return e;
    }

    static String str(double v) {
        return String.valueOf(v);
    }

    /** A small regression dataset: 20 rows, columns bias and x. */
    static Dataset regression() {
        return Datasets.linear(20, 3).withBias();
    }

    /** 0/1 targets, columns bias, x1, x2. */
    static Dataset classification() {
        return Datasets.twoClass(20, 3).withBias();
    }

    // =================================================================== losses

    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of("MSE", MeanSquaredError.mean()),
                Arguments.of("half MSE", MeanSquaredError.half()),
                Arguments.of("Huber", new HuberLoss(1)),
                Arguments.of("log loss", new LogLoss()),
                Arguments.of("MSE + L2", L2Penalty.of(MeanSquaredError.mean(), 0.1)),
                Arguments.of("log loss + L2", L2Penalty.of(new LogLoss(), 0.1)));
    }

    @Nested
    class Losses {
        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#losses")
        void weightsLongerThanTheColumns(String name, Loss loss) {
            Dataset d = classification(); // 3 columns, targets 0/1 so log loss reaches the length check
            assertRejected(() -> loss.valueAndGradient(d, new double[5], new double[3]),
                    "w has length 5", "must have length 3");
            assertRejected(() -> loss.value(d, new double[2]), "w has length 2", "must have length 3");
            assertRejected(() -> loss.valueAndGradient(d, new double[4], new int[] {0, 1}, 0, 2, new double[3]),
                    "w has length 4", "must have length 3");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#losses")
        void gradientBufferOfTheWrongLength(String name, Loss loss) {
            Dataset d = classification();
            assertRejected(() -> loss.valueAndGradient(d, new double[3], new double[1]),
                    "grad has length 1", "must have length 3");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#losses")
        void nonFiniteWeights(String name, Loss loss) {
            Dataset d = classification();
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                assertRejected(() -> loss.valueAndGradient(d, new double[] {0, bad, 0}, new double[3]),
                        "w[1] = " + str(bad), "finite");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#losses")
        void minibatchRangeOutsideTheIndexArray(String name, Loss loss) {
            Dataset d = classification();
            int[] rows = {0, 1, 2};
            assertRejected(() -> loss.valueAndGradient(d, new double[3], rows, 2, 2, new double[3]),
                    "[2, 2)", "0 <= from < to <= rows.length = 3");
            assertRejected(() -> loss.valueAndGradient(d, new double[3], rows, -1, 2, new double[3]),
                    "[-1, 2)", "0 <= from < to");
            assertRejected(() -> loss.valueAndGradient(d, new double[3], rows, 0, 4, new double[3]),
                    "[0, 4)", "rows.length = 3");
            assertRejected(() -> loss.valueAndGradient(d, new double[3], new int[] {0, -3}, 0, 2, new double[3]),
                    "rows[1] = -3", "0..19");
            assertRejected(() -> loss.valueAndGradient(d, new double[3], 20, new double[3]),
                    "rows[0] = 20", "0..19");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.5, -1, 2, 0.999})
        void logLossTargetsThatAreNotZeroOrOne(double target) {
            Dataset d = Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {0, target, 1});
            assertRejected(() -> new LogLoss().value(d, new double[1]),
                    "y[1] = " + str(target), "log loss", "0 or 1");
            assertRejected(() -> L2Penalty.of(new LogLoss(), 0.1).valueAndGradient(d, new double[1], new double[1]),
                    "y[1] = " + str(target), "0 or 1");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, -0.5, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void huberDeltaNotPositiveOrNotFinite(double delta) {
            assertRejected(() -> new HuberLoss(delta), "delta = " + str(delta), "finite number > 0");
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.1, -1e-300, Double.NEGATIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY})
        void l2LambdaNegativeOrNotFinite(double lambda) {
            assertRejected(() -> L2Penalty.of(MeanSquaredError.mean(), lambda),
                    "lambda = " + str(lambda), "finite number >= 0");
        }

        @Test
        void l2WithoutABaseLoss() {
            assertRejected(() -> L2Penalty.of(null, 0.1), "base is null");
        }

        @Test
        void probabilityAndAccuracyCheckTheirArguments() {
            Dataset d = classification();
            assertRejected(() -> LogLoss.probability(d, new double[2], 0), "w has length 2", "must have length 3");
            assertRejected(() -> LogLoss.probability(d, new double[3], 20), "row = 20", "0..19");
            assertRejected(() -> LogLoss.accuracy(d, new double[4]), "w has length 4", "must have length 3");
        }

        @Test
        void valueWithoutData() {
            assertRejected(() -> MeanSquaredError.mean().value(null, new double[2]), "data is null");
        }
    }

    // =================================================================== optimisers

    /** Every optimiser constructor taking a fixed learning rate, as eta → optimiser. */
    static Stream<Arguments> optimisersByEta() {
        return Stream.of(
                Arguments.of("GradientDescent(eta)", (DoubleFunction<Optimizer>) GradientDescent::new),
                Arguments.of("SignDescent(eta)", (DoubleFunction<Optimizer>) SignDescent::new),
                Arguments.of("Momentum(eta, mu)", (DoubleFunction<Optimizer>) eta -> new Momentum(eta, 0.9)),
                Arguments.of("Nesterov(eta, mu)", (DoubleFunction<Optimizer>) eta -> new Nesterov(eta, 0.9)),
                Arguments.of("Adagrad(eta)", (DoubleFunction<Optimizer>) Adagrad::new),
                Arguments.of("Adagrad(eta, eps)", (DoubleFunction<Optimizer>) eta -> new Adagrad(eta, 1e-7)),
                Arguments.of("RMSprop(eta)", (DoubleFunction<Optimizer>) RMSprop::new),
                Arguments.of("RMSprop(eta, rho, eps)", (DoubleFunction<Optimizer>) eta -> new RMSprop(eta, 0.9, 1e-7)),
                Arguments.of("RMSprop.miscopied(eta, rho)", (DoubleFunction<Optimizer>) eta -> RMSprop.miscopied(eta, 0.9)),
                Arguments.of("Adam(eta)", (DoubleFunction<Optimizer>) Adam::new),
                Arguments.of("Adam(eta, b1, b2, eps)", (DoubleFunction<Optimizer>) eta -> new Adam(eta, 0.9, 0.999, 1e-8)));
    }

    /** Every optimiser constructor taking a schedule, as schedule → optimiser. */
    static Stream<Arguments> optimisersBySchedule() {
        return Stream.of(
                Arguments.of("GradientDescent", (Function<Schedule, Optimizer>) GradientDescent::new),
                Arguments.of("SignDescent", (Function<Schedule, Optimizer>) SignDescent::new),
                Arguments.of("Momentum", (Function<Schedule, Optimizer>) s -> new Momentum(s, 0.9)),
                Arguments.of("Nesterov", (Function<Schedule, Optimizer>) s -> new Nesterov(s, 0.9)),
                Arguments.of("Adagrad", (Function<Schedule, Optimizer>) s -> new Adagrad(s, 1e-7)),
                Arguments.of("RMSprop", (Function<Schedule, Optimizer>) s -> new RMSprop(s, 0.9, 1e-7)),
                Arguments.of("Adam", (Function<Schedule, Optimizer>) s -> new Adam(s, 0.9, 0.999, 1e-8)));
    }

    static Stream<Arguments> optimisers() {
        return optimisersByEta().map(a -> Arguments.of(a.get()[0], ((DoubleFunction<?>) a.get()[1]).apply(0.1)));
    }

    static final double[] BAD_RATES = {0, -0.1, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Nested
    class Optimisers {
        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#optimisersByEta")
        void learningRateNotPositiveOrNotFinite(String name, DoubleFunction<Optimizer> make) {
            for (double eta : BAD_RATES) {
                assertRejected(() -> make.apply(eta), "eta = " + str(eta), "finite number > 0");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#optimisersBySchedule")
        void scheduleGivingABadRateIsRejectedAtTheStepThatUsesIt(String name, Function<Schedule, Optimizer> make) {
            for (double eta : BAD_RATES) {
                Optimizer o = make.apply(t -> t < 2 ? 0.1 : eta);
                double[] theta = {1, 2};
                o.step(theta, new double[] {1, 1});
                o.step(theta, new double[] {1, 1});
                assertRejected(() -> o.step(theta, new double[] {1, 1}),
                        "eta = " + str(eta), "at t = 2", "finite learning rate > 0");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#optimisersBySchedule")
        void nullSchedule(String name, Function<Schedule, Optimizer> make) {
            assertRejected(() -> make.apply(null), "schedule is null");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#optimisers")
        void gradientLengthDiffersFromTheta(String name, Optimizer o) {
            assertRejected(() -> o.step(new double[2], new double[3]),
                    "grad has length 3", "must have length 2", "like theta");
            assertRejected(() -> o.step(new double[4], new double[1]),
                    "grad has length 1", "must have length 4");
            assertRejected(() -> o.step(null, new double[1]), "theta is null");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("descent.BadInputTest#optimisers")
        void thetaChangesLengthWithoutAReset(String name, Optimizer o) {
            o.step(new double[2], new double[] {1, 1});
            assertRejected(() -> o.step(new double[3], new double[3]),
                    "theta has length 3", "has length 2", "reset()");
            o.reset();
            o.step(new double[3], new double[] {1, 1, 1}); // fine after reset
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.1, 1, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void momentumOutOfRange(double mu) {
            assertRejected(() -> new Momentum(0.1, mu), "mu = " + str(mu), "[0.0, 1.0)");
            assertRejected(() -> new Momentum(Schedules.constant(0.1), mu), "mu = " + str(mu), "[0.0, 1.0)");
            assertRejected(() -> new Nesterov(0.1, mu), "mu = " + str(mu), "[0.0, 1.0)");
            assertRejected(() -> new Nesterov(Schedules.constant(0.1), mu), "mu = " + str(mu), "[0.0, 1.0)");
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.1, 1, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
        void adamBetasOutOfRange(double beta) {
            assertRejected(() -> new Adam(0.1, beta, 0.999, 1e-8), "beta1 = " + str(beta), "[0.0, 1.0)");
            assertRejected(() -> new Adam(0.1, 0.9, beta, 1e-8), "beta2 = " + str(beta), "[0.0, 1.0)");
            assertRejected(() -> new Adam(Schedules.constant(0.1), beta, 0.999, 1e-8), "beta1 = " + str(beta));
            assertRejected(() -> new Adam(Schedules.constant(0.1), 0.9, beta, 1e-8), "beta2 = " + str(beta));
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
        void rmspropRhoOutOfRange(double rho) {
            assertRejected(() -> new RMSprop(0.1, rho, 1e-7), "rho = " + str(rho), "(0, 1)");
            assertRejected(() -> new RMSprop(Schedules.constant(0.1), rho, 1e-7), "rho = " + str(rho), "(0, 1)");
            assertRejected(() -> RMSprop.miscopied(0.1, rho), "rho = " + str(rho), "(0, 1)");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, -1e-8, Double.NaN, Double.POSITIVE_INFINITY})
        void epsilonNotPositiveOrNotFinite(double eps) {
            assertRejected(() -> new Adagrad(0.1, eps), "eps = " + str(eps), "finite number > 0");
            assertRejected(() -> new RMSprop(0.1, 0.9, eps), "eps = " + str(eps), "finite number > 0");
            assertRejected(() -> new Adam(0.1, 0.9, 0.999, eps), "eps = " + str(eps), "finite number > 0");
        }
    }

    // =================================================================== schedules

    @Nested
    class ScheduleArguments {
        @Test
        void learningRatesNotPositiveOrNotFinite() {
            for (double bad : BAD_RATES) {
                String v = str(bad);
                assertRejected(() -> Schedules.constant(bad), "eta = " + v, "finite number > 0");
                assertRejected(() -> Schedules.inverseTime(bad, 50), "t0 = " + v, "finite number > 0");
                assertRejected(() -> Schedules.inverseTime(5, bad), "t1 = " + v, "finite number > 0");
                assertRejected(() -> Schedules.exponential(bad, 0.5, 10), "eta0 = " + v, "finite number > 0");
                assertRejected(() -> Schedules.stepDecay(bad, 0.5, 10), "eta0 = " + v, "finite number > 0");
                assertRejected(() -> Schedules.inverseScaling(bad, 0.5), "eta0 = " + v, "finite number > 0");
                assertRejected(() -> Schedules.inverseScaling(0.1, bad), "power = " + v, "finite number > 0");
                assertRejected(() -> Schedules.warmRestarts(bad, 10), "eta0 = " + v, "finite number > 0");
            }
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
        void decayFactorsOutsideZeroOne(double bad) {
            assertRejected(() -> Schedules.exponential(0.1, bad, 10), "rate = " + str(bad), "(0, 1]");
            assertRejected(() -> Schedules.stepDecay(0.1, bad, 10), "factor = " + str(bad), "(0, 1]");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void stepCountsBelowOne(long bad) {
            assertRejected(() -> Schedules.exponential(0.1, 0.5, bad), "decaySteps = " + bad, ">= 1");
            assertRejected(() -> Schedules.stepDecay(0.1, 0.5, bad), "everySteps = " + bad, ">= 1");
            assertRejected(() -> Schedules.warmRestarts(0.1, bad), "period = " + bad, ">= 1");
        }

        @Test
        void joinArguments() {
            Schedule a = Schedules.constant(0.1);
            assertRejected(() -> Schedules.join(a, -1, a), "boundary = -1", ">= 0");
            assertRejected(() -> Schedules.join(null, 5, a), "first is null");
            assertRejected(() -> Schedules.join(a, 5, null), "second is null");
        }
    }

    // =================================================================== Dataset

    @Nested
    class DatasetConstruction {
        @Test
        void featureArrayDoesNotMatchTheNumberOfTargets() {
            // 3 rows of 2 features but only 2 targets: x must have m·n = 2·2 = 4 entries
            assertRejected(() -> new Dataset(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 2}, 2),
                    "x has length 6", "must have length 4", "m·n = 2·2");
            // 2 rows but 3 targets
            assertRejected(() -> new Dataset(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3}, 2),
                    "x has length 4", "must have length 6", "m·n = 3·2");
        }

        @Test
        void targetsOfTheWrongLengthInDatasetOf() {
            // 3 feature rows, 2 targets: the message should name y, its length 2 and the 3 rows
            IllegalArgumentException e = assertRejected(
                    () -> Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, 2}), "3");
            assertTrue(e.getMessage().contains("y.length = 2") || e.getMessage().contains("y has length 2"),
                    "should name y and its length 2: " + e.getMessage());
        }

        @Test
        void raggedRows() {
            assertRejected(() -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[] {1, 2}),
                    "features[1] has length 1", "must have length 2");
        }

        @Test
        void emptyData() {
            assertRejected(() -> new Dataset(new double[0], new double[0], 1),
                    "m (number of rows, y.length) = 0", ">= 1");
            assertRejected(() -> new Dataset(new double[0], new double[] {1}, 0),
                    "n (number of columns) = 0", ">= 1");
            assertRejected(() -> Dataset.of(new double[0][], new double[0]),
                    "features.length (rows) = 0", ">= 1");
            assertRejected(() -> Dataset.of(new double[][] {{}}, new double[] {1}),
                    "n (number of columns) = 0", ">= 1");
            assertRejected(() -> new Dataset(new double[1], null, 1), "y is null");
            assertRejected(() -> Dataset.of(null, new double[1]), "features is null");
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void nonFiniteFeaturesOrTargets(double bad) {
            assertRejected(() -> new Dataset(new double[] {1, 2, 3, bad}, new double[] {1, 2}, 2),
                    "x[3] = " + str(bad), "finite");
            assertRejected(() -> new Dataset(new double[] {1, 2, 3, 4}, new double[] {1, bad}, 2),
                    "y[1] = " + str(bad), "finite");
            assertRejected(() -> Dataset.of(new double[][] {{1}, {bad}}, new double[] {1, 2}),
                    "x[1] = " + str(bad), "finite");
        }

        @Test
        void namesColumnsAndRows() {
            Dataset d = Dataset.of(new double[][] {{1, 2}, {3, 4}}, new double[] {1, 2});
            assertRejected(() -> new Dataset(new double[] {1, 2}, new double[] {1}, 2, new String[] {"a"}),
                    "names has length 1", "n = 2");
            assertRejected(() -> d.column(2), "j = 2", "0..1");
            assertRejected(() -> d.column(-1), "j = -1", "0..1");
            assertRejected(() -> d.select(new int[] {0, 2}), "rows[1] = 2", "0..1");
            assertRejected(() -> d.select(new int[0]), "rows.length = 0", ">= 1");
        }
    }

    // =================================================================== Datasets, Standardizer

    @Nested
    class Generators {
        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void noRows(int m) {
            assertRejected(() -> Datasets.linear(m, 1), "m = " + m, ">= 1");
            assertRejected(() -> Datasets.linear(m, 2, new double[] {1, 2}, 1, 1), "m = " + m, ">= 1");
            assertRejected(() -> Datasets.normalSample(m, 0, 1, 1), "m = " + m, ">= 1");
            assertRejected(() -> Datasets.twoClass(m, 1), "m = " + m, ">= 2");
        }

        @Test
        void twoClassNeedsTwoRows() {
            assertRejected(() -> Datasets.twoClass(1, 1), "m = 1", ">= 2");
        }

        @Test
        void linearArguments() {
            assertRejected(() -> Datasets.linear(5, 0, new double[0], 1, 1), "n = 0", ">= 1");
            assertRejected(() -> Datasets.linear(5, 2, new double[] {1, 2, 3}, 1, 1),
                    "trueW has length 3", "must have length 2");
            assertRejected(() -> Datasets.linear(5, 1, new double[] {1}, -0.5, 1), "noiseSd = -0.5", ">= 0");
            assertRejected(() -> Datasets.linear(5, 1, new double[] {1}, Double.NaN, 1), "noiseSd = NaN", ">= 0");
        }

        @Test
        void nonFiniteTrueWeights() {
            assertRejected(() -> Datasets.linear(5, 1, new double[] {Double.NaN}, 1, 1), "trueW[0] = NaN", "finite");
            assertRejected(() -> Datasets.linear(5, 2, new double[] {1, Double.POSITIVE_INFINITY}, 1, 1),
                    "trueW[1] = Infinity", "finite");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
        void normalSampleSpread(double sd) {
            assertRejected(() -> Datasets.normalSample(5, 0, sd, 1), "sd = " + str(sd), "finite number > 0");
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void normalSampleMean(double mean) {
            assertRejected(() -> Datasets.normalSample(5, mean, 1, 1), "mean = " + str(mean), "finite");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, 1, -0.2, 1.2, Double.NaN})
        void splitFractionOutsideZeroOne(double fraction) {
            assertRejected(() -> Datasets.split(Datasets.linear(10, 1), fraction, 1),
                    "testFraction = " + str(fraction), "(0, 1)");
        }

        @Test
        void splitLeavingAnEmptyPart() {
            assertRejected(() -> Datasets.split(Datasets.linear(3, 1), 0.1, 1),
                    "testFraction = 0.1", "m = 3", "gives 0 test rows", "at least one row");
            assertRejected(() -> Datasets.split(Datasets.linear(3, 1), 0.9, 1),
                    "testFraction = 0.9", "gives 3 test rows", "at least one row");
        }

        @Test
        void standardizerArguments() {
            Dataset constant = Dataset.of(new double[][] {{1, 2}, {1, 3}, {1, 4}}, new double[] {0, 1, 2});
            assertRejected(() -> Standardizer.fit(constant), "column 0", "\"x0\"", "standard deviation 0",
                    "bias column");
            Standardizer s = Standardizer.fit(Datasets.linear(10, 1));
            assertRejected(() -> s.transform(Datasets.linear(10, 1).withBias()),
                    "data has 2 columns", "fitted on 1");
            assertRejected(() -> Standardizer.fit(null), "data is null");
        }
    }

    // =================================================================== Descent, Init, Minimizer

    @Nested
    class Training {
        final Dataset data = regression(); // m = 20

        Descent descent() {
            return Descent.of(MeanSquaredError.mean(), data).optimizer(new GradientDescent(0.1));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, -100, 21, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void batchSizeOutsideOneToM(int b) {
            assertRejected(() -> descent().minibatch(b), "batch size b = " + b, "between 1 and m = 20");
        }

        @Test
        void batchSizesAtTheLimitsAreFine() {
            descent().minibatch(1);
            descent().minibatch(20);
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void nonFiniteStartPoint(double bad) {
            assertRejected(() -> Init.of(0, bad), "start[1] = " + str(bad), "finite");
            assertRejected(() -> Minimizer.walk(new Sphere(2), new GradientDescent(0.1), new double[] {bad, 0}, 10),
                    "start[0] = " + str(bad), "finite");
            assertRejected(() -> GradientCheck.forward(p -> 0, new double[] {1, bad}), "p[1] = " + str(bad), "finite");
            assertRejected(() -> GradientCheck.central(p -> 0, new double[] {bad}), "p[0] = " + str(bad), "finite");
            assertRejected(() -> GradientCheck.compare(new Sphere(2), new double[] {bad, 1}),
                    "p[0] = " + str(bad), "finite");
        }

        @Test
        void customInitGivingNaN() {
            assertRejected(() -> descent().init(n -> new double[] {Double.NaN, 0}).maxIterations(5).run(),
                    "initial weights", "NaN");
        }

        @Test
        void startPointOfTheWrongLength() {
            assertRejected(() -> descent().init(Init.of(1, 2, 3, 4)).maxIterations(5).run(),
                    "start has length 4", "must have length 2");
            assertRejected(() -> descent().init(n -> new double[1]).maxIterations(5).run(),
                    "initial weights has length 1", "must have length 2");
            assertRejected(() -> Minimizer.walk(new Sphere(2), new GradientDescent(0.1), new double[3], 10),
                    "start has length 3", "must have length 2");
        }

        @Test
        void stoppingRulesAndRecording() {
            assertRejected(() -> descent().maxIterations(0), "maxIterations = 0", ">= 1");
            assertRejected(() -> descent().maxEpochs(-2), "maxEpochs = -2", ">= 1");
            assertRejected(() -> descent().tolerance(Double.NaN), "tolerance = NaN", ">= 0");
            assertRejected(() -> descent().tolerance(-1e-4), "tolerance = -1.0E-4", ">= 0");
            assertRejected(() -> descent().gradientTolerance(Double.POSITIVE_INFINITY),
                    "gradientTolerance = Infinity", ">= 0");
            assertRejected(() -> descent().recordEvery(0), "recordEvery = 0", ">= 1");
            assertRejected(() -> descent().recordEvery(1, 1), "maxPoints = 1", ">= 2");
            assertRejected(() -> descent().onProgress(0, p -> { }), "every = 0", ">= 1");
            assertRejected(() -> Descent.of(null, data), "loss is null");
            assertRejected(() -> Descent.of(MeanSquaredError.mean(), (Dataset) null), "data is null");
            assertRejected(() -> Descent.of(MeanSquaredError.mean(), (descent.data.RowFile) null), "file is null");
            assertRejected(() -> Minimizer.walk(new Sphere(1), new GradientDescent(0.1), new double[1], 0),
                    "maxSteps = 0", ">= 1");
            assertRejected(() -> Minimizer.walk(new Sphere(1), new GradientDescent(0.1), new double[1], 5, -1),
                    "gradientTolerance = -1.0", ">= 0");
        }

        @Test
        void logLossTrainingOnNonBinaryTargets() {
            assertRejected(() -> Descent.of(new LogLoss(), data).optimizer(new GradientDescent(0.1))
                    .maxIterations(3).run(), "is invalid for log loss", "0 or 1");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, -1e-7, Double.NaN, Double.POSITIVE_INFINITY})
        void finiteDifferenceStep(double eps) {
            assertRejected(() -> GradientCheck.forward(p -> 0, new double[] {1}, eps), "eps = " + str(eps), "> 0");
            assertRejected(() -> GradientCheck.central(p -> 0, new double[] {1}, eps), "eps = " + str(eps), "> 0");
        }

        @Test
        void emptyPointForGradientChecks() {
            assertRejected(() -> GradientCheck.forward(p -> 0, new double[0]), "p.length = 0", ">= 1");
            assertRejected(() -> GradientCheck.compare(new Sphere(2), new double[1]),
                    "p has length 1", "must have length 2");
        }
    }

    // =================================================================== test functions

    @Nested
    class TestFunctions {
        @ParameterizedTest
        @ValueSource(doubles = {0.5, 0, -3, Double.NaN, Double.POSITIVE_INFINITY})
        void conditionNumberBelowOneOrNotFinite(double kappa) {
            assertRejected(() -> new QuadraticBowl(kappa), "conditionNumber = " + str(kappa), ">= 1");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
        void frequencyNotPositive(double c) {
            assertRejected(() -> new XCosCx(c), "c = " + str(c), "> 0");
        }

        @Test
        void sphereDimensionAndPoints() {
            assertRejected(() -> new Sphere(0), "d = 0", ">= 1");
            assertRejected(() -> new Sphere(3).value(new double[2]), "p has length 2", "must have length 3");
            assertRejected(() -> new Sphere(3).gradient(new double[3], new double[4]),
                    "grad has length 4", "must have length 3");
            assertRejected(() -> new QuadraticBowl(2).value(new double[3]), "p has length 3", "must have length 2");
            assertRejected(() -> new XCosCx(1).gradient(new double[1], new double[2]),
                    "grad has length 2", "must have length 1");
        }

        @Test
        void sampleMseSample() {
            assertRejected(() -> new SampleMse(new double[0]), "sample.length = 0", ">= 1");
            assertRejected(() -> new SampleMse(new double[] {1, Double.NaN}), "sample[1] = NaN", "finite");
            assertRejected(() -> new SampleMse(new double[] {Double.NEGATIVE_INFINITY}),
                    "sample[0] = -Infinity", "finite");
        }
    }

    // =================================================================== CSV

    @Nested
    class Csv {
        @TempDir
        Path dir;

        Path write(String name, String text) throws IOException {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        }

        @Test
        void missingTargetColumn() throws IOException {
            Path file = write("a.csv", "a,b,label\n1,2,0\n3,4,1\n");
            assertRejected(() -> CsvData.load(file, "price"), "column \"price\"", "is not in",
                    "available columns: [a, b, label]");
        }

        @Test
        void missingFeatureColumn() throws IOException {
            Path file = write("a.csv", "a,b,label\n1,2,0\n3,4,1\n");
            assertRejected(() -> CsvData.load(file, "label", "a", "c"), "column \"c\"", "is not in",
                    "available columns: [a, b, label]");
        }

        @Test
        void nonNumericColumn() throws IOException {
            Path file = write("a.csv", "a,city,label\n1,York,0\n3,Hull,1\n");
            assertRejected(() -> CsvData.load(file, "label", "a", "city"), "column \"city\"", "STRING",
                    "must be numeric");
            assertRejected(() -> CsvData.load(file, "city"), "column \"city\"", "must be numeric");
        }

        @Test
        void missingValue() throws IOException {
            Path file = write("a.csv", "a,b,label\n1,2,0\n3,,1\n");
            assertRejected(() -> CsvData.load(file, "label"), "column \"b\"", "missing value", "data row 2");
        }

        @Test
        void noNumericFeatureBesidesTheTarget() throws IOException {
            Path file = write("a.csv", "name,label\nx,0\ny,1\n");
            assertRejected(() -> CsvData.load(file, "label"), "features is empty", "no numeric column besides label");
        }

        @Test
        void noSuchFile() {
            Path file = dir.resolve("absent.csv");
            assertRejected(() -> CsvData.load(file, "label"), "file = " + file, "no such file");
            assertRejected(() -> CsvData.load(null, "label"), "file is null");
        }

        @Test
        void headerButNoRows() throws IOException {
            Path file = write("empty.csv", "a,b,label\n");
            assertRejected(() -> CsvData.load(file, "label", "a", "b"), "0 rows");
            assertRejected(() -> CsvData.load(file, "label"), "0 rows");
        }

        @Test
        void infiniteValue() throws IOException {
            Path file = write("inf.csv", "a,b,label\n1,Infinity,0\n2,3,1\n");
            assertRejected(() -> CsvData.load(file, "label"), "column \"b\"", "Infinity", "data row 1");
        }
    }
}
