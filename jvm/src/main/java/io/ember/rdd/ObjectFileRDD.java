package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.TaskMetric;
import io.ember.serializer.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads back what saveAsObjectFile wrote: one partition per visible file of the directory
 * (its {@code part-NNNNN} files, in name order), each a Kryo object stream. Accepts the path
 * syntax of {@link InputPaths}.
 */
public final class ObjectFileRDD<T> extends RDD<T> {
    record PartFile(int index, String path) implements Partition {}

    /** The first bytes of every object file, so that other files are recognised. */
    static final byte[] MAGIC = "EMBER-OBJECTS-1\n".getBytes(StandardCharsets.US_ASCII);

    private final List<String> files;

    public ObjectFileRDD(RDDContext ctx, String path) {
        super(ctx, List.of());
        this.files = List.copyOf(InputPaths.resolve(path).stream().map(Path::toString).toList());
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[files.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new PartFile(i, files.get(i));
        }
        return parts;
    }

    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        return read(Path.of(((PartFile) split).path()), ctx);
    }

    /**
     * The objects of one object file (MAGIC, then a Kryo stream); the file is closed at its
     * end or when the task ends. A file without MAGIC is refused with a message saying so.
     */
    static <T> Iterator<T> read(Path file, TaskContext ctx) {
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            byte[] head = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) {
                throw new EmberException(file + " is not an object file (one written by saveAsObjectFile "
                        + "or saveAsPickleFile)");
            }
            ctx.metrics().add(TaskMetric.INPUT_BYTES_READ, head.length);
            ObjectReader<T> reader = ctx.env().serializer().reader(new CountingInput(in, ctx.metrics()));
            in = null;
            ctx.addCompletionListener(reader::close);
            return new Iterator<T>() {
                @Override
                public boolean hasNext() {
                    return reader.hasNext();
                }

                @Override
                public T next() {
                    T item = reader.next();
                    ctx.metrics().add(TaskMetric.INPUT_RECORDS_READ, 1);
                    return item;
                }
            };
        } catch (IOException e) {
            throw new EmberException("Cannot read object file " + file + ": " + e, e);
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the failure being reported matters more
                }
            }
        }
    }
}
