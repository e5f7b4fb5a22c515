package io.ember.sql.expressions.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.BoundReference;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.LongVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Updates and merges that state the ids' bound ({@code numGroups}) give what the plain calls
 * give, also when groups below the bound get no row, when a batch is empty, and when the bound
 * grows past the state's capacity between calls.
 */
class SizedUpdateTest {
    private static final DecimalType D152 = new DecimalType(15, 2);

    private static List<Object> values(ColumnVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(v.get(i));
        }
        return out;
    }

    private static void same(AggregateFunction f, ColumnVector[] input) {
        Random rnd = new Random(41);
        AggregateState plain = f.newState();
        AggregateState sized = f.newState();
        AggregateState merged = f.newState();
        AggregateState mergedSized = f.newState();
        int groups = 0;
        for (int b = 0; b < 12; b++) {
            int n = b % 5 == 4 ? 0 : input[0].size();
            groups += 1 + rnd.nextInt(b < 6 ? 5 : 200);   // the bound grows, sometimes past the arrays
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = rnd.nextInt(Math.max(1, groups - 2));   // the last groups get no row
            }
            plain.update(ids, n, input);
            sized.update(ids, n, groups, input);
            AggregateState partial = f.newState();
            partial.update(ids, n, input);
            ColumnVector[] parts = partial.partials(groups);
            int[] identity = new int[groups];
            for (int g = 0; g < groups; g++) {
                identity[g] = g;
            }
            merged.merge(identity, groups, parts);
            mergedSized.merge(identity, groups, groups, parts);
        }
        assertEquals(values(plain.result(groups)), values(sized.result(groups)), f.sql());
        assertEquals(values(merged.result(groups)), values(mergedSized.result(groups)), f.sql() + " merged");
    }

    @Test
    void sumsAveragesCountsAndExtremesMatchThePlainCalls() {
        Random rnd = new Random(40);
        int n = 300;
        long[] v = new long[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(2_000_000) - 1_000_000;
            nulls[i] = rnd.nextInt(8) == 0;
        }
        ColumnVector[] decimals = {new DecimalVector(D152, v, nulls)};
        ColumnVector[] longs = {new LongVector(DataTypes.LongType, v, nulls)};
        BoundReference dec = new BoundReference(0, D152, true);
        BoundReference lng = new BoundReference(0, DataTypes.LongType, true);
        same(new Sum(dec), decimals);
        same(new Average(dec), decimals);
        same(new Sum(lng), longs);
        same(new Average(lng), longs);
        same(new MinMax(lng, true), longs);
        same(new Count(List.of(lng)), longs);
    }
}
