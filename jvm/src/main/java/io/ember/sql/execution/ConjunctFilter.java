package io.ember.sql.execution;

import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter condition split into its top-level conjuncts, applied one after another on a
 * shrinking selection: the first conjunct sees every row, each later one only the rows all
 * earlier ones kept (its few input columns gathered at those rows). This is what Spark's
 * generated filter code does row by row (a row leaves at the first conjunct that is false or
 * null), so a later conjunct never runs, nor raises an ANSI error, on a row already dropped.
 *
 * <p>Each conjunct is bound to just the columns it reads. A condition that is not deterministic
 * stays one conjunct evaluated over the whole batch, as before. Immutable; safe to share.
 */
final class ConjunctFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Per conjunct: the input ordinals it reads, and the conjunct bound to exactly those. */
    private final int[][] columns;
    private final Expression[] conjuncts;

    ConjunctFilter(Expression condition, List<AttributeReference> input) {
        List<Expression> parts = new ArrayList<>();
        if (condition.deterministic()) {
            split(condition, parts);
        } else {
            parts.add(condition);
        }
        columns = new int[parts.size()][];
        conjuncts = new Expression[parts.size()];
        Expression[] whole = BindReferences.bindAll(parts, input).toArray(new Expression[0]);
        for (int c = 0; c < parts.size(); c++) {
            boolean[] read = BindReferences.columnsRead(whole[c], input.size());
            List<AttributeReference> narrowed = new ArrayList<>();
            int[] ords = new int[countTrue(read)];
            int k = 0;
            for (int i = 0; i < read.length; i++) {
                if (read[i]) {
                    ords[k++] = i;
                    narrowed.add(input.get(i));
                }
            }
            columns[c] = ords;
            conjuncts[c] = BindReferences.bind(parts.get(c), narrowed);
        }
    }

    private static void split(Expression e, List<Expression> out) {
        if (e instanceof And a) {
            split(a.left(), out);
            split(a.right(), out);
        } else {
            out.add(e);
        }
    }

    private static int countTrue(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** How many conjuncts the condition was split into. */
    int size() {
        return conjuncts.length;
    }

    /**
     * Writes the ascending indices of the rows of {@code b} every conjunct holds true for into
     * {@code rows} (at least {@code b.numRows()} long) and returns their count.
     */
    int select(ColumnBatch b, int[] rows) {
        int n = b.numRows();
        int kept = VectorOps.selectTrue(conjuncts[0].eval(view(b, columns[0])), n, rows);
        for (int c = 1; c < conjuncts.length && kept > 0; c++) {
            if (kept == n) {
                kept = VectorOps.selectTrue(conjuncts[c].eval(view(b, columns[c])), n, rows);
                continue;
            }
            ColumnVector p = conjuncts[c].eval(VectorOps.gather(b, columns[c], rows, kept));
            kept = VectorOps.compactTrue(p, rows, kept);
        }
        return kept;
    }

    /** The columns {@code ords} of {@code b}, uncopied. */
    static ColumnBatch view(ColumnBatch b, int[] ords) {
        ColumnVector[] cols = new ColumnVector[ords.length];
        for (int i = 0; i < ords.length; i++) {
            cols[i] = b.column(ords[i]);
        }
        return new ColumnBatch(cols, b.numRows());
    }
}
