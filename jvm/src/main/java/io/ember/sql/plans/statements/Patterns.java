package io.ember.sql.plans.statements;

import java.util.Locale;
import java.util.regex.Pattern;

/** Spark's SHOW patterns: {@code *} any characters, {@code |} alternatives, case-insensitive. */
final class Patterns {
    private Patterns() {}

    static Pattern of(String pattern) {
        StringBuilder b = new StringBuilder();
        for (String alt : pattern.toLowerCase(Locale.ROOT).trim().split("\\|")) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(Pattern.quote(alt.trim()).replace("*", "\\E.*\\Q"));
        }
        return Pattern.compile(b.toString());
    }
}
