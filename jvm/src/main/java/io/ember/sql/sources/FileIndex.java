package io.ember.sql.sources;

import io.ember.rdd.InputPaths;
import io.ember.sql.AnalysisException;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a relation, listed once on the driver when the relation is resolved, grouped
 * by partition directory. Each path may be a file, a directory (listed recursively, skipping
 * names starting with '_' or '.') or a glob. Directories named {@code key=value} below a
 * listed directory make partition columns ({@link PartitionDiscovery}). Immutable.
 */
final class FileIndex implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One file and its length. */
    record FileEntry(String path, long length) implements Serializable {}

    /** The files of one partition directory and its partition values (internal, in schema order). */
    record PartitionDir(Object[] values, List<FileEntry> files) implements Serializable {}

    private final List<String> roots;
    private final StructType partitionSchema;
    private final List<PartitionDir> partitions;

    private FileIndex(List<String> roots, StructType partitionSchema, List<PartitionDir> partitions) {
        this.roots = List.copyOf(roots);
        this.partitionSchema = partitionSchema;
        this.partitions = List.copyOf(partitions);
    }

    List<String> roots() {
        return roots;
    }

    StructType partitionSchema() {
        return partitionSchema;
    }

    List<PartitionDir> partitions() {
        return partitions;
    }

    List<Path> allFiles() {
        List<Path> out = new ArrayList<>();
        for (PartitionDir p : partitions) {
            for (FileEntry f : p.files()) {
                out.add(Path.of(f.path()));
            }
        }
        return out;
    }

    long totalBytes() {
        long n = 0;
        for (PartitionDir p : partitions) {
            for (FileEntry f : p.files()) {
                n += f.length();
            }
        }
        return n;
    }

    /** {@code [PATH_NOT_FOUND] Path does not exist: file:/...}, as Spark reports a missing input. */
    static AnalysisException pathNotFound(String path) {
        String uri = "file:" + InputPaths.localPath(path).toAbsolutePath().normalize();
        return new AnalysisException("PATH_NOT_FOUND", "Path does not exist: " + uri + ".", Map.of("path", uri));
    }

    static FileIndex list(List<String> paths, SourceOptions options, StructType userSchema) {
        List<String> roots = new ArrayList<>();
        Map<List<String>, List<FileEntry>> byDir = new LinkedHashMap<>();
        List<String> keys = null;
        for (String spec : paths) {
            List<Path> matched = InputPaths.expand(spec);
            if (matched.isEmpty()) {
                throw pathNotFound(spec);
            }
            for (Path root : matched) {
                roots.add("file:" + root.toAbsolutePath().normalize());
                if (!Files.isDirectory(root)) {
                    byDir.computeIfAbsent(List.of(), k -> new ArrayList<>()).add(entry(root));
                    continue;
                }
                for (Path f : walk(root)) {
                    List<String> dirs = new ArrayList<>();
                    for (Path d : root.relativize(f.getParent() == null ? root : f.getParent())) {
                        if (!d.toString().isEmpty()) {
                            dirs.add(d.toString());
                        }
                    }
                    List<String[]> pairs = PartitionDiscovery.parse(dirs);
                    List<String> raw = new ArrayList<>();
                    if (pairs != null && !pairs.isEmpty()) {
                        List<String> k = pairs.stream().map(p -> p[0]).toList();
                        if (keys != null && !keys.equals(k)) {
                            throw new AnalysisException("CONFLICTING_DIRECTORY_STRUCTURES", "Conflicting directory"
                                    + " structures detected: partition columns " + keys + " and " + k + " under " + root
                                    + ".", Map.of("path", root.toString()));
                        }
                        keys = k;
                        pairs.forEach(p -> raw.add(p[1]));
                    }
                    byDir.computeIfAbsent(raw, x -> new ArrayList<>()).add(entry(f));
                }
            }
        }
        if (keys == null) {
            List<FileEntry> all = new ArrayList<>();
            byDir.values().forEach(all::addAll);
            return new FileIndex(roots, new StructType(List.of()), all.isEmpty() ? List.of()
                    : List.of(new PartitionDir(new Object[0], all)));
        }
        List<String> finalKeys = keys;
        List<String[]> rows = new ArrayList<>();
        byDir.keySet().stream().filter(r -> r.size() == finalKeys.size()).forEach(r -> rows.add(r.toArray(new String[0])));
        TextValues values = new TextValues(options);
        boolean infer = options.getBoolean("ember.partitionTypeInference", true);
        StructType schema = PartitionDiscovery.schema(keys, rows, infer, userSchema, values);
        List<PartitionDir> parts = new ArrayList<>();
        for (Map.Entry<List<String>, List<FileEntry>> e : byDir.entrySet()) {
            if (e.getKey().size() != keys.size()) {
                continue; // files beside the partition directories are not part of the table
            }
            Object[] v = new Object[keys.size()];
            for (int i = 0; i < v.length; i++) {
                StructField f = schema.field(i);
                v[i] = PartitionDiscovery.value(e.getKey().get(i), f.dataType(), values);
            }
            parts.add(new PartitionDir(v, e.getValue()));
        }
        return new FileIndex(roots, schema, parts);
    }

    private static FileEntry entry(Path f) {
        try {
            return new FileEntry(f.toAbsolutePath().normalize().toString(), Files.size(f));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + f, e);
        }
    }

    /** The visible regular files below {@code root}, sorted; hidden names hide whole sub-trees. */
    private static List<Path> walk(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            if (InputPaths.isHidden(part)) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }
}
