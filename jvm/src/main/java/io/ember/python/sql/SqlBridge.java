package io.ember.python.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.python.PythonBridge;
import io.ember.python.PythonWorkerProtocol;
import io.ember.python.arrow.ArrowFrames;
import io.ember.python.arrow.ArrowSchemas;
import io.ember.rdd.RDD;
import io.ember.sql.SqlConf;
import io.ember.sql.api.DataFrameWriter;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.PlanJson;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypeJson;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.storage.StorageLevel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Py4J entry point of {@code ember.sql} (docs/sql.md, "Calls"): a session over the running
 * context. Python builds each DataFrame with one {@link #plan} call and holds the returned
 * Dataset by reference; rows never cross Py4J. They leave as pickled frames of row tuples
 * served on the result server ({@link #collectToPython}) or as an RDD of such frames
 * ({@link #toPythonRDD}), pickled in the tasks; they arrive as a file of frames
 * ({@link #fromPythonRows}) or an RDD of them ({@link #fromPythonRDD}), unpickled in tasks.
 *
 * <p>The session plans Python UDFs ({@link PythonUDFStrategy}) with the driver's interpreter.
 *
 * <p>Threading: Py4J calls arrive on any thread; the session and Datasets are thread-safe.
 */
public final class SqlBridge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonBridge python;
    private final SparkSession session;
    private final PythonFunctions pythonFunctions;

    public SqlBridge(PythonBridge python) {
        this(python, new SparkSession(python.context()));
    }

    private SqlBridge(PythonBridge python, SparkSession session) {
        this.python = python;
        this.session = session;
        this.pythonFunctions = new PythonFunctions(session.functionRegistry());
        new PythonUDFStrategy(python::pickledBatchesFunction).installIn(session.plannerExtensions());
    }

    public SparkSession session() {
        return session;
    }

    /** A bridge to {@code session().newSession()}: own settings and temporary views, shared global ones. */
    public SqlBridge newSession() {
        return new SqlBridge(python, session.newSession());
    }

    /** Makes the Python UDF {@code name} callable from SQL text (docs/sql.md, "Python UDFs");
     * false when a built-in function has the name. */
    public boolean registerPythonFunction(String name, String commandBase64, String returnType, boolean deterministic) {
        return pythonFunctions.register(name, commandBase64, returnType, deterministic);
    }

    /** {@code spark.udtf.register(name, f)}: a Python UDTF SQL text can call in FROM and LATERAL; false for a built-in's name. */
    public boolean registerPythonTableFunction(String name, String commandBase64, String schemaJson,
            boolean deterministic) {
        return pythonFunctions.registerTableFunction(name, commandBase64, schemaJson, deterministic);
    }

    /** Removes a name {@link #registerPythonFunction} or {@link #registerPythonTableFunction} added. */
    public void dropPythonFunction(String name) {
        pythonFunctions.drop(name);
    }

    /** The session's catalog calls ({@code spark.catalog}, temporary views, {@code spark.table}). */
    public CatalogBridge catalog() {
        return new CatalogBridge(session);
    }

    /** One operation of docs/sql.md's op JSON over {@code inputs}, analyzed. */
    public Dataset<Row> plan(String opJson, List<Dataset<Row>> inputs) {
        return PlanJson.read(opJson, inputs, session);
    }

    public String schemaJson(Dataset<?> ds) {
        return DataTypeJson.toJson(ds.schema());
    }

    public String explain(Dataset<?> ds, String mode) {
        return ds.queryExecution().explainString(mode);
    }

    public String showString(Dataset<?> ds, int n, int truncate, boolean vertical) {
        return ds.showString(n, truncate, vertical);
    }

    /** {@code df.isLocal()}, {@code inputFiles()}, {@code sameSemantics}, {@code semanticHash}. */
    public boolean isLocal(Dataset<?> ds) {
        return io.ember.sql.api.PlanFacts.isLocal(ds);
    }

    public List<String> inputFiles(Dataset<?> ds) {
        return io.ember.sql.api.PlanFacts.inputFiles(ds);
    }

    public boolean sameSemantics(Dataset<?> a, Dataset<?> b) {
        return io.ember.sql.api.PlanFacts.sameSemantics(a, b);
    }

    public boolean zippable(Dataset<?> a, Dataset<?> b) {
        return io.ember.sql.api.PlanFacts.zippable(a, b);
    }

    public int semanticHash(Dataset<?> ds) {
        return io.ember.sql.api.PlanFacts.semanticHash(ds);
    }

    public long count(Dataset<?> ds) {
        return ds.count();
    }

    /** {@code df.cache()} / {@code persist(level)}; level names as for RDDs ({@code MEMORY_AND_DISK}, ...). */
    public void persist(Dataset<?> ds, String level) {
        ds.persist(StorageLevel.fromName(level));
    }

    public void unpersist(Dataset<?> ds) {
        ds.unpersist();
    }

    public SqlConf conf() {
        return session.conf();
    }

    /**
     * Runs the job writing the query's rows as {@code writeJson} says:
     * {@code {"format":"csv","path":"out","mode":"error","partitionBy":["k"],"options":{"header":"true"}}}
     * (saveAsTable's also {@code "bucketBy":{"numBuckets":4,"columns":["k"]},"sortBy":["v"]}).
     */
    public void write(Dataset<?> ds, String writeJson) throws IOException {
        JsonNode spec = JSON.readTree(writeJson);
        DataFrameWriter writer = writer(ds, writeJson);
        if (spec.hasNonNull("path")) {
            writer.save(spec.get("path").asText());
        } else {
            writer.save();
        }
    }

    /** A writer set up as {@code writeJson} says (format when given, mode, options, partition columns). */
    static DataFrameWriter writer(Dataset<?> ds, String writeJson) throws IOException {
        JsonNode spec = JSON.readTree(writeJson);
        Map<String, String> options = new LinkedHashMap<>();
        spec.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        List<String> partitionBy = new ArrayList<>();
        spec.path("partitionBy").forEach(n -> partitionBy.add(n.asText()));
        DataFrameWriter writer = ds.write().mode(spec.path("mode").asText("error")).options(options);
        if (spec.hasNonNull("format")) {
            writer.format(spec.get("format").asText());
        }
        if (!partitionBy.isEmpty()) {
            writer.partitionBy(partitionBy.toArray(String[]::new));
        }
        JsonNode buckets = spec.path("bucketBy");
        if (buckets.isObject()) {
            List<String> cols = new ArrayList<>();
            buckets.path("columns").forEach(n -> cols.add(n.asText()));
            writer.bucketBy(buckets.path("numBuckets").asInt(), cols.get(0),
                    cols.subList(1, cols.size()).toArray(String[]::new));
        }
        if (spec.path("clusterBy").isArray()) {
            List<String> cols = new ArrayList<>();
            spec.path("clusterBy").forEach(n -> cols.add(n.asText()));
            writer.clusterBy(cols.get(0), cols.subList(1, cols.size()).toArray(String[]::new));
        }
        if (spec.path("sortBy").isArray()) {
            List<String> cols = new ArrayList<>();
            spec.path("sortBy").forEach(n -> cols.add(n.asText()));
            writer.sortBy(cols.get(0), cols.subList(1, cols.size()).toArray(String[]::new));
        }
        return writer;
    }

    /** Runs the query and serves its rows on a result server; returns {port, secret}. */
    public String[] collectToPython(Dataset<?> ds) throws IOException {
        return servedAsExecution(ds, "collect", null);
    }

    /**
     * Serves the query's rows (of {@code partitions}, or all) as one SQL execution: its id is set
     * while the serving threads start (they inherit it), and it ends when the job has.
     */
    private String[] servedAsExecution(Dataset<?> ds, String action, int[] partitions) throws IOException {
        io.ember.sql.api.QueryExecution qe = ds.queryExecution();
        io.ember.sql.api.SqlExecution run = io.ember.sql.api.SqlExecution.begin(qe, action);
        try {
            return python.collectAndServe(PickledRows.of(qe.executedPlan().execute(run.executionContext())),
                    partitions, null, run::finish);
        } catch (IOException | RuntimeException e) {
            run.finish(e);
            throw e;
        } finally {
            session.sparkContext().setLocalProperty(io.ember.sql.api.SqlExecution.EXECUTION_ID_KEY, null);
        }
    }

    /**
     * Serves the rows of the given partitions of the query's output only (toLocalIterator
     * asks for one partition at a time); returns {port, secret}.
     */
    public String[] collectPartitionsToPython(Dataset<?> ds, int[] partitions) throws IOException {
        return servedAsExecution(ds, "toLocalIterator", partitions);
    }

    /** The number of partitions of the query's output (what toLocalIterator walks). */
    public int numPartitions(Dataset<?> ds) {
        return toPythonRDD(ds).getNumPartitions();
    }

    /** The query's rows as an RDD of pickled frames of row tuples (what {@code df.rdd} reads). */
    public RDD<byte[]> toPythonRDD(Dataset<?> ds) {
        return PickledRows.of(ds.queryExecution().executedPlan().execute(ds.queryExecution().executionContext()));
    }

    /**
     * A DataFrame of the rows Python wrote to {@code path}: frames of pickled lists of row
     * tuples in the internal values of {@code schemaJson}'s types, then END_OF_DATA. The file
     * is deleted once read.
     */
    public Dataset<Row> fromPythonRows(String path, String schemaJson) throws IOException {
        StructType schema = structOf(schemaJson);
        Path file = Path.of(path);
        List<ColumnBatch> batches = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            RowUnpickler unpickler = new RowUnpickler();
            while (true) {
                int n = in.readInt();
                if (n == PythonWorkerProtocol.END_OF_DATA) {
                    break;
                }
                if (n < 0) {
                    throw new PythonWorkerProtocol.ProtocolException("expected a frame of rows, got "
                            + PythonWorkerProtocol.controlName(n));
                }
                batches.add(unpickler.batch(PythonWorkerProtocol.readBody(in, n), schema));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return session.ofRows(new LocalRelation(attributes(schema), batches));
    }

    /**
     * The query's rows as an RDD of Arrow streams of at most {@code maxRecords} rows each (see
     * {@link ArrowFrames}), or null when a column's type has no Arrow form here (callers then
     * take {@link #toPythonRDD}).
     */
    public RDD<byte[]> toArrowRDD(Dataset<?> ds, int maxRecords) {
        StructType schema = PythonRowsScanExec.schemaOf(ds.queryExecution().executedPlan().output());
        if (!ArrowSchemas.supported(schema)) {
            return null;
        }
        return ArrowFrames.toPython(ds.queryExecution().executedPlan().execute(ds.queryExecution().executionContext()),
                schema, maxRecords);
    }

    /** Whether rows of {@code schemaJson} (a struct) can cross to and from Python as Arrow. */
    public boolean arrowSupported(String schemaJson) {
        return ArrowSchemas.supported(structOf(schemaJson));
    }

    /** A DataFrame over a Python RDD whose records are pickled lists of Arrow stream bytes. */
    public Dataset<Row> fromArrowRDD(RDD<byte[]> frames, String schemaJson) {
        return session.ofRows(new PythonRowsRelation(attributes(structOf(schemaJson)), frames,
                PythonFrameDecoder.ARROW_STREAMS));
    }

    /** A DataFrame over a Python RDD whose records are pickled batches of internal row tuples. */
    public Dataset<Row> fromPythonRDD(RDD<byte[]> rows, String schemaJson) {
        return session.ofRows(new PythonRowsRelation(attributes(structOf(schemaJson)), rows));
    }

    private static StructType structOf(String schemaJson) {
        DataType t = DataTypeJson.fromJson(schemaJson);
        if (!(t instanceof StructType s)) {
            throw new IllegalArgumentException("rows from Python need a struct schema, not " + t.simpleString());
        }
        return s;
    }

    private static List<AttributeReference> attributes(StructType schema) {
        List<AttributeReference> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            out.add(new AttributeReference(f.name(), f.dataType(), f.nullable(), f.metadata()));
        }
        return out;
    }
}
