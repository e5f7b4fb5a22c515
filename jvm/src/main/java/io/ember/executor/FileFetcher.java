package io.ember.executor;

import io.ember.core.EmberException;
import io.ember.executor.ExecutorMessages.FileKind;
import io.ember.executor.ExecutorMessages.FileList;
import io.ember.executor.ExecutorMessages.GetFiles;
import io.ember.executor.ExecutorMessages.ShippedFile;
import io.ember.rdd.FileSource;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcRef;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor's copies of the files its application shipped, in the executor's work directory
 * (SparkFiles' root in its tasks). Before a task runs, {@link #sync} fetches what the driver
 * added since the last sync: files land under their names, jars also join the task class
 * loader, archives are unpacked into a directory of their name. Internal files (Python
 * broadcasts) are fetched when first asked for, into a hidden cache directory.
 *
 * <p>Thread-safe: fetches happen under this object's lock, one at a time.
 */
final class FileFetcher implements FileSource {
    private static final Logger LOG = LoggerFactory.getLogger(FileFetcher.class);
    private static final String CACHE = ".ember-cache";

    private final File dir;
    private final RpcEnv rpc;
    private final RpcRef driver;
    private final ExecutorClassLoader loader;
    private final Duration timeout;
    private final Map<String, Long> fetched = new HashMap<>();
    private long version;

    FileFetcher(File dir, RpcEnv rpc, RpcRef driver, ExecutorClassLoader loader, Duration timeout) {
        this.dir = dir;
        this.rpc = rpc;
        this.driver = driver;
        this.loader = loader;
        this.timeout = timeout;
    }

    @Override
    public File root() {
        return dir;
    }

    /** Fetches what the driver added up to {@code wanted} unless this executor has it already. */
    synchronized void sync(long wanted) {
        if (wanted <= version) {
            return;
        }
        FileList list = driver.ask(new GetFiles(), timeout);
        for (ShippedFile f : list.files()) {
            Long have = fetched.get(f.name());
            if (have == null || have < f.version()) {
                install(f);
                fetched.put(f.name(), f.version());
            }
        }
        version = list.version();
    }

    private void install(ShippedFile f) {
        File target = f.kind() == FileKind.ARCHIVE ? new File(dir, CACHE + "/" + f.name()) : new File(dir, f.name());
        fetchTo(f.name(), target);
        if (f.kind() == FileKind.JAR) {
            loader.addJar(target);
        } else if (f.kind() == FileKind.ARCHIVE) {
            unpack(target, new File(dir, f.name()));
        }
        LOG.info("Fetched {} {} from the driver", f.kind().name().toLowerCase(), f.name());
    }

    @Override
    public synchronized File get(String name) {
        File local = new File(dir, CACHE + "/" + name);
        if (!local.isFile()) {
            fetchTo(name, local);
        }
        return local;
    }

    /** Deletes this executor's copy of a file fetched with {@link #get}; a later get fetches it again. */
    synchronized void evict(String name) {
        new File(dir, CACHE + "/" + name).delete();
    }

    private void fetchTo(String name, File target) {
        Path path = target.toPath().normalize();
        if (!path.startsWith(dir.toPath().normalize())) {
            throw new EmberException("Refusing to write shipped file " + name + " outside the work directory");
        }
        try {
            byte[] bytes = rpc.fetchBlock(driver.host(), driver.port(), name, timeout);
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), ".fetch-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new EmberException("Cannot fetch " + name + " from the driver at " + driver.host() + ":"
                    + driver.port() + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks a zip or jar (by its magic bytes) with java.util.zip, anything else with the tar command. */
    private static void unpack(File archive, File into) {
        String name = archive.getName();
        try {
            Files.createDirectories(into.toPath());
            if (isZip(archive)) {
                unzip(archive, into.toPath());
            } else {
                Process p = new ProcessBuilder("tar", "-xf", archive.getPath(), "-C", into.getPath())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) {
                    throw new IOException("tar failed: " + out.trim());
                }
            }
        } catch (IOException e) {
            throw new EmberException("Cannot unpack " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while unpacking " + name, e);
        }
    }

    private static boolean isZip(File file) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static void unzip(File archive, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive.toPath()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = into.resolve(e.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("entry " + e.getName() + " points outside the archive's directory");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
