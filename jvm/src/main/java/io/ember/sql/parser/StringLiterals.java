package io.ember.sql.parser;

/**
 * The value of a quoted string token as Spark reads it: quotes removed, a doubled quote is one,
 * backslash escapes ({@code \n \t \r \b \0 \Z \\ \' \"}, a backslash-u and four hex digits, three octal digits) replaced,
 * {@code \%} and {@code \_} kept with their backslash (they mean something to LIKE), any other
 * escaped character stands for itself. Raw strings ({@code r'...'}) are taken as written.
 */
final class StringLiterals {
    private StringLiterals() {}

    static String value(String token) {
        char first = token.charAt(0);
        if (first == 'r' || first == 'R') {
            return token.substring(2, token.length() - 1);
        }
        char quote = first;
        String body = token.substring(1, token.length() - 1);
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                b.append(quote);
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                i = escape(body, i + 1, b);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends the escape starting at {@code i} (after the backslash); returns the index of its last character. */
    private static int escape(String s, int i, StringBuilder b) {
        char c = s.charAt(i);
        if (c == 'u' && i + 4 < s.length() + 0 && isHex(s, i + 1, 4)) {
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            return i + 4;
        }
        if (i + 2 < s.length() && isOctal(s, i, 3)) {
            b.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
            return i + 2;
        }
        switch (c) {
            case '0' -> b.append('\u0000');
            case 'b' -> b.append('\b');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'Z' -> b.append('\u001A');
            case '%', '_' -> b.append('\\').append(c);
            default -> b.append(c);
        }
        return i;
    }

    private static boolean isHex(String s, int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOctal(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return s.charAt(from) <= '3';
    }
}
