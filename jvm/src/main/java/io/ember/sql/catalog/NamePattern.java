package io.ember.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spark's name pattern of SHOW TABLES, listTables, listDatabases and listFunctions: {@code *}
 * is any text, {@code |} separates alternatives; matched case-insensitively against whole names.
 */
public final class NamePattern {
    private final Pattern regex;

    private NamePattern(Pattern regex) {
        this.regex = regex;
    }

    public static NamePattern of(String pattern) {
        List<String> alternatives = new ArrayList<>();
        for (String alt : pattern.toLowerCase(Locale.ROOT).split("\\|")) {
            List<String> pieces = new ArrayList<>();
            for (String piece : alt.strip().split("\\*", -1)) {
                pieces.add(Pattern.quote(piece));
            }
            alternatives.add(String.join(".*", pieces));
        }
        return new NamePattern(Pattern.compile(String.join("|", alternatives)));
    }

    public boolean matches(String name) {
        return regex.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
