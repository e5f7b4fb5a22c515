package io.ember.storage;

import io.ember.serializer.KryoSerializer;
import io.ember.serializer.ObjectReader;
import io.ember.serializer.ObjectWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Optional;

/** Blocks serialized with Kryo into one file each under the local dirs. Thread-safe. */
final class DiskStore {
    private final DiskBlockManager dirs;
    private final KryoSerializer serializer;

    DiskStore(DiskBlockManager dirs, KryoSerializer serializer) {
        this.dirs = dirs;
        this.serializer = serializer;
    }

    void putValues(BlockId id, Iterator<?> values) {
        File target = dirs.file(id);
        File tmp = new File(target.getPath() + ".tmp-" + Thread.currentThread().getId());
        try (ObjectWriter w = serializer.writer(new BufferedOutputStream(new FileOutputStream(tmp), 1 << 16))) {
            while (values.hasNext()) {
                w.write(values.next());
            }
        } catch (IOException e) {
            tmp.delete();
            throw new UncheckedIOException("Cannot write block " + id.name() + " to " + tmp, e);
        }
        if (!tmp.renameTo(target)) {
            tmp.delete();
            throw new UncheckedIOException(new IOException("Cannot rename " + tmp + " to " + target));
        }
    }

    void putBytes(BlockId id, byte[] bytes) {
        try {
            Files.write(dirs.file(id).toPath(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write block " + id.name(), e);
        }
    }

    /** The block's values, or empty when its file is missing (lost blocks are recomputed). */
    <T> Optional<ObjectReader<T>> getValues(BlockId id) {
        File f = dirs.file(id);
        try {
            return Optional.of(serializer.reader(new BufferedInputStream(new FileInputStream(f), 1 << 16)));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    Optional<byte[]> getBytes(BlockId id) {
        try {
            return Optional.of(Files.readAllBytes(dirs.file(id).toPath()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean contains(BlockId id) {
        return dirs.file(id).exists();
    }

    boolean remove(BlockId id) {
        return dirs.file(id).delete();
    }
}
