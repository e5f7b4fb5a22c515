package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;

/**
 * Doubles that are decimals of at most a few places (prices, measures read from text), stored
 * as bit-packed integers {@code x * 10^scale} from the batch minimum. Lossless: a batch is
 * encoded this way only if every value comes back bit for bit as {@code n / 10^scale}
 * (division is correctly rounded, so this holds for values parsed from such decimals).
 */
final class ScaledDoubles implements EncodedColumn {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SCALE = 6;
    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    /** Scaled values stay within 2^52, where every integer is a double. */
    private static final double LIMIT = 0x1p52;

    private final int scale;
    private final PackedLongs scaled;

    private ScaledDoubles(int scale, PackedLongs scaled) {
        this.scale = scale;
        this.scaled = scaled;
    }

    /** The encoding of the first {@code n} values, or null when some value is not such a decimal. */
    static ScaledDoubles tryEncode(double[] values, int n, long[] nulls) {
        int scale = 0;
        long[] out = new long[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (NullBits.isSet(nulls, i)) {
                continue;
            }
            double x = values[i];
            while (scale <= MAX_SCALE && !exact(x, scale)) {
                scale++;
            }
            if (scale > MAX_SCALE) {
                return null;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!NullBits.isSet(nulls, i)) {
                out[i] = Math.round(values[i] * POW10[scale]);
                if (!exact(values[i], scale)) {
                    return null;
                }
                min = Math.min(min, out[i]);
                max = Math.max(max, out[i]);
            }
        }
        if (min > max) {
            min = max = 0;
        }
        return new ScaledDoubles(scale, PackedLongs.encode(out, n, min, max, nulls));
    }

    private static boolean exact(double x, int scale) {
        double m = x * POW10[scale];
        if (Double.isNaN(m) || Math.abs(m) >= LIMIT || (x == 0 && 1 / x < 0)) {
            return false;
        }
        long r = Math.round(m);
        return r / POW10[scale] == x;
    }

    @Override
    public ColumnVector decode(DataType type, int numRows) {
        ColumnVector ints = scaled.decode(io.ember.sql.types.DataTypes.LongType, numRows);
        double[] out = new double[numRows];
        double div = POW10[scale];
        for (int i = 0; i < numRows; i++) {
            out[i] = ints.getLong(i) / div;
        }
        boolean[] nulls = null;
        if (ints.mayHaveNulls()) {
            nulls = new boolean[numRows];
            for (int i = 0; i < numRows; i++) {
                nulls[i] = ints.isNull(i);
            }
        }
        return new DoubleVector(type, out, nulls);
    }

    @Override
    public long sizeInBytes() {
        return 24 + scaled.sizeInBytes();
    }
}
