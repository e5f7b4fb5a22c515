package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Generator;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a {@link Generator} per batch and joins each generated row to the input row it
 * came from (the child's columns gathered by source row, then the generated columns). With
 * {@code outer}, input rows that generated nothing appear once with null generated columns.
 */
public final class GenerateExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final Generator generator;
    private final boolean outer;
    private final List<AttributeReference> generatorOutput;
    private final SparkPlan child;

    public GenerateExec(Generator generator, boolean outer, List<AttributeReference> generatorOutput, SparkPlan child) {
        this.generator = generator;
        this.outer = outer;
        this.generatorOutput = List.copyOf(generatorOutput);
        this.child = child;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new GenerateExec(generator, outer, generatorOutput, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        for (AttributeReference a : generatorOutput) {
            out.add(outer ? a.withNullability(true) : a);
        }
        return out;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        Generator g = (Generator) BindReferences.bind(generator, child.output());
        boolean keepEmpty = outer;
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return child.execute(ctx).mapPartitions(
                it -> io.ember.sql.execution.metric.Meter.countRows(rows, generateAll(g, it, keepEmpty)), false);
    }

    private static java.util.Iterator<ColumnBatch> generateAll(Generator g, java.util.Iterator<ColumnBatch> it,
                                                               boolean outer) {
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                while (it.hasNext()) {
                    ColumnBatch b = generate(g, it.next(), outer);
                    if (b.numRows() > 0) {
                        return b;
                    }
                }
                return null;
            }
        };
    }

    static ColumnBatch generate(Generator g, ColumnBatch in, boolean outer) {
        Generator.Generated out = g.generate(in);
        int[] src = out.sourceRows();
        int[] gen = VectorOps.identity(out.numRows());
        int m = out.numRows();
        if (outer) {
            boolean[] produced = new boolean[in.numRows()];
            for (int i = 0; i < m; i++) {
                produced[src[i]] = true;
            }
            int missing = 0;
            for (boolean p : produced) {
                missing += p ? 0 : 1;
            }
            if (missing > 0) {
                int[] src2 = new int[m + missing];
                int[] gen2 = new int[m + missing];
                int k = 0, j = 0;
                for (int r = 0; r < in.numRows(); r++) {
                    if (!produced[r]) {
                        src2[k] = r;
                        gen2[k++] = -1;
                    }
                    while (j < m && src[j] == r) {
                        src2[k] = r;
                        gen2[k++] = j++;
                    }
                }
                src = src2;
                gen = gen2;
                m = k;
            }
        }
        ColumnVector[] cols = new ColumnVector[in.numColumns() + out.columns().length];
        for (int c = 0; c < in.numColumns(); c++) {
            cols[c] = VectorOps.gather(in.column(c), src, m);
        }
        for (int c = 0; c < out.columns().length; c++) {
            cols[in.numColumns() + c] = VectorOps.gatherOrNull(out.columns()[c], gen, m);
        }
        return new ColumnBatch(cols, m);
    }

    @Override
    protected List<Object> args() {
        return List.of(generator, outer, generatorOutput);
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
