package io.ember.sql.expressions;

/** {@code (a <= b)}; null when either side is null. */
public final class LessThanOrEqual extends BinaryComparison {
    private static final long serialVersionUID = 1L;

    public LessThanOrEqual(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Op op() {
        return Op.LE;
    }

    @Override
    public String symbol() {
        return "<=";
    }

    @Override
    public LessThanOrEqual withOperands(Expression l, Expression r) {
        return new LessThanOrEqual(l, r);
    }
}
