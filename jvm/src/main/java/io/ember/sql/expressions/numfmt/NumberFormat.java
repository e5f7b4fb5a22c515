package io.ember.sql.expressions.numfmt;

import io.ember.sql.AnalysisException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed Spark number format string ({@code to_char}, {@code to_number}): the structure
 * {@code [MI|S] [$] [0|9|G|,]* [.|D] [0|9]* [$] [PR|MI|S]}, checked as Spark checks it (its
 * {@code INVALID_FORMAT.*} errors, in its order). Case-insensitive. Immutable.
 */
public final class NumberFormat implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String STRUCTURE = "`[MI|S]` `[$]` `[0|9|G|,]*` `[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`";

    /** A sign position: none, {@code S} (+ or -), {@code MI} (- or space), {@code PR} (angle brackets). */
    enum Sign { NONE, S, MI, PR }

    final String format;
    final Sign leadingSign;
    final boolean dollar;
    /** Digit counts of the integer part's groups, left to right (empty when there is none). */
    final int[] groups;
    /** True when the integer digits start with 0 (pad with zeros; parsing needs every digit). */
    final boolean zeroPadded;
    final boolean point;
    final int scale;
    final Sign trailingSign;

    private NumberFormat(String format, Sign leadingSign, boolean dollar, int[] groups, boolean zeroPadded,
            boolean point, int scale, Sign trailingSign) {
        this.format = format;
        this.leadingSign = leadingSign;
        this.dollar = dollar;
        this.groups = groups;
        this.zeroPadded = zeroPadded;
        this.point = point;
        this.scale = scale;
        this.trailingSign = trailingSign;
    }

    /** The number of digits of the format (the result decimal's precision). */
    public int precision() {
        int n = scale;
        for (int g : groups) {
            n += g;
        }
        return n;
    }

    public int scale() {
        return scale;
    }

    int integerDigits() {
        return precision() - scale;
    }

    /** One lexical piece of a format: a run of digits and separators, or a single token. */
    private record Token(char kind, String text) {
        // kinds: 'D' digits and separators, '.' point, '$' dollar, 'S', 'M' (MI), 'P' (PR), '?' unknown char
        String describe() {
            return switch (kind) {
                case 'D' -> "digit sequence";
                case '.' -> "decimal point";
                case '$' -> "$";
                case 'S' -> "S";
                case 'M' -> "MI";
                case 'P' -> "PR";
                default -> "character '" + text + "''";
            };
        }
    }

    /** Parses {@code text}; a malformed format throws Spark's {@code INVALID_FORMAT.*} analysis error. */
    public static NumberFormat parse(String text) {
        String f = text.toUpperCase(Locale.ROOT);
        if (f.isEmpty()) {
            throw invalid("EMPTY", f, "The number format string cannot be empty.");
        }
        List<Token> tokens = tokenize(f);
        int digits = 0;
        int points = 0;
        int dollars = 0;
        for (Token t : tokens) {
            if (t.kind == 'D') {
                digits += t.text.replace(",", "").replace("G", "").length();
            }
            points += t.kind == '.' ? 1 : 0;
            dollars += t.kind == '$' ? 1 : 0;
        }
        if (digits == 0) {
            throw invalid("WRONG_NUM_DIGIT", f, "The format string requires at least one number digit.");
        }
        if (points > 1) {
            throw invalid("WRONG_NUM_TOKEN", f, "At most one . or D is allowed in the number format.");
        }
        if (dollars > 1) {
            throw invalid("WRONG_NUM_TOKEN", f, "At most one $ is allowed in the number format.");
        }
        boolean seenPoint = false;
        boolean seenDigits = false;
        for (Token t : tokens) {
            if (t.kind == 'D') {
                String s = t.text;
                boolean seps = s.indexOf(',') >= 0 || s.indexOf('G') >= 0;
                if (isSep(s.charAt(0)) || isSep(s.charAt(s.length() - 1)) || s.matches(".*[,G][,G].*")) {
                    throw invalid("CONT_THOUSANDS_SEPS", f,
                            "Thousands separators (, or G) must have digits in between them in the number format.");
                }
                if (seps && seenPoint) {
                    throw invalid("THOUSANDS_SEPS_MUST_BEFORE_DEC", f,
                            "Thousands separators (, or G) may not appear after the decimal point in the number format.");
                }
                seenDigits = true;
            } else if (t.kind == '.') {
                seenPoint = true;
            } else if (t.kind == '$' && seenDigits) {
                throw invalid("CUR_MUST_BEFORE_DIGIT", f, "Currency characters must appear before digits in the number format.");
            } else if (t.kind == '$' && seenPoint) {
                throw invalid("CUR_MUST_BEFORE_DEC", f,
                        "Currency characters must appear before any decimal point in the number format.");
            }
        }
        return structure(f, tokens);
    }

    /** Walks the tokens through Spark's structure; the first one out of place is UNEXPECTED_TOKEN. */
    private static NumberFormat structure(String f, List<Token> tokens) {
        int i = 0;
        Sign lead = Sign.NONE;
        if (i < tokens.size() && (tokens.get(i).kind == 'S' || tokens.get(i).kind == 'M')) {
            lead = tokens.get(i++).kind == 'S' ? Sign.S : Sign.MI;
        }
        boolean dollar = false;
        if (i < tokens.size() && tokens.get(i).kind == '$') {
            dollar = true;
            i++;
        }
        int[] groups = new int[0];
        boolean zeroPadded = false;
        if (i < tokens.size() && tokens.get(i).kind == 'D') {
            String s = tokens.get(i++).text;
            zeroPadded = s.charAt(0) == '0';
            String[] parts = s.split("[,G]");
            groups = new int[parts.length];
            for (int g = 0; g < parts.length; g++) {
                groups[g] = parts[g].length();
            }
        }
        boolean point = false;
        int scale = 0;
        if (i < tokens.size() && tokens.get(i).kind == '.') {
            point = true;
            i++;
            if (i < tokens.size() && tokens.get(i).kind == 'D') {
                scale = tokens.get(i++).text.length();
            }
        }
        if (i < tokens.size() && tokens.get(i).kind == '$') {
            dollar = true;
            i++;
        }
        Sign trail = Sign.NONE;
        if (i < tokens.size() && "SMP".indexOf(tokens.get(i).kind) >= 0) {
            char k = tokens.get(i++).kind;
            trail = k == 'S' ? Sign.S : k == 'M' ? Sign.MI : Sign.PR;
        }
        if (i < tokens.size()) {
            throw invalid("UNEXPECTED_TOKEN", f, "Found the unexpected " + tokens.get(i).describe()
                    + " in the format string; the structure of the format string must match: " + STRUCTURE + ".");
        }
        return new NumberFormat(f, lead, dollar, groups, zeroPadded, point, scale, trail);
    }

    private static List<Token> tokenize(String f) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (c == '0' || c == '9' || isSep(c)) {
                int start = i;
                while (i < f.length() && (f.charAt(i) == '0' || f.charAt(i) == '9' || isSep(f.charAt(i)))) {
                    i++;
                }
                out.add(new Token('D', f.substring(start, i)));
                continue;
            }
            if (f.startsWith("MI", i) || f.startsWith("PR", i)) {
                out.add(new Token(c == 'M' ? 'M' : 'P', f.substring(i, i + 2)));
                i += 2;
                continue;
            }
            char kind = c == '.' || c == 'D' ? '.' : c == '$' ? '$' : c == 'S' ? 'S' : '?';
            out.add(new Token(kind, String.valueOf(c)));
            i++;
        }
        return out;
    }

    private static boolean isSep(char c) {
        return c == ',' || c == 'G';
    }

    private static AnalysisException invalid(String sub, String format, String detail) {
        return new AnalysisException("INVALID_FORMAT." + sub, "The format is invalid: '" + format + "'. " + detail,
                Map.of("format", "'" + format + "'"));
    }
}
