package io.ember.sql.expressions.string;

import java.nio.charset.StandardCharsets;

/** Hexadecimal text of bytes and back, as Spark's {@code hex}/{@code unhex} (upper case; odd lengths get a leading 0). */
public final class Hex {
    private Hex() {}

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    public static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = DIGITS[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[b[i] & 0xF];
        }
        return new String(out);
    }

    public static String hex(String s) {
        return hex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes of hex text; a non-hex digit gives null, or throws {@link IllegalArgumentException} when {@code strict}. */
    public static byte[] unhex(String s, boolean strict) {
        String t = s.length() % 2 == 1 ? "0" + s : s;
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(t.charAt(2 * i), 16);
            int lo = Character.digit(t.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                if (strict) throw new IllegalArgumentException("not hex: " + s);
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
