package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips of packed ints and longs at every width, behind other bytes, with extreme values. */
class PackedIntsTest {
    private static final long[] RANGES = {0, 1, 255, 256, 65_535, 65_536, (1L << 32) - 1, 1L << 32, Long.MAX_VALUE};

    @Test
    void longsRoundTripAtEveryWidth() {
        Random rnd = new Random(1);
        for (long range : RANGES) {
            for (int n : new int[] {0, 1, 7, 1000}) {
                long base = rnd.nextBoolean() ? Long.MIN_VALUE : rnd.nextLong() / 4;
                long[] v = new long[n + 3];
                for (int i = 0; i < n; i++) {
                    long off = range == 0 ? 0 : Math.floorMod(rnd.nextLong(), range) + (i == 0 ? 0 : 1);
                    v[i] = i == 1 ? base + range : base + Math.min(off, range);
                }
                v[n] = 42;   // past n: never written
                ByteSink out = new ByteSink(8);
                out.putByte(9);
                PackedInts.writeLongs(out, v, n);
                out.putByte(7);
                ByteBuffer in = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(9, in.get());
                long[] back = PackedInts.readLongs(in, n);
                assertArrayEquals(java.util.Arrays.copyOf(v, n), back, "range " + range + " n " + n);
                assertEquals(7, in.get(), "the reader stops right after the values");
            }
        }
    }

    @Test
    void longsSpanningTheWholeRangeUseFullWidth() {
        long[] v = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1};
        ByteSink out = new ByteSink(8);
        PackedInts.writeLongs(out, v, v.length);
        assertArrayEquals(v, PackedInts.readLongs(ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN), v.length));
    }

    @Test
    void intsRoundTripAtEveryWidth() {
        Random rnd = new Random(2);
        for (long range : new long[] {0, 1, 255, 256, 65_535, 65_536, (1L << 32) - 1}) {
            for (int n : new int[] {0, 1, 9, 1000}) {
                long base = rnd.nextBoolean() ? Integer.MIN_VALUE : -rnd.nextInt(1000);
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    long off = i == 1 ? range : range == 0 ? 0 : Math.floorMod(rnd.nextLong(), range);
                    v[i] = (int) Math.min(Integer.MAX_VALUE, base + off);
                }
                ByteSink out = new ByteSink(8);
                out.putByte(3);
                PackedInts.writeInts(out, v, n);
                out.putByte(5);
                ByteBuffer in = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                in.get();
                assertArrayEquals(v, PackedInts.readInts(in, n), "range " + range + " n " + n);
                assertEquals(5, in.get());
            }
        }
    }

    @Test
    void readsFromASlicedBufferAtItsOffset() {
        int[] v = {5, 300, 70_000, -2};
        ByteSink out = new ByteSink(8);
        PackedInts.writeInts(out, v, v.length);
        byte[] body = out.toByteArray();
        byte[] padded = new byte[body.length + 11];
        System.arraycopy(body, 0, padded, 11, body.length);
        ByteBuffer in = ByteBuffer.wrap(padded, 11, body.length).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(v, PackedInts.readInts(in, v.length));
    }
}
