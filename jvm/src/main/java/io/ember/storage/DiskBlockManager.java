package io.ember.storage;

import io.ember.core.EmberException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Maps block ids to files under the local dirs ({@code ember.local.dir}), spreading them over
 * hashed sub-directories. Creates an {@code ember-<uuid>} directory in each local dir and
 * deletes it on {@link #stop}.
 */
public final class DiskBlockManager {
    private static final int SUB_DIRS = 64;
    private final List<Path> roots = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong spillFiles = new java.util.concurrent.atomic.AtomicLong();

    public DiskBlockManager(List<String> localDirs) {
        for (String dir : localDirs) {
            Path root = Path.of(dir, "ember-" + UUID.randomUUID());
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new EmberException("Cannot create a local directory under " + dir
                        + " (set ember.local.dir to a writable directory): " + e.getMessage(), e);
            }
            roots.add(root);
        }
        if (roots.isEmpty()) {
            throw new EmberException("No local directories configured (ember.local.dir)");
        }
    }

    public File file(BlockId id) {
        return file(id.name());
    }

    public File file(String name) {
        int hash = name.hashCode() & Integer.MAX_VALUE;
        Path root = roots.get(hash % roots.size());
        Path sub = root.resolve(String.format("%02x", (hash / roots.size()) % SUB_DIRS));
        try {
            Files.createDirectories(sub);
        } catch (IOException e) {
            throw new EmberException("Cannot create " + sub + ": " + e.getMessage(), e);
        }
        return sub.resolve(name).toFile();
    }

    public BlockId.TempSpill newSpillBlock() {
        spillFiles.incrementAndGet();
        return new BlockId.TempSpill(UUID.randomUUID().toString());
    }

    /** How many spill files buffers have created so far (tests and metrics). */
    public long spillFilesCreated() {
        return spillFiles.get();
    }

    public List<Path> roots() {
        return List.copyOf(roots);
    }

    public void stop() {
        for (Path root : roots) {
            deleteRecursively(root);
        }
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: leftovers in a temp dir are harmless
        }
    }
}
