package io.ember.sql.execution;

import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.List;

/**
 * The distinct join keys a {@link RuntimeKeyFilter} collected, asked whether each row's keys
 * are among them: one int- or long-backed key is a {@link JoinKeySet} (a bitset over a narrow
 * range, else a hashed set of longs), anything else a {@link HashedRelation} of the keys. A
 * null key is never among them. Immutable once built; shared read-only by an executor's tasks.
 */
abstract class RuntimeKeySet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Writes to {@code into} the rows (of {@code n}) whose keys are in the set, ascending; returns how many. */
    abstract int select(ColumnVector[] keys, int n, int[] into);

    /** The set of the key columns' rows in {@code batches} (one column per key, of {@code types}). */
    static RuntimeKeySet of(List<ColumnBatch> batches, List<DataType> types) {
        if (types.size() == 1 && (DataTypes.isLongBacked(types.get(0)) || DataTypes.isIntBacked(types.get(0)))) {
            ColumnBatch all = batches.isEmpty() ? RangeSampler.toBatch(List.of(), types) : VectorOps.concat(batches, types);
            JoinKeySet set = JoinKeySet.of(all.columns()[0], all.numRows());
            return new RuntimeKeySet() {
                private static final long serialVersionUID = 1L;

                @Override
                int select(ColumnVector[] keys, int n, int[] into) {
                    return set.keep(keys[0], n, into, -1);
                }
            };
        }
        Expression[] refs = new Expression[types.size()];
        for (int k = 0; k < refs.length; k++) {
            refs[k] = new BoundReference(k, types.get(k), true);
        }
        return new Hashed(HashedRelation.build(batches, types, refs));
    }

    /** Any keys: those with a row in a hash relation of the keys. */
    private static final class Hashed extends RuntimeKeySet {
        private static final long serialVersionUID = 1L;
        private final HashedRelation keys;

        Hashed(HashedRelation keys) {
            this.keys = keys;
        }

        @Override
        int select(ColumnVector[] probe, int n, int[] into) {
            int[] first = new int[n];
            keys.firstRows(probe, n, first);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (first[i] >= 0) {
                    into[kept++] = i;
                }
            }
            return kept;
        }
    }
}
