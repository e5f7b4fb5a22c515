package io.ember.sql.execution;

import io.ember.sql.expressions.AggregateState;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/**
 * Turns raw rows into partial rows without hashing: row r becomes group r of fresh states, so
 * each output row is (the row's keys, the state of that one row). Used once a partial
 * aggregate has found that it reduces almost nothing ({@link PartialSkipPolicy}); correct for
 * every aggregate because it goes through the functions' own {@code update} and
 * {@code partials}. Not thread-safe: one task owns it.
 */
final class PassThroughPartials {
    private final AggregateSpec spec;
    private final int width;
    private int[] identity = new int[0];

    PassThroughPartials(AggregateSpec spec) {
        this.spec = spec;
        this.width = spec.partialTypes().size();
    }

    /** The partial rows of one raw batch, in the layout of {@link AggregateSpec#partialTypes()}. */
    ColumnBatch convert(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnBatch raw = spec.prepare(batch);
        if (identity.length < n) {
            identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
        }
        ColumnVector[] keys = spec.evalKeys(raw);
        ColumnVector[] cols = new ColumnVector[width];
        System.arraycopy(keys, 0, cols, 0, keys.length);
        int col = keys.length;
        for (int f = 0; f < spec.functions().length; f++) {
            AggregateState state = spec.functions()[f].newState();
            state.update(identity, n, spec.evalInputs(f, raw));
            for (ColumnVector v : state.partials(n)) {
                cols[col++] = v;
            }
        }
        return new ColumnBatch(cols, n);
    }
}
