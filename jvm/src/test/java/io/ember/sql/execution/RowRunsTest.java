package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RowRuns}: run-at-a-time gathers give what the row-at-a-time {@link VectorOps#gather} gives. */
class RowRunsTest {
    private static List<ColumnVector> columns(Random rnd, int n, boolean withNulls) {
        long[] l = new long[n];
        int[] i = new int[n];
        double[] d = new double[n];
        float[] f = new float[n];
        boolean[] b = new boolean[n];
        String[] s = new String[n];
        int[] codes = new int[n];
        Object[] o = new Object[n];
        boolean[] nulls = withNulls ? new boolean[n] : null;
        for (int r = 0; r < n; r++) {
            l[r] = rnd.nextLong();
            i[r] = rnd.nextInt();
            d[r] = r % 50 == 0 ? Double.NaN : rnd.nextDouble();
            f[r] = rnd.nextFloat();
            b[r] = rnd.nextBoolean();
            s[r] = r % 13 == 0 ? null : "s" + rnd.nextInt(100);
            codes[r] = r % 11 == 0 ? -1 : rnd.nextInt(3);
            o[r] = r % 7 == 0 ? null : List.of(r);
            if (withNulls) {
                nulls[r] = rnd.nextInt(9) == 0;
            }
        }
        return List.of(new LongVector(DataTypes.LongType, l, nulls), new IntVector(DataTypes.IntegerType, i, nulls),
                new DoubleVector(DataTypes.DoubleType, d, nulls), new FloatVector(DataTypes.FloatType, f, nulls),
                new BooleanVector(DataTypes.BooleanType, b, nulls), new DecimalVector(new DecimalType(15, 2), l, nulls),
                new StringVector(s), new DictionaryVector(codes, new StringVector(new String[] {"a", null, "c"})),
                new ObjectVector(DataTypes.createArrayType(DataTypes.IntegerType), o));
    }

    /** Long runs of kept rows with short gaps between them, as a filter keeping most rows selects. */
    private static int[] mostlyKept(Random rnd, int n, int gapEvery) {
        int[] rows = new int[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (rnd.nextInt(gapEvery) != 0) {
                rows[m++] = r;
            }
        }
        return java.util.Arrays.copyOf(rows, m);
    }

    private static void sameAsRowByRow(List<ColumnVector> cols, int[] rows) {
        RowRuns runs = RowRuns.of(rows, rows.length);
        assertNotNull(runs, "long runs");
        for (ColumnVector v : cols) {
            ColumnVector want = VectorOps.gather(v, rows, rows.length);
            ColumnVector got = runs.gather(v);
            assertEquals(want.getClass(), got.getClass());
            assertEquals(want.size(), got.size());
            for (int r = 0; r < rows.length; r++) {
                assertEquals(want.isNull(r), got.isNull(r), v.dataType() + " null at " + r);
                assertEquals(want.get(r), got.get(r), v.dataType() + " value at " + r);
            }
            if (want instanceof LongVector w) {
                assertEquals(w.nulls == null, ((LongVector) got).nulls == null, "no null mask when no kept row is null");
            }
        }
    }

    @Test
    void runGathersMatchRowGathersWithAndWithoutNulls() {
        Random rnd = new Random(31);
        for (boolean withNulls : new boolean[] {false, true}) {
            List<ColumnVector> cols = columns(rnd, 4096, withNulls);
            sameAsRowByRow(cols, mostlyKept(rnd, 4096, 50));
            sameAsRowByRow(cols, VectorOps.identity(4096));
            int[] tail = new int[100];
            for (int r = 0; r < tail.length; r++) {
                tail[r] = 3996 + r;   // one run ending at the last row
            }
            sameAsRowByRow(cols, tail);
        }
    }

    @Test
    void keptRowsThatAreAllNonNullDropTheMask() {
        boolean[] nulls = new boolean[64];
        nulls[3] = true;
        LongVector v = new LongVector(DataTypes.LongType, new long[64], nulls);
        int[] rows = new int[40];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = 10 + r;
        }
        assertNull(((LongVector) RowRuns.of(rows, rows.length).gather(v)).nulls);
    }

    @Test
    void shortRunsAndEmptySelectionsAreLeftToTheRowLoop() {
        Random rnd = new Random(32);
        int[] alternate = new int[2000];
        for (int r = 0; r < alternate.length; r++) {
            alternate[r] = 2 * r;
        }
        assertNull(RowRuns.of(alternate, alternate.length));
        assertNull(RowRuns.of(new int[0], 0));
        assertNull(RowRuns.of(new int[] {0, 1, 2}, 3), "too few rows to pay for the runs");
        int[] duplicates = new int[64];   // a join's probe rows repeat: not one run
        for (int r = 0; r < duplicates.length; r++) {
            duplicates[r] = r / 2;
        }
        assertNull(RowRuns.of(duplicates, duplicates.length));
        List<ColumnVector> cols = columns(rnd, 3000, true);
        ColumnBatch b = new ColumnBatch(cols.toArray(new ColumnVector[0]), 3000);
        int[] rows = mostlyKept(rnd, 3000, 40);
        ColumnBatch got = VectorOps.gather(b, rows, rows.length);
        ColumnBatch picked = VectorOps.gather(b, new int[] {6, 0}, rows, rows.length);
        for (int r = 0; r < rows.length; r++) {
            assertEquals(cols.get(0).get(rows[r]), got.column(0).get(r));
            assertEquals(cols.get(6).get(rows[r]), picked.column(0).get(r));
            assertEquals(cols.get(0).get(rows[r]), picked.column(1).get(r));
        }
        ColumnBatch none = VectorOps.gather(b, new int[] {0}, new int[0], 0);
        assertEquals(0, none.numRows());
        assertEquals(0, none.column(0).size());
        DictionaryVector dict = (DictionaryVector) got.column(7);
        assertSame(((DictionaryVector) cols.get(7)).dictionary, dict.dictionary, "codes copied, dictionary shared");
    }
}
