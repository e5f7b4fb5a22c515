package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import java.util.Map;

/**
 * An infix operator over operands of one type ({@code a + b}, {@code a < b}, {@code a AND b});
 * type coercion makes the operand types equal first. Its SQL text is {@code (left symbol right)}.
 */
public abstract class BinaryOperator extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    protected BinaryOperator(Expression left, Expression right) {
        super(left, right);
    }

    /** The operator as SQL writes it: {@code +}, {@code <=>}, {@code AND}. */
    public abstract String symbol();

    /** The operand types this operator takes. */
    public abstract InputType inputType();

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType l = left.dataType();
        DataType r = right.dataType();
        if (!l.equals(r)) {
            return TypeCheckResult.mismatch("BINARY_OP_DIFF_TYPES",
                    "the left and right operands of the binary operator have incompatible types ("
                            + TypeCheckResult.quoteType(l) + " and " + TypeCheckResult.quoteType(r) + ")",
                    Map.of("left", TypeCheckResult.quoteType(l), "right", TypeCheckResult.quoteType(r)));
        }
        if (!inputType().accepts(l)) {
            return TypeCheckResult.mismatch("BINARY_OP_WRONG_TYPE",
                    "the binary operator requires the input type " + inputType().quoted() + ", not "
                            + TypeCheckResult.quoteType(l),
                    Map.of("inputType", inputType().quoted(), "actualDataType", TypeCheckResult.quoteType(l)));
        }
        return TypeCheckResult.success();
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " " + symbol() + " " + right.sql() + ")";
    }
}
