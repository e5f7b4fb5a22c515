package io.ember.sql.sources;

import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@link ColumnBuilder} variants, one per vector class. */
final class ColumnBuilders {
    private ColumnBuilders() {}

    static final class Booleans extends MaskedColumnBuilder {
        private boolean[] values;

        Booleans(DataType type, int capacity) {
            super(type, capacity);
            values = new boolean[capacity];
        }

        @Override
        boolean setText(int row, String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                values[row] = t.equals("true");
                nulls[row] = false;
                return true;
            }
            nulls[row] = true;
            return false;
        }

        @Override
        void setValue(int row, Object value) {
            if (value == null) {
                nulls[row] = true;
            } else {
                values[row] = (Boolean) value;
                nulls[row] = false;
            }
        }

        @Override
        ColumnVector build(int n) {
            BooleanVector v = new BooleanVector(type, Arrays.copyOf(values, n), takeNulls(n));
            values = new boolean[capacity];
            return v;
        }
    }

    static final class Ints extends MaskedColumnBuilder {
        private final TextValues text;
        private int[] values;

        Ints(DataType type, int capacity, TextValues text) {
            super(type, capacity);
            this.text = text;
            values = new int[capacity];
        }

        @Override
        boolean setText(int row, String s) {
            try {
                int v;
                if (type instanceof DateType) {
                    v = text.parseDate(s);
                } else {
                    v = Integer.parseInt(s);
                    if ((type instanceof ByteType && (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE))
                            || (type instanceof ShortType && (v < Short.MIN_VALUE || v > Short.MAX_VALUE))) {
                        throw new NumberFormatException("out of range: " + s);
                    }
                }
                values[row] = v;
                nulls[row] = false;
                return true;
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                nulls[row] = true;
                return false;
            }
        }

        @Override
        void setValue(int row, Object value) {
            if (value == null) {
                nulls[row] = true;
            } else {
                values[row] = ((Number) value).intValue();
                nulls[row] = false;
            }
        }

        @Override
        ColumnVector build(int n) {
            IntVector v = new IntVector(type, Arrays.copyOf(values, n), takeNulls(n));
            values = new int[capacity];
            return v;
        }
    }

    static final class Longs extends MaskedColumnBuilder {
        private final TextValues text;
        private long[] values;

        Longs(DataType type, int capacity, TextValues text) {
            super(type, capacity);
            this.text = text;
            values = new long[capacity];
        }

        @Override
        boolean setText(int row, String s) {
            try {
                long v;
                if (type instanceof TimestampType) {
                    v = text.parseTimestamp(s);
                } else if (type instanceof TimestampNTZType) {
                    v = text.parseTimestampNtz(s);
                } else {
                    v = Long.parseLong(s);
                }
                values[row] = v;
                nulls[row] = false;
                return true;
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                nulls[row] = true;
                return false;
            }
        }

        @Override
        void setValue(int row, Object value) {
            if (value == null) {
                nulls[row] = true;
            } else {
                values[row] = ((Number) value).longValue();
                nulls[row] = false;
            }
        }

        @Override
        ColumnVector build(int n) {
            LongVector v = new LongVector(type, Arrays.copyOf(values, n), takeNulls(n));
            values = new long[capacity];
            return v;
        }
    }

    /** Floats and doubles; parsed as Spark does, including {@code NaN}, {@code Inf}, {@code -Inf}. */
    static final class Doubles extends MaskedColumnBuilder {
        private double[] values;

        Doubles(DataType type, int capacity) {
            super(type, capacity);
            values = new double[capacity];
        }

        static double parse(String s) {
            String t = s.trim();
            switch (t) {
                case "NaN": return Double.NaN;
                case "Inf", "+Inf", "Infinity", "+Infinity": return Double.POSITIVE_INFINITY;
                case "-Inf", "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            if (!(Character.isDigit(last) || last == '.')) {
                throw new NumberFormatException("not a number: " + s); // Java would take 1d, 1f, 0x1p3
            }
            return Double.parseDouble(t);
        }

        @Override
        boolean setText(int row, String s) {
            try {
                values[row] = parse(s);
                nulls[row] = false;
                return true;
            } catch (NumberFormatException e) {
                nulls[row] = true;
                return false;
            }
        }

        @Override
        void setValue(int row, Object value) {
            if (value == null) {
                nulls[row] = true;
            } else {
                values[row] = ((Number) value).doubleValue();
                nulls[row] = false;
            }
        }

        @Override
        ColumnVector build(int n) {
            boolean[] nl = takeNulls(n);
            ColumnVector v;
            if (type instanceof FloatType) {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) values[i];
                }
                v = new FloatVector(type, f, nl);
            } else {
                v = new DoubleVector(type, Arrays.copyOf(values, n), nl);
            }
            values = new double[capacity];
            return v;
        }
    }

    /**
     * Strings; with {@code dictionary} on, a batch whose distinct values are at most a quarter of
     * its rows comes out as a {@link DictionaryVector} (codes plus the distinct strings).
     */
    static final class Strings extends ColumnBuilder {
        private final boolean dictionary;
        private String[] values;

        Strings(int capacity, boolean dictionary) {
            super(DataTypes.StringType, capacity);
            this.dictionary = dictionary;
            values = new String[capacity];
        }

        @Override
        void setNull(int row) {
            values[row] = null;
        }

        @Override
        boolean setText(int row, String text) {
            values[row] = text;
            return true;
        }

        @Override
        void setValue(int row, Object value) {
            values[row] = (String) value;
        }

        @Override
        ColumnVector build(int n) {
            String[] v = Arrays.copyOf(values, n);
            values = new String[capacity];
            return dictionary ? encode(v) : new StringVector(v);
        }

        private static ColumnVector encode(String[] v) {
            int limit = Math.max(1, v.length / 4);
            Map<String, Integer> codesOf = new HashMap<>();
            int[] codes = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                if (v[i] == null) {
                    codes[i] = -1;
                    continue;
                }
                Integer c = codesOf.get(v[i]);
                if (c == null) {
                    if (codesOf.size() >= limit) {
                        return new StringVector(v);
                    }
                    c = codesOf.size();
                    codesOf.put(v[i], c);
                }
                codes[i] = c;
            }
            String[] dict = new String[codesOf.size()];
            codesOf.forEach((s, c) -> dict[c] = s);
            return new DictionaryVector(codes, new StringVector(dict));
        }
    }

    /** Decimals from text; any type from internal values. */
    static final class Objects extends ColumnBuilder {
        private Object[] values;

        Objects(DataType type, int capacity) {
            super(type, capacity);
            values = new Object[capacity];
        }

        @Override
        void setNull(int row) {
            values[row] = null;
        }

        @Override
        boolean setText(int row, String text) {
            values[row] = null;
            if (!(type instanceof DecimalType d)) {
                return false;
            }
            try {
                values[row] = fitDecimal(new BigDecimal(text.trim()), d);
                return values[row] != null;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        void setValue(int row, Object value) {
            values[row] = value;
        }

        @Override
        ColumnVector build(int n) {
            ObjectVector v = new ObjectVector(type, Arrays.copyOf(values, n));
            values = new Object[capacity];
            return v;
        }
    }

    /** Decimals of up to 18 digits, kept as unscaled longs in a {@link DecimalVector}. */
    static final class CompactDecimals extends MaskedColumnBuilder {
        private final DecimalType decimal;
        private long[] values;

        CompactDecimals(DecimalType type, int capacity) {
            super(type, capacity);
            this.decimal = type;
            values = new long[capacity];
        }

        @Override
        boolean setText(int row, String text) {
            try {
                setValue(row, fitDecimal(new BigDecimal(text.trim()), decimal));
            } catch (NumberFormatException e) {
                nulls[row] = true;
            }
            return !nulls[row];
        }

        @Override
        void setValue(int row, Object value) {
            if (value == null) {
                nulls[row] = true;
            } else {
                values[row] = ((BigDecimal) value).setScale(decimal.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
                nulls[row] = false;
            }
        }

        @Override
        ColumnVector build(int n) {
            DecimalVector v = new DecimalVector(decimal, Arrays.copyOf(values, n), takeNulls(n));
            values = new long[capacity];
            return v;
        }
    }

    /** {@code v} at the type's scale, or null when it needs more digits than the precision. */
    static BigDecimal fitDecimal(BigDecimal v, DecimalType d) {
        BigDecimal scaled = v.setScale(d.scale(), RoundingMode.HALF_UP);
        return scaled.precision() - scaled.scale() > d.precision() - d.scale() ? null : scaled;
    }
}
