package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;

/**
 * Integers as runs of equal values ({@code runEnds[k]} is one past the last row of run
 * {@code k}): pays for sorted or clustered columns, where there are far fewer runs than rows.
 * A null row counts as a run of its own value 0 with its bit set in the null mask.
 */
final class RunLengthLongs implements EncodedColumn {
    private static final long serialVersionUID = 1L;

    private final long[] runValues;
    private final int[] runEnds;
    private final long[] nulls;

    private RunLengthLongs(long[] runValues, int[] runEnds, long[] nulls) {
        this.runValues = runValues;
        this.runEnds = runEnds;
        this.nulls = nulls;
    }

    /** The number of runs among the first {@code n} values (nulls read as 0). */
    static int countRuns(long[] values, int n, long[] nulls) {
        int runs = 0;
        long prev = 0;
        for (int i = 0; i < n; i++) {
            long v = NullBits.isSet(nulls, i) ? 0 : values[i];
            if (i == 0 || v != prev) {
                runs++;
                prev = v;
            }
        }
        return runs;
    }

    static long cost(int runs) {
        return 12L * runs + 32;
    }

    static RunLengthLongs encode(long[] values, int n, int runs, long[] nulls) {
        long[] runValues = new long[runs];
        int[] runEnds = new int[runs];
        int r = -1;
        for (int i = 0; i < n; i++) {
            long v = NullBits.isSet(nulls, i) ? 0 : values[i];
            if (r < 0 || v != runValues[r]) {
                r++;
                runValues[r] = v;
            }
            runEnds[r] = i + 1;
        }
        return new RunLengthLongs(runValues, runEnds, nulls);
    }

    @Override
    public ColumnVector decode(DataType type, int numRows) {
        boolean[] nullMask = NullBits.toBooleans(nulls, numRows);
        if (DataTypes.isIntBacked(type)) {
            int[] out = new int[numRows];
            int from = 0;
            for (int k = 0; k < runEnds.length; k++) {
                java.util.Arrays.fill(out, from, runEnds[k], (int) runValues[k]);
                from = runEnds[k];
            }
            return new IntVector(type, out, nullMask);
        }
        long[] out = new long[numRows];
        int from = 0;
        for (int k = 0; k < runEnds.length; k++) {
            java.util.Arrays.fill(out, from, runEnds[k], runValues[k]);
            from = runEnds[k];
        }
        return new LongVector(type, out, nullMask);
    }

    @Override
    public long sizeInBytes() {
        return 24 + 16 + 8L * runValues.length + 16 + 4L * runEnds.length + NullBits.size(nulls);
    }
}
