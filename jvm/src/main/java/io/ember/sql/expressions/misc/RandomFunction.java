package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * {@code rand(seed)}, {@code randn(seed)} and {@code uniform(min, max, seed)}: each task draws from
 * Spark's generator seeded with {@code seed + partition index}, continuing across the task's
 * batches, so results match Spark's for the same partitioning. Arguments are constants.
 */
public final class RandomFunction extends Expression {
    private static final long serialVersionUID = 1L;

    /** Which distribution. */
    public enum Kind { RAND, RANDN, UNIFORM }

    private final Kind kind;
    private final String name;
    private final List<Expression> args;
    private final TaskLocal<XorShiftRandom> rng = new TaskLocal<>();

    public RandomFunction(Kind kind, String name, List<Expression> args) {
        this.kind = kind;
        this.name = name;
        this.args = List.copyOf(args);
    }

    private long seed() {
        Object s = args.get(args.size() - 1).evalConstant();
        return s == null ? 0L : ((Number) s).longValue();
    }

    @Override
    public DataType dataType() {
        if (kind != Kind.UNIFORM) return DataTypes.DoubleType;
        DataType a = args.get(0).dataType();
        DataType b = args.get(1).dataType();
        boolean integral = (a.equals(DataTypes.IntegerType) || a.equals(DataTypes.LongType))
                && (b.equals(DataTypes.IntegerType) || b.equals(DataTypes.LongType));
        if (!integral) return DataTypes.DoubleType;
        return a.equals(DataTypes.LongType) || b.equals(DataTypes.LongType) ? DataTypes.LongType : DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        XorShiftRandom r = rng.get(p -> new XorShiftRandom(seed() + p));
        int n = batch.numRows();
        Object[] out = new Object[n];
        DataType t = dataType();
        double lo = kind == Kind.UNIFORM ? ((Number) args.get(0).evalConstant()).doubleValue() : 0;
        double hi = kind == Kind.UNIFORM ? ((Number) args.get(1).evalConstant()).doubleValue() : 0;
        for (int i = 0; i < n; i++) {
            if (kind == Kind.RANDN) {
                out[i] = r.nextGaussian();
                continue;
            }
            double d = r.nextDouble();
            if (kind == Kind.RAND) {
                out[i] = d;
                continue;
            }
            double v = lo + d * (hi - lo);
            out[i] = t.equals(DataTypes.DoubleType) ? (Object) v : t.equals(DataTypes.LongType) ? (Object) (long) v : (Object) (int) v;
        }
        return Vectors.fromObjects(t, out);
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(name, args);
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new RandomFunction(kind, name, c);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, name);
    }
}
