package io.ember.python.sql;

import io.ember.rdd.RDD;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.LeafExecNode;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Scans a {@link PythonRowsRelation}: decodes each frame from Python in the task that reads
 * it (pickled rows or Arrow streams, by its {@link PythonFrameDecoder}) and keeps the
 * required columns.
 */
final class PythonRowsScanExec extends LeafExecNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> relationOutput;
    private final RDD<byte[]> rows;
    private final List<Integer> ordinals;
    private final PythonFrameDecoder decoder;

    PythonRowsScanExec(List<AttributeReference> relationOutput, RDD<byte[]> rows, List<Integer> ordinals,
                       PythonFrameDecoder decoder) {
        this.relationOutput = List.copyOf(relationOutput);
        this.rows = rows;
        this.ordinals = List.copyOf(ordinals);
        this.decoder = decoder;
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
        PythonFrameDecoder decode = decoder;
        return rows.mapPartitions(it -> {
            Iterator<ColumnBatch> batches = decode.decode(it, schema);
            return new Iterator<ColumnBatch>() {
                @Override
                public boolean hasNext() {
                    return batches.hasNext();
                }

                @Override
                public ColumnBatch next() {
                    ColumnBatch all = batches.next();
                    ColumnVector[] cols = new ColumnVector[keep.length];
                    for (int i = 0; i < keep.length; i++) {
                        cols[i] = all.column(keep[i]);
                    }
                    return new ColumnBatch(cols, all.numRows());
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
