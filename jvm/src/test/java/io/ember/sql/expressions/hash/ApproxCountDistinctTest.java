package io.ember.sql.expressions.hash;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are PySpark 4's {@code approx_count_distinct} and {@code xxhash64} of the same inputs. */
class ApproxCountDistinctTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();

    /** Folds 0..n-1 (as bigints or strings) in two partial states and merges them into one group. */
    private long estimate(int n, DataType t) {
        AggregateFunction f = (AggregateFunction) registry.lookup("approx_count_distinct").orElseThrow()
                .build(List.of(col(0, t)), false);
        AggregateState a = f.newState();
        AggregateState b = f.newState();
        int half = n / 2;
        a.update(new int[half], half, new ColumnVector[] {values(0, half, t)});
        b.update(new int[n - half], n - half, new ColumnVector[] {values(half, n, t)});
        AggregateState fin = f.newState();
        fin.merge(new int[1], 1, a.partials(1));
        fin.merge(new int[1], 1, b.partials(1));
        return fin.result(1).getLong(0);
    }

    private static ColumnVector values(int from, int to, DataType t) {
        if (t.equals(DataTypes.StringType)) {
            String[] s = new String[to - from];
            for (int i = from; i < to; i++) s[i - from] = Integer.toString(i);
            return new StringVector(s);
        }
        long[] v = new long[to - from];
        for (int i = from; i < to; i++) v[i - from] = i;
        return new LongVector(DataTypes.LongType, v, null);
    }

    @Test
    void estimatesMatchSpark() {
        assertEquals(103, estimate(100, DataTypes.LongType));
        assertEquals(9571, estimate(10_000, DataTypes.LongType));
        assertEquals(95546, estimate(100_000, DataTypes.LongType));
        assertEquals(49876, estimate(50_000, DataTypes.StringType));
    }

    @Test
    void xxhash64MatchesSpark() {
        assertEquals(-6698625589789238999L, XxHash64.hash(1, DataTypes.IntegerType, 42));
        assertEquals(1423657621850124518L, XxHash64.hash("abc", DataTypes.StringType, 42));
        assertEquals(1521027356287607750L, XxHash64.hash("a much longer string, over thirty-two bytes long!", DataTypes.StringType, 42));
        assertEquals(6251837290343458373L, XxHash64.hash(5L, DataTypes.LongType, 42));
    }
}
