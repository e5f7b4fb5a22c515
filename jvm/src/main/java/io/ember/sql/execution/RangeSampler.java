package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Chooses range-partition bounds: a job reservoir-samples the sort keys of every input
 * partition (about 20 keys per output partition overall, at least 3x over-sampled per input
 * partition, as Spark's RangePartitioner does), the driver sorts the sample and takes
 * evenly spaced keys as the bounds.
 */
final class RangeSampler {
    private RangeSampler() {}

    static RangeBounds bounds(ExecutionContext ctx, RDD<ColumnBatch> input, Expression[] keys, KeyComparator order,
                              int numPartitions) {
        List<DataType> types = new ArrayList<>();
        for (Expression k : keys) {
            types.add(k.dataType());
        }
        if (numPartitions <= 1) {
            return new RangeBounds(emptyBatch(types), order);
        }
        int inputs = Math.max(1, input.getNumPartitions());
        int perPartition = (int) Math.ceil(3.0 * Math.min(20.0 * numPartitions, 1e6) / inputs);
        int[] parts = new int[input.getNumPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        List<List<Object[]>> samples = ctx.rdds().runJob(input,
                (task, it) -> sample(it, keys, perPartition, task.partitionId()), parts);
        List<Object[]> all = new ArrayList<>();
        samples.forEach(all::addAll);
        ColumnBatch keysBatch = toBatch(all, types);
        ColumnVector[] cols = keysBatch.columns();
        Integer[] idx = new Integer[all.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> order.compare(cols, a, cols, b));
        int[] chosen = new int[numPartitions - 1];
        int m = 0;
        for (int p = 1; p < numPartitions && !all.isEmpty(); p++) {
            int at = idx[(int) ((long) p * all.size() / numPartitions)];
            if (m == 0 || order.compare(cols, chosen[m - 1], cols, at) < 0) {
                chosen[m++] = at;
            }
        }
        return new RangeBounds(VectorOps.gather(keysBatch, chosen, m), order);
    }

    private static List<Object[]> sample(Iterator<ColumnBatch> it, Expression[] keys, int k, int seed) {
        List<Object[]> reservoir = new ArrayList<>();
        Random rnd = new Random(seed * 31L + 17);
        long seen = 0;
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            ColumnVector[] cols = new ColumnVector[keys.length];
            for (int c = 0; c < keys.length; c++) {
                cols[c] = keys[c].eval(b);
            }
            for (int r = 0; r < b.numRows(); r++) {
                seen++;
                int slot = reservoir.size() < k ? reservoir.size() : (int) (rnd.nextDouble() * seen);
                if (slot < k) {
                    Object[] row = new Object[cols.length];
                    for (int c = 0; c < cols.length; c++) {
                        row[c] = cols[c].get(r);
                    }
                    if (slot == reservoir.size()) {
                        reservoir.add(row);
                    } else {
                        reservoir.set(slot, row);
                    }
                }
            }
        }
        return reservoir;
    }

    static ColumnBatch toBatch(List<Object[]> rows, List<DataType> types) {
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(types.get(c), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                ColumnVectors.set(cols[c], r, rows.get(r)[c]);
            }
        }
        return new ColumnBatch(cols, rows.size());
    }

    private static ColumnBatch emptyBatch(List<DataType> types) {
        return toBatch(List.of(), types);
    }
}
