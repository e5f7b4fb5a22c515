package io.ember.ui.pages;

import io.ember.scheduler.StageInfo;
import io.ember.ui.store.StageData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's stage graph as inline SVG: each stage a box in a column by its depth (parents to the
 * left), the RDD operations it computes stacked inside (oldest on top), narrow dependencies as
 * thin lines inside a stage and shuffle dependencies as dashed arrows between stages. Stateless;
 * every name shown is escaped.
 */
final class StageDag {
    private static final int COL_W = 240;
    private static final int BOX_W = 200;
    private static final int RDD_W = 176;
    private static final int RDD_H = 24;
    private static final int RDD_GAP = 14;
    private static final int HEADER = 26;
    private static final int MARGIN = 12;

    /** Where one RDD's box was drawn: top-left corner, and the stage it was drawn in. */
    private record Spot(int x, int y, int stageId) {}

    private StageDag() {}

    /** The graph of {@code stages} (one attempt per stage, any order); empty when there is nothing to draw. */
    static String svg(List<StageData> stages) {
        Map<Integer, StageData> byId = new LinkedHashMap<>();
        stages.stream().sorted(Comparator.comparingInt(StageData::stageId)).forEach(s -> byId.putIfAbsent(s.stageId(), s));
        if (byId.isEmpty()) {
            return "";
        }
        Map<Integer, Integer> depth = new HashMap<>();
        byId.keySet().forEach(id -> depthOf(id, byId, depth));
        Map<Integer, Integer> columnHeight = new HashMap<>();
        Map<Integer, int[]> boxes = new HashMap<>();
        Map<Integer, List<Spot>> spots = new HashMap<>();
        StringBuilder body = new StringBuilder();
        int width = 0;
        int height = 0;
        for (StageData s : byId.values()) {
            int col = depth.get(s.stageId());
            List<StageInfo.RddInfo> rdds = s.rdds().stream().sorted(Comparator.comparingInt(StageInfo.RddInfo::id))
                    .toList();
            int x = MARGIN + col * COL_W;
            int y = columnHeight.getOrDefault(col, MARGIN);
            int h = HEADER + Math.max(1, rdds.size()) * (RDD_H + RDD_GAP);
            boxes.put(s.stageId(), new int[] {x, y, h});
            columnHeight.put(col, y + h + MARGIN * 2);
            width = Math.max(width, x + BOX_W + MARGIN);
            height = Math.max(height, y + h + MARGIN);
            body.append("<g class=\"stage\" id=\"dag-stage-").append(s.stageId()).append("\"><rect x=\"").append(x)
                    .append("\" y=\"").append(y).append("\" width=\"").append(BOX_W).append("\" height=\"").append(h)
                    .append("\" rx=\"4\" fill=\"").append(fill(s.status())).append("\" stroke=\"#8a9bb0\"/><text x=\"")
                    .append(x + 8).append("\" y=\"").append(y + 17).append("\" font-weight=\"bold\">Stage ")
                    .append(s.stageId()).append(s.status().equals("SKIPPED") ? " (skipped)" : "").append("</text>");
            for (int i = 0; i < rdds.size(); i++) {
                StageInfo.RddInfo r = rdds.get(i);
                int rx = x + (BOX_W - RDD_W) / 2;
                int ry = y + HEADER + i * (RDD_H + RDD_GAP);
                spots.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(new Spot(rx, ry, s.stageId()));
                String label = r.name() + " [" + r.id() + "]";
                body.append("<g class=\"rdd\" data-rdd=\"").append(r.id()).append("\"><title>")
                        .append(Html.esc(label + (r.origin() == null ? "" : "\n" + r.origin()))).append("</title><rect x=\"")
                        .append(rx).append("\" y=\"").append(ry).append("\" width=\"").append(RDD_W).append("\" height=\"")
                        .append(RDD_H).append("\" rx=\"3\" fill=\"#fff\" stroke=\"#6a7f99\"/><text x=\"").append(rx + 6)
                        .append("\" y=\"").append(ry + 16).append("\">").append(Html.esc(clip(label))).append("</text></g>");
            }
            body.append("</g>");
        }
        StringBuilder edges = new StringBuilder();
        for (StageData s : byId.values()) {
            boolean linked = false;
            for (StageInfo.RddInfo r : s.rdds()) {
                Spot to = spotIn(spots.get(r.id()), s.stageId());
                for (int parent : r.parentIds()) {
                    Spot from = spotIn(spots.get(parent), s.stageId());
                    if (to == null || from == null) {
                        continue;
                    }
                    if (from.stageId() == s.stageId()) {
                        edges.append(line("narrow", from.x() + RDD_W / 2, from.y() + RDD_H, to.x() + RDD_W / 2, to.y()));
                    } else if (s.parentIds().contains(from.stageId())) {
                        edges.append(line("shuffle", from.x() + RDD_W, from.y() + RDD_H / 2, to.x(), to.y() + RDD_H / 2));
                        linked = true;
                    }
                }
            }
            for (int p : s.parentIds()) {
                int[] a = boxes.get(p);
                int[] b = boxes.get(s.stageId());
                if (!linked && a != null) {
                    edges.append(line("shuffle", a[0] + BOX_W, a[1] + a[2] / 2, b[0], b[1] + b[2] / 2));
                }
            }
        }
        return "<svg id=\"dag\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>"
                + body + edges + "</svg>";
    }

    private static int depthOf(int id, Map<Integer, StageData> stages, Map<Integer, Integer> memo) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        memo.put(id, 0); // guards against a malformed cycle
        int d = 0;
        for (int p : stages.get(id).parentIds()) {
            if (stages.containsKey(p)) {
                d = Math.max(d, depthOf(p, stages, memo) + 1);
            }
        }
        memo.put(id, d);
        return d;
    }

    /** The spot drawn in stage {@code stageId} if any, else the first one elsewhere. */
    private static Spot spotIn(List<Spot> candidates, int stageId) {
        if (candidates == null) {
            return null;
        }
        return candidates.stream().filter(c -> c.stageId() == stageId).findFirst().orElse(candidates.get(0));
    }

    private static String line(String kind, int x1, int y1, int x2, int y2) {
        boolean shuffle = kind.equals("shuffle");
        return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"%s\"%s marker-end=\"url(#arrow)\"/>", kind, x1, y1, x2, y2,
                shuffle ? "#555" : "#8a9bb0", shuffle ? "1.6" : "1", shuffle ? " stroke-dasharray=\"5,3\"" : "");
    }

    private static String fill(String status) {
        return switch (status) {
            case "COMPLETE" -> "#e6f2e6";
            case "FAILED" -> "#f6dede";
            case "ACTIVE" -> "#e3ecf8";
            default -> "#f0f0f0";
        };
    }

    private static String clip(String label) {
        return label.length() <= 26 ? label : label.substring(0, 25) + "\u2026";
    }
}
