package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Add;
import io.ember.sql.expressions.BinaryArithmetic;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Divide;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Multiply;
import io.ember.sql.expressions.Subtract;
import io.ember.sql.expressions.aggregate.Average;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.expressions.aggregate.IntervalSum;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.expressions.interval.DatetimeAddInterval;
import io.ember.sql.expressions.interval.IntervalScale;
import io.ember.sql.expressions.interval.Reinterpret;
import io.ember.sql.expressions.interval.SubtractDatetimes;
import io.ember.sql.types.CalendarIntervalType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import io.ember.sql.types.YearMonthIntervalType;
import java.util.List;
import java.util.Optional;

/**
 * Arithmetic with intervals, as Spark 4 resolves it: {@code datetime ± interval} (a date with a
 * day-time interval of hours or smaller units becomes a timestamp; with {@code interval day}
 * it stays a date), {@code timestamp - timestamp} and {@code date - date}
 * (day-time intervals), {@code interval ± interval} of one family (widened to the fields of both;
 * overflow fails), {@code interval * number}, {@code number * interval}, {@code interval /
 * number}, and {@code sum}/{@code avg} of ANSI intervals (the bigint aggregates over the
 * microseconds or months; the average rounds half up). Runs before the numeric coercions so
 * they never see an interval operand.
 */
public final class IntervalOperations extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (e instanceof Add a) {
            return add(a);
        }
        if (e instanceof Subtract s) {
            return subtract(s);
        }
        if (e instanceof Multiply m) {
            if (isAnsi(m.left().dataType()) && DataTypes.isNumeric(m.right().dataType())) {
                return new IntervalScale(m.left(), m.right(), false);
            }
            if (DataTypes.isNumeric(m.left().dataType()) && isAnsi(m.right().dataType())) {
                return new IntervalScale(m.right(), m.left(), false);
            }
        }
        if (e instanceof Divide d && isAnsi(d.left().dataType()) && DataTypes.isNumeric(d.right().dataType())) {
            return new IntervalScale(d.left(), d.right(), true);
        }
        if (e instanceof Sum s && isAnsi(s.child().dataType())) {
            return sumOf(s.child());
        }
        if (e instanceof Average a && isAnsi(a.children().get(0).dataType())) {
            Expression x = a.children().get(0);
            DataType t = x.dataType();
            Expression sum = sumOf(x);
            return new Reinterpret(new IntervalScale(sum, new Count(List.of(x)), true),
                    t instanceof YearMonthIntervalType ? YearMonthIntervalType.DEFAULT : DayTimeIntervalType.DEFAULT,
                    a.sql());
        }
        return e;
    }

    /** {@code sum(x)} of an interval column, typed as x; it fails on overflow instead of wrapping. */
    private static Expression sumOf(Expression x) {
        return new IntervalSum(x);
    }

    private static Expression add(Add a) {
        DataType l = a.left().dataType();
        DataType r = a.right().dataType();
        if (isDatetime(l) && isInterval(r)) {
            return shift(a.left(), a.right(), false);
        }
        if (isInterval(l) && isDatetime(r)) {
            return shift(a.right(), a.left(), false);
        }
        return sameFamily(a, l, r);
    }

    private static Expression subtract(Subtract s) {
        DataType l = s.left().dataType();
        DataType r = s.right().dataType();
        if (isDatetime(l) && isInterval(r)) {
            return shift(s.left(), s.right(), true);
        }
        if (isDatetime(l) && isDatetime(r)) {
            if (l instanceof DateType && r instanceof DateType) {
                return new SubtractDatetimes(s.left(), s.right());
            }
            DataType common = l instanceof TimestampType || r instanceof TimestampType || l instanceof DateType
                    || r instanceof DateType ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
            return new SubtractDatetimes(TypeWidening.cast(s.left(), common), TypeWidening.cast(s.right(), common));
        }
        return sameFamily(s, l, r);
    }

    /** Two intervals of one family: cast to the fields of both; overflow fails as in Spark. */
    private static Expression sameFamily(BinaryArithmetic op, DataType l, DataType r) {
        if (!isAnsi(l) || !isAnsi(r)) {
            return op;
        }
        Optional<DataType> common = TypeWidening.tightest(l, r);
        if (common.isEmpty()) {
            return op;
        }
        Expression left = TypeWidening.cast(op.left(), common.get());
        Expression right = TypeWidening.cast(op.right(), common.get());
        if (left == op.left() && right == op.right() && op.mode() != BinaryArithmetic.Mode.LEGACY) {
            return op;
        }
        return ((BinaryArithmetic) op.withOperands(left, right))
                .withMode(op.mode() == BinaryArithmetic.Mode.LEGACY ? BinaryArithmetic.Mode.ANSI : op.mode());
    }

    private static Expression shift(Expression start, Expression interval, boolean subtract) {
        Expression s = start;
        if (start.dataType() instanceof DateType && interval.dataType() instanceof DayTimeIntervalType d
                && d.endField() != DayTimeIntervalType.DAY) {
            s = Cast.implicit(start, DataTypes.TimestampType);
        }
        return new DatetimeAddInterval(s, interval, subtract, null);
    }

    private static boolean isAnsi(DataType t) {
        return DataTypes.isAnsiInterval(t);
    }

    private static boolean isInterval(DataType t) {
        return isAnsi(t) || t instanceof CalendarIntervalType;
    }

    private static boolean isDatetime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
    }
}
