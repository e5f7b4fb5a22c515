package io.ember.sql.api;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.api.function.FilterFunction;
import io.ember.sql.api.function.FlatMapFunction;
import io.ember.sql.api.function.MapFunction;
import io.ember.sql.optimizer.Predicates;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Deduplicate;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Repartition;
import io.ember.sql.plans.Sample;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.plans.Union;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.storage.StorageLevel;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.Subqueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lazily computed table of named, typed columns, Spark's {@code Dataset}; {@code Dataset<Row>}
 * is a DataFrame. It holds an analyzed plan: building one analyzes it at once, so a bad column
 * name fails at {@code select}, as in Spark. Transformations return new Datasets; actions
 * ({@code collectAsList}, {@code count}, {@code show}) optimize, plan and run the query.
 * Immutable and safe to share between threads.
 */
public class Dataset<T> {
    private final SparkSession session;
    private final QueryExecution queryExecution;
    private final Encoder<T> encoder;

    Dataset(SparkSession session, LogicalPlan plan, Encoder<T> encoder) {
        this.session = session;
        // A plan reading an outer query's columns (Column.outer()) is analyzed only as part of
        // the query that uses it as a subquery, as Spark's lazily analyzed DataFrames are.
        this.queryExecution = new QueryExecution(session, plan,
                Subqueries.hasOuterReferences(plan) ? plan : session.analyzer().execute(plan));
        this.encoder = encoder;
    }

    public SparkSession sparkSession() {
        return session;
    }

    /** The analyzed plan. */
    public LogicalPlan logicalPlan() {
        return queryExecution.analyzed();
    }

    public QueryExecution queryExecution() {
        return queryExecution;
    }

    private Dataset<Row> withPlan(LogicalPlan plan) {
        return session.ofRows(plan);
    }

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (AttributeReference a : logicalPlan().output()) {
            fields.add(new StructField(a.name(), a.dataType(), a.nullable(), a.metadata()));
        }
        return new StructType(fields);
    }

    public String[] columns() {
        return logicalPlan().output().stream().map(AttributeReference::name).toArray(String[]::new);
    }

    /** {@code root\n |-- id: long (nullable = false)\n}, as {@code printSchema} prints. */
    public String schemaTreeString() {
        return SchemaTree.render(schema());
    }

    public void printSchema() {
        System.out.print(schemaTreeString());
    }

    /** This Dataset's column {@code name}, resolved now against its own plan (Spark's {@code df.col("a")}). */
    public Column col(String name) {
        Expression e = ((Project) session.analyzer().execute(new Project(List.of(functions.col(name).expr()), logicalPlan())))
                .projectList().get(0);
        return new Column(e instanceof Alias a ? a.child() : e);
    }

    public Column apply(String name) {
        return col(name);
    }

    /** This query as a scalar subquery: its one column's value in the row it yields (null for none; an error for two). */
    public Column scalar() {
        return new Column(new ScalarSubquery(logicalPlan()));
    }

    /** {@code EXISTS} this query: true when it yields a row. */
    public Column exists() {
        return new Column(new Exists(logicalPlan()));
    }

    // -- transformations ----------------------------------------------------------------------

    public Dataset<Row> toDF() {
        return withPlan(logicalPlan());
    }

    public Dataset<Row> select(Column... cols) {
        return withPlan(new Project(DatasetHelpers.exprs(cols), logicalPlan()));
    }

    public Dataset<Row> select(String col, String... cols) {
        return select(DatasetHelpers.names(col, cols));
    }

    public Dataset<Row> filter(Column condition) {
        return withPlan(new Filter(condition.expr(), logicalPlan()));
    }

    public Dataset<Row> where(Column condition) {
        return filter(condition);
    }

    /** Rows for which a SQL condition holds: {@code filter("a > 1 AND b IS NOT NULL")}. */
    public Dataset<Row> filter(String conditionExpr) {
        return filter(functions.expr(conditionExpr));
    }

    public Dataset<Row> where(String conditionExpr) {
        return filter(conditionExpr);
    }

    /** A select of SQL expressions: {@code selectExpr("a", "b * 2 AS c")}. */
    public Dataset<Row> selectExpr(String... exprs) {
        return select(java.util.Arrays.stream(exprs).map(functions::expr).toArray(Column[]::new));
    }

    public Dataset<Row> withColumn(String name, Column col) {
        return withColumns(List.of(name), List.of(col));
    }

    /** Adds columns, or replaces those of the same name (compared as the session compares names) in place. */
    public Dataset<Row> withColumns(List<String> names, List<Column> cols) {
        List<Expression> list = new ArrayList<>(logicalPlan().output());
        for (int i = 0; i < names.size(); i++) {
            Expression given = cols.get(i).expr();
            Alias a = new Alias(DatasetHelpers.unalias(given), names.get(i), ExprId.next(),
                    given instanceof Alias named ? named.metadata() : null);
            int at = DatasetHelpers.indexOf(list, names.get(i), session.conf());
            if (at >= 0) {
                list.set(at, a);
            } else {
                list.add(a);
            }
        }
        return withPlan(new Project(list, logicalPlan()));
    }

    public Dataset<Row> withColumnRenamed(String existing, String newName) {
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : logicalPlan().output()) {
            list.add(session.conf().sameName(a.name(), existing) ? new Alias(a, newName) : a);
        }
        return withPlan(new Project(list, logicalPlan()));
    }

    /** Drops the named columns; names that match nothing are ignored, as in Spark. */
    public Dataset<Row> drop(String... names) {
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : logicalPlan().output()) {
            if (Arrays.stream(names).noneMatch(n -> session.conf().sameName(a.name(), n))) {
                list.add(a);
            }
        }
        return withPlan(new Project(list, logicalPlan()));
    }

    public Dataset<Row> drop(Column col) {
        Expression e = col(col.toString()).expr();
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : logicalPlan().output()) {
            if (!(e instanceof AttributeReference r && r.sameColumn(a))) {
                list.add(a);
            }
        }
        return withPlan(new Project(list, logicalPlan()));
    }

    public Dataset<Row> toDF(String... names) {
        List<AttributeReference> out = logicalPlan().output();
        if (names.length != out.size()) {
            throw new IllegalArgumentException("[TO_DF_COLUMN_COUNT_MISMATCH] The number of columns doesn't match."
                    + " Old column names (" + out.size() + "): " + String.join(", ", columns()) + ". New column names ("
                    + names.length + "): " + String.join(", ", names) + ".");
        }
        List<Expression> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(new Alias(out.get(i), names[i]));
        }
        return withPlan(new Project(list, logicalPlan()));
    }

    public RelationalGroupedDataset groupBy(Column... cols) {
        return new RelationalGroupedDataset(this.toDF(), DatasetHelpers.exprs(cols), RelationalGroupedDataset.GroupType.GROUP_BY);
    }

    public RelationalGroupedDataset groupBy(String col, String... cols) {
        return groupBy(DatasetHelpers.names(col, cols));
    }

    public RelationalGroupedDataset rollup(Column... cols) {
        return new RelationalGroupedDataset(this.toDF(), DatasetHelpers.exprs(cols), RelationalGroupedDataset.GroupType.ROLLUP);
    }

    public RelationalGroupedDataset rollup(String col, String... cols) {
        return rollup(DatasetHelpers.names(col, cols));
    }

    public RelationalGroupedDataset cube(Column... cols) {
        return new RelationalGroupedDataset(this.toDF(), DatasetHelpers.exprs(cols), RelationalGroupedDataset.GroupType.CUBE);
    }

    /** Groups by each of {@code sets} in turn (each a list of {@code cols}); {@code cols} are the key columns. */
    public RelationalGroupedDataset groupingSets(List<List<Column>> sets, Column... cols) {
        List<List<Expression>> exprs = sets.stream().map(s -> DatasetHelpers.exprs(s.toArray(new Column[0]))).toList();
        return new RelationalGroupedDataset(this.toDF(), exprs, DatasetHelpers.exprs(cols));
    }

    public RelationalGroupedDataset cube(String col, String... cols) {
        return cube(DatasetHelpers.names(col, cols));
    }

    public Dataset<Row> agg(Column expr, Column... exprs) {
        return groupBy().agg(expr, exprs);
    }

    public Dataset<Row> orderBy(Column... cols) {
        return withPlan(new Sort(DatasetHelpers.orders(cols), true, logicalPlan()));
    }

    public Dataset<Row> orderBy(String col, String... cols) {
        return orderBy(DatasetHelpers.names(col, cols));
    }

    public Dataset<Row> sort(Column... cols) {
        return orderBy(cols);
    }

    public Dataset<Row> sort(String col, String... cols) {
        return orderBy(col, cols);
    }

    public Dataset<Row> sortWithinPartitions(Column... cols) {
        return withPlan(new Sort(DatasetHelpers.orders(cols), false, logicalPlan()));
    }

    public Dataset<Row> limit(int n) {
        return withPlan(new Limit(n, logicalPlan()));
    }

    public Dataset<Row> distinct() {
        return withPlan(new Distinct(logicalPlan()));
    }

    /** Names this Dataset so its columns can be qualified: {@code df.as("t")} then {@code col("t.a")}. */
    public Dataset<Row> as(String alias) {
        return withPlan(new SubqueryAlias(alias, logicalPlan()));
    }

    public Dataset<Row> alias(String alias) {
        return as(alias);
    }

    public Dataset<Row> offset(int n) {
        return withPlan(new Offset(n, logicalPlan()));
    }

    public Dataset<Row> join(Dataset<?> right) {
        return withPlan(Joins.join(logicalPlan(), right.logicalPlan(), null, JoinType.INNER, predicates()));
    }

    public Dataset<Row> join(Dataset<?> right, Column condition) {
        return join(right, condition, "inner");
    }

    public Dataset<Row> join(Dataset<?> right, Column condition, String how) {
        Expression cond = condition == null ? null : condition.expr();
        return withPlan(Joins.join(logicalPlan(), right.logicalPlan(), cond, JoinType.parse(how), predicates()));
    }

    public Dataset<Row> join(Dataset<?> right, String usingColumn) {
        return join(right, List.of(usingColumn), "inner");
    }

    public Dataset<Row> join(Dataset<?> right, List<String> usingColumns, String how) {
        return withPlan(Joins.using(toDF(), right.toDF(), usingColumns, JoinType.parse(how)));
    }

    public Dataset<Row> crossJoin(Dataset<?> right) {
        return withPlan(Joins.join(logicalPlan(), right.logicalPlan(), null, JoinType.CROSS, predicates()));
    }

    /** Rows of both, columns matched by position ({@code UNION ALL}). */
    public Dataset<Row> union(Dataset<?> other) {
        return withPlan(new Union(List.of(logicalPlan(), other.logicalPlan())));
    }

    public Dataset<Row> unionAll(Dataset<?> other) {
        return union(other);
    }

    /** Rows of both, columns matched by name; with {@code allowMissingColumns} absent ones are null. */
    public Dataset<Row> unionByName(Dataset<?> other, boolean allowMissingColumns) {
        return withPlan(SetOps.unionByName(logicalPlan(), other.logicalPlan(), allowMissingColumns, session.conf()));
    }

    public Dataset<Row> unionByName(Dataset<?> other) {
        return unionByName(other, false);
    }

    public Dataset<Row> intersect(Dataset<?> other) {
        return withPlan(new SetOperation(SetOperation.Kind.INTERSECT, false, logicalPlan(), Joins.distinctIds(logicalPlan(), other.logicalPlan())));
    }

    public Dataset<Row> intersectAll(Dataset<?> other) {
        return withPlan(new SetOperation(SetOperation.Kind.INTERSECT, true, logicalPlan(), Joins.distinctIds(logicalPlan(), other.logicalPlan())));
    }

    public Dataset<Row> except(Dataset<?> other) {
        return withPlan(new SetOperation(SetOperation.Kind.EXCEPT, false, logicalPlan(), Joins.distinctIds(logicalPlan(), other.logicalPlan())));
    }

    public Dataset<Row> exceptAll(Dataset<?> other) {
        return withPlan(new SetOperation(SetOperation.Kind.EXCEPT, true, logicalPlan(), Joins.distinctIds(logicalPlan(), other.logicalPlan())));
    }

    public Dataset<Row> dropDuplicates() {
        return withPlan(new Deduplicate(logicalPlan().output(), logicalPlan()));
    }

    public Dataset<Row> dropDuplicates(String... columns) {
        List<AttributeReference> keys = new ArrayList<>();
        for (String c : columns) {
            keys.add((AttributeReference) col(c).expr());
        }
        return withPlan(new Deduplicate(keys, logicalPlan()));
    }

    public Dataset<Row> sample(boolean withReplacement, double fraction, long seed) {
        return withPlan(new Sample(0.0, fraction, withReplacement, seed, logicalPlan()));
    }

    /** The rows whose draw falls in {@code [lower, upper)}: one cell of {@code randomSplit}. */
    public Dataset<Row> sampleBetween(double lower, double upper, boolean withReplacement, long seed) {
        return withPlan(new Sample(lower, upper, withReplacement, seed, logicalPlan()));
    }

    public Dataset<Row> sample(double fraction, long seed) {
        return sample(false, fraction, seed);
    }

    public Dataset<Row> repartition(int numPartitions) {
        return withPlan(new Repartition(numPartitions, List.of(), true, false, logicalPlan()));
    }

    public Dataset<Row> repartition(int numPartitions, Column... partitionExprs) {
        return withPlan(new Repartition(numPartitions, DatasetHelpers.exprs(partitionExprs), true, false, logicalPlan()));
    }

    public Dataset<Row> repartitionByRange(int numPartitions, Column... partitionExprs) {
        List<Expression> order = new ArrayList<>(DatasetHelpers.orders(partitionExprs));
        return withPlan(new Repartition(numPartitions, order, true, true, logicalPlan()));
    }

    /**
     * Rows to the partition an int column names (modulo {@code numPartitions}, nulls to 0),
     * as Spark's {@code repartitionById}.
     */
    public Dataset<Row> repartitionById(int numPartitions, Column partitionId) {
        if (numPartitions <= 0) {
            throw new IllegalArgumentException("numPartitions must be positive, got " + numPartitions);
        }
        return withPlan(new Repartition(numPartitions,
                List.of(new io.ember.sql.expressions.DirectShufflePartitionId(partitionId.expr())), true, false,
                logicalPlan()));
    }

    /**
     * The columns whose names match a quoted regex ({@code "`re`"}, or {@code "t.`re`"} for those of
     * relation {@code t}); any other text is the column of that name, as Spark's {@code colRegex}.
     */
    public Column colRegex(String colName) {
        java.util.regex.Matcher whole = java.util.regex.Pattern.compile("`((?s).+)`").matcher(colName);
        if (whole.matches()) {
            return new Column(new io.ember.sql.expressions.UnresolvedRegex(whole.group(1), null));
        }
        java.util.regex.Matcher qualified = java.util.regex.Pattern.compile("((?s).+).`((?s).+)`").matcher(colName);
        if (qualified.matches()) {
            return new Column(new io.ember.sql.expressions.UnresolvedRegex(qualified.group(2), qualified.group(1)));
        }
        return col(colName);
    }

    public Dataset<Row> coalesce(int numPartitions) {
        return withPlan(new Repartition(numPartitions, List.of(), false, false, logicalPlan()));
    }

    private Predicates predicates() {
        return new Predicates(session.functionRegistry());
    }

    public DataFrameWriter write() {
        return new DataFrameWriter(toDF());
    }

    // -- typed operations -----------------------------------------------------------------------

    Encoder<T> encoder() {
        return encoder;
    }

    /** This Dataset's rows as objects of {@code encoder} (columns matched by name for beans). */
    public <U> Dataset<U> as(Encoder<U> encoder) {
        return new Dataset<>(session, logicalPlan(), encoder);
    }

    public <U> Dataset<U> map(MapFunction<T, U> f, Encoder<U> encoder) {
        return typed(TypedOps.map(this.encoder, f, encoder), encoder);
    }

    public Dataset<T> filter(FilterFunction<T> f) {
        StructType schema = schema();
        return typed(TypedOps.filter(encoder, f), new SameRowsEncoder<>(encoder, schema));
    }

    public <U> Dataset<U> flatMap(FlatMapFunction<T, U> f, Encoder<U> encoder) {
        return typed(TypedOps.flatMap(this.encoder, f, encoder), encoder);
    }

    public <K> KeyValueGroupedDataset<K, T> groupByKey(MapFunction<T, K> f, Encoder<K> keyEncoder) {
        return new KeyValueGroupedDataset<>(this, f, keyEncoder);
    }

    <U> Dataset<U> typed(RowsFunction f, Encoder<U> out) {
        List<AttributeReference> output = new ArrayList<>();
        for (StructField field : out.schema().fields()) {
            output.add(new AttributeReference(field.name(), field.dataType(), field.nullable(), field.metadata()));
        }
        return new Dataset<>(session, new ObjectRelation(queryExecution, f, output), out);
    }

    // -- actions --------------------------------------------------------------------------------

    public List<T> collectAsList() {
        List<T> out = new ArrayList<>();
        StructType schema = schema();
        for (ColumnBatch b : queryExecution.collectBatches()) {
            for (Row r : Rows.fromBatch(b, schema)) {
                out.add(encoder.fromRow(r));
            }
        }
        return out;
    }

    public List<T> takeAsList(int n) {
        List<T> out = new ArrayList<>();
        for (Row r : takeRows(n)) {
            out.add(encoder.fromRow(r));
        }
        return out;
    }

    public T first() {
        List<T> rows = takeAsList(1);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("next on empty iterator");
        }
        return rows.get(0);
    }

    List<Row> takeRows(int n) {
        Dataset<Row> limited = limit(n);
        List<Row> out = new ArrayList<>();
        StructType schema = limited.schema();
        for (ColumnBatch b : limited.queryExecution().takeBatches(n)) {
            out.addAll(Rows.fromBatch(b, schema));
        }
        return out.size() > n ? out.subList(0, n) : out;
    }

    public long count() {
        Expression count = new UnresolvedFunction("count", List.of(new Literal(1, DataTypes.IntegerType)), false);
        Dataset<Row> counted = withPlan(new Aggregate(List.of(), List.of(new Alias(count, "count")), logicalPlan()));
        return counted.takeRows(1).get(0).getLong(0);
    }

    /** {@code show()}'s text, formatted as Spark's {@code showString}. */
    public String showString(int numRows, int truncate, boolean vertical) {
        int n = Math.max(0, numRows);
        List<Row> rows = takeRows(n + 1);
        return Rows.showString(schema(), rows, n, truncate, vertical, session.conf().sessionTimeZone());
    }

    public void show() {
        show(20);
    }

    public void show(int numRows) {
        show(numRows, true);
    }

    public void show(int numRows, boolean truncate) {
        System.out.println(showString(numRows, truncate ? 20 : 0, false));
    }

    public void show(int numRows, int truncate, boolean vertical) {
        System.out.println(showString(numRows, truncate, vertical));
    }

    // -- views ------------------------------------------------------------------------------

    /** Names this Dataset {@code viewName} in its session, for {@code table()} and SQL; fails if the name is taken. */
    public void createTempView(String viewName) {
        session.sessionCatalog().createTempView(viewName, logicalPlan(), false);
    }

    public void createOrReplaceTempView(String viewName) {
        session.sessionCatalog().createTempView(viewName, logicalPlan(), true);
    }

    /** Names this Dataset {@code global_temp.viewName} for every session of the application. */
    public void createGlobalTempView(String viewName) {
        session.sessionCatalog().createGlobalTempView(viewName, logicalPlan(), false);
    }

    public void createOrReplaceGlobalTempView(String viewName) {
        session.sessionCatalog().createGlobalTempView(viewName, logicalPlan(), true);
    }

    // -- caching ----------------------------------------------------------------------------

    /** Caches this Dataset at MEMORY_AND_DISK (built by the first action that reads it). */
    public Dataset<T> cache() {
        return persist();
    }

    public Dataset<T> persist() {
        return persist(StorageLevel.MEMORY_AND_DISK);
    }

    public Dataset<T> persist(StorageLevel level) {
        String name = logicalPlan().simpleString();
        session.cacheManager().cacheQuery(logicalPlan(), name.length() > 100 ? name.substring(0, 100) : name, level);
        return this;
    }

    public Dataset<T> unpersist(boolean blocking) {
        session.cacheManager().uncacheQuery(logicalPlan());
        return this;
    }

    public Dataset<T> unpersist() {
        return unpersist(false);
    }

    /** The level this Dataset's plan is cached at, or NONE. */
    public StorageLevel storageLevel() {
        return session.cacheManager().storageLevel(logicalPlan());
    }

    public void explain() {
        explain("simple");
    }

    public void explain(boolean extended) {
        explain(extended ? "extended" : "simple");
    }

    public void explain(String mode) {
        System.out.println(queryExecution.explainString(mode));
    }

}
