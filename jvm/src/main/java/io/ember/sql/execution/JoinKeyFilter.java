package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnaryExpression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/**
 * Whether a probe row's join key is among a broadcast build side's keys (false for null): a
 * runtime filter a broadcast hash join hands the scan under its stream side
 * ({@link RuntimeFilters}), so that a Parquet reader decodes the other columns only for rows
 * that can join. It drops only rows the join drops anyway (an inner or left semi join on that
 * key), never raises an error and keeps no state, so a reader may evaluate it early, or not at
 * all. It is never part of a plan the user sees; equality is identity (each run builds its own).
 */
public final class JoinKeyFilter extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final Shared<JoinKeySet> keys;

    JoinKeyFilter(Expression key, Shared<JoinKeySet> keys) {
        super(key);
        this.keys = keys;
    }

    /**
     * The filter of {@code key} by the non-null values among the first {@code n} of
     * {@code buildKeys} (int- or long-backed), held in the filter itself rather than broadcast.
     */
    public static JoinKeyFilter of(Expression key, ColumnVector buildKeys, int n) {
        return new JoinKeyFilter(key, Shared.local(JoinKeySet.of(buildKeys, n)));
    }

    /** Whether a join key of this type can be tested ({@link JoinKeySet} holds int- and long-backed values). */
    static boolean supports(DataType t) {
        return DataTypes.isLongBacked(t) || DataTypes.isIntBacked(t);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public BooleanVector eval(ColumnBatch batch) {
        ColumnVector k = child.eval(batch);
        return new BooleanVector(DataTypes.BooleanType, keys.get().containsEach(k, batch.numRows()), null);
    }

    /**
     * The rows of {@code key} (all {@code n} when {@code kept < 0}, else {@code into[0, kept)})
     * that pass, ascending, into {@code into}; returns how many. For a reader that holds a
     * selection already: the same answer as {@link #eval} without a boolean per row.
     */
    public int keep(ColumnVector key, int n, int[] into, int kept) {
        return keys.get().keep(key, n, into, kept);
    }

    @Override
    public String sql() {
        return "join_key_filter(" + child.sql() + ")";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new JoinKeyFilter(c, keys);
    }

    @Override
    protected java.util.List<Object> args() {
        return java.util.List.of(keys); // compared by identity: each run builds its own
    }
}
