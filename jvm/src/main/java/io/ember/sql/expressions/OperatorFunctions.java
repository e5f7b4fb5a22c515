package io.ember.sql.expressions;


/** Registers the arithmetic, comparison and logical operators, by symbol and by name. */
final class OperatorFunctions {
    private OperatorFunctions() {}

    static void register(FunctionRegistry r) {
        r.register("+", Builders.varargs("+", 1, 2, a -> a.size() == 1 ? a.get(0) : new Add(a.get(0), a.get(1))));
        r.register("-", Builders.varargs("-", 1, 2, a -> a.size() == 1 ? new UnaryMinus(a.get(0), false) : new Subtract(a.get(0), a.get(1))));
        r.register("*", Builders.binary("*", Multiply::new));
        r.register("/", Builders.binary("/", Divide::new));
        r.register("%", Builders.binary("%", Remainder::new));
        r.register("mod", Builders.binary("mod", Remainder::new));
        r.register("div", Builders.binary("div", IntegralDivide::new));
        r.register("pmod", Builders.binary("pmod", Pmod::new));
        r.register("negative", Builders.unary("negative", c -> new UnaryMinus(c, true)));
        io.ember.sql.expressions.misc.Kernels.register(r, "positive", "positive", io.ember.sql.expressions.math.MathKernel.POSITIVE);
        r.register("==", Builders.binary("==", EqualTo::new));
        r.register("=", Builders.binary("=", EqualTo::new));
        r.register("!=", Builders.binary("!=", (a, b) -> new Not(new EqualTo(a, b))));
        r.register("<>", Builders.binary("<>", (a, b) -> new Not(new EqualTo(a, b))));
        r.register("<", Builders.binary("<", LessThan::new));
        r.register("<=", Builders.binary("<=", LessThanOrEqual::new));
        r.register(">", Builders.binary(">", GreaterThan::new));
        r.register(">=", Builders.binary(">=", GreaterThanOrEqual::new));
        r.register("<=>", Builders.binary("<=>", EqualNullSafe::new));
        r.register("and", Builders.binary("and", And::new));
        r.register("or", Builders.binary("or", Or::new));
        r.register("not", Builders.unary("not", Not::new));
        r.register("!", Builders.unary("!", Not::new));
        r.register("isnull", Builders.unary("isnull", IsNull::new));
        r.register("isnotnull", Builders.unary("isnotnull", IsNotNull::new));
        r.register("in", Builders.varargs("in", 1, Integer.MAX_VALUE, a -> new In(a.get(0), a.subList(1, a.size()))));
        r.register("between", Builders.varargs("between", 3, 3, a ->
                new And(new GreaterThanOrEqual(a.get(0), a.get(1)), new LessThanOrEqual(a.get(0), a.get(2)))));
    }

}
