package io.ember.sql.expressions;

/** {@code (a = b)}; null when either side is null. */
public final class EqualTo extends BinaryComparison {
    private static final long serialVersionUID = 1L;

    public EqualTo(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Op op() {
        return Op.EQ;
    }

    @Override
    public String symbol() {
        return "=";
    }

    @Override
    public EqualTo withOperands(Expression l, Expression r) {
        return new EqualTo(l, r);
    }
}
