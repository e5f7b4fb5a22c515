package io.ember.sql.expressions;

import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/**
 * A function of a row's position in its ordered window partition ({@code row_number},
 * {@code rank}, {@code lag}, ...): the window operator hands it one whole partition at a time,
 * sorted, and it returns one value per row. Only the window operator evaluates it.
 */
public abstract class WindowFunction extends Expression {
    private static final long serialVersionUID = 1L;

    /**
     * One window partition: its rows in order ({@code rows}, the operator's input columns) and,
     * per row, the index of its peer group (rows with equal order keys share one; 0, 1, 2, ...).
     */
    public record Partition(ColumnBatch rows, int[] peerGroup, int numPeerGroups) {
        public int numRows() {
            return rows.numRows();
        }
    }

    /** The value for every row of the partition. */
    public abstract ColumnVector evaluate(Partition partition);

    @Override
    public final ColumnVector eval(ColumnBatch batch) {
        throw new UnsupportedOperationException(sql() + " is a window function; only a window operator evaluates it");
    }
}
