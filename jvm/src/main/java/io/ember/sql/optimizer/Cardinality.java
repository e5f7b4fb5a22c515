package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BinaryComparison;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.EqualNullSafe;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.GreaterThanOrEqual;
import io.ember.sql.expressions.In;
import io.ember.sql.expressions.IsNotNull;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.LessThan;
import io.ember.sql.expressions.LessThanOrEqual;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Not;
import io.ember.sql.expressions.Or;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.ColumnStat;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Statistics;
import io.ember.sql.plans.UnaryNode;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimated output rows of logical plans, with what is known of their columns, for join
 * reordering. Leaves count rows from their statistics (file footers, {@code ANALYZE TABLE},
 * cached data) and take columns' min/max from their source; a filter scales rows by a
 * selectivity guessed from its predicates (the fraction of [min, max] a range keeps, one over
 * the distinct count for an equality); an inner join multiplies both sides by one over the
 * larger distinct count of each equality (the containment rule). A column's distinct count is
 * bounded by its plan's rows and, for integral columns (dates, decimals by their step), by
 * {@code max - min + 1}: the bound that tells a join on a nation key (25 values) from a join on
 * an order key. Without histograms these are guesses; they only need to order joins sensibly.
 * Stateless and thread-safe.
 */
final class Cardinality {
    /** String matches, by function name, that keep {@link #MATCH} of the rows. */
    private static final java.util.Set<String> MATCHES = java.util.Set.of("like", "ilike", "rlike", "startswith",
            "endswith", "contains");

    private final Predicates p;

    Cardinality(Predicates p) {
        this.p = p;
    }

    /** Selectivity of a predicate nothing is known of. */
    static final double UNKNOWN = 0.5;
    /** Selectivity of a range comparison against a column without min/max, and of a non-equality join condition. */
    static final double RANGE = 1.0 / 3;
    /** Selectivity of LIKE and other string matches. */
    static final double MATCH = 0.1;
    /**
     * Least selectivity of a column-equals-literal test on a column whose distinct values are
     * unknown (strings: footers give no range): one over the rows would take every such column
     * for a unique key, so that {@code o_orderstatus = 'F'} kept one row of 1.5 million and a
     * cross product with it looked free.
     */
    static final double EQUALS_UNKNOWN = 0.1;

    /**
     * What is known of one column: its range (null when unknown), and the bound on its distinct
     * values and the rows of the source it was read from (before any filter).
     */
    record Column(Double min, Double max, double distinct, double sourceRows) {}

    /** A plan's estimated rows and its columns' estimates by id (absent: nothing known). */
    record Estimate(double rows, Map<ExprId, Column> columns) {
        /** The distinct count bound of {@code a}: its own, else the rows. */
        double distinct(AttributeReference a) {
            Column c = columns.get(a.exprId());
            return Math.max(1, c == null ? rows : Math.min(c.distinct(), rows));
        }
    }

    Estimate of(LogicalPlan plan) {
        if (plan instanceof LeafNode leaf) {
            return leaf(leaf);
        }
        if (plan instanceof Filter f) {
            return filter(f);
        }
        if (plan instanceof Project p) {
            Estimate in = of(p.child());
            Map<ExprId, Column> cols = new HashMap<>(in.columns());
            for (Expression e : p.projectList()) {
                if (e instanceof Alias a && a.child() instanceof AttributeReference r && in.columns().containsKey(r.exprId())) {
                    cols.put(a.exprId(), in.columns().get(r.exprId()));
                }
            }
            return new Estimate(in.rows(), cols);
        }
        if (plan instanceof Join j) {
            return join(j);
        }
        if (plan instanceof Aggregate a) {
            Estimate in = of(a.child());
            double groups = 1;
            for (Expression g : a.groupingExpressions()) {
                groups *= g instanceof AttributeReference r ? in.distinct(r) : in.rows();
            }
            return scaled(in, Math.min(in.rows(), groups));
        }
        if (plan instanceof Limit l) {
            Estimate in = of(l.child());
            return scaled(in, Math.min(in.rows(), l.limit()));
        }
        if (plan instanceof UnaryNode u) {
            return of(u.child());
        }
        Statistics s = plan.stats();
        return new Estimate(s.rowCount() != null ? s.rowCount() : bytesToRows(s.sizeInBytes(), plan), Map.of());
    }

    private Estimate leaf(LeafNode leaf) {
        Statistics s = leaf.stats();
        double rows = s.rowCount() != null ? s.rowCount() : bytesToRows(s.sizeInBytes(), leaf);
        Map<ExprId, Column> cols = new HashMap<>();
        if (leaf instanceof ScanRelation scan) {
            Map<String, ColumnStat> stats = scan.columnStats();
            for (AttributeReference a : leaf.output()) {
                ColumnStat c = stats.get(a.name().toLowerCase(Locale.ROOT));
                if (c != null && c.min() != null && c.max() != null) {
                    cols.put(a.exprId(), new Column(c.min(), c.max(), Math.min(rows, valuesBetween(a.dataType(), c.min(), c.max())),
                            rows));
                }
            }
        }
        return new Estimate(Math.max(1, rows), cols);
    }

    /** How many distinct values fit in [min, max] for a type with a step (integers, dates, decimals); else unbounded. */
    private static double valuesBetween(DataType t, double min, double max) {
        if (SqlTypes.isIntegral(t) || t instanceof DateType) {
            return max - min + 1;
        }
        if (t instanceof DecimalType d) {
            return (max - min) * Math.pow(10, d.scale()) + 1;
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double bytesToRows(long bytes, LogicalPlan plan) {
        return Math.max(1, (double) bytes / Statistics.rowSize(plan.output()));
    }

    /**
     * A filter's rows: its conjuncts' selectivities multiplied, each range comparison of a
     * column with a number judged on the range the conjuncts before it left (so that {@code d >=
     * 1994-01-01 AND d < 1995-01-01} keeps one year of the column's span, not the product of two
     * halves), and the columns' ranges narrowed so for the plans above.
     */
    private Estimate filter(Filter f) {
        Estimate in = of(f.child());
        Map<ExprId, Column> cols = new HashMap<>(in.columns());
        double sel = 1;
        for (Expression c : p.splitConjuncts(f.condition())) {
            Estimate narrowed = new Estimate(in.rows(), cols);
            sel *= selectivity(c, narrowed);
            narrow(c, cols);
        }
        return new Estimate(Math.max(1, in.rows() * sel), cols);
    }

    /** Narrows the range of the column a range comparison with a number bounds. */
    private static void narrow(Expression cond, Map<ExprId, Column> cols) {
        if (!(cond instanceof LessThan || cond instanceof LessThanOrEqual || cond instanceof GreaterThan
                || cond instanceof GreaterThanOrEqual)) {
            return;
        }
        BinaryComparison c = (BinaryComparison) cond;
        boolean flipped = !(column(c.left()) instanceof AttributeReference);
        if (!(column(flipped ? c.right() : c.left()) instanceof AttributeReference a)
                || !((flipped ? c.left() : c.right()) instanceof Literal lit) || !(lit.value() instanceof Number v)) {
            return;
        }
        Column s = cols.get(a.exprId());
        if (s == null || s.min() == null || s.max() == null) {
            return;
        }
        boolean keepsBelow = (c instanceof LessThan || c instanceof LessThanOrEqual) != flipped;
        double x = v.doubleValue();
        double min = keepsBelow ? s.min() : Math.min(s.max(), Math.max(s.min(), x));
        double max = keepsBelow ? Math.max(s.min(), Math.min(s.max(), x)) : s.max();
        cols.put(a.exprId(), new Column(min, max, s.distinct(), s.sourceRows()));
    }

    private static Estimate scaled(Estimate in, double rows) {
        return new Estimate(Math.max(1, rows), in.columns());
    }

    private Estimate join(Join j) {
        Estimate l = of(j.left());
        Estimate r = of(j.right());
        Map<ExprId, Column> cols = new HashMap<>(l.columns());
        cols.putAll(r.columns());
        List<Expression> conjuncts = j.condition().map(p::splitConjuncts).orElse(List.of());
        double inner = l.rows() * r.rows() * joinSelectivity(conjuncts, Aliases.ids(j.left().output()), l, r);
        double rows = switch (j.joinType()) {
            case LEFT_SEMI -> Math.min(l.rows(), inner);
            case LEFT_ANTI -> l.rows();
            case LEFT_OUTER -> Math.max(l.rows(), inner);
            case RIGHT_OUTER -> Math.max(r.rows(), inner);
            case FULL_OUTER -> Math.max(l.rows() + r.rows(), inner);
            default -> inner;
        };
        return new Estimate(Math.max(1, rows), j.joinType() == JoinType.LEFT_SEMI || j.joinType() == JoinType.LEFT_ANTI
                ? l.columns() : cols);
    }

    /**
     * The selectivity of a join's conjuncts between two inputs. Equalities of a left column with
     * a right one count together, as one composite key drawn from a shared domain (the
     * containment assumption): the domain has as many values as the side with fewer distinct
     * keys had in its source, before filters, so that a filtered side keeps only its share of
     * the matches. A side's composite key has at most as many values as its source has rows
     * (multiplying independent selectivities would take a join on (part, supplier) keys for a
     * near-empty one). Other conjuncts count one by one.
     */
    double joinSelectivity(List<Expression> conjuncts, java.util.Set<ExprId> leftIds, Estimate l, Estimate r) {
        Map<ExprId, Column> cols = new HashMap<>(l.columns());
        cols.putAll(r.columns());
        Estimate both = new Estimate(l.rows() * r.rows(), cols);
        double[] leftKey = {1, 0};
        double[] rightKey = {1, 0};
        boolean keyed = false;
        double sel = 1;
        for (Expression c : conjuncts) {
            if (c instanceof EqualTo eq && column(eq.left()) instanceof AttributeReference a
                    && column(eq.right()) instanceof AttributeReference b
                    && leftIds.contains(a.exprId()) != leftIds.contains(b.exprId())) {
                AttributeReference left = leftIds.contains(a.exprId()) ? a : b;
                addKey(leftKey, l, left);
                addKey(rightKey, r, left == a ? b : a);
                keyed = true;
            } else {
                sel *= selectivity(c, both);
            }
        }
        if (!keyed) {
            return sel;
        }
        double domain = Math.min(Math.min(leftKey[0], leftKey[1]), Math.min(rightKey[0], rightKey[1]));
        return sel / Math.max(1, domain);
    }

    /** Multiplies a composite key's distinct values ({@code key[0]}) by a column's, tracking its source's rows ({@code key[1]}). */
    private static void addKey(double[] key, Estimate side, AttributeReference a) {
        Column c = side.columns().get(a.exprId());
        key[0] *= c == null ? side.rows() : c.distinct();
        key[1] = Math.max(key[1], c == null ? side.rows() : c.sourceRows());
    }

    /** The fraction of rows of a plan estimated as {@code in} that pass {@code cond}. */
    double selectivity(Expression cond, Estimate in) {
        if (cond instanceof And a) {
            return selectivity(a.left(), in) * selectivity(a.right(), in);
        }
        if (cond instanceof Or o) {
            double x = selectivity(o.left(), in);
            double y = selectivity(o.right(), in);
            return x + y - x * y;
        }
        if (cond instanceof Not n) {
            return n.child() instanceof IsNotNull || n.child() instanceof IsNull ? UNKNOWN : 1 - selectivity(n.child(), in);
        }
        if (cond instanceof IsNotNull) {
            return 1;
        }
        if (cond instanceof IsNull) {
            return 0.05;
        }
        if (cond instanceof Literal lit) {
            return Boolean.FALSE.equals(lit.value()) || lit.value() == null ? 0 : 1;
        }
        if (cond instanceof In list && column(list.value()) instanceof AttributeReference a) {
            return Math.min(1, list.list().size() * equalsLiteral(a, in));
        }
        if (cond instanceof EqualTo || cond instanceof EqualNullSafe) {
            return equality((BinaryComparison) cond, in);
        }
        if (cond instanceof BinaryComparison c) {
            return range(c, in);
        }
        return cond instanceof RowFunction f && MATCHES.contains(f.prettyName()) ? MATCH : UNKNOWN;
    }

    private static double equality(BinaryComparison c, Estimate in) {
        Expression l = column(c.left());
        Expression r = column(c.right());
        if (l instanceof AttributeReference a && r instanceof AttributeReference b) {
            return 1 / Math.max(in.distinct(a), in.distinct(b));
        }
        if (l instanceof AttributeReference a && r.foldable()) {
            return equalsLiteral(a, in);
        }
        if (r instanceof AttributeReference b && l.foldable()) {
            return equalsLiteral(b, in);
        }
        return UNKNOWN;
    }

    private static double equalsLiteral(AttributeReference a, Estimate in) {
        double d = in.distinct(a);
        return in.columns().containsKey(a.exprId()) ? 1 / d : Math.max(1 / d, EQUALS_UNKNOWN);
    }

    private static double range(BinaryComparison c, Estimate in) {
        boolean flipped = !(column(c.left()) instanceof AttributeReference);
        Expression col = column(flipped ? c.right() : c.left());
        Expression other = flipped ? c.left() : c.right();
        if (!(col instanceof AttributeReference a) || !(other instanceof Literal lit) || !(lit.value() instanceof Number v)) {
            return RANGE;
        }
        Column s = in.columns().get(a.exprId());
        if (s == null || s.max() <= s.min()) {
            return RANGE;
        }
        double below = (v.doubleValue() - s.min()) / (s.max() - s.min());   // share of values under the literal
        boolean keepsBelow = (c instanceof LessThan || c instanceof LessThanOrEqual) != flipped;
        boolean isRange = c instanceof LessThan || c instanceof LessThanOrEqual || c instanceof GreaterThan
                || c instanceof GreaterThanOrEqual;
        if (!isRange) {
            return RANGE;
        }
        double f = keepsBelow ? below : 1 - below;
        return Math.min(1, Math.max(1 / in.rows(), f));
    }

    /** The column under a cast, which keeps its order and distinct values; else the expression. */
    private static Expression column(Expression e) {
        return e instanceof Cast c && c.child() instanceof AttributeReference ? c.child() : e;
    }
}
