package io.ember.sql.expressions;

/** {@code (a > b)}; null when either side is null. */
public final class GreaterThan extends BinaryComparison {
    private static final long serialVersionUID = 1L;

    public GreaterThan(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Op op() {
        return Op.GT;
    }

    @Override
    public String symbol() {
        return ">";
    }

    @Override
    public GreaterThan withOperands(Expression l, Expression r) {
        return new GreaterThan(l, r);
    }
}
