package io.ember.sql.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The persistent part of the catalog: databases and table metadata kept as small JSON files in
 * the warehouse directory ({@code spark.sql.warehouse.dir}), so tables survive a restart of the
 * application and are seen by every application using the same directory. Layout:
 * {@code <root>/.ember-catalog/<db>.json} for a database other than {@code default} and
 * {@code <root>/.ember-catalog/<db>/<table>.json} for a table; managed tables' files are in
 * {@code <root>/<table>} ({@code default}) or {@code <root>/<db>.db/<table>}, as Spark lays them
 * out. Names are stored lower-cased (Spark's session catalog is case-insensitive).
 *
 * <p>Threading: thread-safe. Each file is written whole to a temporary file and renamed into
 * place, so readers (in this or another process) see an old or a new version, never a torn one;
 * creating a table that exists fails atomically. Concurrent updates of one table from several
 * processes are last-writer-wins.
 */
public final class Warehouse {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String META_DIR = ".ember-catalog";

    private final Path root;

    public Warehouse(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private Path meta() {
        return root.resolve(META_DIR);
    }

    private Path tableFile(String db, String table) {
        return meta().resolve(key(db)).resolve(key(table) + ".json");
    }

    // -- databases ---------------------------------------------------------------------------

    public Optional<DatabaseInfo> getDatabase(String name) {
        if (key(name).equals(EmberSessionCatalog.DEFAULT_DATABASE)) {
            return Optional.of(new DatabaseInfo(EmberSessionCatalog.DEFAULT_DATABASE, "default database", uri(root)));
        }
        Optional<byte[]> bytes = read(meta().resolve(key(name) + ".json"));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode o = JSON.readTree(bytes.get());
            return Optional.of(new DatabaseInfo(o.get("name").asText(), o.path("description").asText(""),
                    o.get("locationUri").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt database metadata for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Creates a database (its directory too); false when it existed. {@code location} null: {@code <root>/<name>.db}. */
    public boolean createDatabase(String name, String description, String location) {
        if (getDatabase(name).isPresent()) {
            return false;
        }
        Path dir = location == null ? root.resolve(key(name) + ".db") : localPath(location);
        ObjectNode o = JSON.createObjectNode();
        o.put("name", key(name));
        o.put("description", description == null ? "" : description);
        o.put("locationUri", uri(dir));
        try {
            Files.createDirectories(dir);
            return writeNew(meta().resolve(key(name) + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create database " + name, e);
        }
    }

    /** Removes a database's metadata (its tables must be dropped first); false when it did not exist. */
    public boolean dropDatabase(String name) {
        try {
            Files.deleteIfExists(meta().resolve(key(name)));
            return Files.deleteIfExists(meta().resolve(key(name) + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop database " + name, e);
        }
    }

    /** Every database, {@code default} included, sorted by name. */
    public List<DatabaseInfo> listDatabases() {
        List<DatabaseInfo> out = new ArrayList<>();
        out.add(getDatabase(EmberSessionCatalog.DEFAULT_DATABASE).orElseThrow());
        for (Path f : list(meta())) {
            String file = f.getFileName().toString();
            if (Files.isRegularFile(f) && file.endsWith(".json")) {
                getDatabase(file.substring(0, file.length() - 5)).ifPresent(out::add);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Where a managed table of {@code db} keeps its files. */
    public Path defaultTableLocation(String db, String table) {
        DatabaseInfo info = getDatabase(db).orElseThrow(() -> CatalogErrors.schemaNotFound(db));
        return localPath(info.locationUri()).resolve(key(table));
    }

    // -- tables ------------------------------------------------------------------------------

    public Optional<CatalogTable> getTable(String db, String table) {
        Path f = tableFile(db, table);
        return read(f).map(bytes -> CatalogTableJson.read(bytes, f.toString()));
    }

    /** Stores a new table's metadata; false (nothing written) when the table exists. */
    public boolean createTable(CatalogTable table) {
        return writeNew(tableFile(table.database(), table.name()), CatalogTableJson.write(table));
    }

    /** Replaces an existing table's metadata. */
    public void alterTable(CatalogTable table) {
        Path f = tableFile(table.database(), table.name());
        Path tmp = temporary(f, CatalogTableJson.write(table));
        try {
            move(tmp, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the metadata of " + table.name(), e);
        }
    }

    /** Removes a table's metadata (not its files); false when it did not exist. */
    public boolean dropTable(String db, String table) {
        try {
            return Files.deleteIfExists(tableFile(db, table));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop the metadata of " + table, e);
        }
    }

    /** The tables of {@code db}, sorted by name. */
    public List<CatalogTable> listTables(String db) {
        List<CatalogTable> out = new ArrayList<>();
        for (Path f : list(meta().resolve(key(db)))) {
            String file = f.getFileName().toString();
            if (file.endsWith(".json")) {
                getTable(db, file.substring(0, file.length() - 5)).ifPresent(out::add);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    // -- files -------------------------------------------------------------------------------

    static String uri(Path p) {
        return "file:" + p.toAbsolutePath().normalize();
    }

    /** A {@code file:} URI or plain path as a local path. */
    static Path localPath(String location) {
        return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location)
                .toAbsolutePath().normalize();
    }

    private static Optional<byte[]> read(Path f) {
        try {
            return Optional.of(Files.readAllBytes(f));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog metadata " + f, e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list catalog metadata " + dir, e);
        }
    }

    private static Path temporary(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write catalog metadata " + target, e);
        }
    }

    /** Writes {@code target} unless it exists; false when it did. */
    private static boolean writeNew(Path target, byte[] bytes) {
        Path tmp = temporary(target, bytes);
        try {
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot create catalog metadata " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray hidden temporary file is harmless
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
