package io.ember.sql.execution;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/**
 * An aggregate over each row's frame in one window partition. The whole partition: one group,
 * its value repeated. From the partition start to the current row (ROWS) or its last peer
 * (RANGE): a running state read after each row (each peer group). Other ROWS frames: every
 * (row, frame row) pair folded into the row's own group in one vectorized update, in frame
 * order (which {@code first}, {@code last} and {@code nth_value} rely on); a RANGE frame with
 * value offsets finds each row's frame by its order key ({@link RangeFrameBounds}) and folds the
 * same way. Stateless between partitions.
 */
final class FrameAggregator {
    private FrameAggregator() {}

    /**
     * The aggregate over every row's frame; {@code orderKey} (the single ordering column, null when
     * the ordering has several) and {@code ascending} place RANGE frames with value offsets.
     */
    static ColumnVector evaluate(AggregateFunction f, Expression[] inputs, WindowFrame frame, ColumnBatch rows, int[] peer,
                                 ColumnVector orderKey, boolean ascending) {
        int n = rows.numRows();
        ColumnVector[] in = new ColumnVector[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = inputs[i].eval(rows);
        }
        boolean fromStart = frame.lower() == WindowFrame.UNBOUNDED_PRECEDING;
        if (fromStart && frame.upper() == WindowFrame.UNBOUNDED_FOLLOWING) {
            AggregateState s = f.newState();
            s.update(new int[n], n, in);
            ColumnVector one = s.result(1);
            int[] zeros = new int[n];
            return VectorOps.gather(one, zeros, n);
        }
        if (fromStart && frame.upper() == WindowFrame.CURRENT_ROW) {
            return running(f, in, n, frame.rows() ? null : peer);
        }
        int[] lo = new int[n];
        int[] hi = new int[n];
        if (!frame.rows()) {
            if (orderKey == null) {
                throw new IllegalStateException("a RANGE frame with value offsets needs one ordering column: " + frame.sql());
            }
            RangeFrameBounds.compute(frame, orderKey, ascending, n, lo, hi);
        } else {
            for (int i = 0; i < n; i++) {
                lo[i] = (int) Math.max(0, frame.lower() == WindowFrame.UNBOUNDED_PRECEDING ? 0 : Math.min(n, i + frame.lower()));
                hi[i] = (int) Math.min(n - 1, frame.upper() == WindowFrame.UNBOUNDED_FOLLOWING ? n - 1 : i + frame.upper());
            }
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.max(0, hi[i] - lo[i] + 1);
        }
        int[] groups = new int[total];
        int[] members = new int[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = lo[i]; j <= hi[i]; j++) {
                groups[k] = i;
                members[k++] = j;
            }
        }
        ColumnVector[] gathered = new ColumnVector[in.length];
        for (int c = 0; c < in.length; c++) {
            gathered[c] = VectorOps.gather(in[c], members, total);
        }
        AggregateState s = f.newState();
        s.update(groups, total, gathered);
        return s.result(n);
    }

    /** A running aggregate: rows folded in order, the value read after each row (or each peer group). */
    private static ColumnVector running(AggregateFunction f, ColumnVector[] in, int n, int[] peer) {
        AggregateState s = f.newState();
        ColumnVector[] values = new ColumnVector[n];
        int[] which = new int[n];
        int produced = 0;
        int i = 0;
        while (i < n) {
            int end = i + 1;
            if (peer != null) {
                while (end < n && peer[end] == peer[i]) {
                    end++;
                }
            }
            int len = end - i;
            int[] rows = new int[len];
            for (int r = 0; r < len; r++) {
                rows[r] = i + r;
            }
            ColumnVector[] slice = new ColumnVector[in.length];
            for (int c = 0; c < in.length; c++) {
                slice[c] = VectorOps.gather(in[c], rows, len);
            }
            s.update(new int[len], len, slice);
            values[produced] = s.result(1);
            for (int r = i; r < end; r++) {
                which[r] = produced;
            }
            produced++;
            i = end;
        }
        ColumnVector[] picked = new ColumnVector[n];
        for (int r = 0; r < n; r++) {
            picked[r] = values[which[r]];
        }
        return concatSingles(picked, n, f);
    }

    private static ColumnVector concatSingles(ColumnVector[] singles, int n, AggregateFunction f) {
        ColumnVector out = io.ember.sql.vector.ColumnVectors.allocate(f.dataType(), n);
        for (int r = 0; r < n; r++) {
            BatchAppender.copyValue(singles[r], 0, out, r);
        }
        return out;
    }
}
