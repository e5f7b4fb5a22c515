package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import java.util.List;

/** How a physical plan's output rows are placed across its partitions. */
public sealed interface Partitioning extends java.io.Serializable {
    int numPartitions();

    /** True if rows placed this way meet {@code required} without an exchange. */
    default boolean satisfies(Distribution required) {
        if (required instanceof Distribution.Unspecified) {
            return true;
        }
        if (numPartitions() == 1 && !(required instanceof Distribution.HashClustered)) {
            return true;
        }
        return satisfiesWhenSplit(required);
    }

    /** {@link #satisfies} for more than one partition; false unless a variant says otherwise. */
    default boolean satisfiesWhenSplit(Distribution required) {
        return false;
    }

    /** Nothing is known about where rows are. */
    record Unknown(int numPartitions) implements Partitioning {}

    /**
     * Rows placed by an int {@code id} expression's value modulo the count (nulls to 0):
     * {@code repartitionById}, Spark's {@code ShufflePartitionIdPassThrough}.
     */
    record PassThrough(Expression id, int numPartitions) implements Partitioning {}

    /** Rows dealt round robin (repartition(n) without columns). */
    record RoundRobin(int numPartitions) implements Partitioning {}

    record Single() implements Partitioning {
        @Override
        public int numPartitions() {
            return 1;
        }

        @Override
        public boolean satisfies(Distribution required) {
            return true;
        }
    }

    /** Rows placed by a hash of {@code expressions}: equal keys, same partition. */
    record Hash(List<Expression> expressions, int numPartitions) implements Partitioning {
        public Hash {
            expressions = List.copyOf(expressions);
        }

        @Override
        public boolean satisfiesWhenSplit(Distribution required) {
            if (required instanceof Distribution.Clustered c) {
                return !expressions.isEmpty() && expressions.stream().allMatch(e -> Canonical.containedIn(e, c.clustering()));
            }
            if (required instanceof Distribution.HashClustered h) {
                return Canonical.sameList(expressions, h.keys());
            }
            return false;
        }
    }

    /**
     * Rows placed as Spark's {@code HashPartitioning} places them: partition
     * {@code pmod(hash(expressions), n)} with Spark's Murmur3 {@code hash} (seed 42). The scan of
     * a bucketed table reports it (one partition per bucket); an exchange that must line up with
     * such a scan uses it too. Not interchangeable with {@link Hash}, whose hash is Ember's own.
     */
    record Bucketed(List<Expression> expressions, int numPartitions) implements Partitioning {
        public Bucketed {
            expressions = List.copyOf(expressions);
        }

        @Override
        public boolean satisfiesWhenSplit(Distribution required) {
            return new Hash(expressions, numPartitions).satisfiesWhenSplit(required);
        }
    }

    /** Rows placed by ranges of {@code ordering}, partitions in key order. */
    record Range(List<SortOrder> ordering, int numPartitions) implements Partitioning {
        public Range {
            ordering = List.copyOf(ordering);
        }

        @Override
        public boolean satisfiesWhenSplit(Distribution required) {
            if (required instanceof Distribution.Ordered o) {
                if (o.ordering().size() > ordering.size()) {
                    return false;
                }
                for (int i = 0; i < o.ordering().size(); i++) {
                    if (!Canonical.same(o.ordering().get(i), ordering.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            if (required instanceof Distribution.Clustered c) {
                return ordering.stream().allMatch(s -> Canonical.containedIn(s.child(), c.clustering()));
            }
            return false;
        }
    }

    Partitioning SINGLE = new Single();
}
