package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Probing once per run of equal keys numbers groups exactly as probing every row does. */
class KeyRunsTest {
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.StringType);
    /** Duplicate entries ("b" twice) and a null entry: different codes, equal or null values. */
    private static final StringVector DICTIONARY = new StringVector(new String[] {"a", "b", null, "b"});

    /** Keys that repeat over runs of random length (some batches not at all), with nulls in every column. */
    private static ColumnVector[] batch(Random rnd, int n, int meanRun) {
        long[] l = new long[n];
        boolean[] lNull = new boolean[n];
        int[] i = new int[n];
        boolean[] iNull = new boolean[n];
        int[] codes = new int[n];
        int r = 0;
        while (r < n) {
            int len = 1 + rnd.nextInt(2 * meanRun);
            boolean ln = rnd.nextInt(8) == 0;
            long lv = ln ? rnd.nextLong() : rnd.nextInt(50);
            boolean in = rnd.nextInt(8) == 0;
            int iv = rnd.nextInt(3);
            int code = rnd.nextInt(6) - 1;
            for (int j = 0; j < len && r < n; j++, r++) {
                lNull[r] = ln;
                l[r] = ln && rnd.nextBoolean() ? rnd.nextLong() : lv;   // garbage under nulls differs
                iNull[r] = in;
                i[r] = iv;
                codes[r] = code == 4 ? -1 - rnd.nextInt(2) : Math.min(code, 3);
            }
        }
        return new ColumnVector[] {new LongVector(DataTypes.LongType, l, lNull),
                new IntVector(DataTypes.IntegerType, i, iNull), new DictionaryVector(codes, DICTIONARY)};
    }

    private static void check(List<DataType> types, int keys) {
        GroupKeyTable direct = GroupKeyTable.create(types);
        GroupKeyTable viaRuns = GroupKeyTable.create(types);
        KeyRuns runs = new KeyRuns();
        Random rnd = new Random(17 + keys);
        for (int b = 0; b < 40; b++) {
            int n = b % 9 == 0 ? b % 2 : 1 + rnd.nextInt(3000);
            ColumnVector[] all = batch(rnd, n, b % 4 == 0 ? 1 : 1 + b % 7);
            ColumnVector[] k = java.util.Arrays.copyOf(all, keys);
            int[] want = new int[n];
            int[] got = new int[n];
            direct.findOrInsert(k, n, want);
            runs.findOrInsert(viaRuns, k, n, got);
            assertArrayEquals(want, got, "batch " + b);
        }
        assertEquals(direct.numGroups(), viaRuns.numGroups());
    }

    @Test
    void oneLongKey() {
        check(List.of(DataTypes.LongType), 1);
    }

    @Test
    void longIntAndDictionaryKeys() {
        check(TYPES, 3);
    }
}
