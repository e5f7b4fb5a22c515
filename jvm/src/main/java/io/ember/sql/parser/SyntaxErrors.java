package io.ember.sql.parser;

import io.ember.sql.ParseException;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error ANTLR reports into Spark's {@code PARSE_SYNTAX_ERROR}: the
 * offending token ({@code 'FRM'}, or {@code end of input}), a hint from ANTLR's message
 * ({@code : extra input 't'}, {@code : missing ')'}), and the position with a caret under it.
 * One instance per parse; not thread-safe.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final String text;

    SyntaxErrors(String text) {
        this.text = text;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        int offset;
        String error;
        if (offendingSymbol instanceof Token t) {
            offset = t.getType() == Token.EOF ? text.length() : t.getStartIndex();
            error = t.getType() == Token.EOF ? "end of input" : "'" + t.getText() + "'";
        } else {
            // a lexer error: the character that starts no token
            offset = offsetOf(line, charPositionInLine);
            error = "'" + (offset < text.length() ? text.charAt(offset) : "") + "'";
        }
        // a character that starts no token is reported alone, as Spark's lexer does
        boolean stray = offendingSymbol instanceof Token t && t.getType() == SqlLexer.UNRECOGNIZED;
        String hint = stray ? "" : hint(msg);
        throw new ParseException("PARSE_SYNTAX_ERROR", "Syntax error at or near " + error + hint,
                "42601", Map.of("error", error, "hint", hint), text, offset);
    }

    /** Spark keeps ANTLR's "extra input" and "missing" notes as the hint and drops the rest. */
    private static String hint(String msg) {
        if (msg == null) {
            return "";
        }
        if (msg.startsWith("extraneous input")) {
            int end = msg.indexOf(" expecting");
            return ": extra input " + msg.substring("extraneous input ".length(), end < 0 ? msg.length() : end);
        }
        if (msg.startsWith("missing ")) {
            int end = msg.indexOf(" at ");
            return ": " + msg.substring(0, end < 0 ? msg.length() : end);
        }
        return "";
    }

    private int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + column;
    }
}
