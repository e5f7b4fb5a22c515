package io.ember.python.sql;

import io.ember.core.EmberException;
import io.ember.rdd.RDD;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.LeafExecNode;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans a {@link PythonRowsRelation}: unpickles each batch of Python rows in the task that
 * reads it (one {@link RowUnpickler} per task) and keeps the required columns.
 */
final class PythonRowsScanExec extends LeafExecNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> relationOutput;
    private final RDD<byte[]> rows;
    private final List<Integer> ordinals;

    PythonRowsScanExec(List<AttributeReference> relationOutput, RDD<byte[]> rows, List<Integer> ordinals) {
        this.relationOutput = List.copyOf(relationOutput);
        this.rows = rows;
        this.ordinals = List.copyOf(ordinals);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        for (int i : ordinals) {
            out.add(relationOutput.get(i));
        }
        return out;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        StructType schema = schemaOf(relationOutput);
        int[] keep = ordinals.stream().mapToInt(Integer::intValue).toArray();
        return rows.mapPartitions(it -> {
            RowUnpickler unpickler = new RowUnpickler();
            return new java.util.Iterator<ColumnBatch>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ColumnBatch next() {
                    try {
                        ColumnBatch all = unpickler.batch(it.next(), schema);
                        ColumnVector[] cols = new ColumnVector[keep.length];
                        for (int i = 0; i < keep.length; i++) {
                            cols[i] = all.column(keep[i]);
                        }
                        return new ColumnBatch(cols, all.numRows());
                    } catch (IOException e) {
                        throw new EmberException("Cannot read a batch of Python rows: " + e, e);
                    }
                }
            };
        }, false);
    }

    static StructType schemaOf(List<AttributeReference> attributes) {
        List<StructField> fields = new ArrayList<>();
        for (AttributeReference a : attributes) {
            fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
        }
        return new StructType(fields);
    }

    @Override
    protected List<Object> args() {
        return List.of(output(), "rdd " + rows.id());
    }
}
