package io.ember.sql.sources;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary ids, RLE
 * booleans) in bulk: a run header (unsigned varint) says either "value v repeated k times"
 * (v in ceil(width/8) little-endian bytes) or "g groups of 8 values bit-packed LSB first".
 * {@link #read} fills a whole array range per call, a repeated run with one {@code fill} and a
 * packed run word at a time: value i of a run starts at bit {@code i * width}, so one unaligned
 * little-endian 8-byte load shifted by at most 7 bits holds all of it (width at most 32), with
 * no state carried from value to value; up to width 8 one load holds a whole group of eight. That also makes {@link #skip} constant-time within a
 * run. Reads {@code [offset, end)} of a byte array; loads that would cross {@code end} take a
 * byte-wise path, and bytes a truncated last group lacks read as zeros. Widths 0..32. Used by
 * one task thread.
 */
final class ParquetHybridDecoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buf;
    private final int end;
    private final int width;
    private final long mask;
    private int pos; // the next run header
    private int repeatLeft; // values left in the current repeated run
    private int repeated;
    private int packedLeft; // values left in the current bit-packed run
    private int runBase; // first byte of the current bit-packed run
    private long bitAt; // bit offset from runBase of its next value

    ParquetHybridDecoder(byte[] buf, int offset, int end, int width) {
        if (width < 0 || width > 32) {
            throw new IllegalArgumentException("bit width " + width);
        }
        this.buf = buf;
        this.pos = offset;
        this.end = end;
        this.width = width;
        this.mask = width == 32 ? 0xFFFF_FFFFL : (1L << width) - 1;
    }

    /** Decodes the next {@code n} values into {@code out[at, at + n)}. */
    void read(int[] out, int at, int n) throws IOException {
        int to = at + n;
        while (at < to) {
            if (repeatLeft == 0 && packedLeft == 0) {
                nextRun();
            }
            if (repeatLeft > 0) {
                int k = Math.min(repeatLeft, to - at);
                Arrays.fill(out, at, at + k, repeated);
                repeatLeft -= k;
                at += k;
            } else {
                int k = Math.min(packedLeft, to - at);
                unpack(out, at, k);
                packedLeft -= k;
                at += k;
            }
        }
    }

    /** Passes over the next {@code n} values without decoding them. */
    void skip(int n) throws IOException {
        while (n > 0) {
            if (repeatLeft == 0 && packedLeft == 0) {
                nextRun();
            }
            if (repeatLeft > 0) {
                int k = Math.min(repeatLeft, n);
                repeatLeft -= k;
                n -= k;
            } else {
                int k = Math.min(packedLeft, n);
                bitAt += (long) k * width;
                packedLeft -= k;
                n -= k;
            }
        }
    }

    private void unpack(int[] out, int at, int k) {
        int w = width;
        if (w == 0) {
            Arrays.fill(out, at, at + k, 0);
            return;
        }
        int i = at;
        int stop = at + k;
        long bit = bitAt;
        if (w <= 8 && k >= 16) { // a whole group of eight values fits one 8-byte load
            long groupBits = 8L * w;
            int lead = (int) Math.min(k, (groupBits - bit % groupBits) % groupBits / w);
            bit = unpackEach(out, i, i + lead, bit);
            i += lead;
            byte[] b = buf;
            long m = mask;
            int p = runBase + (int) (bit >>> 3);
            for (; stop - i >= 8 && p + 8 <= end; i += 8, p += w) {
                long word = (long) LONGS.get(b, p);
                out[i] = (int) (word & m);
                out[i + 1] = (int) ((word >>> w) & m);
                out[i + 2] = (int) ((word >>> 2 * w) & m);
                out[i + 3] = (int) ((word >>> 3 * w) & m);
                out[i + 4] = (int) ((word >>> 4 * w) & m);
                out[i + 5] = (int) ((word >>> 5 * w) & m);
                out[i + 6] = (int) ((word >>> 6 * w) & m);
                out[i + 7] = (int) ((word >>> 7 * w) & m);
            }
            bit = (long) (p - runBase) << 3;
        }
        bitAt = unpackEach(out, i, stop, bit);
    }

    /** Values {@code out[from, to)} one load each, starting at {@code bit}; returns the bit after them. */
    private long unpackEach(int[] out, int from, int to, long bit) {
        int w = width;
        byte[] b = buf;
        long m = mask;
        int base = runBase;
        // values whose 8-byte load ends within the data: (bit >>> 3) <= lastLoad
        long lastLoad = (long) end - 8 - base;
        int fast = lastLoad < 0 || bit > lastLoad * 8 + 7 ? 0
                : (int) Math.min(to - from, (lastLoad * 8 + 7 - bit) / w + 1);
        int stop = from + fast;
        for (int i = from; i < stop; i++) {
            long word = (long) LONGS.get(b, base + (int) (bit >>> 3));
            out[i] = (int) ((word >>> (bit & 7)) & m);
            bit += w;
        }
        for (int i = stop; i < to; i++) {
            out[i] = slowValue(base, bit);
            bit += w;
        }
        return bit;
    }

    /** The value at {@code bit} past {@code base}, a byte at a time; bytes at or past {@code end} read as zeros. */
    private int slowValue(int base, long bit) {
        int first = base + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        long word = 0;
        for (int j = 0; 8 * j < shift + width; j++) {
            int p = first + j;
            word |= (long) (p < end ? buf[p] & 0xFF : 0) << (8 * j);
        }
        return (int) ((word >>> shift) & mask);
    }

    private void nextRun() throws IOException {
        if (pos >= end) {
            throw new IOException("RLE/bit-packed data ends before its values (width " + width + ")");
        }
        int header = 0;
        int shift = 0;
        int b;
        do {
            b = pos < end ? buf[pos++] & 0xFF : 0;
            header |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 35);
        int count = header >>> 1;
        if (count == 0) {
            throw new IOException("empty RLE/bit-packed run");
        }
        if ((header & 1) == 0) {
            repeatLeft = count;
            int v = 0;
            for (int i = 0, bytes = (width + 7) / 8; i < bytes; i++) {
                v |= (pos < end ? buf[pos] & 0xFF : 0) << (8 * i);
                pos++;
            }
            repeated = v;
        } else {
            if (count > Integer.MAX_VALUE / 8) {
                throw new IOException("bit-packed run of " + count + " groups");
            }
            packedLeft = count * 8;
            runBase = pos; // each packed run starts on a byte boundary
            bitAt = 0;
            pos = (int) Math.min(end, pos + (long) count * width);
        }
    }
}
