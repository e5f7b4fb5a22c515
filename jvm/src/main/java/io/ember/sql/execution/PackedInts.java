package io.ember.sql.execution;

import java.nio.ByteBuffer;

/**
 * Frame-of-reference packing for the batch codec: integers are written as their minimum plus
 * unsigned offsets in the narrowest of 0, 1, 2, 4 or 8 bytes that holds the range, so keys,
 * codes and small counters shrink to a fraction of their width. Stateless.
 */
final class PackedInts {
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
        switch (width) {
            case 0 -> { }
            case 1 -> { for (int i = 0; i < n; i++) b.put((byte) (v[i] - min)); }
            case 2 -> { for (int i = 0; i < n; i++) b.putShort((short) (v[i] - min)); }
            case 4 -> { for (int i = 0; i < n; i++) b.putInt((int) (v[i] - min)); }
            default -> {
                b.asLongBuffer().put(v, 0, n);
                b.position(b.position() + 8 * n);
            }
        }
    }

    static long[] readLongs(ByteBuffer in, int n) {
        int width = in.get();
        long min = in.getLong();
        long[] v = new long[n];
        switch (width) {
            case 0 -> java.util.Arrays.fill(v, min);
            case 1 -> { for (int i = 0; i < n; i++) v[i] = min + (in.get() & 0xFFL); }
            case 2 -> { for (int i = 0; i < n; i++) v[i] = min + (in.getShort() & 0xFFFFL); }
            case 4 -> { for (int i = 0; i < n; i++) v[i] = min + (in.getInt() & 0xFFFFFFFFL); }
            default -> {
                in.asLongBuffer().get(v);
                in.position(in.position() + 8 * n);
            }
        }
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
        switch (width) {
            case 0 -> { }
            case 1 -> { for (int i = 0; i < n; i++) b.put((byte) (v[i] - base)); }
            case 2 -> { for (int i = 0; i < n; i++) b.putShort((short) (v[i] - base)); }
            default -> {
                b.asIntBuffer().put(v, 0, n);
                b.position(b.position() + 4 * n);
            }
        }
    }

    static int[] readInts(ByteBuffer in, int n) {
        int width = in.get();
        int min = in.getInt();
        int[] v = new int[n];
        switch (width) {
            case 0 -> java.util.Arrays.fill(v, min);
            case 1 -> { for (int i = 0; i < n; i++) v[i] = min + (in.get() & 0xFF); }
            case 2 -> { for (int i = 0; i < n; i++) v[i] = min + (in.getShort() & 0xFFFF); }
            default -> {
                in.asIntBuffer().get(v);
                in.position(in.position() + 4 * n);
            }
        }
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
