package io.ember.sql.expressions;

import java.util.ArrayList;
import java.util.List;

/** Registers {@code when} (CASE WHEN), {@code coalesce} and the other conditional functions. */
final class ConditionalFunctions {
    private ConditionalFunctions() {}

    static void register(FunctionRegistry r) {
        r.register("when", Builders.varargs("when", 2, Integer.MAX_VALUE, ConditionalFunctions::caseWhen));
        r.register("casewhen", Builders.varargs("casewhen", 2, Integer.MAX_VALUE, ConditionalFunctions::caseWhen));
        r.register("coalesce", Builders.varargs("coalesce", 1, Integer.MAX_VALUE, Coalesce::new));
        r.register("nvl", Builders.binary("nvl", (a, b) -> new Coalesce(List.of(a, b), "nvl")));
        r.register("ifnull", Builders.binary("ifnull", (a, b) -> new Coalesce(List.of(a, b), "ifnull")));
        r.register("if", Builders.varargs("if", 3, 3, a -> new If(a.get(0), a.get(1), a.get(2))));
        r.register("iff", Builders.varargs("iff", 3, 3, a -> new If(a.get(0), a.get(1), a.get(2))));
        r.register("nvl2", Builders.varargs("nvl2", 3, 3, a -> new If(new IsNotNull(a.get(0)), a.get(1), a.get(2))));
        r.register("nullif", Builders.binary("nullif", (a, b) -> new NullFunction(NullFunction.Kind.NULLIF, List.of(a, b))));
        r.register("nanvl", Builders.binary("nanvl", (a, b) -> new NullFunction(NullFunction.Kind.NANVL, List.of(a, b))));
    }

    /** {@code [c1, v1, c2, v2, ..., else?]}: pairs of condition and value, then an optional else value. */
    static Expression caseWhen(List<Expression> a) {
        List<Expression[]> branches = new ArrayList<>();
        int i = 0;
        for (; i + 1 < a.size(); i += 2) {
            branches.add(new Expression[] {a.get(i), a.get(i + 1)});
        }
        return new CaseWhen(branches, i < a.size() ? a.get(i) : null);
    }
}
