package io.ember.sql.cache;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.ShortType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from a cached batch's column statistics that a scan's filters cannot match any of
 * its rows, so the batch is skipped without decoding. Built on the driver from the filter
 * conjuncts the planner hands the scan; the conjuncts it understands are comparisons of a
 * column (or a widening numeric cast of one) with a literal, {@code IN} lists of literals,
 * {@code IS [NOT] NULL}, and {@code AND}/{@code OR} of those; any other conjunct is ignored
 * (it never skips). Expressions are matched by node name, so this needs no kernel classes.
 * Immutable; travels with the scan's tasks.
 */
final class StatsFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A test over one batch's statistics: false means no row of the batch can match. */
    private interface Test extends Serializable {
        boolean mightMatch(CachedBatch b);
    }

    private record Compare(int column, String op, Object literal, DataType castTo) implements Test {
        @Override
        public boolean mightMatch(CachedBatch b) {
            ColumnStats s = b.stats(column);
            if (s.nullCount() == b.numRows()) {
                return false;
            }
            Object min = cast(s.min());
            Object max = cast(s.max());
            if (min == null || max == null || !ValueOrder.comparable(min, literal)) {
                return true;
            }
            int lo = ValueOrder.compare(literal, min);
            int hi = ValueOrder.compare(literal, max);
            return switch (op) {
                case "EqualTo", "EqualNullSafe" -> lo >= 0 && hi <= 0;
                case "LessThan" -> lo > 0;
                case "LessThanOrEqual" -> lo >= 0;
                case "GreaterThan" -> hi < 0;
                case "GreaterThanOrEqual" -> hi <= 0;
                default -> true;
            };
        }

        /** Applies the widening cast to a statistic (monotone, so min and max stay in order). */
        private Object cast(Object v) {
            if (castTo == null || !(v instanceof Number n)) {
                return v;
            }
            if (castTo instanceof DoubleType) {
                return n.doubleValue();
            }
            if (castTo instanceof FloatType) {
                return n.floatValue();
            }
            return n.longValue();
        }
    }

    private record NullCheck(int column, boolean wantNull) implements Test {
        @Override
        public boolean mightMatch(CachedBatch b) {
            int nulls = b.stats(column).nullCount();
            return wantNull ? nulls > 0 : nulls < b.numRows();
        }
    }

    private record AllOf(List<Test> tests) implements Test {
        @Override
        public boolean mightMatch(CachedBatch b) {
            for (Test t : tests) {
                if (!t.mightMatch(b)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AnyOf(List<Test> tests) implements Test {
        @Override
        public boolean mightMatch(CachedBatch b) {
            for (Test t : tests) {
                if (t.mightMatch(b)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Test> conjuncts;

    private StatsFilter(List<Test> conjuncts) {
        this.conjuncts = conjuncts;
    }

    /** The filter for {@code filters} (conjuncts) over a cache whose columns are {@code cachedOutput}. */
    static StatsFilter of(List<Expression> filters, List<AttributeReference> cachedOutput) {
        List<Test> tests = new ArrayList<>();
        for (Expression f : filters) {
            Test t = translate(f, cachedOutput);
            if (t != null) {
                tests.add(t);
            }
        }
        return new StatsFilter(List.copyOf(tests));
    }

    boolean isEmpty() {
        return conjuncts.isEmpty();
    }

    boolean mightMatch(CachedBatch b) {
        for (Test t : conjuncts) {
            if (!t.mightMatch(b)) {
                return false;
            }
        }
        return true;
    }

    /** The test for one expression, or null when it says nothing about statistics. */
    private static Test translate(Expression e, List<AttributeReference> output) {
        String name = e.nodeName();
        List<Expression> kids = e.children();
        switch (name) {
            case "And": {
                List<Test> all = new ArrayList<>();
                for (Expression k : kids) {
                    Test t = translate(k, output);
                    if (t != null) {
                        all.add(t);
                    }
                }
                return all.isEmpty() ? null : new AllOf(List.copyOf(all));
            }
            case "Or": {
                List<Test> any = new ArrayList<>();
                for (Expression k : kids) {
                    Test t = translate(k, output);
                    if (t == null) {
                        return null;
                    }
                    any.add(t);
                }
                return new AnyOf(List.copyOf(any));
            }
            case "IsNull", "IsNotNull": {
                int col = ordinal(kids.get(0), output);
                return col < 0 ? null : new NullCheck(col, name.equals("IsNull"));
            }
            case "In": {
                List<Test> any = new ArrayList<>();
                for (Expression item : kids.subList(1, kids.size())) {
                    Test t = comparison("EqualTo", kids.get(0), item, output);
                    if (t == null) {
                        return null;
                    }
                    any.add(t);
                }
                return any.isEmpty() ? null : new AnyOf(List.copyOf(any));
            }
            case "EqualTo", "EqualNullSafe", "LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual": {
                Test t = comparison(name, kids.get(0), kids.get(1), output);
                return t != null ? t : comparison(flip(name), kids.get(1), kids.get(0), output);
            }
            default:
                return null;
        }
    }

    private static Test comparison(String op, Expression column, Expression value, List<AttributeReference> output) {
        if (!(value instanceof Literal lit) || lit.value() == null) {
            return null;
        }
        DataType castTo = null;
        Expression target = column;
        if (column.nodeName().equals("Cast") && column.children().size() == 1) {
            target = column.children().get(0);
            if (!isWidening(target.dataType(), column.dataType())) {
                return null;
            }
            castTo = column.dataType();
        }
        int col = ordinal(target, output);
        return col < 0 ? null : new Compare(col, op, lit.value(), castTo);
    }

    private static boolean isWidening(DataType from, DataType to) {
        boolean integral = from instanceof ByteType || from instanceof ShortType || from instanceof IntegerType
                || from instanceof LongType;
        boolean wider = to instanceof LongType || to instanceof DoubleType || to instanceof FloatType
                || (to instanceof IntegerType && !(from instanceof LongType));
        return integral && wider;
    }

    private static String flip(String op) {
        return switch (op) {
            case "LessThan" -> "GreaterThan";
            case "LessThanOrEqual" -> "GreaterThanOrEqual";
            case "GreaterThan" -> "LessThan";
            case "GreaterThanOrEqual" -> "LessThanOrEqual";
            default -> op;
        };
    }

    private static int ordinal(Expression e, List<AttributeReference> output) {
        if (!(e instanceof AttributeReference a)) {
            return -1;
        }
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).exprId().equals(a.exprId())) {
                return i;
            }
        }
        return -1;
    }
}
