package io.ember.sql.expressions;

import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.BitSet;

/**
 * Evaluates a branch of a conditional ({@code CASE}, {@code IF}, a later {@code COALESCE}
 * argument) on the rows that reach it
 * only, as Spark evaluates them row by row: a branch that would fail on rows it is not taken
 * for ({@code CASE WHEN x <> 0 THEN 10 / x END} under ANSI, on a batch holding x = 0) must not
 * fail the query, and a later condition is not asked of rows an earlier one took. The rows'
 * columns that the expression reads are copied into a batch of just those rows. Stateless.
 */
final class BranchRows {
    private BranchRows() {}

    /**
     * {@code e} over rows {@code rows[0, k)} of {@code batch} (ascending), as a vector of
     * {@code k} rows in that order; the whole batch's evaluation when they are all its rows.
     */
    static ColumnVector eval(Expression e, ColumnBatch batch, int[] rows, int k) {
        if (k == batch.numRows()) {
            return e.eval(batch);
        }
        BitSet read = new BitSet();
        ordinals(e, read);
        ColumnVector[] in = batch.columns();
        ColumnVector[] sub = new ColumnVector[in.length];
        for (int c = read.nextSetBit(0); c >= 0 && c < in.length; c = read.nextSetBit(c + 1)) {
            ColumnVector v = in[c];
            ColumnVector out = ColumnVectors.allocate(v.dataType(), k);
            for (int i = 0; i < k; i++) {
                Vectors.copy(v, rows[i], out, i);
            }
            sub[c] = out;
        }
        return e.eval(new ColumnBatch(sub, k));
    }

    /**
     * Writes {@code e}'s values for rows {@code rows[0, k)} of {@code batch} into {@code out} at
     * those rows. A column or a literal cannot fail and is read from the whole batch's vector.
     */
    static void fill(Expression e, ColumnBatch batch, int[] rows, int k, ColumnVector out) {
        if (k == batch.numRows() || e instanceof BoundReference || e instanceof Literal) {
            ColumnVector v = e.eval(batch);
            for (int p = 0; p < k; p++) {
                Vectors.copy(v, rows[p], out, rows[p]);
            }
            return;
        }
        ColumnVector v = eval(e, batch, rows, k);
        for (int p = 0; p < k; p++) {
            Vectors.copy(v, p, out, rows[p]);
        }
    }

    /** The rows {@code 0..n-1}. */
    static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static void ordinals(Expression e, BitSet into) {
        if (e instanceof BoundReference b) {
            into.set(b.ordinal());
        }
        for (Expression c : e.children()) {
            ordinals(c, into);
        }
    }
}
