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
 * Joins a stream of batches against a {@link HashedRelation}, for every join type a hash join
 * can run: matching row pairs are gathered column-wise into batches (at most
 * {@value #MAX_PAIRS} pairs each), filtered by the residual {@code condition} (bound to the
 * left-then-right columns), and completed by join type: unmatched stream rows padded with
 * nulls (outer side streamed), stream rows with / without a match (semi / anti), and at the end
 * unmatched build rows (outer side built). A semi or anti join may build its left side (a
 * shuffled join whose left partition is the smaller): the right rows stream through it, mark
 * the build rows they match, and the marked (semi) or unmarked (anti) build rows are the output,
 * at the end. One per task; not thread-safe.
 */
final class HashJoiner {
    private static final int MAX_PAIRS = 8192;

    private final JoinType type;
    private final JoinSide build;
    private final HashedRelation rel;
    private final Expression[] streamKeys;
    private final Expression condition;
    private final List<DataType> streamTypes;
    private final boolean[] buildMatched;
    /** A semi or anti join building its left side: the output is build rows, chosen at the end. */
    private final boolean buildSemi;
    /** Columns of the joined row (left then right) the condition reads. */
    private final boolean[] conditionColumns;

    HashJoiner(JoinType type, JoinSide build, HashedRelation rel, Expression[] streamKeys, Expression condition,
               List<DataType> streamTypes) {
        this.type = type;
        this.build = build;
        this.rel = rel;
        this.streamKeys = streamKeys;
        this.condition = condition;
        this.streamTypes = streamTypes;
        this.buildSemi = build == JoinSide.LEFT && (type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI);
        this.buildMatched = buildOuter() || buildSemi ? new boolean[rel.numRows()] : null;
        this.conditionColumns = BindReferences.columnsRead(condition, streamTypes.size() + rel.rows.numColumns());
    }

    /** True if unmatched build rows are part of the output. */
    private boolean buildOuter() {
        return type == JoinType.FULL_OUTER
                || (build == JoinSide.RIGHT && type == JoinType.RIGHT_OUTER)
                || (build == JoinSide.LEFT && type == JoinType.LEFT_OUTER);
    }

    /** True if unmatched stream rows are part of the output (padded). */
    private boolean streamOuter() {
        return type == JoinType.FULL_OUTER
                || (build == JoinSide.RIGHT && type == JoinType.LEFT_OUTER)
                || (build == JoinSide.LEFT && type == JoinType.RIGHT_OUTER);
    }

    Iterator<ColumnBatch> join(Iterator<ColumnBatch> stream) {
        ArrayDeque<ColumnBatch> out = new ArrayDeque<>();
        return new BatchIterator() {
            boolean finished;

            @Override
            protected ColumnBatch advance() {
                while (out.isEmpty()) {
                    if (stream.hasNext()) {
                        joinBatch(stream.next(), out);
                    } else if (!finished) {
                        finished = true;
                        if (buildSemi) {
                            emitBuildRows(type == JoinType.LEFT_SEMI, out);
                        } else if (buildMatched != null) {
                            emitUnmatchedBuild(out);
                        }
                    } else {
                        return null;
                    }
                }
                return out.poll();
            }
        };
    }

    private void joinBatch(ColumnBatch s, ArrayDeque<ColumnBatch> out) {
        int n = s.numRows();
        if (n == 0) {
            return;
        }
        ColumnVector[] keys = new ColumnVector[streamKeys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = streamKeys[k].eval(s);
        }
        int[] first = new int[n];
        rel.firstRows(keys, n, first);
        boolean[] streamMatched = new boolean[n];
        if (buildSemi) {
            markBuildRows(s, first, streamMatched, out);
            return;
        }
        boolean semiOrAnti = type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
        int[] sIdx = new int[MAX_PAIRS];
        int[] bIdx = new int[MAX_PAIRS];
        int m = 0;
        if (semiOrAnti && condition == null) {
            for (int r = 0; r < n; r++) {
                streamMatched[r] = first[r] >= 0;
            }
        } else if (semiOrAnti) {
            matchInRounds(s, first, streamMatched, out);
        } else {
            for (int r = 0; r < n; r++) {
                for (int b = first[r]; b >= 0; b = rel.next(b)) {
                    sIdx[m] = r;
                    bIdx[m] = b;
                    if (++m == MAX_PAIRS) {
                        emitPairs(s, sIdx, bIdx, m, streamMatched, out, semiOrAnti);
                        m = 0;
                    }
                }
            }
        }
        if (m > 0) {
            emitPairs(s, sIdx, bIdx, m, streamMatched, out, semiOrAnti);
        }
        if (semiOrAnti || streamOuter()) {
            boolean want = type == JoinType.LEFT_SEMI;
            int[] rows = new int[n];
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (streamMatched[r] == want) {
                    rows[k++] = r;
                }
            }
            if (k > 0 && semiOrAnti) {
                out.add(k == n ? s : VectorOps.gather(s, rows, k));
            } else if (k > 0) {
                out.add(assemble(s, rows, null, k));
            }
        }
    }

    /**
     * Semi and anti joins with a condition only ask whether a stream row has a passing pair, so
     * its candidates are tried in rounds, each taking the next 1, 2, 4, ... build rows of every
     * row still unmatched, and a row stops at its first passing pair (the way Spark's joins stop
     * at the first match). {@code cand} holds each row's next candidate and is consumed.
     */
    private void matchInRounds(ColumnBatch s, int[] cand, boolean[] matched, ArrayDeque<ColumnBatch> out) {
        int n = s.numRows();
        int[] active = new int[n];
        int live = 0;
        for (int r = 0; r < n; r++) {
            if (cand[r] >= 0) {
                active[live++] = r;
            }
        }
        int[] sIdx = new int[MAX_PAIRS];
        int[] bIdx = new int[MAX_PAIRS];
        int perRow = 1;
        while (live > 0) {
            int m = 0;
            int stillLive = 0;
            for (int i = 0; i < live; i++) {
                int r = active[i];
                int b = cand[r];
                for (int t = 0; t < perRow && b >= 0; t++) {
                    if (m == MAX_PAIRS) {
                        emitPairs(s, sIdx, bIdx, m, matched, out, true);
                        m = 0;
                    }
                    sIdx[m] = r;
                    bIdx[m++] = b;
                    b = rel.next(b);
                }
                cand[r] = b;
                if (b >= 0) {
                    active[stillLive++] = r;
                }
            }
            if (m > 0) {
                emitPairs(s, sIdx, bIdx, m, matched, out, true);
            }
            live = 0;
            for (int i = 0; i < stillLive; i++) {
                if (!matched[active[i]]) {
                    active[live++] = active[i];
                }
            }
            perRow = Math.min(perRow * 2, MAX_PAIRS);
        }
    }

    /**
     * Filters candidate pairs by the condition (evaluated on the columns it reads only), records
     * matches, and outputs the passing pairs unless semi/anti.
     */
    private void emitPairs(ColumnBatch s, int[] sIdx, int[] bIdx, int m, boolean[] streamMatched,
                           ArrayDeque<ColumnBatch> out, boolean semiOrAnti) {
        if (condition != null) {
            int[] keep = new int[m];
            int k = VectorOps.selectTrue(condition.eval(assemble(s, sIdx, bIdx, m, conditionColumns)), m, keep);
            if (k < m) {
                int[] s2 = new int[k];
                int[] b2 = new int[k];
                for (int i = 0; i < k; i++) {
                    s2[i] = sIdx[keep[i]];
                    b2[i] = bIdx[keep[i]];
                }
                sIdx = s2;
                bIdx = b2;
                m = k;
            }
        }
        for (int i = 0; i < m; i++) {
            streamMatched[sIdx[i]] = true;
            if (buildMatched != null) {
                buildMatched[bIdx[i]] = true;
            }
        }
        if (!semiOrAnti && m > 0) {
            out.add(assemble(s, sIdx, bIdx, m));
        }
    }

    /**
     * Marks the build rows (left side of a semi or anti join) that a stream batch matches. A
     * marked row needs no further pair: without a condition a key's rows are marked together,
     * so a chain stops at its first marked row; with one, only unmarked rows are paired.
     */
    private void markBuildRows(ColumnBatch s, int[] first, boolean[] streamMatched, ArrayDeque<ColumnBatch> out) {
        int n = s.numRows();
        if (condition == null) {
            for (int r = 0; r < n; r++) {
                for (int b = first[r]; b >= 0 && !buildMatched[b]; b = rel.next(b)) {
                    buildMatched[b] = true;
                }
            }
            return;
        }
        int[] sIdx = new int[MAX_PAIRS];
        int[] bIdx = new int[MAX_PAIRS];
        int m = 0;
        for (int r = 0; r < n; r++) {
            for (int b = first[r]; b >= 0; b = rel.next(b)) {
                if (!buildMatched[b]) {
                    sIdx[m] = r;
                    bIdx[m] = b;
                    if (++m == MAX_PAIRS) {
                        emitPairs(s, sIdx, bIdx, m, streamMatched, out, true);
                        m = 0;
                    }
                }
            }
        }
        if (m > 0) {
            emitPairs(s, sIdx, bIdx, m, streamMatched, out, true);
        }
    }

    /** The build rows whose matched flag is {@code matched}, build columns only (a left-built semi or anti join). */
    private void emitBuildRows(boolean matched, ArrayDeque<ColumnBatch> out) {
        int[] rows = new int[ColumnBatch.DEFAULT_ROWS];
        int k = 0;
        for (int b = 0; b < buildMatched.length; b++) {
            if (buildMatched[b] == matched) {
                rows[k++] = b;
                if (k == rows.length) {
                    out.add(VectorOps.gather(rel.rows, rows, k));
                    rows = new int[ColumnBatch.DEFAULT_ROWS];
                    k = 0;
                }
            }
        }
        if (k > 0) {
            out.add(VectorOps.gather(rel.rows, rows, k));
        }
    }

    private void emitUnmatchedBuild(ArrayDeque<ColumnBatch> out) {
        int[] rows = new int[ColumnBatch.DEFAULT_ROWS];
        int k = 0;
        for (int b = 0; b < buildMatched.length; b++) {
            if (!buildMatched[b]) {
                rows[k++] = b;
                if (k == rows.length) {
                    out.add(assemble(null, new int[k], rows, k));
                    rows = new int[ColumnBatch.DEFAULT_ROWS];
                    k = 0;
                }
            }
        }
        if (k > 0) {
            out.add(assemble(null, new int[k], rows, k));
        }
    }

    /**
     * Left-then-right columns of the pairs; a stream of null, build rows of null or a build row
     * of -1 give nulls.
     */
    private ColumnBatch assemble(ColumnBatch s, int[] sIdx, int[] bIdx, int m) {
        return assemble(s, sIdx, bIdx, m, null);
    }

    /** True if the pairs' stream rows are the whole {@code n}-row stream batch in order (no gather needed). */
    private static boolean isIdentity(int[] sIdx, int m, int n) {
        if (m != n || m == 0 || sIdx[m - 1] != m - 1) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            if (sIdx[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** {@link #assemble} of the columns {@code wanted} marks, in output order (null: all; the others stay null). */
    private ColumnBatch assemble(ColumnBatch s, int[] sIdx, int[] bIdx, int m, boolean[] wanted) {
        int sw = streamTypes.size();
        int bw = rel.rows.numColumns();
        int streamAt = build == JoinSide.RIGHT ? 0 : bw;
        int buildAt = build == JoinSide.RIGHT ? sw : 0;
        boolean wholeStream = s != null && isIdentity(sIdx, m, s.numRows());
        ColumnVector[] streamCols = new ColumnVector[sw];
        for (int c = 0; c < sw; c++) {
            if (wanted == null || wanted[streamAt + c]) {
                streamCols[c] = s == null ? ColumnVectors.constant(streamTypes.get(c), null, m)
                        : wholeStream ? s.column(c) : VectorOps.gatherOrNull(s.column(c), sIdx, m);
            }
        }
        ColumnVector[] buildCols = new ColumnVector[bw];
        for (int c = 0; c < bw; c++) {
            if (wanted == null || wanted[buildAt + c]) {
                buildCols[c] = bIdx == null ? ColumnVectors.constant(rel.rows.column(c).dataType(), null, m)
                        : VectorOps.gatherOrNull(rel.rows.column(c), bIdx, m);
            }
        }
        ColumnVector[] cols = new ColumnVector[sw + bw];
        ColumnVector[] first = build == JoinSide.RIGHT ? streamCols : buildCols;
        ColumnVector[] second = build == JoinSide.RIGHT ? buildCols : streamCols;
        System.arraycopy(first, 0, cols, 0, first.length);
        System.arraycopy(second, 0, cols, first.length, second.length);
        return new ColumnBatch(cols, m);
    }
}
