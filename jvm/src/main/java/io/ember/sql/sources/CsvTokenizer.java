package io.ember.sql.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into fields, as Spark's parser does (a record is one line unless
 * {@code multiLine} joins lines, see {@link Records#csv}). An
 * unquoted empty field is null; a quoted one is the empty string. Inside quotes the escape
 * character before a quote (or a doubled quote, when escape and quote are the same) stands
 * for the quote. A quote that closes a field but is not followed by the separator makes the
 * field its raw text up to the next separator, quotes included (Spark's
 * {@code STOP_AT_DELIMITER}). Not thread-safe: reuses one field list.
 */
final class CsvTokenizer {
    private final String sep;
    private final char sep0;
    private final char quote;
    private final char escape;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();
    private boolean unterminated;

    CsvTokenizer(CsvOptions o) {
        this.sep = o.sep;
        this.sep0 = o.sep.charAt(0);
        this.quote = o.quote;
        this.escape = o.escape;
        this.trimLeading = o.trimLeading;
        this.trimTrailing = o.trimTrailing;
    }

    /** The fields of {@code line}; the array is new for each call. */
    String[] tokenize(String line) {
        fields.clear();
        unterminated = false;
        int n = line.length();
        int i = 0;
        while (true) {
            if (trimLeading) {
                while (i < n && line.charAt(i) == ' ' && !isSep(line, i)) {
                    i++;
                }
            }
            int start = i;
            if (i < n && line.charAt(i) == quote && quote != CsvOptions.NONE) {
                i = quoted(line, i);
            } else {
                while (i < n && !isSep(line, i)) {
                    i++;
                }
                String f = line.substring(start, i);
                if (trimTrailing) {
                    f = f.stripTrailing();
                }
                fields.add(f.isEmpty() ? null : f);
            }
            if (i >= n) {
                break;
            }
            i += sep.length(); // at a separator
            if (i >= n) {
                fields.add(null); // a trailing separator ends with an empty field
                break;
            }
        }
        return fields.toArray(new String[0]);
    }

    /** Reads the quoted field starting at {@code open}; returns the index after it. */
    private int quoted(String line, int open) {
        int n = line.length();
        buf.setLength(0);
        int i = open + 1;
        while (i < n) {
            char c = line.charAt(i);
            if (c == escape && escape != quote && i + 1 < n && line.charAt(i + 1) == quote) {
                buf.append(quote);
                i += 2;
            } else if (c == quote) {
                if (escape == quote && i + 1 < n && line.charAt(i + 1) == quote) {
                    buf.append(quote);
                    i += 2;
                    continue;
                }
                int after = i + 1;
                if (trimTrailing) {
                    while (after < n && line.charAt(after) == ' ' && !isSep(line, after)) {
                        after++;
                    }
                }
                if (after >= n || isSep(line, after)) {
                    fields.add(buf.toString());
                    return after;
                }
                int end = after;
                while (end < n && !isSep(line, end)) {
                    end++;
                }
                fields.add(line.substring(open, end));
                return end;
            } else {
                buf.append(c);
                i++;
            }
        }
        fields.add(buf.toString()); // the line ended inside quotes
        unterminated = true;
        return n;
    }

    /** True when the last {@link #tokenize}d text ended inside a quoted field (with multiLine, the record goes on). */
    boolean endedInsideQuotes() {
        return unterminated;
    }

    private boolean isSep(String line, int i) {
        return line.charAt(i) == sep0 && (sep.length() == 1 || line.startsWith(sep, i));
    }
}
