package io.ember.sql.expressions;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.RankingFunction.Kind;
import java.util.List;
import java.util.Map;

/**
 * Registers the window functions ({@code row_number}, {@code rank}, {@code lag}, ...), which
 * the window operator evaluates, and the generators ({@code explode}, {@code posexplode},
 * {@code inline}, {@code stack}, the {@code _outer} variants),
 * which the generate operator evaluates; and {@code grouping}/{@code grouping_id}, which only
 * grouping sets give a meaning (the analyzer replaces them).
 */
final class WindowAndGeneratorFunctions {
    private WindowAndGeneratorFunctions() {}

    static void register(FunctionRegistry r) {
        ranking(r, "row_number", Kind.ROW_NUMBER);
        ranking(r, "rank", Kind.RANK);
        ranking(r, "dense_rank", Kind.DENSE_RANK);
        ranking(r, "percent_rank", Kind.PERCENT_RANK);
        ranking(r, "cume_dist", Kind.CUME_DIST);
        r.register("ntile", Builders.varargs("ntile", 1, 1, a -> new RankingFunction(Kind.NTILE, intArg("ntile", a.get(0)))));
        r.register("lag", Builders.varargs("lag", 1, 3, a -> offset(a, false)));
        r.register("lead", Builders.varargs("lead", 1, 3, a -> offset(a, true)));
        r.register("explode", Builders.unary("explode", e -> new Explode(e, false)));
        r.register("posexplode", Builders.unary("posexplode", e -> new Explode(e, true)));
        r.register("nth_value", Builders.varargs("nth_value", 2, 3, a -> new NthValue(a.get(0), intArg("nth_value", a.get(1)),
                a.size() > 2 && boolArg("nth_value", a.get(2)))));
        r.register("explode_outer", Builders.unary("explode_outer", e -> new Explode(e, false, true)));
        r.register("posexplode_outer", Builders.unary("posexplode_outer", e -> new Explode(e, true, true)));
        r.register("inline", Builders.unary("inline", e -> new Inline(e, false)));
        r.register("inline_outer", Builders.unary("inline_outer", e -> new Inline(e, true)));
        r.register("stack", Builders.varargs("stack", 2, Integer.MAX_VALUE, Stack::new));
        r.register("grouping", Builders.unary("grouping", Grouping::new));
        r.register("grouping_id", Builders.varargs("grouping_id", 0, Integer.MAX_VALUE, GroupingID::new));
    }

    private static void ranking(FunctionRegistry r, String name, Kind kind) {
        r.register(name, Builders.varargs(name, 0, 0, a -> new RankingFunction(kind)));
    }

    private static Expression offset(List<Expression> a, boolean lead) {
        int n = a.size() > 1 ? intArg(lead ? "lead" : "lag", a.get(1)) : 1;
        Expression dflt = a.size() > 2 ? a.get(2) : null;
        return new OffsetWindowFunction(a.get(0), n, dflt, lead);
    }

    /** A constant boolean argument (an ignoreNulls flag). */
    private static boolean boolArg(String fn, Expression e) {
        if (!e.foldable() || !(e.evalConstant() instanceof Boolean b)) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", "Cannot resolve \"" + fn
                    + "\" due to data type mismatch: the input " + e.sql() + " should be a foldable boolean expression.",
                    Map.of("functionName", fn, "inputExpr", e.sql()));
        }
        return b;
    }

    /** A constant integer argument (an offset or a bucket count). */
    private static int intArg(String fn, Expression e) {
        if (!e.foldable() || !(e.evalConstant() instanceof Number n)) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", "Cannot resolve \"" + fn
                    + "\" due to data type mismatch: the input " + e.sql() + " should be a foldable integer expression.",
                    Map.of("functionName", fn, "inputExpr", e.sql()));
        }
        return n.intValue();
    }
}
