package io.ember.deploy;

import io.ember.core.EmberException;
import io.ember.executor.ExecutorMessages.FileKind;
import io.ember.executor.ExecutorMessages.FileList;
import io.ember.executor.ExecutorMessages.ShippedFile;
import io.ember.rdd.FileSource;
import io.ember.rpc.BlockRegion;
import io.ember.storage.DiskBlockManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The driver's registry of the files an application ships to its executors: files added with
 * {@code addFile} (copied into {@link #root()}, where tasks in local mode find them), jars and
 * archives (served from where they are), and internal files such as Python broadcasts. In
 * cluster mode the driver's RPC server serves each registered file as a block under its name
 * ({@link #region}); nothing else on the driver's disk can be fetched.
 *
 * <p>Thread-safe.
 */
public final class FileServer implements FileSource, AutoCloseable {
    private record Entry(File file, FileKind kind, long version) {}

    private record Added(File source, FileKind kind) {}

    private final File root;
    private final Map<String, Added> added = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long version;

    private FileServer(File root) {
        this.root = root;
    }

    /** A server whose root is a new temporary directory, deleted by {@link #close}. */
    public static FileServer create() {
        try {
            return new FileServer(Files.createTempDirectory("ember-files-").toFile());
        } catch (IOException e) {
            throw new EmberException("Cannot create the directory for added files: " + e.getMessage(), e);
        }
    }

    @Override
    public File root() {
        return root;
    }

    /**
     * Copies a file, or a directory's files when {@code recursive}, into the root and ships each
     * under its path below the root. Adding the same path again changes nothing.
     */
    public synchronized void addFile(String path, boolean recursive) {
        File source = existing(path, "File");
        if (source.isDirectory() && !recursive) {
            throw new EmberException(path + " is a directory; add it with recursive=true");
        }
        if (!isNew(source.getName(), source)) {
            return;
        }
        Path base = source.getParentFile().toPath();
        Map<String, File> copies = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(source.toPath())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    Path copy = root.toPath().resolve(base.relativize(p));
                    Files.createDirectories(copy.getParent());
                    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                    copies.put(base.relativize(p).toString().replace(File.separatorChar, '/'), copy.toFile());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EmberException("Cannot add " + path + ": " + e.getMessage(), e);
        }
        add(source.getName(), source, FileKind.FILE, copies);
    }

    /** Ships a jar, which executors put on their task class loader. */
    public synchronized void addJar(String path) {
        File jar = existing(path, "Jar");
        if (!jar.isFile() || !jar.getName().endsWith(".jar")) {
            throw new EmberException("Not a jar file: " + path);
        }
        if (isNew(jar.getName(), jar)) {
            add(jar.getName(), jar, FileKind.JAR, Map.of(jar.getName(), jar));
        }
    }

    /** Ships an archive, which executors unpack into a directory named {@code name}. */
    public synchronized void addArchive(String path, String name) {
        File archive = existing(path, "Archive");
        if (isNew(name, archive)) {
            add(name, archive, FileKind.ARCHIVE, Map.of(name, archive));
        }
    }

    /** Serves a file that is not shipped up front (executors fetch it when a task needs it). */
    public synchronized void register(String name, File file) {
        entries.put(name, new Entry(file, FileKind.INTERNAL, version));
    }

    public synchronized void unregister(String name) {
        entries.remove(name);
    }

    /** Grows with every file, jar or archive added; executors compare it with what they have. */
    public synchronized long version() {
        return version;
    }

    /** The files, jars and archives to ship, oldest first. */
    public synchronized FileList list() {
        List<ShippedFile> files = new ArrayList<>();
        entries.forEach((name, e) -> {
            if (e.kind != FileKind.INTERNAL) {
                files.add(new ShippedFile(name, e.kind, e.version));
            }
        });
        return new FileList(version, files);
    }

    /** URIs of what was added as {@code kind}, in the order added (for listFiles, listJars). */
    public synchronized List<String> uris(FileKind kind) {
        List<String> out = new ArrayList<>();
        added.forEach((name, a) -> {
            if (a.kind == kind) {
                out.add("file:" + a.source.getPath());
            }
        });
        return out;
    }

    /** The block the RPC server sends for {@code name}; null (not found) for unregistered names. */
    public synchronized BlockRegion region(String name) {
        Entry e = entries.get(name);
        return e == null || !e.file.isFile() ? null : new BlockRegion(e.file, 0, e.file.length());
    }

    @Override
    public synchronized File get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new EmberException("No file named " + name + " was added to this application");
        }
        return e.file;
    }

    @Override
    public void close() {
        DiskBlockManager.deleteRecursively(root.toPath());
    }

    private static File existing(String path, String what) {
        File f = new File(path.startsWith("file:") ? URI.create(path).getPath() : path).getAbsoluteFile();
        if (!f.exists()) {
            throw new EmberException(what + " does not exist: " + path);
        }
        return f;
    }

    /** True when nothing was added under {@code name}; false when {@code source} was; throws when another file was. */
    private boolean isNew(String name, File source) {
        Added a = added.get(name);
        if (a == null) {
            return true;
        }
        if (a.source.equals(source)) {
            return false;
        }
        throw new EmberException("Cannot add " + source + ": a different file named " + name + " was already added ("
                + a.source + ")");
    }

    /** Records what was added under {@code name} and serves {@code served} (block name to file) at a new version. */
    private void add(String name, File source, FileKind kind, Map<String, File> served) {
        version++;
        added.put(name, new Added(source, kind));
        served.forEach((block, file) -> entries.put(block, new Entry(file, kind, version)));
    }
}
