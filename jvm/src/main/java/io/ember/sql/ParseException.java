package io.ember.sql;

import java.util.Map;

/**
 * Text that does not parse (a DDL schema or type string, later SQL). As in Spark it is an
 * {@link AnalysisException}; its message names the error class, the position (line from 1,
 * {@code pos} from 0, Spark's convention) and repeats the text with a marker under the
 * position:
 * <pre>
 * [PARSE_SYNTAX_ERROR] Syntax error at or near 'b'. SQLSTATE: 42601 (line 1, pos 6)
 *
 * == SQL ==
 * a int b
 * ------^^^
 * </pre>
 */
public class ParseException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int position;

    public ParseException(String errorClass, String message, String sqlState, Map<String, String> parameters,
            String text, int offset) {
        this(errorClass, message, sqlState, parameters, text, lineOf(text, offset), columnOf(text, offset));
    }

    private ParseException(String errorClass, String message, String sqlState, Map<String, String> parameters,
            String text, int line, int position) {
        super(errorClass, message + (sqlState == null ? "." : ". SQLSTATE: " + sqlState) + " (line " + line + ", pos " + position + ")\n\n== SQL ==\n"
                + marked(text, line, position), parameters);
        this.line = line;
        this.position = position;
    }

    /** The line of the error, from 1. */
    public int line() {
        return line;
    }

    /** The column of the error in its line, from 0. */
    public int position() {
        return position;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        int start = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
        return offset - start;
    }

    /** The text with {@code ---^^^} under the error's line, as Spark prints it. */
    private static String marked(String text, int line, int position) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
            if (i == line - 1) {
                b.append("-".repeat(position)).append("^^^\n");
            }
        }
        return b.toString();
    }
}
