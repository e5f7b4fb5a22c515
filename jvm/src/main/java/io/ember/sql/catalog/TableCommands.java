package io.ember.sql.catalog;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.sources.BucketSpec;
import io.ember.sql.sources.DataSource;
import io.ember.sql.sources.FileSourceRelation;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The writes of persistent tables: create (with or without a query), insert (append or
 * overwrite, by position), drop, truncate and analyze, each ending with the warehouse's
 * metadata updated, the session's relation of the table forgotten and its cached data
 * refreshed. Data is written before metadata, so a failed CTAS leaves no table.
 *
 * <p>Threading: thread-safe as its collaborators are; two writes of one table at once are not
 * serialized (as in Spark, the last metadata update wins).
 */
final class TableCommands {
    private final PersistentTables tables;
    private final CatalogSession session;

    TableCommands(PersistentTables tables, CatalogSession session) {
        this.tables = tables;
        this.session = session;
    }

    private Warehouse warehouse() {
        return tables.warehouse();
    }

    String defaultProvider() {
        return session.conf().get("spark.sql.sources.default", "parquet").toLowerCase(Locale.ROOT);
    }

    /** CREATE TABLE [AS SELECT]; false when it existed and {@code ifNotExists}. */
    boolean create(TableName name, TableDefinition def, LogicalPlan query, boolean ifNotExists) {
        if (tables.metadata(name).isPresent()) {
            if (ifNotExists) {
                return false;
            }
            throw CatalogErrors.tableAlreadyExists(name.qualified());
        }
        if (warehouse().getDatabase(name.database()).isEmpty()) {
            throw CatalogErrors.schemaNotFound(name.database());
        }
        String provider = def.provider() == null ? defaultProvider() : def.provider().toLowerCase(Locale.ROOT);
        DataSource.format(provider);
        String location = def.location() != null ? def.location() : def.options().get("path");
        boolean external = location != null;
        Path dir = external ? Warehouse.localPath(location) : warehouse().defaultTableLocation(name.database(), name.table());
        if (!external && TableFiles.nonEmpty(dir)) {
            throw CatalogErrors.locationAlreadyExists(name.qualified(), Warehouse.uri(dir));
        }
        LogicalPlan data = query == null ? null : session.analyze(query);
        StructType schema = data != null ? nullable(data.output())
                : def.schema() != null ? nullable(def.schema()) : inferred(provider, dir, def.options());
        List<String> partitionColumns = partitionColumns(name, schema, def.partitionColumns());
        BucketSpec buckets = TableBuckets.normalize(def.bucketSpec(), name, schema, partitionColumns);
        schema = partitionsLast(schema, partitionColumns);
        CatalogTable table = new CatalogTable(name.database(), name.table(), provider, schema, partitionColumns,
                def.options(), Warehouse.uri(dir), external ? "EXTERNAL" : "MANAGED", def.comment(),
                System.currentTimeMillis(), null, 0, buckets, def.properties());
        try {
            if (data != null) {
                session.write(reorder(data, schema), provider, table.location(), "append", partitionColumns, buckets,
                        def.options());
            } else {
                Files.createDirectories(dir);
            }
            if (!warehouse().createTable(table)) {
                throw CatalogErrors.tableAlreadyExists(name.qualified());
            }
        } catch (RuntimeException | java.io.IOException e) {
            if (!external && warehouse().getTable(name.database(), name.table()).isEmpty()) {
                TableFiles.deleteRecursively(dir);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new java.io.UncheckedIOException("cannot create the directory of " + name.table(), (java.io.IOException) e);
        }
        tables.forget(name);
        return true;
    }

    private StructType inferred(String provider, Path dir, Map<String, String> options) {
        return nullable(DataSource.resolve(provider, List.of(Warehouse.uri(dir)), options, null, session.conf()).output());
    }

    /** Columns as a file source table keeps them: all nullable, as Spark's file sources read them. */
    private static StructType nullable(List<AttributeReference> columns) {
        List<StructField> fields = new ArrayList<>();
        for (AttributeReference a : columns) {
            fields.add(new StructField(a.name(), asNullable(a.dataType()), true, a.metadata()));
        }
        return new StructType(fields);
    }

    private static StructType nullable(StructType schema) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            fields.add(new StructField(f.name(), asNullable(f.dataType()), true, f.metadata()));
        }
        return new StructType(fields);
    }

    /** A type with every nested field, element and value nullable (Spark's {@code asNullable}). */
    private static io.ember.sql.types.DataType asNullable(io.ember.sql.types.DataType type) {
        if (type instanceof io.ember.sql.types.ArrayType a) {
            return new io.ember.sql.types.ArrayType(asNullable(a.elementType()), true);
        }
        if (type instanceof io.ember.sql.types.MapType m) {
            return new io.ember.sql.types.MapType(asNullable(m.keyType()), asNullable(m.valueType()), true);
        }
        if (type instanceof StructType st) {
            List<StructField> fields = new ArrayList<>();
            for (StructField f : st.fields()) {
                fields.add(new StructField(f.name(), asNullable(f.dataType()), true, f.metadata()));
            }
            return new StructType(fields);
        }
        return type;
    }

    /** The partition columns as the schema spells them; each must be a column. */
    private static List<String> partitionColumns(TableName name, StructType schema, List<String> requested) {
        List<String> out = new ArrayList<>();
        for (String c : requested) {
            int i = schema.indexOf(c);
            if (i < 0) {
                throw CatalogErrors.partitionColumnNotDefined(c, name.qualified(), schema.fieldNames());
            }
            out.add(schema.field(i).name());
        }
        return out;
    }

    /** The schema with the partition columns moved to the end, in partitioning order (Spark's table layout). */
    private static StructType partitionsLast(StructType schema, List<String> partitionColumns) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (!partitionColumns.contains(f.name())) {
                fields.add(f);
            }
        }
        for (String c : partitionColumns) {
            fields.add(schema.field(schema.indexOf(c)));
        }
        return new StructType(fields);
    }

    /** {@code data}'s columns in the order of {@code schema} (same names). */
    private static LogicalPlan reorder(LogicalPlan data, StructType schema) {
        List<Expression> out = new ArrayList<>();
        for (String column : schema.fieldNames()) {
            out.add(data.output().stream().filter(a -> a.name().equals(column)).findFirst().orElseThrow());
        }
        return out.equals(new ArrayList<Expression>(data.output())) ? data : new Project(out, data);
    }

    /** INSERT INTO / OVERWRITE: the query's columns by position, fitted to the table's types. */
    void insert(CatalogTableRelation relation, LogicalPlan query, boolean overwrite) {
        CatalogTable table = relation.table();
        LogicalPlan data = StoreAssignment.byPosition(table, session.analyze(query));
        if (overwrite && reads(data, table)) {
            throw CatalogErrors.overwriteWhileReading(table.qualifiedName());
        }
        session.write(data, table.provider(), table.location(), overwrite ? "overwrite" : "append",
                table.partitionColumns(), table.bucketSpec(), table.options());
        dataChanged(relation);
    }

    /** {@code df.write.mode(m).saveAsTable(name)}. */
    void saveAsTable(TableName name, TableDefinition def, LogicalPlan query, String mode) {
        var existing = tables.relation(name);
        if (existing.isEmpty()) {
            create(name, def, query, false);
            return;
        }
        CatalogTable table = existing.get().table();
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "ignore" -> { }
            case "append" -> {
                if (def.provider() != null && !def.provider().equalsIgnoreCase(table.provider())) {
                    throw CatalogErrors.formatMismatch(table.qualifiedName(), table.provider(), def.provider());
                }
                List<String> asked = def.partitionColumns().stream().map(c -> table.schema().indexOf(c) < 0 ? c
                        : table.schema().field(table.schema().indexOf(c)).name()).toList();
                if (!asked.equals(table.partitionColumns())) {
                    throw CatalogErrors.partitioningMismatch(table.qualifiedName(), asked, table.partitionColumns());
                }
                TableBuckets.checkAppend(table, def.bucketSpec());
                TableClustering.checkAppend(table, def.properties());
                insert(existing.get(), byName(table, session.analyze(query)), false);
            }
            case "overwrite" -> {
                LogicalPlan data = session.analyze(query);
                if (reads(data, table)) {
                    throw CatalogErrors.overwriteWhileReading(table.qualifiedName());
                }
                drop(existing.get());
                create(name, def, data, false);
            }
            default -> throw CatalogErrors.tableAlreadyExists(name.qualified());
        }
    }

    /** The query's columns picked by the table's names (saveAsTable's append resolves by name). */
    private static LogicalPlan byName(CatalogTable table, LogicalPlan data) {
        List<Expression> out = new ArrayList<>();
        List<String> inputs = data.output().stream().map(AttributeReference::name).toList();
        for (String column : table.schema().fieldNames()) {
            AttributeReference a = data.output().stream().filter(x -> x.name().equalsIgnoreCase(column)).findFirst()
                    .orElseThrow(() -> CatalogErrors.cannotResolveColumn(column, inputs));
            out.add(a.name().equals(column) ? a : new Alias(a, column));
        }
        return new Project(out, data);
    }

    /** True when {@code plan} reads the table's files (through the table or a path under it). */
    private static boolean reads(LogicalPlan plan, CatalogTable table) {
        Path target = Warehouse.localPath(table.location());
        AtomicBoolean found = new AtomicBoolean();
        plan.foreach(node -> {
            if (node instanceof CatalogTableRelation r && r.table().qualifiedName().equals(table.qualifiedName())) {
                found.set(true);
            } else if (node instanceof FileSourceRelation r) {
                for (String root : r.rootPaths()) {
                    Path in = Warehouse.localPath(root);
                    found.compareAndSet(false, in.startsWith(target) || target.startsWith(in));
                }
            }
        });
        return found.get();
    }

    /** DROP TABLE: metadata, then (managed) files; cached data goes with it. */
    void drop(CatalogTableRelation relation) {
        CatalogTable table = relation.table();
        session.uncache(relation);
        warehouse().dropTable(table.database(), table.name());
        if (table.managed()) {
            TableFiles.deleteRecursively(Warehouse.localPath(table.location()));
        }
        tables.forget(new TableName(table.database(), table.name()));
    }

    /** TRUNCATE TABLE: the data files go, the table stays. */
    void truncate(CatalogTableRelation relation) {
        Path dir = Warehouse.localPath(relation.table().location());
        TableFiles.deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot recreate " + dir, e);
        }
        dataChanged(relation);
    }

    /** ANALYZE TABLE ... COMPUTE STATISTICS [NOSCAN]: bytes of the files and (unless noScan) a count of the rows. */
    void analyze(CatalogTableRelation relation, boolean noScan) {
        CatalogTable table = relation.table();
        long bytes = TableFiles.dataBytes(Warehouse.localPath(table.location()));
        Long rows = noScan ? null : session.count(relation);
        warehouse().alterTable(table.withStats(new TableStats(bytes, rows)));
    }

    /** After a write: a new version (statistics dropped), and the session's cache of the table rebuilt over the new files. */
    private void dataChanged(CatalogTableRelation old) {
        CatalogTable table = old.table();
        TableName name = new TableName(table.database(), table.name());
        warehouse().alterTable(warehouse().getTable(table.database(), table.name()).orElse(table).afterDataChange());
        tables.forget(name);
        tables.relation(name).ifPresent(fresh -> session.refreshCache(old, fresh));
    }
}
