package io.ember.rdd;

/**
 * Counts how often walks over lineage look at the RDDs of a test graph, and fails fast once a
 * walk looks more often than any linear walk could: an exponential walk over a 60-level
 * diamond would otherwise run for centuries instead of failing.
 */
public final class VisitBudget {
    private final long limit;
    private long count;

    public VisitBudget(long limit) {
        this.limit = limit;
    }

    public void visit() {
        if (++count > limit) {
            throw new IllegalStateException("a lineage walk looked at RDDs more than " + limit
                    + " times: it revisits shared ancestors");
        }
    }

    public long count() {
        return count;
    }

    public void reset() {
        count = 0;
    }
}
