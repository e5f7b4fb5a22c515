package io.ember.sql.types;

import io.ember.sql.ParseException;
import java.util.Map;

/**
 * Splits DDL text into tokens for {@link DdlParser}: identifiers, back-quoted names, integers,
 * quoted strings and the symbols {@code < > ( ) , :}. Whitespace separates tokens and is
 * dropped. Single-threaded; one lexer per text.
 */
final class DdlLexer {
    enum Kind { IDENT, QUOTED, INTEGER, STRING, SYMBOL, END }

    /**
     * One token: {@code value} is what it means (a name unquoted, a string unescaped),
     * {@code text} how it was written, {@code offset} where it starts.
     */
    record Token(Kind kind, String value, String text, int offset) {}

    private final String s;
    private int i;

    DdlLexer(String s) {
        this.s = s;
    }

    Token next() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i >= s.length()) {
            return new Token(Kind.END, "", "", start);
        }
        char c = s.charAt(i);
        if (c == '`') {
            return quoted(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        if (isWordChar(c)) {
            boolean digits = true;
            while (i < s.length() && isWordChar(s.charAt(i))) {
                digits &= Character.isDigit(s.charAt(i));
                i++;
            }
            String word = s.substring(start, i);
            return new Token(digits ? Kind.INTEGER : Kind.IDENT, word, word, start);
        }
        i++;
        return new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c), start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private Token quoted(int start) {
        StringBuilder name = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw unclosed(start);
            }
            char c = s.charAt(i++);
            if (c == '`') {
                if (i < s.length() && s.charAt(i) == '`') {
                    name.append('`');
                    i++;
                } else {
                    return new Token(Kind.QUOTED, name.toString(), s.substring(start, i), start);
                }
            } else {
                name.append(c);
            }
        }
    }

    private Token string(int start, char quote) {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw unclosed(start);
            }
            char c = s.charAt(i++);
            if (c == quote) {
                return new Token(Kind.STRING, value.toString(), s.substring(start, i), start);
            }
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> e;
                });
            } else {
                value.append(c);
            }
        }
    }

    private ParseException unclosed(int start) {
        String near = s.substring(start, Math.min(s.length(), start + 20));
        return new ParseException("PARSE_SYNTAX_ERROR", "Syntax error at or near '" + near + "'", "42601",
                Map.of("error", "'" + near + "'"), s, start);
    }
}
