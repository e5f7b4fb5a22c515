package io.ember.sql.api;

import io.ember.api.EmberContext;
import io.ember.sql.SqlConf;
import io.ember.sql.planning.PlannerExtensions;
import io.ember.sql.analysis.Analyzer;
import io.ember.sql.cache.CacheManager;
import io.ember.sql.catalog.EmberSessionCatalog;
import io.ember.sql.catalog.MultipartName;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.catalog.SharedCatalogState;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.optimizer.Optimizer;
import io.ember.sql.optimizer.PlanSizes;
import io.ember.sql.planning.QueryPlanner;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Range;
import io.ember.sql.plans.UnresolvedRelation;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the DataFrame API on a running {@link EmberContext}: makes Datasets
 * ({@code range}, {@code createDataFrame}, {@code read()}) and holds what their queries share,
 * the settings ({@link #conf()}) and the function registry. Thread-safe: the conf and registry
 * are concurrent maps; each query takes a snapshot of the conf when it is planned.
 */
public final class SparkSession {
    private final EmberContext context;
    private final SqlConf conf;
    private final FunctionRegistry registry;
    private final CacheManager cacheManager;
    private final PlannerExtensions plannerExtensions = new PlannerExtensions();
    private final SharedCatalogState sharedState;
    private final SessionCatalog sessionCatalog;

    public SparkSession(EmberContext context) {
        this(context, new SharedCatalogState(context.conf().get(SharedCatalogState.WAREHOUSE_DIR, null)));
    }

    private SparkSession(EmberContext context, SharedCatalogState sharedState) {
        this.context = context;
        this.sharedState = sharedState;
        this.sessionCatalog = new EmberSessionCatalog(sharedState, new SessionServices(this));
        this.conf = new SqlConf();
        this.registry = FunctionRegistry.builtin();
        this.cacheManager = new CacheManager(context,
                plan -> planner().plan(optimizer().execute(plan)));
    }

    public EmberContext sparkContext() {
        return context;
    }

    /** Strategies a higher layer adds to this session's physical planner (Python UDFs). */
    public PlannerExtensions plannerExtensions() {
        return plannerExtensions;
    }

    public SqlConf conf() {
        return conf;
    }

    public FunctionRegistry functionRegistry() {
        return registry;
    }

    /** The session's cached queries ({@code Dataset.cache()}), which later queries read. */
    public CacheManager cacheManager() {
        return cacheManager;
    }

    /** A new id for a SQL query run, unique among the sessions sharing this one's state. */
    long newExecutionId() {
        return sharedState.newExecutionId();
    }

    /** What a physical plan runs with: the context and a snapshot of the settings. */
    public ExecutionContext executionContext() {
        return new ExecutionContext(context, conf.snapshot());
    }

    Analyzer analyzer() {
        return new Analyzer(conf.snapshot(), registry, sessionCatalog::lookupRelation);
    }

    /**
     * A session on the same context with its own settings, temporary views and cache, sharing
     * this one's global temporary views, as Spark's {@code newSession}.
     */
    public SparkSession newSession() {
        return new SparkSession(context, sharedState);
    }

    /** The names this session's queries can refer to: temporary views and tables. */
    public SessionCatalog sessionCatalog() {
        return sessionCatalog;
    }

    /** Spark's Catalog API over this session's catalog and cache. */
    public io.ember.sql.api.catalog.Catalog catalog() {
        return new io.ember.sql.api.catalog.Catalog(this);
    }

    /** The table or view {@code tableName} ({@code "t"}, {@code "db.t"}, {@code "global_temp.v"}). */
    public Dataset<Row> table(String tableName) {
        return ofRows(new UnresolvedRelation(MultipartName.parse(tableName)));
    }

    Optimizer optimizer() {
        return new Optimizer(conf.snapshot(), registry);
    }

    /** A planner for one query, with this session's settings, extensions and size estimates. */
    QueryPlanner planner() {
        return new QueryPlanner(conf.snapshot(), plannerExtensions.strategies(), new PlanSizes(registry));
    }

    /** Runs a SQL statement: a query's Dataset, or a command's result rows (the command has run). */
    public Dataset<Row> sql(String sqlText) {
        return SqlStatements.run(this, sqlText, java.util.Map.of(), List.of());
    }

    /** {@code sql} with the values of {@code :name} markers (literals, Column expressions). */
    public Dataset<Row> sql(String sqlText, java.util.Map<String, Object> args) {
        java.util.Map<String, io.ember.sql.expressions.Expression> named = new java.util.HashMap<>();
        args.forEach((k, v) -> named.put(k, (v instanceof Column c ? c : functions.lit(v)).expr()));
        return SqlStatements.run(this, sqlText, named, List.of());
    }

    /** {@code sql} with the values of {@code ?} markers, in order. */
    public Dataset<Row> sql(String sqlText, Object[] args) {
        List<io.ember.sql.expressions.Expression> positional = new ArrayList<>();
        for (Object v : args) {
            positional.add((v instanceof Column c ? c : functions.lit(v)).expr());
        }
        return SqlStatements.run(this, sqlText, java.util.Map.of(), positional);
    }

    public DataFrameReader read() {
        return new DataFrameReader(this);
    }

    /** A Dataset over {@code plan}, analyzed now: a bad name fails here, as in Spark. */
    public Dataset<Row> ofRows(LogicalPlan plan) {
        return new Dataset<>(this, plan, Encoders.row());
    }

    public Dataset<Row> range(long end) {
        return range(0, end);
    }

    public Dataset<Row> range(long start, long end) {
        return range(start, end, 1);
    }

    public Dataset<Row> range(long start, long end, long step) {
        return range(start, end, step, context.defaultParallelism());
    }

    public Dataset<Row> range(long start, long end, long step, int numPartitions) {
        return ofRows(new Range(start, end, step, numPartitions));
    }

    /** A Dataset of local rows (values in Row's external types) with {@code schema}. */
    public Dataset<Row> createDataFrame(List<Row> rows, StructType schema) {
        List<AttributeReference> output = new ArrayList<>();
        for (StructField f : schema.fields()) {
            output.add(new AttributeReference(f.name(), f.dataType(), f.nullable(), f.metadata()));
        }
        List<ColumnBatch> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ColumnBatch.DEFAULT_ROWS) {
            int n = Math.min(ColumnBatch.DEFAULT_ROWS, rows.size() - from);
            ColumnVector[] cols = new ColumnVector[schema.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = ColumnVectors.allocate(schema.field(c).dataType(), n);
                for (int r = 0; r < n; r++) {
                    Row row = rows.get(from + r);
                    ColumnVectors.set(cols[c], r, ExternalValues.toInternal(row.get(c), schema.field(c).dataType()));
                }
            }
            batches.add(new ColumnBatch(cols, n));
        }
        return ofRows(new LocalRelation(output, batches));
    }
}
