package io.ember.ui.pages;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Environment tab: runtime versions, configuration, system properties and classpath. Values
 * of keys naming a secret, password or token are shown redacted (the store redacts them
 * already; this keeps the page safe even if a producer forgets).
 */
final class EnvironmentPage {
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token");
    private static final String[][] SECTIONS = {{"runtime", "Runtime Information"},
        {"sparkProperties", "Ember Properties"}, {"systemProperties", "System Properties"},
        {"classpathEntries", "Classpath Entries"}};

    private EnvironmentPage() {}

    static String html(PageContext c) {
        Map<String, Map<String, String>> env = c.store().environment();
        StringBuilder b = new StringBuilder();
        for (String[] section : SECTIONS) {
            Map<String, String> entries = env.getOrDefault(section[0], Map.of());
            b.append("<h2>").append(section[1]).append(" (").append(entries.size()).append(")</h2><table id=\"env-")
                    .append(section[0]).append("\">").append(Html.head("Name", "Value"));
            entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append("<tr>")
                    .append(Html.td(e.getKey()))
                    .append(Html.td(SECRET.matcher(e.getKey()).find() ? "*********(redacted)" : e.getValue()))
                    .append("</tr>"));
            b.append("</table>");
        }
        return c.page("Environment", "environment/", b.toString());
    }
}
