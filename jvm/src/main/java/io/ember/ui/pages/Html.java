package io.ember.ui.pages;

import io.ember.ui.server.UiServer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The pieces every page is made of: the shell (head, stylesheet, tab bar), number and time
 * formats as Spark's UI shows them, progress bars and tables. Every user-controlled string goes
 * through {@link #esc}. Stateless.
 */
final class Html {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The tabs of the bar at the top: path under the application's base, and label. */
    private static final List<String[]> TABS = List.of(new String[] {"jobs/", "Jobs"},
            new String[] {"stages/", "Stages"}, new String[] {"storage/", "Storage"},
            new String[] {"environment/", "Environment"}, new String[] {"executors/", "Executors"},
            new String[] {"SQL/", "SQL / DataFrame"});

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}"
            + "nav{background:#2d3e50;padding:0 1em;display:flex;gap:1em;align-items:center}"
            + "nav a{color:#dde;text-decoration:none;padding:.7em .4em;display:inline-block}"
            + "nav a.on{color:#fff;border-bottom:3px solid #f0a030}nav .app{margin-left:auto;color:#aab}"
            + "main{padding:.5em 1.5em}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em}"
            + "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccd;padding:3px 8px;"
            + "text-align:left;vertical-align:top}th{background:#eef0f4}td.n{text-align:right}"
            + "th a{color:#222}.bar{position:relative;width:160px;height:16px;background:#eee;border-radius:3px;"
            + "overflow:hidden}.bar span{position:absolute;top:0;bottom:0;left:0;background:#7ab87a}"
            + ".bar span.f{background:#d66}.bar b{position:relative;font-size:11px;font-weight:normal;"
            + "padding-left:4px}.err{color:#a00;white-space:pre-wrap}.pager a,.pager b{margin-right:.5em}"
            + "dl{display:grid;grid-template-columns:max-content auto;gap:2px 1em}dt{font-weight:bold}"
            + "svg text{font-size:11px}";

    private Html() {}

    static String esc(String s) {
        return UiServer.escape(s);
    }

    /** A whole page: {@code base} is the application's path prefix ending in '/', {@code tab} the active tab's path. */
    static String page(String title, String base, String tab, String appName, String body) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>").append(esc(title))
                .append(" - ").append(esc(appName)).append("</title><style>").append(STYLE)
                .append("</style></head><body><nav>");
        for (String[] t : TABS) {
            b.append("<a href=\"").append(base).append(t[0]).append('"').append(t[0].equals(tab) ? " class=\"on\"" : "")
                    .append('>').append(t[1]).append("</a>");
        }
        b.append("<span class=\"app\">").append(esc(appName)).append("</span></nav><main><h1>").append(esc(title))
                .append("</h1>").append(body).append("</main></body></html>");
        return b.toString();
    }

    /** A page without an application's tab bar (the history server's list, error pages). */
    static String plain(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>" + esc(title)
                + "</title><style>" + STYLE + "</style></head><body><main><h1>" + esc(title) + "</h1>" + body
                + "</main></body></html>";
    }

    /** Epoch milliseconds as UTC date and time; "-" when unknown (negative). */
    static String time(long epochMs) {
        return epochMs < 0 ? "-" : TIME.format(Instant.ofEpochMilli(epochMs));
    }

    /** A duration as Spark shows it: "45 ms", "2.0 s", "1.5 min", "2.0 h". */
    static String duration(long ms) {
        if (ms < 0) {
            return "-";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        double s = ms / 1000.0;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    /** Bytes as Spark shows them: "0.0 B", "512.0 B", "1.5 KiB", "3.2 MiB". */
    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A bytes cell that is empty when zero (as Spark leaves unused columns blank). */
    static String bytesOrBlank(long n) {
        return n == 0 ? "" : bytes(n);
    }

    /** A progress bar: {@code done} (and {@code failed}) of {@code total}, with the count written on it. */
    static String bar(int done, int failed, int total, String extra) {
        double pct = total == 0 ? 0 : 100.0 * done / total;
        double fpct = total == 0 ? 0 : Math.min(100.0 - pct, 100.0 * failed / total);
        return "<div class=\"bar\"><span style=\"width:" + String.format(Locale.ROOT, "%.1f", pct)
                + "%\"></span>" + (failed > 0 ? "<span class=\"f\" style=\"left:" + String.format(Locale.ROOT, "%.1f",
                pct) + "%;width:" + String.format(Locale.ROOT, "%.1f", fpct) + "%\"></span>" : "")
                + "<b>" + done + "/" + total + extra + "</b></div>";
    }

    /** A table header row from already-safe cells. */
    static String head(String... cells) {
        StringBuilder b = new StringBuilder("<tr>");
        for (String c : cells) {
            b.append("<th>").append(c).append("</th>");
        }
        return b.append("</tr>").toString();
    }

    /** A right-aligned number cell. */
    static String num(Object v) {
        return "<td class=\"n\">" + v + "</td>";
    }

    /** A text cell ({@code text} is escaped). */
    static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    /** A cell of already-safe HTML. */
    static String cell(String html) {
        return "<td>" + html + "</td>";
    }

    /** A link with escaped text; {@code href} is built by the caller from safe (escaped or numeric) parts. */
    static String link(String href, String text) {
        return "<a href=\"" + href + "\">" + esc(text) + "</a>";
    }
}
