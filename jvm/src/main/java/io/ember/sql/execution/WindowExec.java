package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.expressions.WindowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Window functions and aggregates over windows that share one partitioning and ordering:
 * rows clustered by the partition keys are sorted by (partition keys, order), cut into window
 * partitions, and each partition gets one column per window expression. A window partition
 * is held in memory while it is computed (the sort before it spills).
 */
public final class WindowExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final List<NamedExpression> windowExpressions;
    private final List<Expression> partitionSpec;
    private final List<SortOrder> orderSpec;
    private final SparkPlan child;

    public WindowExec(List<? extends NamedExpression> windowExpressions, List<Expression> partitionSpec,
                      List<SortOrder> orderSpec, SparkPlan child) {
        this.windowExpressions = List.copyOf(windowExpressions);
        this.partitionSpec = List.copyOf(partitionSpec);
        this.orderSpec = List.copyOf(orderSpec);
        this.child = child;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new WindowExec(windowExpressions, partitionSpec, orderSpec, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        windowExpressions.forEach(e -> out.add(e.toAttribute()));
        return out;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(partitionSpec.isEmpty() ? Distribution.ALL_TUPLES : new Distribution.Clustered(partitionSpec));
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    /** One window expression, bound and ready to ship. */
    private record Bound(Expression function, Expression[] inputs, WindowFrame frame) implements Serializable {}

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<AttributeReference> in = child.output();
        List<Bound> bound = new ArrayList<>();
        for (NamedExpression ne : windowExpressions) {
            WindowExpression w = (WindowExpression) ne.collect(e -> e instanceof WindowExpression).get(0);
            Expression f = BindReferences.bind(w.function(), in);
            Expression[] inputs = f instanceof AggregateFunction a ? a.children().toArray(new Expression[0]) : new Expression[0];
            bound.add(new Bound(f, inputs, w.frame()));
        }
        List<SortOrder> sortOrder = new ArrayList<>();
        partitionSpec.forEach(p -> sortOrder.add(SortOrder.asc(p)));
        sortOrder.addAll(orderSpec);
        List<Expression> keyExprs = new ArrayList<>();
        sortOrder.forEach(o -> keyExprs.add(o.child()));
        Expression[] keys = BindReferences.bindAll(keyExprs, in).toArray(new Expression[0]);
        KeyComparator cmp = KeyComparator.of(sortOrder);
        int numPartitionKeys = partitionSpec.size();
        boolean ascending = orderSpec.isEmpty() || orderSpec.get(0).ascending();
        List<DataType> types = child.outputTypes();
        return child.execute(ctx).mapPartitions(it -> {
            Iterator<ColumnBatch> sorted = SortExec.sort(TaskMemory.of(TaskContext.get()), it, keys, cmp, types);
            return new WindowPartitions(sorted, keys, numPartitionKeys, types, bound, ascending);
        }, false);
    }

    /** Cuts sorted batches into window partitions and computes each one's window columns. */
    private static final class WindowPartitions extends BatchIterator {
        private final Iterator<ColumnBatch> sorted;
        private final Expression[] keys;
        private final int partitionKeys;
        private final List<DataType> types;
        private final List<Bound> bound;
        private final boolean ascending;
        private final List<ColumnBatch> pending = new ArrayList<>();
        private ColumnBatch current;
        private ColumnVector[] currentKeys;
        private int pos;

        WindowPartitions(Iterator<ColumnBatch> sorted, Expression[] keys, int partitionKeys, List<DataType> types,
                         List<Bound> bound, boolean ascending) {
            this.ascending = ascending;
            this.sorted = sorted;
            this.keys = keys;
            this.partitionKeys = partitionKeys;
            this.types = types;
            this.bound = bound;
        }

        private ColumnVector[] evalKeys(ColumnBatch b) {
            ColumnVector[] out = new ColumnVector[keys.length];
            for (int k = 0; k < keys.length; k++) {
                out[k] = keys[k].eval(b);
            }
            return out;
        }

        @Override
        protected ColumnBatch advance() {
            while (true) {
                if (current == null || pos >= current.numRows()) {
                    if (!sorted.hasNext()) {
                        return pending.isEmpty() ? null : finishPartition();
                    }
                    current = sorted.next();
                    currentKeys = evalKeys(current);
                    pos = 0;
                    continue;
                }
                int start = pos;
                int end = start + 1;
                while (end < current.numRows() && samePartition(currentKeys, end - 1, currentKeys, end)) {
                    end++;
                }
                boolean continuesPending = start == 0 && !pending.isEmpty()
                        && samePartition(lastKeys, lastRow, currentKeys, 0);
                if (!pending.isEmpty() && !continuesPending) {
                    return finishPartition();
                }
                pending.add(VectorOps.slice(current, start, end - start));
                lastKeys = currentKeys;
                lastRow = end - 1;
                pos = end;
                if (end < current.numRows()) {
                    return finishPartition();
                }
            }
        }

        private ColumnVector[] lastKeys;
        private int lastRow;

        private boolean samePartition(ColumnVector[] a, int i, ColumnVector[] b, int j) {
            for (int k = 0; k < partitionKeys; k++) {
                ColumnVector[] x = {a[k]};
                ColumnVector[] y = {b[k]};
                if (!KeyComparator.equalRows(x, i, y, j)) {
                    return false;
                }
            }
            return true;
        }

        private ColumnBatch finishPartition() {
            ColumnBatch rows = VectorOps.concat(new ArrayList<>(pending), types);
            pending.clear();
            int n = rows.numRows();
            ColumnVector[] k = evalKeys(rows);
            ColumnVector[] order = java.util.Arrays.copyOfRange(k, partitionKeys, k.length);
            int[] peer = new int[n];
            for (int i = 1; i < n; i++) {
                peer[i] = peer[i - 1] + (KeyComparator.equalRows(order, i - 1, order, i) ? 0 : 1);
            }
            WindowFunction.Partition p = new WindowFunction.Partition(rows, peer, n == 0 ? 0 : peer[n - 1] + 1);
            ColumnVector[] cols = new ColumnVector[rows.numColumns() + bound.size()];
            System.arraycopy(rows.columns(), 0, cols, 0, rows.numColumns());
            for (int w = 0; w < bound.size(); w++) {
                Bound b = bound.get(w);
                cols[rows.numColumns() + w] = b.function() instanceof WindowFunction wf ? wf.evaluate(p)
                        : FrameAggregator.evaluate((AggregateFunction) b.function(), b.inputs(), b.frame(), rows, peer,
                                order.length == 1 ? order[0] : null, ascending);
            }
            return new ColumnBatch(cols, n);
        }
    }

    @Override
    protected List<Object> args() {
        return List.of(windowExpressions, partitionSpec, orderSpec);
    }
}
