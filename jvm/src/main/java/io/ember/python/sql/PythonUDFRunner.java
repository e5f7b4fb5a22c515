package io.ember.python.sql;

import io.ember.python.arrow.ArrowBatchReader;
import io.ember.python.arrow.ArrowBatchWriter;
import io.ember.python.arrow.ArrowFrames;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayDeque;

import io.ember.core.EmberException;
import io.ember.python.PythonRunner;
import io.ember.rdd.TaskContext;
import io.ember.rdd.TaskKilledException;
import io.ember.sql.execution.BatchIterator;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypeJson;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates one Python UDF over one partition's batches in a Python worker, streaming: each
 * input batch's argument columns go to the worker as one pickled list of row tuples (after a
 * first record holding the argument types as JSON), the worker's pickled result lists come
 * back, and each input batch leaves with the results appended as a column of the return type.
 * For a scalar pandas UDF whose types have an Arrow form ({@link UdfCall#arrow}) each batch's
 * arguments go as one Arrow stream instead and the results come back as Arrow streams of one
 * column (docs/sql.md "pandas and Arrow"); the bound on rows in flight is then the call's.
 *
 * <p>Threading: {@link PythonRunner} pulls the input on its writer thread, which queues each
 * batch ({@link #sent}) before writing it; the task thread reads results and takes batches
 * off the queue in the same order. At most {@link #MAX_ROWS_IN_FLIGHT} rows are sent and not
 * yet answered; the writer waits beyond that. The bound must exceed what the worker holds
 * back before it writes a result frame (its serializer batches results until a frame passes
 * 64 KB, at least one byte per result, so fewer than 2^17 results), or the two would wait on
 * each other. Once the worker has failed it reads the rest of the input unanswered, so the
 * writer then neither waits nor queues.
 */
final class PythonUDFRunner {
    static final int MAX_ROWS_IN_FLIGHT = 1 << 18;

    private final UdfCall call;
    private final TaskContext ctx;
    private final int partition;
    private final ConcurrentLinkedQueue<ColumnBatch> sent = new ConcurrentLinkedQueue<>();
    private final int maxRowsInFlight;
    private final Semaphore rowsInFlight;
    private volatile boolean taskEnded;

    PythonUDFRunner(UdfCall call, TaskContext ctx, int partition) {
        this.call = call;
        this.ctx = ctx;
        this.partition = partition;
        this.maxRowsInFlight = call.arrow() ? call.arrowRowsInFlight() : MAX_ROWS_IN_FLIGHT;
        this.rowsInFlight = new Semaphore(maxRowsInFlight);
    }

    /** The input batches (non-empty), each with the UDF's results appended. */
    Iterator<ColumnBatch> run(Iterator<ColumnBatch> input) {
        ctx.addCompletionListener(() -> taskEnded = true);
        PythonRunner runner = new PythonRunner(call.function(), ctx, partition);
        return new Results(runner.run(new Frames(input, runner)));
    }

    private int permits(int rows) {
        return Math.min(rows, maxRowsInFlight);
    }

    /** The frames written to the worker; runs on the writer thread. */
    private final class Frames implements Iterator<Object> {
        private final Iterator<ColumnBatch> input;
        private final PythonRunner runner;
        private final BatchPickler pickler = new BatchPickler();
        private final ArrowBatchWriter arrow = call.arrow()
                ? new ArrowBatchWriter(ArrowUdfRows.argumentSchema(call.argTypes())) : null;
        private boolean headerSent;

        Frames(Iterator<ColumnBatch> input, PythonRunner runner) {
            this.input = input;
            this.runner = runner;
        }

        @Override
        public boolean hasNext() {
            return !headerSent || input.hasNext();
        }

        @Override
        public Object next() {
            try {
                if (!headerSent) {
                    headerSent = true;
                    return pickler.pickle(typesRow(call.argTypes()), 0, 1);
                }
                ColumnBatch b = input.next();
                // After a failure the worker reads the rest and answers nothing: neither
                // wait for room nor keep the batch for results.
                if (admit(b.numRows())) {
                    sent.add(b);
                }
                ColumnVector[] args = new ColumnVector[call.boundArgs().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = call.boundArgs().get(i).eval(b);
                }
                ColumnBatch argBatch = new ColumnBatch(args, b.numRows());
                if (arrow != null) {
                    return ArrowFrames.frame(arrow, List.of(new ArrowBatchWriter.Slice(argBatch, 0, b.numRows())));
                }
                return pickler.pickle(argBatch, 0, b.numRows());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for room for {@code rows} more rows in flight; false once the worker's output has ended. */
        private boolean admit(int rows) {
            try {
                while (!rowsInFlight.tryAcquire(permits(rows), 100, TimeUnit.MILLISECONDS)) {
                    if (runner.outputEnded()) {
                        return false;
                    }
                    if (taskEnded || ctx.isInterrupted()) {
                        throw new TaskKilledException("the task ended while Python UDF " + call.name() + " ran");
                    }
                }
                return !runner.outputEnded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskKilledException("interrupted");
            }
        }
    }

    /** One row: the argument types in Spark's JSON format. */
    private static ColumnBatch typesRow(List<DataType> types) {
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = ColumnVectors.constant(DataTypes.StringType, DataTypeJson.toJson(types.get(i)), 1);
        }
        return new ColumnBatch(cols, 1);
    }

    /** The output batches; runs on the task thread. */
    private final class Results extends BatchIterator {
        private final Iterator<Object> frames;
        private final RowUnpickler unpickler = new RowUnpickler();
        private final ArrowBatchReader arrow = call.arrow() ? new ArrowBatchReader(
                new StructType(List.of(new StructField("_0", call.returnType(), true)))) : null;
        private List<?> current = List.of();
        private final ArrayDeque<ColumnVector> arrowResults = new ArrayDeque<>();
        private ColumnVector currentVector;
        private int pos;

        Results(Iterator<Object> frames) {
            this.frames = frames;
        }

        @Override
        protected ColumnBatch advance() {
            ColumnBatch head = sent.poll();
            if (head == null) {
                if (!available()) {
                    return null;   // the worker finished the task
                }
                head = sent.poll();   // the writer queued it before sending it
                if (head == null) {
                    throw new EmberException("Python UDF " + call.name() + " returned more results than rows");
                }
            }
            int n = head.numRows();
            DataType type = call.returnType();
            ColumnVector out = ColumnVectors.allocate(type, n);
            for (int i = 0; i < n; i++) {
                if (!available()) {
                    throw new EmberException("Python UDF " + call.name() + " returned fewer results than rows");
                }
                ColumnVectors.set(out, i, currentVector != null ? currentVector.get(pos++)
                        : RowUnpickler.toInternal(current.get(pos++), type));
            }
            rowsInFlight.release(permits(n));
            ColumnVector[] cols = new ColumnVector[head.numColumns() + 1];
            System.arraycopy(head.columns(), 0, cols, 0, head.numColumns());
            cols[cols.length - 1] = out;
            return new ColumnBatch(cols, n);
        }

        /** True when a result is ready at {@code current[pos]}, reading frames as needed. */
        private boolean available() {
            if (arrow != null) {
                return availableArrow();
            }
            while (pos >= current.size()) {
                if (!frames.hasNext()) {
                    return false;
                }
                Object rows;
                try {
                    rows = unpickler.loads((byte[]) frames.next());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!(rows instanceof List<?> list)) {
                    throw new EmberException("Python UDF " + call.name() + " sent " + rows + ", not a list of results");
                }
                current = list;
                pos = 0;
            }
            return true;
        }

        /** {@link #available} for results that arrive as Arrow streams of one column. */
        private boolean availableArrow() {
            while (currentVector == null || pos >= currentVector.size()) {
                if (arrowResults.isEmpty()) {
                    if (!frames.hasNext()) {
                        return false;
                    }
                    for (ColumnBatch b : ArrowFrames.decode((byte[]) frames.next(), arrow)) {
                        arrowResults.add(b.column(0));
                    }
                    continue;
                }
                currentVector = arrowResults.poll();
                pos = 0;
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "PythonUDFRunner(" + call.name() + ", partition " + partition + ")";
    }
}
