package descent.plot;

import descent.Check;
import descent.autodiff.ComputationGraph;
import descent.autodiff.Value;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture of a small scalar computation graph ({@link Value#graph()}), drawn as micrograd's
 * {@code draw_dot} draws one (github.com/karpathy/micrograd, trace_graph.ipynb): one box per node with
 * its name, value and gradient, inputs on the left, the result on the right, an arrow from each input
 * to the operation that used it. Nodes stand in columns by their distance from the inputs (the longest
 * path), so every arrow points right. The text alternative lists every node as an equation, with its
 * value and gradient, from the same numbers.
 */
public final class GraphPicture {
    /** More nodes than this do not fit a readable picture: print the graph instead. */
    public static final int MAX_NODES = 40;
    // narrow boxes and large type: a graph of seven columns still reads when a page scales it to its width
    private static final int BOX_W = 112, BOX_H = 64, GAP_X = 34, GAP_Y = 16, MARGIN = 20, TITLE = 34;

    private GraphPicture() {}

    /** The graph {@code result} is the result of, with its current gradients. */
    public static ChartImage of(Value result) {
        return of(Check.notNull("result", result).graph());
    }

    /** A picture of {@code graph}, at most {@link #MAX_NODES} nodes. */
    public static ChartImage of(ComputationGraph graph) {
        Check.notNull("graph", graph);
        List<ComputationGraph.Node> nodes = graph.nodes();
        if (nodes.size() > MAX_NODES) {
            throw new IllegalArgumentException("graph has " + nodes.size() + " nodes: a picture shows at most " + MAX_NODES
                    + "; print graph.nodes() instead");
        }
        int[] column = new int[nodes.size()];  // nodes come inputs first, so one pass finds the longest paths
        for (ComputationGraph.Edge e : graph.edges()) column[e.to()] = Math.max(column[e.to()], column[e.from()] + 1);
        int columns = 0;
        for (int c : column) columns = Math.max(columns, c + 1);
        int[] row = new int[nodes.size()], perColumn = new int[columns];
        for (int k = 0; k < nodes.size(); k++) row[k] = perColumn[column[k]]++;
        int rows = 0;
        for (int n : perColumn) rows = Math.max(rows, n);
        int w = 2 * MARGIN + columns * BOX_W + (columns - 1) * GAP_X, h = TITLE + 2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y;
        // at least as wide as the title
        BufferedImage img = new BufferedImage(Math.max(w, 500), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Computation graph: value and gradient of each node", MARGIN, MARGIN + 8);
        int[] x = new int[nodes.size()], y = new int[nodes.size()];
        for (int k = 0; k < nodes.size(); k++) {
            x[k] = MARGIN + column[k] * (BOX_W + GAP_X);
            y[k] = TITLE + MARGIN + row[k] * (BOX_H + GAP_Y);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(Color.DARK_GRAY);
        for (ComputationGraph.Edge e : graph.edges()) {
            int x0 = x[e.from()] + BOX_W, y0 = y[e.from()] + BOX_H / 2, x1 = x[e.to()], y1 = y[e.to()] + BOX_H / 2;
            g.drawLine(x0, y0, x1, y1);
            double angle = Math.atan2(y1 - y0, x1 - x0);
            for (double side : new double[] {-0.4, 0.4}) {
                g.drawLine(x1, y1, (int) Math.round(x1 - 9 * Math.cos(angle + side)), (int) Math.round(y1 - 9 * Math.sin(angle + side)));
            }
        }
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, 15), body = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        for (ComputationGraph.Node n : nodes) {
            int k = n.id();
            boolean input = n.op().isEmpty();
            g.setColor(input ? new Color(0xE8F1F8) : new Color(0xFBEFE6));
            g.fillRoundRect(x[k], y[k], BOX_W, BOX_H, 10, 10);
            g.setColor(input ? Palette.color(0) : Palette.color(1));
            g.drawRoundRect(x[k], y[k], BOX_W, BOX_H, 10, 10);
            g.setColor(Color.BLACK);
            g.setFont(title);
            String head = input ? n.name() : n.label().isEmpty() ? n.op() : n.label() + " = " + n.op();
            g.drawString(fit(g.getFontMetrics(), head), x[k] + 7, y[k] + 19);
            g.setFont(body);
            g.drawString("data " + AltText.number(n.data()), x[k] + 7, y[k] + 39);
            g.drawString("grad " + AltText.number(n.grad()), x[k] + 7, y[k] + 56);
        }
        g.dispose();
        return new ChartImage(img, altText(graph));
    }

    private static String fit(FontMetrics m, String s) {
        String t = s;
        while (t.length() > 1 && m.stringWidth(t) > BOX_W - 12) t = t.substring(0, t.length() - 1);
        return t.equals(s) ? s : t.substring(0, Math.max(1, t.length() - 1)) + "…";
    }

    /** "Computation graph of 4 nodes and 4 edges, inputs first: x = 3 (gradient 6); …; z = x × w = −6 (gradient −12); …". */
    static String altText(ComputationGraph graph) {
        List<ComputationGraph.Node> nodes = graph.nodes();
        List<List<String>> inputs = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) inputs.add(new ArrayList<>());
        for (ComputationGraph.Edge e : graph.edges()) inputs.get(e.to()).add(name(nodes.get(e.from())));
        List<String> parts = new ArrayList<>();
        for (ComputationGraph.Node n : nodes) {
            String how = n.op().isEmpty() ? "" : " = " + n.op() + " of " + AltText.list(inputs.get(n.id()));
            parts.add(name(n) + how + " = " + AltText.number(n.data()) + " (gradient " + AltText.number(n.grad()) + ")");
        }
        return AltText.sentence("Computation graph of " + AltText.count(nodes.size(), "node", "nodes") + " and "
                + AltText.count(graph.edges().size(), "edge", "edges") + ", inputs first, the result last: "
                + String.join("; ", parts));
    }

    /** The node's label, or "node k" for an operation without one, or its number for an unnamed input. */
    private static String name(ComputationGraph.Node n) {
        if (!n.label().isEmpty()) return n.label();
        return n.op().isEmpty() ? AltText.number(n.data()) : "node " + n.id();
    }
}
