package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.CalendarInterval;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code make_dt_interval(days, hours, mins, secs)}, {@code make_ym_interval(years, months)} and
 * {@code make_interval(years, months, weeks, days, hours, mins, secs)} ({@code try_make_interval}:
 * null instead of an overflow error): missing trailing
 * arguments are zero (seconds a {@code decimal(18,6)}, as Spark fills them, so the column name
 * shows {@code 0.000000}); a null argument gives null; overflow fails with {@code ARITHMETIC_OVERFLOW}.
 */
public final class MakeInterval extends RowFunction {
    private static final long serialVersionUID = 1L;
    static final DecimalType SECONDS = new DecimalType(18, 6);

    /** Which function. */
    public enum Kind {
        DT("make_dt_interval", 4), YM("make_ym_interval", 2), CALENDAR("make_interval", 7),
        TRY_CALENDAR("try_make_interval", 7);

        final String sqlName;
        final int arity;

        Kind(String sqlName, int arity) {
            this.sqlName = sqlName;
            this.arity = arity;
        }
    }

    private final Kind kind;

    public MakeInterval(Kind kind, List<Expression> args) {
        super(padded(kind, args));
        this.kind = kind;
    }

    private static List<Expression> padded(Kind kind, List<Expression> args) {
        List<Expression> out = new ArrayList<>(args);
        while (out.size() < kind.arity) {
            boolean secs = kind != Kind.YM && out.size() == kind.arity - 1;
            out.add(secs ? new io.ember.sql.expressions.Literal(BigDecimal.ZERO.setScale(6), SECONDS)
                    : new io.ember.sql.expressions.Literal(0, DataTypes.IntegerType));
        }
        return out;
    }

    @Override
    public String prettyName() {
        return kind.sqlName;
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>();
        for (int i = 0; i < kind.arity; i++) {
            t.add(kind != Kind.YM && i == kind.arity - 1 ? InputType.exact(SECONDS) : InputType.INT);
        }
        return t;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case DT -> DayTimeIntervalType.DEFAULT;
            case YM -> YearMonthIntervalType.DEFAULT;
            case CALENDAR, TRY_CALENDAR -> DataTypes.CalendarIntervalType;
        };
    }

    @Override
    protected Object compute(Object[] v) {
        try {
            return switch (kind) {
                case YM -> Math.addExact(Math.multiplyExact((Integer) v[0], 12), (Integer) v[1]);
                case DT -> Math.addExact(Math.addExact(Math.multiplyExact((long) (Integer) v[0], IntervalStrings.MICROS_PER_DAY),
                        Math.multiplyExact((long) (Integer) v[1], IntervalStrings.MICROS_PER_HOUR)),
                        Math.addExact(Math.multiplyExact((long) (Integer) v[2], IntervalStrings.MICROS_PER_MINUTE),
                                ((BigDecimal) v[3]).movePointRight(6).longValueExact()));
                case CALENDAR, TRY_CALENDAR -> new CalendarInterval(Math.addExact(Math.multiplyExact((Integer) v[0], 12), (Integer) v[1]),
                        Math.addExact(Math.multiplyExact((Integer) v[2], 7), (Integer) v[3]),
                        Math.addExact(Math.addExact(Math.multiplyExact((long) (Integer) v[4], IntervalStrings.MICROS_PER_HOUR),
                                Math.multiplyExact((long) (Integer) v[5], IntervalStrings.MICROS_PER_MINUTE)),
                                ((BigDecimal) v[6]).movePointRight(6).longValueExact()));
            };
        } catch (ArithmeticException e) {
            if (kind == Kind.TRY_CALENDAR) {
                return null;
            }
            throw new ExpressionEvalException("ARITHMETIC_OVERFLOW", kind.sqlName + " overflow.",
                    Map.of("message", kind.sqlName + " overflow"));
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new MakeInterval(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
