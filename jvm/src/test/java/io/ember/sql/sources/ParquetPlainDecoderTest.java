package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PLAIN values decoded from hand-built pages, each type read across several calls. */
class ParquetPlainDecoderTest {
    private static ByteBuffer page(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ParquetPlainDecoder of(ByteBuffer b) {
        return new ParquetPlainDecoder(b.array(), 3, b.position()); // values start after 3 bytes of levels
    }

    @Test
    void fixedWidthNumbers() throws IOException {
        ByteBuffer b = page(64).position(3);
        b.putInt(7).putInt(-1).putInt(Integer.MIN_VALUE);
        ParquetPlainDecoder d = of(b);
        int[] ints = new int[4];
        d.readInts(ints, 1, 2);
        d.readInts(ints, 3, 1);
        assertArrayEquals(new int[] {0, 7, -1, Integer.MIN_VALUE}, ints);

        b = page(64).position(3);
        b.putLong(1L << 40).putLong(-5).putInt(-9).putInt(12);
        d = of(b);
        long[] longs = new long[4];
        d.readLongs(longs, 0, 2);
        d.readIntsAsLongs(longs, 2, 2);
        assertArrayEquals(new long[] {1L << 40, -5, -9, 12}, longs);

        b = page(64).position(3);
        b.putFloat(1.5f).putFloat(Float.NaN).putDouble(-2.25).putDouble(Double.POSITIVE_INFINITY);
        d = of(b);
        int[] floatBits = new int[2];   // floats and doubles are read as their bits (ParquetValueReaders)
        d.readInts(floatBits, 0, 2);
        assertArrayEquals(new float[] {1.5f, Float.NaN},
                new float[] {Float.intBitsToFloat(floatBits[0]), Float.intBitsToFloat(floatBits[1])});
        long[] doubleBits = new long[2];
        d.readLongs(doubleBits, 0, 1);
        d.readLongs(doubleBits, 1, 1);
        assertArrayEquals(new double[] {-2.25, Double.POSITIVE_INFINITY},
                new double[] {Double.longBitsToDouble(doubleBits[0]), Double.longBitsToDouble(doubleBits[1])});
    }

    @Test
    void booleansLowestBitFirstAcrossCalls() throws IOException {
        ByteBuffer b = page(8).position(3);
        b.put((byte) 0b1000_0101).put((byte) 0b0000_0011);
        ParquetPlainDecoder d = of(b);
        boolean[] out = new boolean[10];
        d.readBooleans(out, 0, 3);
        d.readBooleans(out, 3, 7);
        assertArrayEquals(new boolean[] {true, false, true, false, false, false, false, true, true, true}, out);
        assertThrows(IOException.class, () -> d.readBooleans(new boolean[8], 0, 7)); // only 6 bits left
    }

    @Test
    void byteArraysStringsAndDecimals() throws IOException {
        byte[] s = "héllo".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = page(64).position(3);
        b.putInt(s.length).put(s).putInt(0).putInt(2).put(new byte[] {1, 2});
        ParquetPlainDecoder d = of(b);
        String[] strings = new String[2];
        d.readStrings(strings, 0, 2);
        assertArrayEquals(new String[] {"héllo", ""}, strings);
        byte[][] bins = new byte[1][];
        d.readBinaries(bins, 0, 1, -1);
        assertArrayEquals(new byte[] {1, 2}, bins[0]);

        // decimals: fixed 4-byte big-endian (-2 and 258), then BINARY of 1 byte (-128) and of 8 bytes
        b = page(64).position(3);
        b.put(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 0, 0, 1, 2});
        b.putInt(1).put((byte) 0x80).putInt(8).order(ByteOrder.BIG_ENDIAN).putLong(-123_456_789_012L);
        d = of(b);
        long[] dec = new long[4];
        d.readDecimalBytes(dec, 0, 2, 4);
        d.readDecimalBytes(dec, 2, 2, -1);
        assertArrayEquals(new long[] {-2, 258, -128, -123_456_789_012L}, dec);
    }

    @Test
    void valuesPastThePageEndFail() {
        ByteBuffer b = page(16).position(3);
        b.putInt(1).putInt(100).put((byte) 'x');
        assertThrows(IOException.class, () -> of(b).readInts(new int[3], 0, 3));
        assertThrows(IOException.class, () -> {
            ParquetPlainDecoder d = of(b);
            d.readInts(new int[1], 0, 1);
            d.readStrings(new String[1], 0, 1); // length 100, 1 byte left
        });
    }
}
