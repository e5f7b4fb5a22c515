package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;
import java.util.Random;

/**
 * Samples rows: without replacement a row is kept when its uniform draw falls in
 * {@code [lower, upper)} (adjacent ranges with one seed split the rows, as randomSplit needs);
 * with replacement each row is repeated a Poisson({@code upper - lower}) number of times.
 * Draws come from a generator seeded by the seed and the partition index.
 */
public final class SampleExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final double lower;
    private final double upper;
    private final boolean withReplacement;
    private final long seed;
    private final SparkPlan child;

    public SampleExec(double lower, double upper, boolean withReplacement, long seed, SparkPlan child) {
        this.lower = lower;
        this.upper = upper;
        this.withReplacement = withReplacement;
        this.seed = seed;
        this.child = child;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new SampleExec(lower, upper, withReplacement, seed, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        double lo = lower, hi = upper;
        boolean repl = withReplacement;
        long s = seed;
        return child.execute(ctx).mapPartitionsWithIndex(
                (idx, it) -> sample(it, new Random(s * 1_000_003L + idx), lo, hi, repl), true);
    }

    private static java.util.Iterator<ColumnBatch> sample(java.util.Iterator<ColumnBatch> it, Random rnd, double lo,
                                                          double hi, boolean repl) {
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                while (it.hasNext()) {
                    ColumnBatch b = it.next();
                    int[] rows = new int[Math.max(16, b.numRows())];
                    int k = 0;
                    for (int r = 0; r < b.numRows(); r++) {
                        int copies = repl ? poisson(rnd, hi - lo) : inRange(rnd.nextDouble(), lo, hi);
                        for (int c = 0; c < copies; c++) {
                            if (k == rows.length) {
                                rows = java.util.Arrays.copyOf(rows, rows.length * 2);
                            }
                            rows[k++] = r;
                        }
                    }
                    if (k > 0) {
                        return VectorOps.gather(b, rows, k);
                    }
                }
                return null;
            }
        };
    }

    private static int inRange(double u, double lo, double hi) {
        return u >= lo && u < hi ? 1 : 0;
    }

    /** A Poisson draw by Knuth's method (small means, as sampling fractions are). */
    static int poisson(Random rnd, double mean) {
        double limit = Math.exp(-mean);
        double p = rnd.nextDouble();
        int k = 0;
        while (p > limit) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    @Override
    protected List<Object> args() {
        return List.of(lower, upper, withReplacement, seed);
    }
}
