package io.ember.sql.sources;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes PLAIN-encoded Parquet values (a data page's values, or a dictionary page) in bulk
 * from {@code [offset, end)} of a byte array: fixed-width numbers little-endian, copied a range
 * at a time through a byte-buffer view; booleans one bit each, lowest bit first; byte arrays
 * as a 4-byte length then the bytes; fixed-length byte arrays back to back. Each method reads
 * the next {@code n} values into {@code out[at, at + n)}. Used by one task thread.
 */
final class ParquetPlainDecoder {
    private final byte[] buf;
    private final ByteBuffer view;
    private final int end;
    private int pos;
    private int bitIndex; // booleans: bits of buf[pos] already read

    ParquetPlainDecoder(byte[] buf, int offset, int end) {
        this.buf = buf;
        this.view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        this.pos = offset;
        this.end = end;
    }

    void readInts(int[] out, int at, int n) throws IOException {
        need(4L * n);
        view.position(pos);
        view.asIntBuffer().get(out, at, n);
        pos += 4 * n;
    }

    void readLongs(long[] out, int at, int n) throws IOException {
        need(8L * n);
        view.position(pos);
        view.asLongBuffer().get(out, at, n);
        pos += 8 * n;
    }

    /** INT32 values widened to longs (decimals stored as INT32). */
    void readIntsAsLongs(long[] out, int at, int n) throws IOException {
        need(4L * n);
        for (int i = 0; i < n; i++) {
            out[at + i] = view.getInt(pos);
            pos += 4;
        }
    }

    void readBooleans(boolean[] out, int at, int n) throws IOException {
        need((bitIndex + (long) n + 7) / 8);
        int b = bitIndex;
        int p = pos;
        for (int i = 0; i < n; i++) {
            out[at + i] = ((buf[p] >>> b) & 1) != 0;
            if (++b == 8) {
                b = 0;
                p++;
            }
        }
        pos = p;
        bitIndex = b;
    }

    void readStrings(String[] out, int at, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int len = length();
            out[at + i] = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
        }
    }

    /** Byte arrays; {@code fixedLength} is the FIXED_LEN_BYTE_ARRAY length, or -1 for BINARY. */
    void readBinaries(byte[][] out, int at, int n, int fixedLength) throws IOException {
        for (int i = 0; i < n; i++) {
            int len = fixedLength < 0 ? length() : fixed(fixedLength);
            byte[] v = new byte[len];
            System.arraycopy(buf, pos, v, 0, len);
            out[at + i] = v;
            pos += len;
        }
    }

    /**
     * Decimals stored as big-endian two's-complement byte arrays whose values fit a long (the
     * file's precision is at most 18), as unscaled longs; {@code fixedLength} as above.
     */
    void readDecimalBytes(long[] out, int at, int n, int fixedLength) throws IOException {
        for (int i = 0; i < n; i++) {
            int len = fixedLength < 0 ? length() : fixed(fixedLength);
            long v = len == 0 ? 0 : buf[pos]; // sign-extended first byte
            for (int j = 1; j < len; j++) {
                v = (v << 8) | (buf[pos + j] & 0xFF);
            }
            out[at + i] = v;
            pos += len;
        }
    }

    /** Passes over {@code n} values of {@code size} bytes each. */
    void skipFixed(int n, int size) throws IOException {
        need((long) n * size);
        pos += n * size;
    }

    /** Passes over {@code n} booleans. */
    void skipBits(int n) throws IOException {
        long bits = bitIndex + (long) n;
        need((bits + 7) / 8);
        pos += (int) (bits >>> 3);
        bitIndex = (int) (bits & 7);
    }

    /** Passes over {@code n} length-prefixed byte arrays (BINARY). */
    void skipBinaries(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int len = length(); // moves pos past the length first
            pos += len;
        }
    }

    private int length() throws IOException {
        need(4);
        int len = view.getInt(pos);
        pos += 4;
        if (len < 0) {
            throw new IOException("negative byte array length " + len);
        }
        need(len);
        return len;
    }

    private int fixed(int len) throws IOException {
        need(len);
        return len;
    }

    private void need(long bytes) throws IOException {
        if (pos + bytes > end) {
            throw new IOException("PLAIN values end early: need " + bytes + " bytes at " + pos + ", page ends at " + end);
        }
    }
}
