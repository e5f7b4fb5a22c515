package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.TaskMetric;
import io.ember.serializer.ObjectWriter;
import io.ember.storage.DiskBlockManager;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Saves an RDD as files under one output directory, with a commit protocol so that a failed
 * job leaves no output files and a retried or speculative attempt cannot clobber a committed
 * one:
 * <ol>
 *   <li>driver: fail if the directory exists (unless appending), else create
 *       {@code _temporary/committed};</li>
 *   <li>task: write its files (one or many, in sub-directories if it likes) under the attempt
 *       directory {@code _temporary/<partition>-attempt-<taskAttemptId>}, then rename that
 *       directory to {@code _temporary/committed/<partition>}, or delete it when an earlier
 *       attempt got there first;</li>
 *   <li>driver, after the job: move every committed file to the same relative path in the
 *       output directory, delete {@code _temporary}, write an empty {@code _SUCCESS}. If the job
 *       fails, the whole directory is deleted (only {@code _temporary} when appending).</li>
 * </ol>
 * RDD {@code saveAsTextFile}/{@code saveAsObjectFile} write one {@code part-NNNNN} per
 * partition; the DataFrame writers ({@code io.ember.sql.sources}) write one file per partition
 * value directory.
 */
public final class OutputWriter {
    static final String TEMPORARY = "_temporary";
    static final String COMMITTED = "committed";
    public static final String SUCCESS = "_SUCCESS";
    private static final int TEXT_BUFFER = 64 * 1024;

    /** Writes one partition's elements to an open file stream (the caller closes it). */
    @FunctionalInterface
    interface PartWriter<T> extends Serializable {
        void write(Iterator<T> items, OutputStream out, TaskContext ctx) throws IOException;
    }

    /** Writes one partition's elements as any number of files of one task attempt. */
    @FunctionalInterface
    public interface FilesWriter<T> extends Serializable {
        void write(Iterator<T> items, AttemptFiles files, TaskContext ctx) throws IOException;
    }

    /**
     * Where one task attempt creates its files. Paths are relative to the output directory
     * ({@code "k=1/part-00003.csv"}); directories are created one level at a time below the
     * attempt directory, so a task never recreates an output directory a failed job deleted.
     * Used by one task thread.
     */
    public static final class AttemptFiles {
        private final Path attemptDir;
        private final TaskContext ctx;

        AttemptFiles(Path attemptDir, TaskContext ctx) {
            this.attemptDir = attemptDir;
            this.ctx = ctx;
        }

        /** Adds {@code n} records to the task's output counter (writers that write rows call it). */
        public void countRecords(long n) {
            ctx.metrics().add(TaskMetric.OUTPUT_RECORDS_WRITTEN, n);
        }

        /** A new file at {@code relativePath} (the caller closes the stream). */
        public OutputStream create(String relativePath) throws IOException {
            Path target = attemptDir.resolve(relativePath).normalize();
            if (!target.startsWith(attemptDir) || target.equals(attemptDir)) {
                throw new IOException("output file " + relativePath + " is outside the output directory");
            }
            Path dir = attemptDir;
            for (Path part : attemptDir.relativize(target.getParent() == null ? attemptDir : target.getParent())) {
                if (part.toString().isEmpty()) {
                    continue;
                }
                dir = dir.resolve(part);
                if (!Files.isDirectory(dir)) {
                    Files.createDirectory(dir);
                }
            }
            return new CountingOutput(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ctx.metrics());
        }
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

    private static <T> Iterator<T> countingRecords(Iterator<T> items, AttemptFiles files) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public T next() {
                T item = items.next();
                files.countRecords(1);
                return item;
            }
        };
    }

    static String partName(int partition) {
        return String.format("part-%05d", partition);
    }

    static <T> void save(RDD<T> rdd, String path, PartWriter<T> writer) {
        saveFiles(rdd, path, false, (items, files, ctx) -> {
            try (OutputStream out = files.create(partName(ctx.partitionId()))) {
                writer.write(countingRecords(items, files), out, ctx);
            }
        });
    }

    /**
     * Runs one job writing every partition through {@code writer} and commits its files into
     * {@code path}. Without {@code append} the directory must not exist; with it, files are
     * added to what is there (writers pick names that cannot collide) and {@code _SUCCESS} is
     * rewritten.
     */
    public static <T> void saveFiles(RDD<T> rdd, String path, boolean append, FilesWriter<T> writer) {
        Path dir = InputPaths.localPath(path).toAbsolutePath();
        if (!append && Files.exists(dir)) {
            throw new EmberException("Output directory already exists: " + path);
        }
        boolean created = !Files.exists(dir);
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
            abortJob(created ? dir : dir.resolve(TEMPORARY));
            throw e;
        }
    }

    /**
     * Deletes the output of a failed job. Tasks of the job that are still being killed may
     * create attempt files meanwhile, so this retries until the directory is gone (they cannot
     * recreate it: tasks create directories only below their own attempt directory).
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

    /** Task side: writes this attempt's files, then commits them unless another attempt already did. */
    private static <T> Boolean writePart(String dir, TaskContext ctx, Iterator<T> items, FilesWriter<T> writer)
            throws IOException {
        Path temp = Path.of(dir, TEMPORARY);
        Path attempt = temp.resolve(ctx.partitionId() + "-attempt-" + ctx.taskAttemptId());
        Files.createDirectory(attempt);
        try {
            writer.write(items, new AttemptFiles(attempt, ctx), ctx);
        } catch (IOException | RuntimeException | Error e) {
            DiskBlockManager.deleteRecursively(attempt);
            throw e;
        }
        Path committed = temp.resolve(COMMITTED).resolve(Integer.toString(ctx.partitionId()));
        try {
            Files.move(attempt, committed);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            DiskBlockManager.deleteRecursively(attempt);
        }
        return Boolean.TRUE;
    }

    /** Driver side, after every task committed: publishes the files and marks success. */
    private static void commitJob(Path dir) {
        Path temp = dir.resolve(TEMPORARY);
        try {
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(temp.resolve(COMMITTED))) {
                for (Path part : parts) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(part)) {
                        files = walk.filter(Files::isRegularFile).toList();
                    }
                    for (Path f : files) {
                        Path target = dir.resolve(part.relativize(f).toString());
                        Files.createDirectories(target.getParent());
                        Files.move(f, target);
                    }
                }
            }
            DiskBlockManager.deleteRecursively(temp);
            Files.deleteIfExists(dir.resolve(SUCCESS));
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
