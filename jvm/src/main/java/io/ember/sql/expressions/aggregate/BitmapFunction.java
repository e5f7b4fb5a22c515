package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;

/**
 * The scalar halves of Spark's bitmap counting: {@code bitmap_bucket_number(x)} and
 * {@code bitmap_bit_position(x)} split a value into a bucket of {@link #BITS} values and a bit
 * in it (for {@code bitmap_construct_agg}), and {@code bitmap_count(bitmap)} counts set bits.
 */
public final class BitmapFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Bits in one bitmap (4096 bytes), as Spark. */
    public static final long BITS = 32768;

    /** Which function. */
    public enum Kind { BITMAP_BIT_POSITION, BITMAP_BUCKET_NUMBER, BITMAP_COUNT }

    private final Kind kind;

    public BitmapFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(kind == Kind.BITMAP_COUNT ? InputType.BINARY : InputType.LONG);
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    protected Object compute(Object[] v) {
        switch (kind) {
            case BITMAP_BIT_POSITION: {
                long x = (Long) v[0];
                return x > 0 ? (x - 1) % BITS : -x % BITS;
            }
            case BITMAP_BUCKET_NUMBER: {
                long x = (Long) v[0];
                return x > 0 ? 1 + (x - 1) / BITS : -(-x / BITS);
            }
            default: {
                long n = 0;
                for (byte b : (byte[]) v[0]) n += Integer.bitCount(b & 0xff);
                return n;
            }
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new BitmapFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
