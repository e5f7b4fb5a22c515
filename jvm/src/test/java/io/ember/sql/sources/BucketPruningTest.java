package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.In;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Or;
import io.ember.sql.types.DataTypes;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filters in, selected buckets out. Bucket ids are PySpark 4.3's: with 2 buckets of a bigint,
 * {@code pmod(hash(id), 2)} is 1, 1, 0, 1 for ids 0 to 3.
 */
class BucketPruningTest {
    private final AttributeReference k = new AttributeReference("k", DataTypes.LongType, true);
    private final AttributeReference s = new AttributeReference("s", DataTypes.StringType, true);
    private final List<AttributeReference> output = List.of(k, s);
    private final BucketSpec two = new BucketSpec(2, List.of("k"), List.of());

    private static Literal lit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    private static BitSet of(int... buckets) {
        BitSet out = new BitSet();
        for (int b : buckets) {
            out.set(b);
        }
        return out;
    }

    private BitSet selected(Expression... filters) {
        return BucketPruning.selected(List.of(filters), two, output);
    }

    @Test
    void equalityAndInSelectTheBucketsOfTheirValues() {
        assertEquals(of(0), selected(new EqualTo(k, lit(2))));
        assertEquals(of(1), selected(new EqualTo(k, lit(3))));
        assertEquals(of(1), selected(new In(k, List.of(lit(0), lit(1)))));
        assertNull(selected(new In(k, List.of(lit(2), lit(3)))), "every bucket: no pruning");
    }

    @Test
    void andIntersectsOrUnitesAndOtherFiltersKeepAll() {
        assertEquals(of(), selected(new EqualTo(k, lit(2)), new EqualTo(k, lit(3))));
        assertEquals(of(), selected(new And(new EqualTo(k, lit(2)), new EqualTo(k, lit(3)))));
        assertNull(selected(new Or(new EqualTo(k, lit(2)), new EqualTo(k, lit(3)))));
        assertEquals(of(0), selected(new Or(new EqualTo(k, lit(2)), new EqualTo(k, lit(2)))));
        assertNull(selected(new GreaterThan(k, lit(2))));
        assertNull(selected(new EqualTo(lit(2), k)), "literal first: not matched, as in Spark");
        assertNull(selected(new EqualTo(k, new Literal(2, DataTypes.IntegerType))), "another type: not matched");
        assertEquals(of(0), selected(new EqualTo(k, lit(2)), new Or(new EqualTo(s, new Literal("x",
                DataTypes.StringType)), new IsNull(s))));
    }

    @Test
    void onlyTablesBucketedByOneColumnIntoSeveralBucketsArePruned() {
        List<Expression> f = List.of(new EqualTo(k, lit(2)));
        assertNull(BucketPruning.selected(f, new BucketSpec(1, List.of("k"), List.of()), output));
        assertNull(BucketPruning.selected(f, new BucketSpec(2, List.of("k", "s"), List.of()), output));
        assertNull(BucketPruning.selected(f, null, output));
    }
}
