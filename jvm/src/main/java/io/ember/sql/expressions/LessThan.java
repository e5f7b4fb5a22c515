package io.ember.sql.expressions;

/** {@code (a < b)}; null when either side is null. */
public final class LessThan extends BinaryComparison {
    private static final long serialVersionUID = 1L;

    public LessThan(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Op op() {
        return Op.LT;
    }

    @Override
    public String symbol() {
        return "<";
    }

    @Override
    public LessThan withOperands(Expression l, Expression r) {
        return new LessThan(l, r);
    }
}
