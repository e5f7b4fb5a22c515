package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.serializer.ObjectWriter;
import io.ember.storage.DiskBlockManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A reliably checkpointed RDD: partition i is read from {@code <dir>/part-NNNNN} (a Kryo object
 * stream). It has no dependencies, so it cuts the lineage of the RDD it replaces.
 * {@link #write} runs the job that saves an RDD and returns its checkpoint.
 */
final class CheckpointRDD<T> extends RDD<T> {
    record CheckpointPartition(int index) implements Partition {}

    private final String directory;
    private final int numPartitions;
    private final Partitioner partitioner;

    private CheckpointRDD(RDDContext ctx, String directory, int numPartitions, Partitioner partitioner) {
        super(ctx, List.of());
        this.directory = directory;
        this.numPartitions = numPartitions;
        this.partitioner = partitioner;
    }

    /** Saves every partition of {@code rdd} under {@code <checkpointDir>/rdd-<id>} and returns the reader. */
    static <T> RDD<T> write(RDD<T> rdd) {
        String base = rdd.context().checkpointDir().orElseThrow(() ->
                new EmberException("Checkpoint directory is not set: call setCheckpointDir(dir) first"));
        Path dir = InputPaths.localPath(base).toAbsolutePath().resolve("rdd-" + rdd.id());
        DiskBlockManager.deleteRecursively(dir); // left by an earlier application using the same dir
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmberException("Cannot create checkpoint directory " + dir + ": " + e, e);
        }
        String dirName = dir.toString();
        int n = rdd.getNumPartitions();
        try {
            rdd.runJob((ctx, it) -> writePart(dirName, ctx, it));
            for (int i = 0; i < n; i++) {
                if (!Files.exists(dir.resolve(OutputWriter.partName(i)))) {
                    throw new EmberException("Checkpoint of RDD " + rdd.id() + " is missing partition " + i
                            + " in " + dir);
                }
            }
        } catch (RuntimeException | Error e) {
            DiskBlockManager.deleteRecursively(dir);
            throw e;
        }
        return new CheckpointRDD<>(rdd.context(), dirName, n, rdd.partitioner().orElse(null));
    }

    /** A new object file's stream, positioned after its {@link ObjectFileRDD#MAGIC} line. */
    private static OutputStream objectFileStream(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            out.write(ObjectFileRDD.MAGIC);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** Writes a hidden attempt file, then renames it into place (a retry simply replaces it). */
    private static <T> Boolean writePart(String dir, TaskContext ctx, Iterator<T> items) throws IOException {
        Path part = Path.of(dir, OutputWriter.partName(ctx.partitionId()));
        Path attempt = Path.of(dir, "." + part.getFileName() + "-attempt-" + ctx.taskAttemptId());
        try (ObjectWriter w = ctx.env().serializer().writer(objectFileStream(attempt))) {
            while (items.hasNext()) {
                w.write(items.next());
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(attempt);
            throw e;
        }
        Files.move(attempt, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Boolean.TRUE;
    }

    /** Where the partitions are stored. */
    String directory() {
        return directory;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[numPartitions];
        for (int i = 0; i < numPartitions; i++) {
            parts[i] = new CheckpointPartition(i);
        }
        return parts;
    }

    /** Reads partition {@code split.index()}; any partition object of the original RDD will do. */
    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        Path part = Path.of(directory, OutputWriter.partName(split.index()));
        if (!Files.exists(part)) {
            throw new EmberException("Checkpoint file " + part + " of RDD " + id() + " is missing");
        }
        return ObjectFileRDD.read(part, ctx);
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return Optional.ofNullable(partitioner);
    }
}
