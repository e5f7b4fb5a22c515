package io.ember.sql.expressions;

/** {@code (a >= b)}; null when either side is null. */
public final class GreaterThanOrEqual extends BinaryComparison {
    private static final long serialVersionUID = 1L;

    public GreaterThanOrEqual(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Op op() {
        return Op.GE;
    }

    @Override
    public String symbol() {
        return ">=";
    }

    @Override
    public GreaterThanOrEqual withOperands(Expression l, Expression r) {
        return new GreaterThanOrEqual(l, r);
    }
}
