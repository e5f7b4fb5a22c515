package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Definition levels in both encodings a flat column's pages use. */
class ParquetLevelsTest {
    @Test
    void deprecatedBitPackedLevelsReadFromTheHighestBit() throws IOException {
        byte[] data = {9, (byte) 0b1011_0000, (byte) 0b1000_0000, 42};
        int[] levels = new int[9];
        assertEquals(3, ParquetLevels.bitPacked(data, 1, data.length, 1, levels, 9)); // values start after 2 bytes
        assertArrayEquals(new int[] {1, 0, 1, 1, 0, 0, 0, 0, 1}, levels);
        assertEquals(4, ParquetLevels.count(levels, 0, 9, 1));
    }

    @Test
    void hybridLevelsCountTheDefinedValues() throws IOException {
        // 4 repeated ones, then one bit-packed group 0,1,0,1,1,1,1,1
        byte[] data = {0x08, 0x01, 0x03, (byte) 0b1111_1010};
        int[] levels = new int[12];
        assertEquals(10, ParquetLevels.hybrid(data, 0, data.length, 1, levels, 12));
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1}, levels);
        assertEquals(0, ParquetLevels.width(0));
        assertEquals(1, ParquetLevels.width(1));
        assertEquals(2, ParquetLevels.width(3));
    }
}
