package io.ember.sql.execution;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Frame-of-reference packing for the batch codec: integers are written as their minimum plus
 * unsigned offsets in the narrowest of 0, 1, 2, 4 or 8 bytes that holds the range, so keys,
 * codes and small counters shrink to a fraction of their width. The offsets are read and written
 * on the buffer's backing array at absolute indexes (the codec's buffers are heap buffers), not
 * through the buffer's relative accessors, which check and move its position per value. Stateless.
 */
final class PackedInts {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private PackedInts() {}

    static void writeLongs(ByteSink out, long[] v, int n) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        if (n == 0) {
            min = max = 0;
        }
        int width = width(max - min);
        out.putByte(width);
        out.putLong(min);
        ByteBuffer b = out.ensure(width * n);
        byte[] a = b.array();
        int at = b.arrayOffset() + b.position();
        switch (width) {
            case 0 -> { }
            case 1 -> { for (int i = 0; i < n; i++) a[at + i] = (byte) (v[i] - min); }
            case 2 -> { for (int i = 0; i < n; i++) SHORTS.set(a, at + 2 * i, (short) (v[i] - min)); }
            case 4 -> { for (int i = 0; i < n; i++) INTS.set(a, at + 4 * i, (int) (v[i] - min)); }
            default -> b.asLongBuffer().put(v, 0, n);   // a bulk copy: faster than a loop, under C1 too
        }
        b.position(b.position() + width * n);
    }

    static long[] readLongs(ByteBuffer in, int n) {
        return readLongs(in, n, new long[n], 0);
    }

    /** Reads {@code n} packed longs into {@code v[off..off+n-1]}; returns {@code v}. */
    static long[] readLongs(ByteBuffer in, int n, long[] v, int off) {
        int width = in.get();
        long min = in.getLong();
        byte[] a = in.array();
        int at = in.arrayOffset() + in.position();
        switch (width) {
            case 0 -> java.util.Arrays.fill(v, off, off + n, min);
            case 1 -> { for (int i = 0; i < n; i++) v[off + i] = min + (a[at + i] & 0xFFL); }
            case 2 -> { for (int i = 0; i < n; i++) v[off + i] = min + ((short) SHORTS.get(a, at + 2 * i) & 0xFFFFL); }
            case 4 -> { for (int i = 0; i < n; i++) v[off + i] = min + ((int) INTS.get(a, at + 4 * i) & 0xFFFFFFFFL); }
            default -> in.asLongBuffer().get(v, off, n);
        }
        in.position(in.position() + width * n);
        return v;
    }

    static void writeInts(ByteSink out, int[] v, int n) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        if (n == 0) {
            min = max = 0;
        }
        int width = Math.min(4, width(max - min));
        out.putByte(width);
        out.putInt((int) min);
        int base = (int) min;
        ByteBuffer b = out.ensure(width * n);
        byte[] a = b.array();
        int at = b.arrayOffset() + b.position();
        switch (width) {
            case 0 -> { }
            case 1 -> { for (int i = 0; i < n; i++) a[at + i] = (byte) (v[i] - base); }
            case 2 -> { for (int i = 0; i < n; i++) SHORTS.set(a, at + 2 * i, (short) (v[i] - base)); }
            default -> b.asIntBuffer().put(v, 0, n);
        }
        b.position(b.position() + width * n);
    }

    static int[] readInts(ByteBuffer in, int n) {
        return readInts(in, n, new int[n], 0);
    }

    /** Reads {@code n} packed ints into {@code v[off..off+n-1]}; returns {@code v}. */
    static int[] readInts(ByteBuffer in, int n, int[] v, int off) {
        int width = in.get();
        int min = in.getInt();
        byte[] a = in.array();
        int at = in.arrayOffset() + in.position();
        switch (width) {
            case 0 -> java.util.Arrays.fill(v, off, off + n, min);
            case 1 -> { for (int i = 0; i < n; i++) v[off + i] = min + (a[at + i] & 0xFF); }
            case 2 -> { for (int i = 0; i < n; i++) v[off + i] = min + ((short) SHORTS.get(a, at + 2 * i) & 0xFFFF); }
            default -> in.asIntBuffer().get(v, off, n);
        }
        in.position(in.position() + width * n);
        return v;
    }

    /** Bytes per offset for a range; a negative range overflowed a long: 8. */
    private static int width(long range) {
        if (range < 0) {
            return 8;
        }
        if (range == 0) {
            return 0;
        }
        if (range < 1L << 8) {
            return 1;
        }
        if (range < 1L << 16) {
            return 2;
        }
        if (range < 1L << 32) {
            return 4;
        }
        return 8;
    }
}
