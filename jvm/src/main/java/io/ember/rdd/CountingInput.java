package io.ember.rdd;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetrics;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input file's stream that adds the bytes read to a task's input counter. Not thread-safe. */
final class CountingInput extends FilterInputStream {
    private final TaskMetrics metrics;

    CountingInput(InputStream in, TaskMetrics metrics) {
        super(in);
        this.metrics = metrics;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            metrics.add(TaskMetric.INPUT_BYTES_READ, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            metrics.add(TaskMetric.INPUT_BYTES_READ, n);
        }
        return n;
    }
}
