package io.ember.python.arrow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer (Arrow's byte order), written at its end.
 *
 * <p>Not thread-safe: one writer at a time.
 */
final class LeBuffer {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    LeBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }

    void putByte(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void putShort(int v) {
        ensure(2);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >> 8);
    }

    void putInt(int v) {
        ensure(4);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >> 8);
        bytes[size++] = (byte) (v >> 16);
        bytes[size++] = (byte) (v >> 24);
    }

    void putLong(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (v >> (8 * i));
        }
    }

    void putInts(int[] v, int from, int n) {
        ensure(4 * n);
        for (int i = 0; i < n; i++, size += 4) {
            INT.set(bytes, size, v[from + i]);
        }
    }

    void putLongs(long[] v, int from, int n) {
        ensure(8 * n);
        for (int i = 0; i < n; i++, size += 8) {
            LONG.set(bytes, size, v[from + i]);
        }
    }

    void putFloats(float[] v, int from, int n) {
        ensure(4 * n);
        for (int i = 0; i < n; i++, size += 4) {
            FLOAT.set(bytes, size, v[from + i]);
        }
    }

    void putDoubles(double[] v, int from, int n) {
        ensure(8 * n);
        for (int i = 0; i < n; i++, size += 8) {
            DOUBLE.set(bytes, size, v[from + i]);
        }
    }

    void putBytes(byte[] data, int from, int length) {
        ensure(length);
        System.arraycopy(data, from, bytes, size, length);
        size += length;
    }

    /** Writes {@code length} zero bytes and returns where they start (for bitmaps). */
    int reserve(int length) {
        ensure(length);
        int at = size;
        Arrays.fill(bytes, size, size + length, (byte) 0);
        size += length;
        return at;
    }

    /** Sets bit {@code bit} of the bitmap that starts at {@code at}. */
    void setBit(int at, int bit) {
        bytes[at + (bit >> 3)] |= (byte) (1 << (bit & 7));
    }

    /** Overwrites four bytes at {@code at}. */
    void setInt(int at, int v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >> 8);
        bytes[at + 2] = (byte) (v >> 16);
        bytes[at + 3] = (byte) (v >> 24);
    }

    /** Zero bytes up to the next multiple of 8 (Arrow's buffer alignment). */
    void pad8() {
        int pad = (8 - (size & 7)) & 7;
        reserve(pad);
    }

    void putBuffer(LeBuffer other) {
        putBytes(other.bytes, 0, other.size);
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
