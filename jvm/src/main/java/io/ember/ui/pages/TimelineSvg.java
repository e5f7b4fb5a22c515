package io.ember.ui.pages;

import java.util.Locale;

/**
 * Draws a timeline as inline SVG, without scripts or external libraries: a time axis with
 * ticks labelled by the offset from the timeline's start, named lanes (one row each) holding
 * bars and point markers. Bars and markers carry a {@code <title>} tooltip; all text given to
 * it is escaped here. Not thread-safe: one instance draws one picture.
 */
final class TimelineSvg {
    static final int LABEL_W = 190;
    static final int PLOT_W = 820;
    static final int ROW_H = 18;
    private static final int AXIS_H = 22;

    private final long start;
    private final long end;
    private final String id;
    private final StringBuilder rows = new StringBuilder();
    private int rowCount;

    /** A timeline over {@code [start, end]} epoch ms; {@code id} names the {@code <svg>} element. */
    TimelineSvg(String id, long start, long end) {
        this.id = id;
        this.start = start;
        this.end = Math.max(end, start + 1);
    }

    /** The x coordinate of an instant (clamped to the plot). */
    double x(long time) {
        double f = (double) (Math.min(Math.max(time, start), end) - start) / (end - start);
        return LABEL_W + f * PLOT_W;
    }

    /** The width of a duration (at least one pixel, so short spans stay visible). */
    double width(long ms) {
        return Math.max(1, (double) Math.max(0, ms) / (end - start) * PLOT_W);
    }

    /** Starts a new row labelled {@code label} (escaped), optionally linked; returns its top y. */
    int row(String label, String href, String rowId) {
        int y = AXIS_H + rowCount * ROW_H;
        rowCount++;
        rows.append("<g class=\"lane\"").append(rowId == null ? "" : " id=\"" + Html.esc(rowId) + "\"").append('>');
        if (rowCount % 2 == 0) {
            rows.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(LABEL_W + PLOT_W)
                    .append("\" height=\"").append(ROW_H).append("\" fill=\"#f6f7f9\"/>");
        }
        String text = "<text x=\"4\" y=\"" + (y + ROW_H - 5) + "\">" + Html.esc(clip(label, 30)) + "</text>";
        rows.append(href == null ? text : "<a href=\"" + href + "\">" + text + "</a>");
        return y;
    }

    /** Ends the row begun by {@link #row}. */
    void endRow() {
        rows.append("</g>");
    }

    /**
     * A bar from {@code from} lasting {@code ms}, in {@code color}, with a tooltip; {@code cls}
     * is its CSS class (tests find bars by it). Returns the x where it ends.
     */
    double bar(int y, double x, double w, String color, String cls, String tooltip) {
        rows.append("<rect class=\"").append(cls).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(y + 3)
                .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(ROW_H - 6).append("\" fill=\"")
                .append(color).append("\"><title>").append(Html.esc(tooltip)).append("</title></rect>");
        return x + w;
    }

    /** A diamond marker at {@code time} with a tooltip. */
    void marker(int y, long time, String color, String cls, String tooltip) {
        double cx = x(time);
        double cy = y + ROW_H / 2.0;
        rows.append("<path class=\"").append(cls).append("\" d=\"M").append(fmt(cx)).append(' ').append(fmt(cy - 6))
                .append(" l6 6 l-6 6 l-6 -6 z\" fill=\"").append(color).append("\"><title>").append(Html.esc(tooltip))
                .append("</title></path>");
    }

    /** The whole picture: the axis above the rows. */
    String svg() {
        int height = AXIS_H + rowCount * ROW_H + 4;
        StringBuilder b = new StringBuilder("<svg id=\"").append(id).append("\" class=\"timeline\" width=\"")
                .append(LABEL_W + PLOT_W + 20).append("\" height=\"").append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        int ticks = 6;
        for (int i = 0; i <= ticks; i++) {
            long t = start + (end - start) * i / ticks;
            double tx = x(t);
            b.append("<line x1=\"").append(fmt(tx)).append("\" x2=\"").append(fmt(tx)).append("\" y1=\"")
                    .append(AXIS_H - 4).append("\" y2=\"").append(height).append("\" stroke=\"#dde\"/>")
                    .append("<text x=\"").append(fmt(tx)).append("\" y=\"").append(AXIS_H - 8)
                    .append("\" text-anchor=\"").append(i == ticks ? "end" : i == 0 ? "start" : "middle").append("\">")
                    .append(Html.esc(i == 0 ? Html.time(start).substring(11) : "+" + Html.duration(t - start)))
                    .append("</text>");
        }
        return b.append(rows).append("</svg>").toString();
    }

    /** A legend: colored squares with their names (escaped). */
    static String legend(String[][] entries) {
        StringBuilder b = new StringBuilder("<p class=\"legend\">");
        for (String[] e : entries) {
            b.append("<span style=\"display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;background:")
                    .append(e[0]).append("\"></span>").append(Html.esc(e[1]));
        }
        return b.append("</p>").toString();
    }

    private static String clip(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
