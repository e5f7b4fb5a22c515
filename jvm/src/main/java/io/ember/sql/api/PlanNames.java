package io.ember.sql.api;

/**
 * The JSON names of the plan protocol (docs/sql.md), declared once for the JVM. The Python
 * layer's {@code io.ember.python.sql.PlanProtocol} exposes them under the name its twin
 * {@code ember/sql/plan_protocol.py} documents; {@link PlanJson} reads operations with them
 * (the {@code sql} layer may not import the {@code python} layer).
 */
public class PlanNames {
    protected PlanNames() {}

    // operations ("op")
    public static final String OP_RANGE = "range";
    public static final String OP_SELECT = "select";
    public static final String OP_FILTER = "filter";
    public static final String OP_WITH_COLUMNS = "withColumns";
    public static final String OP_WITH_COLUMNS_RENAMED = "withColumnsRenamed";
    public static final String OP_DROP = "drop";
    public static final String OP_AGGREGATE = "aggregate";
    public static final String OP_SORT = "sort";
    public static final String OP_LIMIT = "limit";
    public static final String OP_OFFSET = "offset";
    public static final String OP_JOIN = "join";
    public static final String OP_LATERAL_JOIN = "lateralJoin";
    public static final String OP_SET_OP = "setOp";
    public static final String OP_DISTINCT = "distinct";
    public static final String OP_DROP_DUPLICATES = "dropDuplicates";
    public static final String OP_ALIAS = "alias";
    public static final String OP_TO_DF = "toDF";
    public static final String OP_SAMPLE = "sample";
    public static final String OP_REPARTITION = "repartition";
    public static final String OP_HINT = "hint";
    public static final String OP_READ = "read";
    public static final String OP_SQL = "sql";

    // aggregate "groupType"
    public static final String GROUP_BY = "groupby";
    public static final String ROLLUP = "rollup";
    public static final String CUBE = "cube";
    public static final String GROUPING_SETS = "groupingsets";
    public static final String PIVOT = "pivot";

    // setOp "kind"
    public static final String UNION = "union";
    public static final String INTERSECT = "intersect";
    public static final String EXCEPT = "except";

    // expressions ("kind")
    public static final String KIND_COL = "col";
    public static final String KIND_STAR = "star";
    public static final String KIND_LIT = "lit";
    public static final String KIND_FN = "fn";
    public static final String KIND_ALIAS = "alias";
    public static final String KIND_CAST = "cast";
    public static final String KIND_SORT = "sort";
    public static final String KIND_WHEN = "when";
    public static final String KIND_FIELD = "field";
    public static final String KIND_ITEM = "item";
    public static final String KIND_WINDOW = "window";
    public static final String KIND_UDF = "udf";
    public static final String KIND_SQL_EXPR = "sqlExpr";
    /** {@code df.colRegex(name)}: {"kind":"regex","name":N,"plan":i}. */
    public static final String KIND_REGEX = "regex";
    /** {@code withField}/{@code dropFields}: {"kind":"updateFields","expr":E,"ops":[{"path":P,"value":E}|{"path":P,"drop":true}]}. */
    public static final String KIND_UPDATE_FIELDS = "updateFields";
    public static final String KIND_SCALAR_SUBQUERY = "scalarSubquery";
    public static final String KIND_EXISTS = "exists";
    public static final String KIND_IN_SUBQUERY = "inSubquery";
    public static final String KIND_OUTER = "outer";
    public static final String KIND_LAMBDA = "lambda";
    public static final String KIND_LAMBDA_VAR = "lambdaVar";

    // window frames
    public static final String FRAME_ROWS = "rows";
    public static final String FRAME_RANGE = "range";
    public static final String UNBOUNDED_PRECEDING = "unboundedPreceding";
    public static final String CURRENT_ROW = "currentRow";
    public static final String UNBOUNDED_FOLLOWING = "unboundedFollowing";

    // join "how" (canonical: Python maps PySpark's spellings)
    public static final String JOIN_INNER = "inner";
    public static final String JOIN_CROSS = "cross";
    public static final String JOIN_FULL = "full";
    public static final String JOIN_LEFT = "left";
    public static final String JOIN_RIGHT = "right";
    public static final String JOIN_LEFT_SEMI = "left_semi";
    public static final String JOIN_LEFT_ANTI = "left_anti";

    // field names
    public static final String F_OP = "op";
    public static final String F_KIND = "kind";
    public static final String F_INPUT = "input";
    public static final String F_INPUTS = "inputs";
}
