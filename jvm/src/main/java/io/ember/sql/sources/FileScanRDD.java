package io.ember.sql.sources;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.rdd.InputFileBlock;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDContext;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads file splits as column batches: each partition is a group of splits read one after
 * another by the format's reader. Output columns are, in order, either a column the reader
 * produces ({@code outputSource[i] >= 0}, an index into {@code requiredData}) or a partition
 * column ({@code -1 - k}, column k of the split's partition values, as a constant vector).
 */
final class FileScanRDD extends RDD<ColumnBatch> {
    private static final long serialVersionUID = 1L;

    /** The splits one task reads. */
    record FilePartition(int index, List<FileSplit> splits) implements Partition {}

    private final List<FilePartition> partitions;
    private final FileFormat format;
    private final StructType dataSchema;
    private final StructType requiredData;
    private final StructType requiredPartition;
    private final int[] partitionOrdinals;
    private final int[] outputSource;
    private final List<Expression> filters;
    private final SourceOptions options;

    FileScanRDD(RDDContext ctx, List<FilePartition> partitions, FileFormat format, StructType dataSchema,
            StructType requiredData, StructType requiredPartition, int[] partitionOrdinals, int[] outputSource,
            List<Expression> filters, SourceOptions options) {
        super(ctx, List.of());
        this.partitions = List.copyOf(partitions);
        this.format = format;
        this.dataSchema = dataSchema;
        this.requiredData = requiredData;
        this.requiredPartition = requiredPartition;
        this.partitionOrdinals = partitionOrdinals;
        this.outputSource = outputSource;
        this.filters = List.copyOf(filters);
        this.options = options;
    }

    @Override
    protected Partition[] computePartitions() {
        return partitions.toArray(new Partition[0]);
    }

    @Override
    public Iterator<ColumnBatch> compute(Partition split, TaskContext ctx) {
        SplitsIterator it = new SplitsIterator(((FilePartition) split).splits(), ctx);
        if (ctx != null) {
            ctx.addCompletionListener(it::close);
        }
        return it;
    }

    /**
     * The batches of several splits in turn, each with its partition columns added. Handing out
     * a batch tells the task which file block it came from ({@link TaskContext#setInputFile}),
     * for {@code input_file_name()} above the scan; running out tells it no file.
     */
    private final class SplitsIterator implements Iterator<ColumnBatch> {
        private final List<FileSplit> splits;
        private final TaskContext task;
        private int nextSplit;
        private FileSplit current;
        private InputFileBlock currentBlock = InputFileBlock.NONE;
        private FileFormat.CloseableIterator<ColumnBatch> reader;

        SplitsIterator(List<FileSplit> splits, TaskContext task) {
            this.splits = splits;
            this.task = task;
        }

        @Override
        public boolean hasNext() {
            while (reader == null || !reader.hasNext()) {
                close();
                if (nextSplit >= splits.size()) {
                    if (task != null) {
                        task.setInputFile(InputFileBlock.NONE);
                    }
                    return false;
                }
                current = splits.get(nextSplit++);
                currentBlock = new InputFileBlock(Path.of(current.path()).toAbsolutePath().toUri().toString(),
                        current.start(), current.length());
                try {
                    reader = format.read(current, dataSchema, requiredData, filters, options);
                } catch (IOException | UncheckedIOException e) {
                    throw new EmberException("Cannot read file " + MalformedRecords.fileUri(current.path()) + ": " + e, e);
                }
            }
            return true;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ColumnBatch data = reader.next();
            if (task != null) {
                task.setInputFile(currentBlock);
            }
            if (outputSource.length == requiredData.size() && requiredPartition.size() == 0) {
                return data;
            }
            ColumnVector[] cols = new ColumnVector[outputSource.length];
            for (int i = 0; i < cols.length; i++) {
                int s = outputSource[i];
                if (s >= 0) {
                    cols[i] = data.column(s);
                } else {
                    int k = -1 - s;
                    cols[i] = ColumnVectors.constant(requiredPartition.field(k).dataType(),
                            current.partitionValues()[partitionOrdinals[k]], data.numRows());
                }
            }
            return new ColumnBatch(cols, data.numRows());
        }

        void close() {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }
}
