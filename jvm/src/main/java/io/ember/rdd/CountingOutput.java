package io.ember.rdd;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetrics;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output file's stream that adds the bytes written to a task's output counter. Not thread-safe. */
final class CountingOutput extends FilterOutputStream {
    private final TaskMetrics metrics;

    CountingOutput(OutputStream out, TaskMetrics metrics) {
        super(out);
        this.metrics = metrics;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        metrics.add(TaskMetric.OUTPUT_BYTES_WRITTEN, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);   // not FilterOutputStream's byte-at-a-time default
        metrics.add(TaskMetric.OUTPUT_BYTES_WRITTEN, len);
    }
}
