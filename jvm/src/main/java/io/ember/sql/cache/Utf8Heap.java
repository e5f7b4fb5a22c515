package io.ember.sql.cache;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * A list of non-null strings as one UTF-8 byte array plus bit-packed lengths: about one
 * byte a character for ASCII text instead of a String object (~40 bytes + 2 a char) each.
 */
final class Utf8Heap implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private final int count;
    private final int lengthWidth;
    private final long[] lengths;

    private Utf8Heap(byte[] bytes, int count, int lengthWidth, long[] lengths) {
        this.bytes = bytes;
        this.count = count;
        this.lengthWidth = lengthWidth;
        this.lengths = lengths;
    }

    /** The first {@code n} of {@code values}; a null entry is stored as the empty string. */
    static Utf8Heap of(String[] values, int n) {
        byte[][] encoded = new byte[n][];
        long[] lens = new long[n];
        long total = 0;
        long maxLen = 0;
        for (int i = 0; i < n; i++) {
            String s = values[i];
            encoded[i] = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
            lens[i] = encoded[i].length;
            total += lens[i];
            maxLen = Math.max(maxLen, lens[i]);
        }
        byte[] bytes = new byte[Math.toIntExact(total)];
        int at = 0;
        for (byte[] e : encoded) {
            System.arraycopy(e, 0, bytes, at, e.length);
            at += e.length;
        }
        int width = BitPacking.width(maxLen);
        return new Utf8Heap(bytes, n, width, BitPacking.pack(lens, n, width));
    }

    int count() {
        return count;
    }

    String[] decode() {
        long[] lens = new long[count];
        BitPacking.unpack(lengths, count, lengthWidth, 0, lens);
        String[] out = new String[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int len = (int) lens[i];
            out[i] = new String(bytes, at, len, StandardCharsets.UTF_8);
            at += len;
        }
        return out;
    }

    long sizeInBytes() {
        return 32 + 16 + bytes.length + 16 + 8L * lengths.length;
    }
}
