package io.ember.sql.sources;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.BooleanType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Skips partition directories by evaluating the filters that read only partition columns over
 * a batch holding one row per directory (the directories' partition values). A directory
 * stays when every such filter is true for it. Runs on the driver when a scan is executed.
 */
final class PartitionPruning {
    private PartitionPruning() {}

    /** The filters whose columns are all partition columns. */
    static List<Expression> partitionFilters(List<Expression> filters, List<AttributeReference> partitionColumns) {
        List<Expression> out = new ArrayList<>();
        for (Expression f : filters) {
            if (!f.references().isEmpty() && f.deterministic()
                    && f.references().stream().allMatch(a -> indexOf(partitionColumns, a) >= 0)) {
                out.add(f);
            }
        }
        return out;
    }

    static List<FileIndex.PartitionDir> prune(List<FileIndex.PartitionDir> dirs, List<Expression> filters,
            List<AttributeReference> partitionColumns) {
        if (filters.isEmpty() || dirs.isEmpty()) {
            return dirs;
        }
        int n = dirs.size();
        ColumnVector[] cols = new ColumnVector[partitionColumns.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(partitionColumns.get(c).dataType(), n);
            for (int r = 0; r < n; r++) {
                ColumnVectors.set(cols[c], r, dirs.get(r).values()[c]);
            }
        }
        ColumnBatch batch = new ColumnBatch(cols, n);
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (Expression f : filters) {
            Expression bound = f.transformUp(e -> e instanceof AttributeReference a
                    ? new BoundReference(indexOf(partitionColumns, a), a.dataType(), a.nullable()) : e);
            if (!(bound.dataType() instanceof BooleanType)) {
                continue;
            }
            ColumnVector result;
            try {
                result = bound.eval(batch);
            } catch (RuntimeException e) {
                continue; // a filter the kernels cannot evaluate here prunes nothing
            }
            for (int r = 0; r < n; r++) {
                keep[r] &= !result.isNull(r) && result.getBoolean(r);
            }
        }
        List<FileIndex.PartitionDir> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (keep[r]) {
                out.add(dirs.get(r));
            }
        }
        return out;
    }

    static int indexOf(List<AttributeReference> columns, AttributeReference a) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).exprId().equals(a.exprId())) {
                return i;
            }
        }
        return -1;
    }
}
