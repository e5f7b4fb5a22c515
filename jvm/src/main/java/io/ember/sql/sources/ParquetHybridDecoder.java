package io.ember.sql.sources;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary ids, RLE
 * booleans) in bulk: a run header (unsigned varint) says either "value v repeated k times"
 * (v in ceil(width/8) little-endian bytes) or "g groups of 8 values bit-packed LSB first".
 * {@link #read} fills a whole array range per call, a repeated run with one {@code fill} and a
 * packed run with a shift loop, instead of one virtual call per value. Reads
 * {@code [offset, end)} of a byte array; bytes a truncated last group lacks read as zeros.
 * Widths 0..32. Used by one task thread.
 */
final class ParquetHybridDecoder {
    private final byte[] buf;
    private final int end;
    private final int width;
    private final long mask;
    private int pos;
    private int repeatLeft; // values left in the current repeated run
    private int repeated;
    private int packedLeft; // values left in the current bit-packed run
    private long bits; // bits of the packed run read but not yet returned, lowest first
    private int bitCount;

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

    private void unpack(int[] out, int at, int k) {
        int i = at;
        int stop = at + k;
        if (bitCount == 0) { // no bits pending: eight values at a time, bounds checked once
            while (stop - i >= 8 && pos + width <= end) {
                unpackEight(out, i);
                i += 8;
            }
        }
        long b = bits;
        int c = bitCount;
        for (; i < stop; i++) {
            while (c < width) {
                b |= (long) (pos < end ? buf[pos] & 0xFF : 0) << c;
                pos++;
                c += 8;
            }
            out[i] = (int) (b & mask);
            b >>>= width;
            c -= width;
        }
        bits = b;
        bitCount = c;
    }

    /** Eight values from the next {@code width} bytes (eight values end on a byte boundary). */
    private void unpackEight(int[] out, int at) {
        byte[] b = buf;
        int p = pos;
        int w = width;
        long m = mask;
        long acc = 0;
        int c = 0;
        for (int j = 0; j < 8; j++) {
            while (c < w) {
                acc |= (b[p++] & 0xFFL) << c;
                c += 8;
            }
            out[at + j] = (int) (acc & m);
            acc >>>= w;
            c -= w;
        }
        pos = p;
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
        if ((header & 1) == 0) {
            repeatLeft = header >>> 1;
            int v = 0;
            for (int i = 0, bytes = (width + 7) / 8; i < bytes; i++) {
                v |= (pos < end ? buf[pos] & 0xFF : 0) << (8 * i);
                pos++;
            }
            repeated = v;
        } else {
            packedLeft = (header >>> 1) * 8;
            bits = 0; // each packed run starts on a byte boundary
            bitCount = 0;
        }
        if (header >>> 1 == 0) {
            throw new IOException("empty RLE/bit-packed run");
        }
    }
}
