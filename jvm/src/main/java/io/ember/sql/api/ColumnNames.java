package io.ember.sql.api;

import io.ember.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a user's column name into parts at dots, as Spark does: {@code t.a} is two parts, {@code `a.b`} one. */
final class ColumnNames {
    private ColumnNames() {}

    static List<String> parse(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    cur.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new AnalysisException("PARSE_SYNTAX_ERROR", "Syntax error at or near '" + name + "'.",
                    Map.of("error", "'" + name + "'", "hint", ""));
        }
        parts.add(cur.toString());
        return parts;
    }
}
