package io.ember.sql.execution;

import io.ember.sql.expressions.BinaryArithmetic;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnaryMinus;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subexpression elimination across a set of bound expressions evaluated over the same batch
 * (an aggregate's keys and function inputs): a deterministic subtree that occurs more than
 * once is evaluated once per batch, as an extra column appended after the input's columns, and
 * every occurrence reads that column. TPC-H q1's {@code sum(p * (1 - d))} and
 * {@code sum(p * (1 - d) * (1 + t))} then compute {@code p * (1 - d)} once, as Spark's
 * generated code does.
 *
 * <p>Errors stay as they were: a subtree is hoisted only if at least one occurrence is
 * evaluated on every row of the batch anyway (reached from a root through operators that
 * evaluate their children over the whole batch: arithmetic, casts, negation), never one that
 * only appears under a CASE, IF, COALESCE, AND or OR that may skip rows. Hoisted subtrees are
 * found smallest first, so a later one may read an earlier one's column. Immutable.
 */
final class CommonSubexpressions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int width;
    /** Column {@code width + i} of the extended batch is {@code hoisted[i]}, bound over the columns before it. */
    private final Expression[] hoisted;
    private final Expression[] rewritten;

    private CommonSubexpressions(int width, Expression[] hoisted, Expression[] rewritten) {
        this.width = width;
        this.hoisted = hoisted;
        this.rewritten = rewritten;
    }

    /** Finds the common subtrees of {@code roots}, all bound to a batch of {@code width} columns. */
    static CommonSubexpressions of(Expression[] roots, int width) {
        Expression[] current = roots.clone();
        List<Expression> hoisted = new ArrayList<>();
        while (true) {
            Expression pick = smallestRepeated(current);
            if (pick == null) {
                break;
            }
            Expression ref = new BoundReference(width + hoisted.size(), pick.dataType(), pick.nullable());
            hoisted.add(pick);
            for (int i = 0; i < current.length; i++) {
                current[i] = current[i].transformDown(x -> x.equals(pick) ? ref : x);
            }
        }
        return new CommonSubexpressions(width, hoisted.toArray(new Expression[0]), current);
    }

    /** Per candidate subtree: occurrences, and whether one is evaluated on every row. */
    private static final class Seen {
        int count;
        boolean everyRow;
    }

    private static Expression smallestRepeated(Expression[] roots) {
        Map<Expression, Seen> seen = new LinkedHashMap<>();
        for (Expression r : roots) {
            visit(r, true, seen);
        }
        Expression best = null;
        int bestSize = Integer.MAX_VALUE;
        for (Map.Entry<Expression, Seen> e : seen.entrySet()) {
            if (e.getValue().count >= 2 && e.getValue().everyRow) {
                int size = size(e.getKey());
                if (size < bestSize) {
                    best = e.getKey();
                    bestSize = size;
                }
            }
        }
        return best;
    }

    private static void visit(Expression e, boolean everyRow, Map<Expression, Seen> seen) {
        if (e.children().isEmpty() || e.foldable() || !e.deterministic()) {
            return;
        }
        Seen s = seen.computeIfAbsent(e, k -> new Seen());
        s.count++;
        s.everyRow |= everyRow;
        boolean childrenEveryRow = everyRow && evaluatesChildrenOnEveryRow(e);
        for (Expression c : e.children()) {
            visit(c, childrenEveryRow, seen);
        }
    }

    private static boolean evaluatesChildrenOnEveryRow(Expression e) {
        return e instanceof BinaryArithmetic || e instanceof Cast || e instanceof UnaryMinus;
    }

    private static int size(Expression e) {
        int n = 1;
        for (Expression c : e.children()) {
            n += size(c);
        }
        return n;
    }

    /** The roots, in order, bound to the extended batch ({@link #extend}). */
    Expression[] rewritten() {
        return rewritten.clone();
    }

    /** How many subtrees are evaluated once per batch. */
    int size() {
        return hoisted.length;
    }

    /** {@code raw} with the hoisted subtrees' columns appended (or {@code raw} itself when there are none). */
    ColumnBatch extend(ColumnBatch raw) {
        if (hoisted.length == 0) {
            return raw;
        }
        ColumnVector[] cols = Arrays.copyOf(raw.columns(), width + hoisted.length);
        for (int i = 0; i < hoisted.length; i++) {
            ColumnBatch before = new ColumnBatch(Arrays.copyOf(cols, width + i), raw.numRows());
            cols[width + i] = hoisted[i].eval(before);
        }
        return new ColumnBatch(cols, raw.numRows());
    }
}
