package io.ember.sql.api;

import io.ember.rdd.RDD;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs a typed operation: the input plan's batches become rows, the operation's function maps
 * them, and the resulting rows are packed into batches of the required columns again.
 */
final class ObjectOperatorExec extends SparkPlan {
    private static final long serialVersionUID = 1L;

    private final SparkPlan input;
    private final List<AttributeReference> inputOutput;
    private final RowsFunction function;
    private final List<AttributeReference> fullOutput;
    private final List<AttributeReference> required;

    ObjectOperatorExec(SparkPlan input, List<AttributeReference> inputOutput, RowsFunction function,
                       List<AttributeReference> fullOutput, List<AttributeReference> required) {
        this.input = input;
        this.inputOutput = List.copyOf(inputOutput);
        this.function = function;
        this.fullOutput = List.copyOf(fullOutput);
        this.required = List.copyOf(required);
    }

    @Override
    public List<AttributeReference> output() {
        return required;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        StructType inSchema = schemaOf(inputOutput);
        StructType outSchema = schemaOf(fullOutput);
        int[] picks = new int[required.size()];
        for (int i = 0; i < picks.length; i++) {
            for (int j = 0; j < fullOutput.size(); j++) {
                if (fullOutput.get(j).sameColumn(required.get(i))) {
                    picks[i] = j;
                }
            }
        }
        RDD<Row> rows = input.execute(ctx).flatMap(b -> Rows.fromBatch(b, inSchema).iterator());
        return function.apply(rows).mapPartitions(it -> batches(it, outSchema, picks));
    }

    private static Iterator<ColumnBatch> batches(Iterator<Row> rows, StructType schema, int[] picks) {
        List<ColumnBatch> out = new ArrayList<>();
        List<Row> chunk = new ArrayList<>();
        while (rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() == ColumnBatch.DEFAULT_ROWS || !rows.hasNext()) {
                ColumnVector[] cols = new ColumnVector[picks.length];
                for (int c = 0; c < picks.length; c++) {
                    StructField f = schema.field(picks[c]);
                    cols[c] = ColumnVectors.allocate(f.dataType(), chunk.size());
                    for (int r = 0; r < chunk.size(); r++) {
                        ColumnVectors.set(cols[c], r, ExternalValues.toInternal(chunk.get(r).get(picks[c]), f.dataType()));
                    }
                }
                out.add(new ColumnBatch(cols, chunk.size()));
                chunk.clear();
            }
        }
        return out.iterator();
    }

    private static StructType schemaOf(List<AttributeReference> attrs) {
        List<StructField> fields = new ArrayList<>();
        for (AttributeReference a : attrs) {
            fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
        }
        return new StructType(fields);
    }

    @Override
    public List<SparkPlan> children() {
        return List.of();
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> newChildren) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return List.of(function.describe(), required);
    }
}
