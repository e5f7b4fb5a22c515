package io.ember.sql.cache;

/**
 * Packs non-negative offsets into {@code width}-bit slots of a long array, and back. The
 * integer encodings store values as offsets from the batch minimum (frame of reference), so
 * a column of small or clustered numbers costs a few bits a row. Stateless.
 */
final class BitPacking {
    private BitPacking() {}

    /** Bits needed for {@code v} read as unsigned (0 for 0). */
    static int width(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }

    static long[] pack(long[] offsets, int n, int width) {
        long[] words = new long[(int) (((long) n * width + 63) / 64)];
        if (width == 0) {
            return words;
        }
        long bit = 0;
        for (int i = 0; i < n; i++, bit += width) {
            int w = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            long v = offsets[i];
            words[w] |= v << shift;
            if (shift + width > 64) {
                words[w + 1] |= v >>> (64 - shift);
            }
        }
        return words;
    }

    /** Unpacks {@code n} offsets, adding {@code base} to each. */
    static void unpack(long[] words, int n, int width, long base, long[] into) {
        if (width == 0) {
            java.util.Arrays.fill(into, 0, n, base);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long bit = 0;
        for (int i = 0; i < n; i++, bit += width) {
            int w = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            long v = words[w] >>> shift;
            if (shift + width > 64) {
                v |= words[w + 1] << (64 - shift);
            }
            into[i] = base + (v & mask);
        }
    }

    /** As {@link #unpack} into ints (the offsets and base fit an int). */
    static void unpackInts(long[] words, int n, int width, int base, int[] into) {
        if (width == 0) {
            java.util.Arrays.fill(into, 0, n, base);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long bit = 0;
        for (int i = 0; i < n; i++, bit += width) {
            int w = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            long v = words[w] >>> shift;
            if (shift + width > 64) {
                v |= words[w + 1] << (64 - shift);
            }
            into[i] = base + (int) (v & mask);
        }
    }
}
