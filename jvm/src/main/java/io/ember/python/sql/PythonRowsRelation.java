package io.ember.python.sql;

import io.ember.rdd.RDD;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * A DataFrame over a Python RDD ({@code createDataFrame(rdd)}): each record of {@code rows}
 * is a pickled batch of row tuples that Python already converted to the internal values of
 * {@code output}'s types. The batches become column batches in the scan's tasks, never on
 * the driver. Its size is unknown, so it is never broadcast. Records from pandas and Arrow
 * functions are Arrow streams instead ({@link PythonFrameDecoder#ARROW_STREAMS}).
 */
public final class PythonRowsRelation extends LeafNode implements ScanRelation {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;
    private final RDD<byte[]> rows;
    private final PythonFrameDecoder decoder;

    public PythonRowsRelation(List<AttributeReference> output, RDD<byte[]> rows) {
        this(output, rows, PythonFrameDecoder.PICKLED_ROWS);
    }

    public PythonRowsRelation(List<AttributeReference> output, RDD<byte[]> rows, PythonFrameDecoder decoder) {
        this.output = List.copyOf(output);
        this.rows = rows;
        this.decoder = decoder;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public Statistics stats() {
        return new Statistics(Long.MAX_VALUE, null);
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        List<Integer> ordinals = new ArrayList<>();
        for (AttributeReference a : requiredColumns) {
            for (int i = 0; i < output.size(); i++) {
                if (output.get(i).exprId().equals(a.exprId())) {
                    ordinals.add(i);
                    break;
                }
            }
        }
        return new PythonRowsScanExec(output, rows, ordinals, decoder);
    }

    @Override
    protected List<Object> args() {
        return List.of(output, "rdd " + rows.id());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PythonRowsRelation r && r.output.equals(output) && r.rows == rows;
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }
}
