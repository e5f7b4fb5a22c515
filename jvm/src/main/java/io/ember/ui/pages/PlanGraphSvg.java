package io.ember.ui.pages;

import io.ember.ui.store.SqlPlanGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's physical plan as inline SVG, drawn as Spark's SQL page does: data flows down, from
 * the scans at the top to the root at the bottom; each operator a box with its name and its
 * metric values, an arrow from each child to its parent. Leaves take one column each and a
 * parent sits centred over its children. Stateless; every name and value is escaped.
 */
final class PlanGraphSvg {
    private static final int BOX_W = 250;
    private static final int COL_W = 270;
    private static final int LINE_H = 15;
    private static final int ROW_GAP = 34;
    private static final int MARGIN = 10;

    private PlanGraphSvg() {}

    static String svg(SqlPlanGraph g) {
        if (g.nodes().isEmpty()) {
            return "";
        }
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (SqlPlanGraph.Edge e : g.edges()) {
            children.computeIfAbsent(e.toId(), k -> new ArrayList<>()).add(e.fromId());
        }
        int[] depth = new int[g.nodes().size()];
        double[] column = new double[g.nodes().size()];
        int maxDepth = place(0, 0, children, depth, column, new int[1]);
        int[] rowHeight = new int[maxDepth + 1];
        for (SqlPlanGraph.Node n : g.nodes()) {
            int row = maxDepth - depth[n.id()];
            rowHeight[row] = Math.max(rowHeight[row], height(n));
        }
        int[] rowTop = new int[maxDepth + 2];
        rowTop[0] = MARGIN;
        for (int r = 0; r <= maxDepth; r++) {
            rowTop[r + 1] = rowTop[r] + rowHeight[r] + ROW_GAP;
        }
        double maxColumn = 0;
        for (double c : column) {
            maxColumn = Math.max(maxColumn, c);
        }
        int width = (int) (MARGIN * 2 + maxColumn * COL_W + BOX_W);
        int totalHeight = rowTop[maxDepth + 1] - ROW_GAP + MARGIN;
        int[] x = new int[depth.length];
        int[] y = new int[depth.length];
        for (SqlPlanGraph.Node n : g.nodes()) {
            x[n.id()] = (int) (MARGIN + column[n.id()] * COL_W);
            y[n.id()] = rowTop[maxDepth - depth[n.id()]];
        }
        StringBuilder b = new StringBuilder();
        b.append("<svg id=\"plan-graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(totalHeight).append("\"><defs><marker id=\"plan-arrow\" viewBox=\"0 0 10 10\""
                        + " refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\""
                        + " fill=\"#678\"/></marker></defs>");
        for (SqlPlanGraph.Edge e : g.edges()) {
            SqlPlanGraph.Node from = g.nodes().get(e.fromId());
            b.append("<line class=\"plan-edge\" x1=\"").append(x[e.fromId()] + BOX_W / 2).append("\" y1=\"")
                    .append(y[e.fromId()] + height(from)).append("\" x2=\"").append(x[e.toId()] + BOX_W / 2)
                    .append("\" y2=\"").append(y[e.toId()]).append("\" stroke=\"#678\" marker-end=\"url(#plan-arrow)\"/>");
        }
        for (SqlPlanGraph.Node n : g.nodes()) {
            int nx = x[n.id()];
            int ny = y[n.id()];
            b.append("<g class=\"plan-node\" id=\"plan-node-").append(n.id()).append("\"><title>")
                    .append(Html.esc(n.desc())).append("</title><rect x=\"").append(nx).append("\" y=\"").append(ny)
                    .append("\" width=\"").append(BOX_W).append("\" height=\"").append(height(n))
                    .append("\" rx=\"4\" fill=\"#e8f0f8\" stroke=\"#5a7ca0\"/><text x=\"").append(nx + 8)
                    .append("\" y=\"").append(ny + 16).append("\" font-weight=\"bold\" class=\"plan-node-name\">")
                    .append(Html.esc(n.name())).append("</text>");
            int line = 1;
            for (SqlPlanGraph.Metric m : n.metrics()) {
                b.append("<text class=\"plan-metric\" data-name=\"").append(Html.esc(m.name())).append("\" x=\"")
                        .append(nx + 8).append("\" y=\"").append(ny + 16 + line * LINE_H).append("\">")
                        .append(Html.esc(m.name())).append(": ").append(Html.esc(m.value())).append("</text>");
                line++;
            }
            b.append("</g>");
        }
        return b.append("</svg>").toString();
    }

    private static int height(SqlPlanGraph.Node n) {
        return 24 + n.metrics().size() * LINE_H;
    }

    /** Sets each node's depth and column below {@code id}; returns the deepest depth. */
    private static int place(int id, int d, Map<Integer, List<Integer>> children, int[] depth, double[] column,
                             int[] nextLeaf) {
        depth[id] = d;
        List<Integer> kids = children.getOrDefault(id, List.of());
        if (kids.isEmpty()) {
            column[id] = nextLeaf[0]++;
            return d;
        }
        int deepest = d;
        for (int k : kids) {
            deepest = Math.max(deepest, place(k, d + 1, children, depth, column, nextLeaf));
        }
        column[id] = (column[kids.get(0)] + column[kids.get(kids.size() - 1)]) / 2;
        return deepest;
    }
}
