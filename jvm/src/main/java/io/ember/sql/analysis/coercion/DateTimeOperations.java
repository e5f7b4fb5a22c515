package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Add;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.expressions.Subtract;
import io.ember.sql.expressions.datetime.DateTimeFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * Arithmetic on dates, as Spark resolves it: {@code date + n} and {@code n + date} add days,
 * {@code date - n} subtracts them ({@code n} an integral number), and {@code date - date} is the
 * number of days between them.
 */
public final class DateTimeOperations extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (e instanceof Add a) {
            if (isDate(a.left().dataType()) && SqlTypes.isIntegral(a.right().dataType())) {
                return days(DateTimeFunction.Kind.DATE_ADD, a.left(), a.right());
            }
            if (SqlTypes.isIntegral(a.left().dataType()) && isDate(a.right().dataType())) {
                return days(DateTimeFunction.Kind.DATE_ADD, a.right(), a.left());
            }
        }
        if (e instanceof Subtract s && isDate(s.left().dataType())) {
            if (SqlTypes.isIntegral(s.right().dataType())) {
                return days(DateTimeFunction.Kind.DATE_SUB, s.left(), s.right());
            }
            if (isDate(s.right().dataType())) {
                return new DateTimeFunction(DateTimeFunction.Kind.DATEDIFF, List.of(s.left(), s.right()), null);
            }
        }
        return e;
    }

    private static boolean isDate(DataType t) {
        return t.equals(DataTypes.DateType);
    }

    private static Expression days(DateTimeFunction.Kind kind, Expression date, Expression n) {
        return new DateTimeFunction(kind, List.of(date, TypeWidening.cast(n, DataTypes.IntegerType)), null);
    }
}
