package io.ember.sql.sources;

import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnVector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows as CSV lines, as Spark does: a header line first when {@code header} is set,
 * nulls as {@code nullValue}, empty strings as {@code emptyValue} ({@code ""}), and a value
 * quoted when it holds the separator, the quote, a newline or starts or ends with a space
 * (always with {@code quoteAll}); inside quotes the quote is preceded by the escape.
 */
final class CsvWriter implements RowWriter {
    private final Writer out;
    private final CsvOptions o;
    private final StringBuilder line = new StringBuilder();

    CsvWriter(OutputStream stream, StructType schema, CsvOptions o) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.o = o;
        if (o.header) {
            line.setLength(0);
            for (int i = 0; i < schema.size(); i++) {
                if (i > 0) {
                    line.append(o.sep);
                }
                appendField(line, schema.field(i).name(), o);
            }
            out.write(line.append('\n').toString());
        }
    }

    @Override
    public void write(ColumnVector[] columns, int row) throws IOException {
        line.setLength(0);
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                line.append(o.sep);
            }
            ColumnVector v = columns[i];
            if (v.isNull(row)) {
                line.append(o.nullValue);
            } else {
                String s = TextCells.format(v, row, o.values);
                if (s.isEmpty()) {
                    line.append(o.emptyValueWrite);
                } else {
                    appendField(line, s, o);
                }
            }
        }
        out.write(line.append('\n').toString());
    }

    /** Appends one non-null, non-empty field, quoted when it needs to be (or {@code quoteAll}). */
    static void appendField(StringBuilder line, String s, CsvOptions o) {
        if (!o.quoteAll && !needsQuotes(s, o)) {
            line.append(s);
            return;
        }
        line.append(o.quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == o.quote || (c == o.escape && o.escape != o.quote && i + 1 < s.length() && s.charAt(i + 1) == o.quote)) {
                line.append(o.escape);
            }
            line.append(c);
        }
        line.append(o.quote);
    }

    private static boolean needsQuotes(String s, CsvOptions o) {
        if (s.contains(o.sep) || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf(o.quote) >= 0) {
            return true;
        }
        return o.comment != CsvOptions.NONE && s.charAt(0) == o.comment
                || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
