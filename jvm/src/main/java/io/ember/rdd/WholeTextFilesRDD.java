package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.TaskMetric;
import io.ember.core.Tuple2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One {@code (uri, content)} pair per file, the uri like {@code file:/abs/path} and the content
 * decoded as UTF-8. Files (see {@link InputPaths}) are grouped in order into at most
 * minPartitions partitions of roughly equal byte size; each file is read whole when its pair is
 * reached.
 */
public final class WholeTextFilesRDD extends RDD<Tuple2<String, String>> {
    record FileGroup(int index, List<String> paths) implements Partition {}

    private final List<FileGroup> groups;

    public WholeTextFilesRDD(RDDContext ctx, String path, int minPartitions) {
        super(ctx, List.of());
        List<Path> files = InputPaths.resolve(path);
        this.groups = group(files, TextFileRDD.sizes(files), minPartitions);
    }

    /** Consecutive files, a group closed once it holds its share of the bytes; never empty groups. */
    static List<FileGroup> group(List<Path> files, long[] sizes, int maxGroups) {
        int k = Math.max(1, Math.min(maxGroups, files.size()));
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        long target = (total + k - 1) / k;
        List<FileGroup> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            current.add(files.get(i).toString());
            bytes += sizes[i];
            if (bytes >= target && out.size() < k - 1) {
                out.add(new FileGroup(out.size(), List.copyOf(current)));
                current.clear();
                bytes = 0;
            }
        }
        if (!current.isEmpty()) {
            out.add(new FileGroup(out.size(), List.copyOf(current)));
        }
        return out;
    }

    static String uri(Path p) {
        return "file:" + p.toAbsolutePath().normalize();
    }

    @Override
    protected Partition[] computePartitions() {
        return groups.toArray(new Partition[0]);
    }

    @Override
    public Iterator<Tuple2<String, String>> compute(Partition split, TaskContext ctx) {
        Iterator<String> paths = ((FileGroup) split).paths().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paths.hasNext();
            }

            @Override
            public Tuple2<String, String> next() {
                if (!paths.hasNext()) {
                    throw new NoSuchElementException();
                }
                Path p = Path.of(paths.next());
                try {
                    byte[] bytes = Files.readAllBytes(p);
                    if (ctx != null) {
                        ctx.metrics().add(TaskMetric.INPUT_BYTES_READ, bytes.length);
                        ctx.metrics().add(TaskMetric.INPUT_RECORDS_READ, 1);
                    }
                    return new Tuple2<>(uri(p), new String(bytes, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new EmberException("Cannot read input file " + p + ": " + e, e);
                }
            }
        };
    }
}
