package io.ember.sql.sources;

import java.io.IOException;

/**
 * Decodes a data page's definition levels at once: the RLE/bit-packed hybrid (data page v1
 * after a 4-byte length, v2 without), or the deprecated BIT_PACKED encoding (fixed-width values
 * packed from the highest bit down, no header) that old writers used. Each returns what the
 * chunk reader needs next: the number of defined values (level equal to the maximum) or the
 * offset after the levels. Stateless.
 */
final class ParquetLevels {
    private ParquetLevels() {}

    /** The bits needed for levels up to {@code maxLevel}. */
    static int width(int maxLevel) {
        return 32 - Integer.numberOfLeadingZeros(maxLevel);
    }

    /** Decodes {@code count} hybrid-encoded levels from {@code data[from, to)}; returns how many equal {@code maxDef}. */
    static int hybrid(byte[] data, int from, int to, int maxDef, int[] levels, int count) throws IOException {
        new ParquetHybridDecoder(data, from, to, width(maxDef)).read(levels, 0, count);
        return count(levels, 0, count, maxDef);
    }

    /** Decodes {@code count} BIT_PACKED levels from {@code data[from, to)}; returns the offset after them. */
    static int bitPacked(byte[] data, int from, int to, int maxDef, int[] levels, int count) throws IOException {
        int width = width(maxDef);
        long bits = (long) count * width;
        int end = from + (int) ((bits + 7) / 8);
        if (end > to) {
            throw new IOException("BIT_PACKED levels end early");
        }
        long bit = 0;
        for (int i = 0; i < count; i++) {
            int v = 0;
            for (int j = 0; j < width; j++, bit++) {
                int b = (data[from + (int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
                v = (v << 1) | b;
            }
            levels[i] = v;
        }
        return end;
    }

    /** How many of {@code levels[from, to)} equal {@code maxDef}. */
    static int count(int[] levels, int from, int to, int maxDef) {
        int defined = 0;
        for (int i = from; i < to; i++) {
            if (levels[i] == maxDef) {
                defined++;
            }
        }
        return defined;
    }
}
