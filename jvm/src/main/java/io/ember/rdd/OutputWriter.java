package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.serializer.ObjectWriter;
import io.ember.storage.DiskBlockManager;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Saves an RDD as a directory of {@code part-NNNNN} files, one per partition, with a commit
 * protocol so that a failed job leaves no part files and a retried or speculative attempt
 * cannot clobber a committed part:
 * <ol>
 *   <li>driver: fail if the directory exists, else create {@code _temporary/committed};</li>
 *   <li>task: write {@code _temporary/<partition>-attempt-<taskAttemptId>}, then rename it to
 *       {@code _temporary/committed/part-NNNNN}, or delete it when an earlier attempt got there
 *       first;</li>
 *   <li>driver, after the job: move the committed parts up, delete {@code _temporary}, write an
 *       empty {@code _SUCCESS}. If the job fails, the whole directory is deleted.</li>
 * </ol>
 */
final class OutputWriter {
    static final String TEMPORARY = "_temporary";
    static final String COMMITTED = "committed";
    static final String SUCCESS = "_SUCCESS";
    private static final int TEXT_BUFFER = 64 * 1024;

    /** Writes one partition's elements to an open file stream (the caller closes it). */
    @FunctionalInterface
    interface PartWriter<T> extends Serializable {
        void write(Iterator<T> items, OutputStream out, TaskContext ctx) throws IOException;
    }

    private OutputWriter() {}

    /** One line per element, {@code String.valueOf(x)}, UTF-8. */
    static <T> void saveAsTextFile(RDD<T> rdd, String path) {
        save(rdd, path, OutputWriter::writeText);
    }

    /** A Kryo object stream per partition, read back by {@link ObjectFileRDD}. */
    static <T> void saveAsObjectFile(RDD<T> rdd, String path) {
        save(rdd, path, OutputWriter::writeObjects);
    }

    static String partName(int partition) {
        return String.format("part-%05d", partition);
    }

    static <T> void save(RDD<T> rdd, String path, PartWriter<T> writer) {
        Path dir = InputPaths.localPath(path).toAbsolutePath();
        if (Files.exists(dir)) {
            throw new EmberException("Output directory already exists: " + path);
        }
        try {
            Files.createDirectories(dir.resolve(TEMPORARY).resolve(COMMITTED));
        } catch (IOException e) {
            throw new EmberException("Cannot create output directory " + path + ": " + e, e);
        }
        String dirName = dir.toString();
        try {
            rdd.runJob((ctx, it) -> writePart(dirName, ctx, it, writer));
            commitJob(dir);
        } catch (RuntimeException | Error e) {
            abortJob(dir);
            throw e;
        }
    }

    /**
     * Deletes the output directory of a failed job. Tasks of the job that are still being
     * killed may create attempt files meanwhile, so this retries until the directory is gone
     * (they cannot recreate it: tasks never create directories).
     */
    private static void abortJob(Path dir) {
        for (int i = 0; i < 250 && Files.exists(dir); i++) {
            DiskBlockManager.deleteRecursively(dir);
            if (Files.exists(dir)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Task side: writes this attempt's file, then commits it unless another attempt already did. */
    private static <T> Boolean writePart(String dir, TaskContext ctx, Iterator<T> items, PartWriter<T> writer)
            throws IOException {
        Path temp = Path.of(dir, TEMPORARY);
        Path attempt = temp.resolve(ctx.partitionId() + "-attempt-" + ctx.taskAttemptId());
        try (OutputStream out = Files.newOutputStream(attempt)) {
            writer.write(items, out, ctx);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(attempt);
            throw e;
        }
        Path committed = temp.resolve(COMMITTED).resolve(partName(ctx.partitionId()));
        try {
            Files.move(attempt, committed);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(attempt);
        }
        return Boolean.TRUE;
    }

    /** Driver side, after every task committed: publishes the parts and marks success. */
    private static void commitJob(Path dir) {
        Path temp = dir.resolve(TEMPORARY);
        try {
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(temp.resolve(COMMITTED))) {
                for (Path p : parts) {
                    Files.move(p, dir.resolve(p.getFileName()));
                }
            }
            DiskBlockManager.deleteRecursively(temp);
            Files.createFile(dir.resolve(SUCCESS));
        } catch (IOException e) {
            throw new EmberException("Cannot commit output directory " + dir + ": " + e, e);
        }
    }

    private static <T> void writeText(Iterator<T> items, OutputStream out, TaskContext ctx) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), TEXT_BUFFER);
        while (items.hasNext()) {
            w.write(String.valueOf(items.next()));
            w.write('\n');
        }
        w.flush();
    }

    private static <T> void writeObjects(Iterator<T> items, OutputStream out, TaskContext ctx) {
        try {
            out.write(ObjectFileRDD.MAGIC);
        } catch (IOException e) {
            throw new EmberException("Cannot write an object file: " + e, e);
        }
        ObjectWriter w = ctx.env().serializer().writer(out);
        try {
            while (items.hasNext()) {
                w.write(items.next());
            }
            w.flush();
        } finally {
            w.close();
        }
    }
}
