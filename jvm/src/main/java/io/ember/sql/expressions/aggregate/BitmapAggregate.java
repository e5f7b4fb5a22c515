package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bitmap_construct_agg(position)} (a 4096-byte bitmap with the positions' bits set,
 * least significant bit first), {@code bitmap_or_agg(bitmap)} and {@code bitmap_and_agg(bitmap)}.
 * The partial state is the bitmap so far (null while a group has seen nothing).
 */
public final class BitmapAggregate extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;
    private static final int BYTES = (int) (BitmapFunction.BITS / 8);

    /** Which aggregate. */
    public enum Kind { BITMAP_CONSTRUCT_AGG, BITMAP_OR_AGG, BITMAP_AND_AGG }

    private final Expression child;
    private final Kind kind;

    public BitmapAggregate(Expression child, Kind kind) {
        this.child = child;
        this.kind = kind;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(kind == Kind.BITMAP_CONSTRUCT_AGG ? InputType.LONG : InputType.BINARY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return DataTypes.BinaryType;
    }

    @Override
    public boolean nullable() {
        return kind != Kind.BITMAP_CONSTRUCT_AGG;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataTypes.BinaryType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(kind.name().toLowerCase(java.util.Locale.ROOT), List.of(child));
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new BitmapAggregate(c.get(0), kind);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }

    private final class State extends GroupedState {
        private byte[][] maps = new byte[0][];

        @Override
        protected void resize(int c) {
            maps = Arrays.copyOf(maps, c);
        }

        private void combine(int k, byte[] m) {
            if (maps[k] == null) {
                maps[k] = m.clone();
                return;
            }
            for (int i = 0; i < Math.min(m.length, BYTES); i++) {
                maps[k][i] = (byte) (kind == Kind.BITMAP_AND_AGG ? maps[k][i] & m[i] : maps[k][i] | m[i]);
            }
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] in) {
            ensure(g, rows);
            for (int i = 0; i < rows; i++) {
                Object v = in[0].get(i);
                if (v == null) continue;
                if (kind != Kind.BITMAP_CONSTRUCT_AGG) {
                    combine(g[i], Arrays.copyOf((byte[]) v, BYTES));
                    continue;
                }
                long p = (Long) v;
                if (p < 0 || p >= BitmapFunction.BITS) {
                    throw new ExpressionEvalException("INVALID_BITMAP_POSITION", "The 0-indexed bitmap position " + p
                            + " is out of bounds. The bitmap has " + BitmapFunction.BITS + " bits (" + BYTES + " bytes).",
                            Map.of("bitPosition", String.valueOf(p), "bitmapNumBytes", String.valueOf(BYTES),
                                    "bitmapNumBits", String.valueOf(BitmapFunction.BITS)));
                }
                if (maps[g[i]] == null) maps[g[i]] = new byte[BYTES];
                maps[g[i]][(int) (p / 8)] |= (byte) (1 << (p % 8));
            }
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            ensure(g, rows);
            for (int i = 0; i < rows; i++) {
                Object v = p[0].get(i);
                if (v != null) combine(g[i], (byte[]) v);
            }
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            return new ColumnVector[] {Vectors.fromObjects(DataTypes.BinaryType, Arrays.copyOf(maps, groups, Object[].class))};
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            Object[] out = Arrays.copyOf(maps, groups, Object[].class);
            if (kind == Kind.BITMAP_CONSTRUCT_AGG) {
                for (int k = 0; k < groups; k++) out[k] = out[k] == null ? new byte[BYTES] : out[k];
            }
            return Vectors.fromObjects(DataTypes.BinaryType, out);
        }

        @Override
        public long sizeInBytes() {
            return (long) BYTES * capacity;
        }
    }
}
