package io.ember.sql.catalog;

import io.ember.sql.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a table name as the Dataset and Catalog APIs take it ({@code "db.t"},
 * {@code "`odd.name`"}) into its parts: dots separate parts outside backquotes, a doubled
 * backquote inside them is one backquote. Surrounding spaces of a part are dropped.
 */
public final class MultipartName {
    private MultipartName() {}

    /** @throws ParseException for an empty part or an unclosed backquote */
    public static List<String> parse(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quoted) {
                if (c == '`' && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    part.append('`');
                    i++;
                } else if (c == '`') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '`') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(finish(name, part, wasQuoted));
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw invalid(name);
        }
        parts.add(finish(name, part, wasQuoted));
        return parts;
    }

    private static String finish(String name, StringBuilder part, boolean wasQuoted) {
        String p = wasQuoted ? part.toString() : part.toString().strip();
        if (p.isEmpty() && !wasQuoted) {
            throw invalid(name);
        }
        return p;
    }

    private static ParseException invalid(String name) {
        return new ParseException("PARSE_SYNTAX_ERROR", "Syntax error at or near end of input", "42601",
                Map.of("error", "end of input", "hint", ""), name, name.length());
    }
}
