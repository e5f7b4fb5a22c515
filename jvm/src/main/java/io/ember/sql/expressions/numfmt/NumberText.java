package io.ember.sql.expressions.numfmt;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers to text and back by a {@link NumberFormat}, as Spark's {@code to_char} and
 * {@code to_number}. Formatting: integer digits right-aligned in the format's digit positions,
 * padded with zeros when the format's digits start with 0 and with spaces otherwise (a
 * separator in the padding becomes a space); fraction digits padded with zeros; a value whose
 * digits do not fit (more integer digits, or more significant fraction digits than the
 * format's) prints {@code #} for every digit. A leading sign or {@code <} moves right past the
 * padding. Parsing: spaces are ignored; groups of digits between separators may be shorter
 * than the format's (all equal when it is zero-padded); fraction digits may be fewer.
 */
public final class NumberText {
    private NumberText() {}

    /** {@code value} as text by {@code f}. */
    public static String format(NumberFormat f, BigDecimal value) {
        boolean negative = value.signum() < 0;
        BigDecimal abs = value.abs();
        BigDecimal stripped = abs.stripTrailingZeros();
        String plain = (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        int dot = plain.indexOf('.');
        String intDigits = dot < 0 ? plain : plain.substring(0, dot);
        String fracDigits = dot < 0 ? "" : plain.substring(dot + 1);
        if (intDigits.equals("0")) {
            intDigits = "";
        }
        boolean overflow = intDigits.length() > f.integerDigits() || fracDigits.length() > f.scale;
        StringBuilder out = new StringBuilder();
        if (f.leadingSign == NumberFormat.Sign.S) {
            out.append(negative ? '-' : '+');
        } else if (f.leadingSign == NumberFormat.Sign.MI) {
            out.append(negative ? '-' : ' ');
        } else if (f.trailingSign == NumberFormat.Sign.PR && negative) {
            out.append('<');
        }
        int signChars = out.length();
        if (f.dollar) {
            out.append('$');
        }
        appendInteger(out, f, overflow ? null : intDigits);
        if (f.point) {
            out.append(f.scale == 0 && !overflow ? ' ' : '.');
        }
        for (int i = 0; i < f.scale; i++) {
            out.append(overflow ? '#' : i < fracDigits.length() ? fracDigits.charAt(i) : '0');
        }
        switch (f.trailingSign) {
            case S -> out.append(negative ? '-' : '+');
            case MI -> out.append(negative ? '-' : ' ');
            case PR -> out.append(negative ? ">" : "  ");
            default -> { }
        }
        if (signChars == 1 && !f.dollar) {
            char sign = out.charAt(0);
            int firstNonSpace = 1;
            while (firstNonSpace < out.length() && out.charAt(firstNonSpace) == ' ') {
                firstNonSpace++;
            }
            if (firstNonSpace > 1 && firstNonSpace < out.length()) {
                out.deleteCharAt(0);
                out.insert(firstNonSpace - 1, sign);
            }
        }
        return out.toString();
    }

    /** The integer positions of {@code f}; {@code digits} null for an overflow, empty for a zero integer part. */
    private static void appendInteger(StringBuilder out, NumberFormat f, String digits) {
        int total = f.integerDigits();
        if (digits != null && digits.isEmpty() && f.point && total > 0 && !f.zeroPadded) {
            digits = "0";
        }
        int pos = 0; // digit positions written so far, left to right
        for (int g = 0; g < f.groups.length; g++) {
            if (g > 0) {
                boolean shown = digits != null && (f.zeroPadded || total - pos <= digits.length());
                out.append(shown ? ',' : ' ');
            }
            for (int k = 0; k < f.groups[g]; k++, pos++) {
                int fromRight = total - pos; // 1-based position counted from the right
                if (digits == null) {
                    out.append('#');
                } else if (fromRight <= digits.length()) {
                    out.append(digits.charAt(digits.length() - fromRight));
                } else {
                    out.append(f.zeroPadded ? '0' : ' ');
                }
            }
        }
    }

    /** {@code text} as a decimal of the format's scale, or null when it does not match {@code f}. */
    public static BigDecimal parse(NumberFormat f, String text) {
        String s = text.replace(" ", "");
        boolean negative = false;
        if (f.trailingSign == NumberFormat.Sign.PR && s.startsWith("<")) {
            if (!s.endsWith(">") || s.length() < 2) {
                return null;
            }
            s = s.substring(1, s.length() - 1);
            negative = true;
        }
        if (f.leadingSign != NumberFormat.Sign.NONE && !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            if (s.charAt(0) == '+' && f.leadingSign == NumberFormat.Sign.MI) {
                return null;
            }
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (f.dollar) {
            if (!s.startsWith("$")) {
                return null;
            }
            s = s.substring(1);
        }
        if ((f.trailingSign == NumberFormat.Sign.S || f.trailingSign == NumberFormat.Sign.MI) && !s.isEmpty()) {
            char last = s.charAt(s.length() - 1);
            if (last == '-' || last == '+' && f.trailingSign == NumberFormat.Sign.S) {
                negative = last == '-';
                s = s.substring(0, s.length() - 1);
            }
        }
        int dot = s.indexOf('.');
        if (dot >= 0 && !f.point) {
            return null;
        }
        String intPart = dot < 0 ? s : s.substring(0, dot);
        String fracPart = dot < 0 ? "" : s.substring(dot + 1);
        if (intPart.isEmpty() && fracPart.isEmpty() || fracPart.length() > f.scale || !fracPart.chars().allMatch(Character::isDigit)
                || !integerMatches(f, intPart)) {
            return null;
        }
        String digits = intPart.replace(",", "");
        BigDecimal v = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fracPart.isEmpty() ? "" : "." + fracPart));
        v = v.setScale(f.scale, RoundingMode.UNNECESSARY);
        return negative ? v.negate() : v;
    }

    /** True when the groups of {@code intPart}, aligned right, fit the format's groups. */
    private static boolean integerMatches(NumberFormat f, String intPart) {
        if (intPart.isEmpty()) {
            return !f.zeroPadded;
        }
        String[] parts = intPart.split(",", -1);
        if (parts.length > f.groups.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String p = parts[parts.length - 1 - i];
            int expected = f.groups[f.groups.length - 1 - i];
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > expected) {
                return false;
            }
            if (f.zeroPadded && p.length() != expected) {
                return false;
            }
        }
        return !f.zeroPadded || parts.length == f.groups.length;
    }
}
