package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/** The RLE/bit-packed hybrid decoder against byte transcripts and parquet-mr's encoder at every width. */
class ParquetHybridDecoderTest {
    private static int[] decode(byte[] b, int width, int n, int step) throws IOException {
        ParquetHybridDecoder d = new ParquetHybridDecoder(b, 0, b.length, width);
        int[] out = new int[n];
        for (int at = 0; at < n; at += step) {
            d.read(out, at, Math.min(step, n - at));
        }
        return out;
    }

    @Test
    void specExamplesOfBothRunKinds() throws IOException {
        // width 3: one bit-packed group of 0..7 (the format spec's example), then 7 repeated 5 times
        byte[] b = {0x03, (byte) 0x88, (byte) 0xC6, (byte) 0xFA, 0x0A, 0x07};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7}, decode(b, 3, 13, 13));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7}, decode(b, 3, 13, 3));
        // width 12: a repeated run stores its value in two little-endian bytes
        assertArrayEquals(new int[] {0xABC, 0xABC}, decode(new byte[] {0x04, (byte) 0xBC, 0x0A}, 12, 2, 1));
        // width 0: every value is 0, a run header and no value bytes
        assertArrayEquals(new int[6], decode(new byte[] {0x0C}, 0, 6, 4));
    }

    @Test
    void everyWidthFrom0To32MatchesParquetMrEncoder() throws IOException {
        Random rnd = new Random(42);
        for (int width = 0; width <= 32; width++) {
            long limit = width == 32 ? 1L << 32 : 1L << width;
            int n = 3000;
            int[] values = new int[n];
            for (int i = 0; i < n; ) {
                int run = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(40) : 1; // repeats make RLE runs
                int v = (int) (limit <= 1 ? 0 : (rnd.nextLong() & Long.MAX_VALUE) % limit);
                for (int j = 0; j < run && i < n; j++) {
                    values[i++] = v;
                }
            }
            values[n - 1] = (int) (limit - 1); // the widest value
            RunLengthBitPackingHybridEncoder e = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20,
                    new HeapByteBufferAllocator());
            for (int v : values) {
                e.writeInt(v);
            }
            byte[] bytes = e.toBytes().toByteArray();
            for (int step : new int[] {n, 1, 7, 100}) {
                assertArrayEquals(values, decode(bytes, width, n, step), "width " + width + " step " + step);
            }
        }
    }

    @Test
    void dataEndingBeforeItsValuesFails() {
        assertThrows(IOException.class, () -> decode(new byte[] {0x04, 0x01}, 1, 3, 3));
        assertThrows(IOException.class, () -> decode(new byte[] {0x00, 0x01}, 1, 1, 1)); // an empty run
    }

    @Test
    void skipsMixedWithReadsMatchParquetMrEncoderAtEveryWidth() throws IOException {
        Random rnd = new Random(7);
        for (int width = 0; width <= 32; width++) {
            long limit = width == 32 ? 1L << 32 : 1L << width;
            int n = 5000;
            int[] values = new int[n];
            for (int i = 0; i < n; ) {
                int run = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(60) : 1;
                int v = (int) (limit <= 1 ? 0 : (rnd.nextLong() & Long.MAX_VALUE) % limit);
                for (int j = 0; j < run && i < n; j++) {
                    values[i++] = v;
                }
            }
            RunLengthBitPackingHybridEncoder e = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20,
                    new HeapByteBufferAllocator());
            for (int v : values) {
                e.writeInt(v);
            }
            byte[] encoded = e.toBytes().toByteArray();
            // the data sits inside a larger array, with bytes before and after that are not its own
            byte[] b = new byte[encoded.length + 20];
            Arrays.fill(b, (byte) 0xFF);
            System.arraycopy(encoded, 0, b, 5, encoded.length);
            ParquetHybridDecoder d = new ParquetHybridDecoder(b, 5, 5 + encoded.length, width);
            int at = 0;
            int[] got = new int[70];
            while (at < n) {
                int k = Math.min(n - at, rnd.nextInt(70));
                if (rnd.nextBoolean()) {
                    d.skip(k);
                } else {
                    d.read(got, 0, k);
                    assertArrayEquals(Arrays.copyOfRange(values, at, at + k), Arrays.copyOf(got, k),
                            "width " + width + " at " + at);
                }
                at += k;
            }
        }
    }

    @Test
    void truncatedLastGroupReadsZerosNotTheBytesAfterTheData() throws IOException {
        // width 8: one packed group (header 0x03) of which only 3 value bytes are present, then foreign bytes
        byte[] b = {0x03, 1, 2, 3, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        ParquetHybridDecoder d = new ParquetHybridDecoder(b, 0, 4, 8);
        int[] out = new int[8];
        d.read(out, 0, 8);
        assertArrayEquals(new int[] {1, 2, 3, 0, 0, 0, 0, 0}, out);
    }
}
