package descent.plot;

import descent.Check;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A grouped bar chart rendered to a {@link BufferedImage}: one group per category (say, a data
 * shape) and one coloured bar per series (say, an implementation). Used to show benchmark times
 * and ratios side by side.
 */
public final class BarChart {
    private final String title;
    private final List<String> categories;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private int width = 700;
    private int height = 420;
    private final List<Bars> series = new ArrayList<>();

    private record Bars(String name, double[] values) {}

    private BarChart(String title, List<String> categories) {
        this.title = Check.notNull("title", title);
        Check.notNull("categories", categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("categories is empty: give at least one category");
        }
        // two bars of one name could not be told apart, and a blank one has no label
        Check.distinctNames("categories", categories.toArray(new String[0]));
        this.categories = List.copyOf(categories);
    }

    /** A chart with this title and these categories along the x axis. */
    public static BarChart of(String title, String... categories) {
        Check.notNull("categories", categories);
        return new BarChart(title, Arrays.asList(categories));
    }

    /** A chart with this title and these categories along the x axis. */
    public static BarChart of(String title, List<String> categories) {
        return new BarChart(title, categories);
    }

    public BarChart xLabel(String label) {
        xLabel = Check.notNull("label", label);
        return this;
    }

    public BarChart yLabel(String label) {
        yLabel = Check.notNull("label", label);
        return this;
    }

    /** Logarithmic y axis (every value must then be &gt; 0). */
    public BarChart logY() {
        logY = true;
        return this;
    }

    public BarChart size(int width, int height) {
        Check.pixels(width, height, 100);
        this.width = width;
        this.height = height;
        return this;
    }

    /** One bar per category, in the order of the categories. */
    public BarChart series(String name, double... values) {
        Check.name("name", name);
        for (Bars b : series) {
            if (b.name.equals(name)) {
                throw new IllegalArgumentException("name = \"" + name + "\" is invalid: the chart has a series of that "
                        + "name already (a series name is used twice); names must differ");
            }
        }
        Check.notNull("values", values);
        if (values.length != categories.size()) {
            throw new IllegalArgumentException("values has length " + values.length + " for series '" + name
                    + "': it must have one value per category (" + categories.size() + ")");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || (logY && values[i] <= 0)) {
                throw new IllegalArgumentException("values[" + i + "] = " + values[i] + " for series '" + name
                        + "' is invalid: it must be finite" + (logY ? " and > 0 on a log axis" : ""));
            }
        }
        series.add(new Bars(name, values.clone()));
        return this;
    }

    /** The XChart chart, for further styling. */
    public CategoryChart chart() {
        if (series.isEmpty()) {
            throw new IllegalStateException("the chart '" + title + "' has no series: add one with series(...)");
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisLogarithmic(logY);
        if (logY) { // bars grow from the decade below the smallest value, not from 0 (which has no logarithm)
            Extent e = Extent.positive();
            for (Bars bars : series) e.add(bars.values);
            styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(e.lo()))));
        }
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setOverlapped(false);
        for (Bars bars : series) {
            List<Double> values = new ArrayList<>();
            for (double v : bars.values) values.add(v);
            chart.addSeries(bars.name, categories, values).setFillColor(Palette.color(chart.getSeriesMap().size()));
        }
        return chart;
    }

    /** Renders the chart, with its {@linkplain #altText() text alternative}. */
    public ChartImage image() {
        return new ChartImage(BitmapEncoder.getBufferedImage(chart()), altText());
    }

    /** What the chart shows: its axes and series, then every bar's value, category by category. */
    public String altText() {
        List<String> names = new ArrayList<>();
        for (Bars b : series) names.add(b.name);
        String axis = yLabel.isEmpty() ? "values" : yLabel;
        StringBuilder s = new StringBuilder(AltText.sentence(title + ": bar chart of " + axis + " for "
                + AltText.count(categories.size(), "category", "categories") + (xLabel.isEmpty() ? "" : " of " + xLabel)
                + (series.size() > 1 ? ", one bar each for " + AltText.list(names) : "") + (logY ? ", log scale" : "")));
        for (int c = 0; c < categories.size(); c++) {
            List<String> bars = new ArrayList<>();
            for (Bars b : series) bars.add((series.size() > 1 ? b.name + " " : "") + AltText.number(b.values[c]));
            s.append(' ').append(categories.get(c)).append(": ").append(String.join(", ", bars)).append('.');
        }
        return s.toString();
    }
}
