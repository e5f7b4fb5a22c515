package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.RDD;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broadcast hash joins hand their build keys to the scan under their stream side
 * ({@link JoinKeyFilter}, {@link RuntimeFilterPlacement}) exactly when the join drops stream rows
 * without a match and the way down evaluates nothing that could fail: the scan (a double that
 * applies the filters it is handed, as a Parquet reader may) sees them, and every answer equals
 * the same plan's with runtime filters off.
 */
class RuntimeJoinFilterTest extends ExecTestSupport {
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.LongType);
    private static final AttributeReference LK = attr("lk", DataTypes.LongType), A = attr("a", DataTypes.LongType);
    private static final AttributeReference RK = attr("rk", DataTypes.LongType), B = attr("b", DataTypes.LongType);
    private static final AttributeReference YK = attr("yk", DataTypes.LongType), C = attr("c", DataTypes.LongType);
    private static List<ColumnBatch> streamBatches;
    private static SparkPlan right;
    private static SparkPlan third;
    private static ExecutionContext off;

    /** A scan that keeps only the rows passing the runtime filters it is handed, and remembers them. */
    static final class FilteringScan extends LeafExecNode implements RuntimeFilteredScan {
        private static final long serialVersionUID = 1L;
        private final LocalTableScanExec rows;
        transient List<Expression> seen = List.of();

        FilteringScan(LocalTableScanExec rows) {
            this.rows = rows;
        }

        @Override
        public boolean takesRuntimeFilters() {
            return true;
        }

        @Override
        public List<AttributeReference> output() {
            return rows.output();
        }

        @Override
        public RDD<ColumnBatch> execute(ExecutionContext ctx) {
            seen = ctx.runtimeFilters().of(this);
            List<Expression> bound = BindReferences.bindAll(seen, output());
            return rows.execute(ctx).mapPartitions(it -> new java.util.Iterator<ColumnBatch>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ColumnBatch next() {
                    ColumnBatch b = it.next();
                    int n = b.numRows();
                    int[] sel = new int[n];
                    int kept = n;
                    for (int i = 0; i < n; i++) {
                        sel[i] = i;
                    }
                    for (Expression f : bound) {
                        boolean[] pass = ((io.ember.sql.vector.BooleanVector) f.eval(b)).values;
                        int m = 0;
                        for (int k = 0; k < kept; k++) {
                            if (pass[sel[k]]) {
                                sel[m++] = sel[k];
                            }
                        }
                        kept = m;
                    }
                    ColumnVector[] cols = new ColumnVector[b.numColumns()];
                    for (int c = 0; c < cols.length; c++) {
                        cols[c] = VectorOps.gather(b.column(c), sel, kept);
                    }
                    return new ColumnBatch(cols, kept);
                }
            }, true);
        }

        @Override
        protected List<Object> args() {
            return List.of(rows);
        }
    }

    @BeforeAll
    static void setUp() {
        start("runtime join filters");
        streamBatches = batches(TYPES, rows(new Random(1), 3000, 400), 256);
        right = new LocalTableScanExec(List.of(RK, B), batches(TYPES, rows(new Random(2), 60, 300), 64), 1);
        third = new LocalTableScanExec(List.of(YK, C), batches(TYPES, rows(new Random(3), 40, 100), 64), 1);
        off = new ExecutionContext(ec, new SqlConf(Map.of(BroadcastHashJoinExec.RUNTIME_FILTERS, "false")));
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static List<List<Object>> rows(Random rnd, int n, int keys) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row(rnd.nextInt(12) == 0 ? null : (long) rnd.nextInt(keys), (long) rnd.nextInt(keys)));
        }
        return out;
    }

    private static FilteringScan scan() {
        return new FilteringScan(new LocalTableScanExec(List.of(LK, A), streamBatches, 3));
    }

    private static List<String> run(SparkPlan plan, ExecutionContext in) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows(plan.executeCollect(in))) {
            out.add(r.toString());
        }
        out.sort(null);
        return out;
    }

    /** Runs {@code plan} with runtime filters on and off; the answers agree, and the scan saw {@code filters} filters. */
    private static void check(String what, FilteringScan s, SparkPlan plan, int filters) {
        List<String> on = run(plan, ctx);
        assertEquals(filters, s.seen.size(), what + ": filters handed to the scan");
        assertTrue(s.seen.stream().allMatch(f -> f instanceof JoinKeyFilter), what);
        List<String> without = run(plan, off);
        assertEquals(0, s.seen.size(), what + ": none when turned off");
        assertEquals(without, on, what);
        assertTrue(!on.isEmpty() || filters == 0, what + ": some rows join");
    }

    private static BroadcastHashJoinExec bhj(JoinType t, JoinSide build, SparkPlan stream) {
        return build == JoinSide.RIGHT
                ? new BroadcastHashJoinExec(List.of(LK), List.of(RK), t, build, null, stream, right)
                : new BroadcastHashJoinExec(List.of(RK), List.of(LK), t, build, null, right, stream);
    }

    @Test
    void onlyJoinsThatDropUnmatchedStreamRowsFilterTheirScan() {
        for (JoinType t : JoinType.values()) {
            if (t == JoinType.CROSS) {
                continue;
            }
            FilteringScan s = scan();
            boolean drops = t == JoinType.INNER || t == JoinType.LEFT_SEMI;
            check(t + " building right", s, bhj(t, JoinSide.RIGHT, s), drops ? 1 : 0);
            if (t == JoinType.INNER || t == JoinType.LEFT_OUTER || t == JoinType.RIGHT_OUTER || t == JoinType.FULL_OUTER) {
                FilteringScan l = scan();
                check(t + " building left", l, bhj(t, JoinSide.LEFT, l), t == JoinType.INNER ? 1 : 0);
            }
        }
    }

    @Test
    void filtersPassColumnsProjectionsPlainFiltersAndInnerJoinStreamSides() {
        FilteringScan s = scan();
        AttributeReference renamed = attr("k2", DataTypes.LongType);
        SparkPlan filtered = new FilterExec(new GreaterThan(A, new Literal(20L, DataTypes.LongType)), s);
        SparkPlan projected = new ProjectExec(List.of(new Alias(LK, "k2", renamed.exprId()), A), filtered);
        check("renamed under a filter", s, new BroadcastHashJoinExec(List.of(renamed), List.of(RK), JoinType.INNER,
                JoinSide.RIGHT, null, projected, right), 1);

        // an upper join on the stream's other column: both filters reach the scan through the lower join
        FilteringScan n = scan();
        SparkPlan lower = bhj(JoinType.INNER, JoinSide.RIGHT, n);
        check("two joins", n, new BroadcastHashJoinExec(List.of(A), List.of(YK), JoinType.INNER, JoinSide.RIGHT, null,
                lower, third), 2);
        // ... but not through a lower join that keeps unmatched stream rows
        FilteringScan o = scan();
        SparkPlan outer = bhj(JoinType.LEFT_OUTER, JoinSide.RIGHT, o);
        check("over an outer join", o, new BroadcastHashJoinExec(List.of(A), List.of(YK), JoinType.INNER,
                JoinSide.RIGHT, null, outer, third), 0);
        // ... nor on a key the lower join's build side supplies
        FilteringScan u = scan();
        check("a build side's key", u, new BroadcastHashJoinExec(List.of(B), List.of(YK), JoinType.INNER,
                JoinSide.RIGHT, null, bhj(JoinType.INNER, JoinSide.RIGHT, u), third), 1);
    }

    @Test
    void noFilterPastAnExpressionThatCouldFailOrAComputedKey() {
        FilteringScan s = scan();
        SparkPlan failing = new FilterExec(TestExprs.gt(TestExprs.add(A, LK), new Literal(0L, DataTypes.LongType)), s);
        check("a filter the planner cannot vouch for", s, bhj(JoinType.INNER, JoinSide.RIGHT, failing), 0);

        FilteringScan c = scan();
        AttributeReference sum = attr("sum", DataTypes.LongType);
        SparkPlan computed = new ProjectExec(List.of(LK, new Alias(TestExprs.add(A, LK), "sum", sum.exprId())), c);
        check("a projection computing a column", c, bhj(JoinType.INNER, JoinSide.RIGHT, computed), 0);

        FilteringScan k = scan();
        AttributeReference doubled = attr("d", DataTypes.LongType);
        SparkPlan keyed = new ProjectExec(List.of(new Alias(LK, "d", doubled.exprId()), A), k);
        check("a key the projection renames", k, new BroadcastHashJoinExec(List.of(doubled), List.of(RK),
                JoinType.INNER, JoinSide.RIGHT, null, keyed, right), 1);
        ExprId unused = doubled.exprId();
        assertTrue(unused != null);
    }
}
