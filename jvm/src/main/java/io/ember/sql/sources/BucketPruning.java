package io.ember.sql.sources;

import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BinaryExpression;
import io.ember.sql.expressions.EqualNullSafe;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.In;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Or;
import io.ember.sql.expressions.hash.Murmur3Hash;
import java.util.BitSet;
import java.util.List;

/**
 * The buckets a bucketed scan must read under its filters, as Spark's
 * {@code FileSourceStrategy.genBucketSet}: for a table bucketed by one column into more than one
 * bucket, {@code col = literal}, {@code col <=> literal}, {@code col IN (literals)} and
 * {@code col IS NULL} keep only the buckets of those values ({@code pmod(hash(value), n)} with
 * Spark's Murmur3 hash, as rows were placed); AND intersects, OR unites, anything else keeps
 * every bucket. Stateless.
 */
final class BucketPruning {
    private BucketPruning() {}

    /** The buckets to read, or null when the filters keep every one (no pruning). */
    static BitSet selected(List<Expression> filters, BucketSpec spec, List<AttributeReference> output) {
        if (spec == null || spec.numBuckets() <= 1 || spec.bucketColumns().size() != 1) {
            return null;
        }
        String column = spec.bucketColumns().get(0);
        AttributeReference key = output.stream().filter(a -> a.name().equalsIgnoreCase(column)).findFirst().orElse(null);
        if (key == null) {
            return null;
        }
        BitSet kept = all(spec.numBuckets());
        for (Expression f : filters) {
            kept.and(of(f, key, spec.numBuckets()));
        }
        return kept.cardinality() == spec.numBuckets() ? null : kept;
    }

    private static BitSet of(Expression e, AttributeReference key, int n) {
        if (e instanceof And a) {
            BitSet out = of(a.left(), key, n);
            out.and(of(a.right(), key, n));
            return out;
        }
        if (e instanceof Or o) {
            BitSet out = of(o.left(), key, n);
            out.or(of(o.right(), key, n));
            return out;
        }
        if (e instanceof EqualTo || e instanceof EqualNullSafe) {
            BinaryExpression b = (BinaryExpression) e;
            // only column-op-literal, as Spark matches it (`3 = k` prunes nothing there either)
            Literal value = b.right() instanceof Literal r && isKey(b.left(), key) ? r : null;
            return value == null || !value.dataType().equals(key.dataType()) ? all(n) : bucketOf(value.value(), key, n);
        }
        if (e instanceof In in && isKey(in.value(), key)
                && in.list().stream().allMatch(x -> x instanceof Literal l && l.dataType().equals(key.dataType()))) {
            BitSet out = new BitSet(n);
            for (Expression x : in.list()) {
                out.or(bucketOf(((Literal) x).value(), key, n));
            }
            return out;
        }
        if (e instanceof IsNull isNull && isKey(isNull.child(), key)) {
            return bucketOf(null, key, n);
        }
        return all(n);
    }

    private static boolean isKey(Expression e, AttributeReference key) {
        return e instanceof AttributeReference a && a.exprId().equals(key.exprId());
    }

    private static BitSet bucketOf(Object value, AttributeReference key, int n) {
        BitSet out = new BitSet(n);
        out.set(Math.floorMod(Murmur3Hash.hash(value, key.dataType(), Murmur3Hash.SEED), n));
        return out;
    }

    private static BitSet all(int n) {
        BitSet out = new BitSet(n);
        out.set(0, n);
        return out;
    }
}
