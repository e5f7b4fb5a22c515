package io.ember.sql.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out {@code show()}'s table exactly as Spark's {@code Dataset.showString}: borders of
 * {@code +---+}, cells right-aligned (left-aligned when not truncating), cut to
 * {@code truncate} characters with {@code ...} (column names are never cut), wide East Asian characters counted twice, a
 * vertical form ({@code -RECORD 0---}), and the {@code only showing top N rows} footer.
 */
final class ShowTable {
    private static final int MIN_WIDTH = 3;

    private ShowTable() {}

    static String render(List<String> header, List<List<String>> rows, boolean hasMore, int numRows, int truncate,
                         boolean vertical) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(cell(h, 0));
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> out = new ArrayList<>();
            for (String v : r) {
                out.add(cell(v, truncate));
            }
            cells.add(out);
        }
        StringBuilder b = vertical ? vertical(names, cells) : horizontal(names, cells, truncate > 0);
        if (hasMore) {
            b.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
        }
        return b.toString();
    }

    private static StringBuilder horizontal(List<String> names, List<List<String>> cells, boolean rightAlign) {
        int[] widths = new int[names.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(MIN_WIDTH, halfWidth(names.get(i)));
            for (List<String> r : cells) {
                widths[i] = Math.max(widths[i], halfWidth(r.get(i)));
            }
        }
        StringBuilder sep = new StringBuilder("+");
        for (int w : widths) {
            sep.append("-".repeat(w)).append('+');
        }
        sep.append('\n');
        StringBuilder b = new StringBuilder(sep);
        line(b, names, widths, rightAlign);
        b.append(sep);
        for (List<String> r : cells) {
            line(b, r, widths, rightAlign);
        }
        return b.append(sep);
    }

    private static void line(StringBuilder b, List<String> values, int[] widths, boolean rightAlign) {
        b.append('|');
        for (int i = 0; i < widths.length; i++) {
            String v = values.get(i);
            String pad = " ".repeat(widths[i] - halfWidth(v));
            b.append(rightAlign ? pad + v : v + pad).append('|');
        }
        b.append('\n');
    }

    private static StringBuilder vertical(List<String> names, List<List<String>> cells) {
        StringBuilder b = new StringBuilder();
        if (cells.isEmpty()) {
            return b.append("(0 rows)");
        }
        int nameWidth = MIN_WIDTH;
        for (String n : names) {
            nameWidth = Math.max(nameWidth, halfWidth(n));
        }
        int dataWidth = MIN_WIDTH;
        for (List<String> r : cells) {
            for (String v : r) {
                dataWidth = Math.max(dataWidth, halfWidth(v));
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            String head = "-RECORD " + i;
            b.append(head).append("-".repeat(Math.max(0, nameWidth + dataWidth + 5 - head.length()))).append('\n');
            List<String> r = cells.get(i);
            for (int j = 0; j < names.size(); j++) {
                String n = names.get(j);
                String v = r.get(j);
                b.append(' ').append(n).append(" ".repeat(nameWidth - halfWidth(n))).append(" | ")
                        .append(v).append(" ".repeat(dataWidth - halfWidth(v))).append(" \n");
            }
        }
        return b;
    }

    /** Escapes control characters that would break the layout, then truncates. */
    static String cell(String raw, int truncate) {
        String s = raw.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\f", "\\f")
                .replace("\b", "\\b").replace("\u000B", "\\v").replace("\u0007", "\\a");
        if (truncate > 0 && s.length() > truncate) {
            return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
        }
        return s;
    }

    /** Display width: East Asian wide and full-width characters take two columns. */
    static int halfWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
    }
}
