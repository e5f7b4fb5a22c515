package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * One partition of a sort-merge join: both inputs sorted ascending by their keys (nulls
 * first), the left side streamed a batch at a time, the right side read one key group at a
 * time into a {@link JoinGroupBuffer} (which spills). Each run of equal left keys is paired
 * with the buffered group; pairs collect across runs of one left batch (at most
 * {@value #MAX_PAIRS} a batch) and are gathered column-wise, then
 * filtered by the residual condition (bound to the left-then-right columns), and the rest is
 * completed by join type: unmatched left rows padded (left/full outer) or kept (semi/anti),
 * unmatched right rows padded (right/full outer) as their group closes or as the merge passes
 * them. Keys with a null never match. Memory: one left batch plus the right group's in-memory
 * part (spilled beyond what the task is granted). Not thread-safe; one per task.
 */
final class SortMergeJoiner {
    private static final int MAX_PAIRS = 8192;

    private final TaskMemory memory;
    private final JoinType type;
    private final Expression[] leftKeys;
    private final Expression[] rightKeys;
    private final Expression condition;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;
    private final KeyComparator cmp;
    private final boolean rightOuter;
    private final boolean semiOrAnti;
    /** Columns of the joined row the condition reads (all false without a condition). */
    private final boolean[] conditionColumns;
    private final ArrayDeque<ColumnBatch> out = new ArrayDeque<>();

    private Iterator<ColumnBatch> right;
    private ColumnBatch rb;
    private ColumnVector[] rk;
    private int rr;
    private long rbRowBytes;
    private int[] rightUnmatched;
    private int rightUnmatchedCount;

    private JoinGroupBuffer group;
    /** The buffer of the last closed group, reused by the next one. */
    private JoinGroupBuffer spare;
    private ColumnVector[] groupKey;
    private int groupRow;
    private int spilledGroups;

    private ColumnBatch leftBatch;
    private boolean[] leftMatched;
    private final int[] pairLeft = new int[MAX_PAIRS];
    private final ColumnBatch[] pairRightBatch = new ColumnBatch[MAX_PAIRS];
    private final int[] pairRight = new int[MAX_PAIRS];
    private final int[] pairOffset = new int[MAX_PAIRS];
    private int pairs;

    SortMergeJoiner(TaskMemory memory, JoinType type, Expression[] leftKeys, Expression[] rightKeys,
                    Expression condition, List<DataType> leftTypes, List<DataType> rightTypes) {
        this.memory = memory;
        this.type = type;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.condition = condition;
        this.leftTypes = leftTypes;
        this.rightTypes = rightTypes;
        this.cmp = KeyComparator.natural(leftKeys.length);
        this.rightOuter = type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
        this.semiOrAnti = type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
        this.conditionColumns = BindReferences.columnsRead(condition, leftTypes.size() + rightTypes.size());
    }

    /** Groups that outgrew memory and were spilled (for tests and metrics). */
    int spilledGroups() {
        return spilledGroups;
    }

    Iterator<ColumnBatch> join(Iterator<ColumnBatch> leftIn, Iterator<ColumnBatch> rightIn) {
        this.right = rightIn;
        return new BatchIterator() {
            boolean finished;

            @Override
            protected ColumnBatch advance() {
                while (out.isEmpty()) {
                    if (leftIn.hasNext()) {
                        joinLeftBatch(leftIn.next());
                    } else if (!finished) {
                        finished = true;
                        finish();
                    } else {
                        return null;
                    }
                }
                return out.poll();
            }
        };
    }

    private static ColumnVector[] eval(Expression[] keys, ColumnBatch b) {
        ColumnVector[] k = new ColumnVector[keys.length];
        for (int i = 0; i < keys.length; i++) {
            k[i] = keys[i].eval(b);
        }
        return k;
    }

    private static boolean anyNull(ColumnVector[] keys, int row) {
        for (ColumnVector k : keys) {
            if (k.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private void joinLeftBatch(ColumnBatch b) {
        int n = b.numRows();
        if (n == 0) {
            return;
        }
        ColumnVector[] lk = eval(leftKeys, b);
        boolean[] matched = new boolean[n];
        leftBatch = b;
        leftMatched = matched;
        int i = 0;
        while (i < n) {
            if (anyNull(lk, i)) {
                i++;
                continue;
            }
            if (group != null) {
                if (cmp.compare(lk, i, groupKey, groupRow) == 0) {
                    int j = i + 1;
                    while (j < n && cmp.compare(lk, j, lk, i) == 0) {
                        j++;
                    }
                    joinRun(b, i, j, matched);
                    i = j;
                    continue;
                }
                closeGroup();
            }
            if (advanceRightTo(lk, i)) {
                openGroup();
            } else {
                i++;
            }
        }
        flushPairs();
        emitLeftRest(b, matched);
    }

    /** Passes right rows with keys below left row {@code i}'s; true if the next right row's key equals it. */
    private boolean advanceRightTo(ColumnVector[] lk, int i) {
        while (rightValid()) {
            if (anyNull(rk, rr)) {
                passRight();
                continue;
            }
            int c = cmp.compare(rk, rr, lk, i);
            if (c < 0) {
                passRight();
                continue;
            }
            return c == 0;
        }
        return false;
    }

    private boolean rightValid() {
        while (rb == null || rr >= rb.numRows()) {
            flushRightUnmatched();
            if (right == null || !right.hasNext()) {
                right = null;
                rb = null;
                return false;
            }
            rb = right.next();
            rk = eval(rightKeys, rb);
            rbRowBytes = rb.sizeInBytes() / Math.max(1, rb.numRows());
            rr = 0;
            rightUnmatched = rightOuter ? new int[rb.numRows()] : null;
        }
        return true;
    }

    /** Moves past the current right row, which matched nothing. */
    private void passRight() {
        if (rightOuter) {
            rightUnmatched[rightUnmatchedCount++] = rr;
        }
        rr++;
    }

    private void flushRightUnmatched() {
        if (rightUnmatchedCount > 0) {
            out.add(assemble(null, null, rb, rightUnmatched, rightUnmatchedCount));
            rightUnmatchedCount = 0;
        }
    }

    /** Reads every right row with the current right row's key into a new group. */
    private void openGroup() {
        groupKey = rk;
        groupRow = rr;
        group = spare != null ? spare : new JoinGroupBuffer(memory, rightTypes, rightOuter);
        spare = null;
        while (rightValid()) {
            int start = rr;
            while (rr < rb.numRows() && cmp.compare(rk, rr, groupKey, groupRow) == 0) {
                rr++;
            }
            group.add(rb, start, rr - start, rbRowBytes);
            if (rr < rb.numRows()) {
                break;
            }
        }
        if (group.spilled()) {
            spilledGroups++;
        }
    }

    /** Ends the current group: its unmatched rows (right/full outer) go out padded. */
    private void closeGroup() {
        flushPairs();
        if (rightOuter) {
            int offset = 0;
            for (Iterator<JoinGroupBuffer.Segment> it = group.segments(); it.hasNext(); ) {
                JoinGroupBuffer.Segment g = it.next();
                int[] rows = new int[g.len()];
                int k = 0;
                for (int q = 0; q < g.len(); q++) {
                    if (!group.isMatched(offset + q)) {
                        rows[k++] = g.start() + q;
                    }
                }
                if (k > 0) {
                    out.add(assemble(null, null, g.batch(), rows, k));
                }
                offset += g.len();
            }
        }
        group.clear();
        spare = group;
        group = null;
    }

    /** Pairs left rows {@code [from, to)} (one key) with the group. */
    private void joinRun(ColumnBatch b, int from, int to, boolean[] matched) {
        if (semiOrAnti && condition == null) {
            for (int r = from; r < to; r++) {
                matched[r] = true;
            }
            return;
        }
        int offset = 0;
        for (Iterator<JoinGroupBuffer.Segment> it = group.segments(); it.hasNext(); ) {
            JoinGroupBuffer.Segment g = it.next();
            for (int r = from; r < to; r++) {
                for (int q = 0; q < g.len(); q++) {
                    pairLeft[pairs] = r;
                    pairRightBatch[pairs] = g.batch();
                    pairRight[pairs] = g.start() + q;
                    pairOffset[pairs] = offset + q;
                    if (++pairs == MAX_PAIRS) {
                        flushPairs();
                    }
                }
            }
            offset += g.len();
        }
    }

    /**
     * Turns the pending pairs (of the current left batch and group) into output and match flags.
     * The condition is evaluated on the columns it reads only; output rows (not for semi and
     * anti joins, which only flag) are gathered for the pairs that pass.
     */
    private void flushPairs() {
        int m = pairs;
        if (m == 0) {
            return;
        }
        pairs = 0;
        int k = m;
        if (condition != null) {
            int[] keep = new int[m];
            k = VectorOps.selectTrue(condition.eval(gatherPairs(m, conditionColumns)), m, keep);
            if (k < m) {
                compactPairs(keep, k);
            }
        }
        for (int p = 0; p < k; p++) {
            leftMatched[pairLeft[p]] = true;
            if (rightOuter) {
                group.markMatched(pairOffset[p]);
            }
        }
        if (!semiOrAnti && k > 0) {
            out.add(gatherPairs(k, null));
        }
        java.util.Arrays.fill(pairRightBatch, 0, m, null);
    }

    /** Keeps pairs {@code keep[0..k)} (ascending), moved to the front. */
    private void compactPairs(int[] keep, int k) {
        for (int p = 0; p < k; p++) {
            int q = keep[p];
            pairLeft[p] = pairLeft[q];
            pairRightBatch[p] = pairRightBatch[q];
            pairRight[p] = pairRight[q];
            pairOffset[p] = pairOffset[q];
        }
    }

    /** The joined rows of the first {@code m} pairs: the columns {@code wanted} marks (null: all; the others stay null). */
    private ColumnBatch gatherPairs(int m, boolean[] wanted) {
        int lw = leftTypes.size();
        ColumnVector[] cols = new ColumnVector[lw + rightTypes.size()];
        for (int c = 0; c < lw; c++) {
            if (wanted == null || wanted[c]) {
                cols[c] = VectorOps.gather(leftBatch.column(c), pairLeft, m);
            }
        }
        for (int c = 0; c < rightTypes.size(); c++) {
            if (wanted == null || wanted[lw + c]) {
                cols[lw + c] = gatherRight(c, m);
            }
        }
        return new ColumnBatch(cols, m);
    }

    /** Right column {@code c} of the first {@code m} pairs, gathered run by run of the same source batch. */
    private ColumnVector gatherRight(int c, int m) {
        List<ColumnBatch> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int p = 1; p <= m; p++) {
            if (p == m || pairRightBatch[p] != pairRightBatch[start]) {
                int[] rows = start == 0 ? pairRight : java.util.Arrays.copyOfRange(pairRight, start, p);
                ColumnVector part = VectorOps.gather(pairRightBatch[start].column(c), rows, p - start);
                parts.add(new ColumnBatch(new ColumnVector[] {part}, p - start));
                start = p;
            }
        }
        return VectorOps.concat(parts, List.of(rightTypes.get(c))).column(0);
    }

    /** Left rows that leave output behind beyond their pairs: padded, kept (semi) or dropped (anti). */
    private void emitLeftRest(ColumnBatch b, boolean[] matched) {
        boolean want;
        if (type == JoinType.LEFT_SEMI) {
            want = true;
        } else if (type == JoinType.LEFT_ANTI || type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER) {
            want = false;
        } else {
            return;
        }
        int n = b.numRows();
        int[] rows = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (matched[r] == want) {
                rows[k++] = r;
            }
        }
        if (k == 0) {
            return;
        }
        if (semiOrAnti) {
            out.add(k == n ? b : VectorOps.gather(b, rows, k));
        } else {
            out.add(assemble(b, rows, null, null, k));
        }
    }

    private void finish() {
        if (group != null) {
            closeGroup();
        }
        if (spare != null) {
            spare.close();
            spare = null;
        }
        if (rightOuter) {
            while (rightValid()) {
                passRight();
            }
        }
        flushRightUnmatched();
    }

    /** Left-then-right columns of {@code m} rows; a null batch gives nulls for its side. */
    private ColumnBatch assemble(ColumnBatch l, int[] lIdx, ColumnBatch r, int[] rIdx, int m) {
        int lw = leftTypes.size();
        ColumnVector[] cols = new ColumnVector[lw + rightTypes.size()];
        for (int c = 0; c < lw; c++) {
            cols[c] = l == null ? ColumnVectors.constant(leftTypes.get(c), null, m) : VectorOps.gather(l.column(c), lIdx, m);
        }
        for (int c = 0; c < rightTypes.size(); c++) {
            cols[lw + c] = r == null ? ColumnVectors.constant(rightTypes.get(c), null, m)
                    : VectorOps.gather(r.column(c), rIdx, m);
        }
        return new ColumnBatch(cols, m);
    }
}
