package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.serializer.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Reads back what saveAsObjectFile wrote: one partition per visible file of the directory
 * (its {@code part-NNNNN} files, in name order), each a Kryo object stream. Accepts the path
 * syntax of {@link InputPaths}.
 */
public final class ObjectFileRDD<T> extends RDD<T> {
    record PartFile(int index, String path) implements Partition {}

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

    /** The objects of one Kryo stream file; the file is closed at its end or when the task ends. */
    static <T> Iterator<T> read(Path file, TaskContext ctx) {
        try {
            ObjectReader<T> reader = ctx.env().serializer().reader(Files.newInputStream(file));
            ctx.addCompletionListener(reader::close);
            return reader;
        } catch (IOException e) {
            throw new EmberException("Cannot read object file " + file + ": " + e, e);
        }
    }
}
