package io.ember.sql.expressions;

import io.ember.sql.trees.TreeNode;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A node of an expression tree. A subclass defines its type and nullability (once resolved),
 * how it evaluates over a whole {@link ColumnBatch} (a vectorized kernel returning one value
 * per row), and the SQL text Spark would show for it, which also names an unaliased column.
 *
 * <p>Expressions are evaluated on executors, against batches whose columns are the child
 * operator's output in order ({@link BoundReference}s point into them).
 */
public abstract class Expression extends TreeNode<Expression> {
    private static final long serialVersionUID = 1L;

    /** {@link #resolved}'s answer once asked (a benign race: any thread computes the same value). */
    private transient Boolean resolvedMemo;

    public abstract DataType dataType();

    public abstract boolean nullable();

    /** Evaluates over every row of {@code batch}; the result has {@code batch.numRows()} values. */
    public abstract ColumnVector eval(ColumnBatch batch);

    /** The SQL text of this expression: {@code (a + 1)}, {@code sum(b)}, {@code CAST(x AS INT)}. */
    public abstract String sql();

    /** True when the value does not depend on any row (constant folding may evaluate it). */
    public boolean foldable() {
        return false;
    }

    /** False for expressions whose value may differ between evaluations ({@code rand()}). */
    public boolean deterministic() {
        for (Expression c : children()) {
            if (!c.deterministic()) {
                return false;
            }
        }
        return true;
    }

    /**
     * True once every name and function in the tree is resolved and the input types check.
     * Computed once per node (nodes are immutable; see {@code LogicalPlan.resolved}).
     */
    public final boolean resolved() {
        Boolean r = resolvedMemo;
        if (r == null) {
            r = computeResolved();
            resolvedMemo = r;
        }
        return r;
    }

    /** Whether this node is resolved; {@link #resolved} memoizes it. */
    protected boolean computeResolved() {
        return childrenResolved() && checkInputDataTypes().isSuccess();
    }

    /**
     * Whether the children's types suit this expression (called once they are resolved and
     * coerced). A failure names the mismatch; {@link TypeCheckResult#toException} turns it into
     * Spark's {@code DATATYPE_MISMATCH} analysis error.
     */
    public TypeCheckResult checkInputDataTypes() {
        return TypeCheckResult.success();
    }

    public final boolean childrenResolved() {
        for (Expression c : children()) {
            if (!c.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Evaluates a foldable expression to its internal value (null allowed). */
    public final Object evalConstant() {
        return eval(ColumnBatch.empty(1)).get(0);
    }

    /** The attributes this expression reads. */
    public final Set<AttributeReference> references() {
        Set<AttributeReference> refs = new LinkedHashSet<>();
        foreach(e -> {
            if (e instanceof AttributeReference a) {
                refs.add(a);
            }
        });
        return refs;
    }

    @Override
    public String toString() {
        return sql();
    }
}
