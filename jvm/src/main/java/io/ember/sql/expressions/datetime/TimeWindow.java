package io.ember.sql.expressions.datetime;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Unevaluable;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code window(ts, windowDuration[, slideDuration[, startTime]])}: the time window(s) of
 * {@code ts} as {@code struct<start, end>} (the type of {@code ts}), durations in microseconds.
 * It is never evaluated: the analyzer's {@code TimeWindowing} computes it below the operator
 * that holds it (one window per row when tumbling, {@code ceil(window / slide)} rows per input
 * row when sliding) and drops rows whose {@code ts} is null, as Spark's TimeWindowing rule.
 */
public final class TimeWindow extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final Expression timeColumn;
    private final long windowMicros;
    private final long slideMicros;
    private final long startMicros;

    public TimeWindow(Expression timeColumn, long windowMicros, long slideMicros, long startMicros) {
        this.timeColumn = timeColumn;
        this.windowMicros = windowMicros;
        this.slideMicros = slideMicros;
        this.startMicros = startMicros;
    }

    /** The function's builder: durations are string constants such as {@code '10 minutes'}. */
    public static Expression of(List<Expression> args) {
        long window = duration(args.get(1));
        long slide = args.size() > 2 ? duration(args.get(2)) : window;
        long start = args.size() > 3 ? duration(args.get(3)) : 0;
        return new TimeWindow(args.get(0), window, slide, start);
    }

    public Expression timeColumn() {
        return timeColumn;
    }

    public long windowMicros() {
        return windowMicros;
    }

    public long slideMicros() {
        return slideMicros;
    }

    public long startMicros() {
        return startMicros;
    }

    @Override
    public DataType dataType() {
        return windowType(timeColumn.dataType());
    }

    /** Spark's window column, {@code struct<start, end>} of the time column's type (also session windows'). */
    public static StructType windowType(DataType t) {
        return new StructType(List.of(new StructField("start", t, true), new StructField("end", t, true)));
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType t = timeColumn.dataType();
        if (!(t instanceof TimestampType || t instanceof TimestampNTZType)) {
            return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "The first parameter requires the (\"(TIMESTAMP OR "
                    + "TIMESTAMP WITHOUT TIME ZONE)\" or \"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\" or \"STRUCT<start: "
                    + "TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>\") type, however " + TypeCheckResult.quote(timeColumn.sql())
                    + " has the type " + TypeCheckResult.quoteType(t),
                    Map.of("paramIndex", "first", "inputSql", TypeCheckResult.quote(timeColumn.sql()),
                            "inputType", TypeCheckResult.quoteType(t)));
        }
        if (windowMicros <= 0 || slideMicros <= 0) {
            String which = windowMicros <= 0 ? "window_duration" : "slide_duration";
            long v = windowMicros <= 0 ? windowMicros : slideMicros;
            return TypeCheckResult.mismatch("PARAMETER_CONSTRAINT_VIOLATION", "The `" + which + "`(" + v
                    + "L) must be > the `0`(0L)", Map.of("leftExprName", "`" + which + "`", "leftExprValue", v + "L"));
        }
        if (slideMicros > windowMicros) {
            return TypeCheckResult.mismatch("PARAMETER_CONSTRAINT_VIOLATION", "The `slide_duration`(" + slideMicros
                    + "L) must be <= the `window_duration`(" + windowMicros + "L)",
                    Map.of("leftExprName", "`slide_duration`", "leftExprValue", slideMicros + "L",
                            "rightExprName", "`window_duration`", "rightExprValue", windowMicros + "L"));
        }
        if (Math.abs(startMicros) >= slideMicros) {
            return TypeCheckResult.mismatch("PARAMETER_CONSTRAINT_VIOLATION", "The absolute value of `start_time`("
                    + startMicros + "L) must be < the `slide_duration`(" + slideMicros + "L)",
                    Map.of("leftExprName", "`start_time`", "leftExprValue", startMicros + "L"));
        }
        return TypeCheckResult.success();
    }

    /** Microseconds of {@code '1 hour 30 minutes'} (an optional leading {@code interval}); months and years are refused. */
    static long duration(Expression e) {
        if (!(e instanceof Literal l) || !(l.value() instanceof String text)) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", "The durations of window() must be "
                    + "constant strings such as '10 minutes', not " + e.sql() + ".", Map.of("inputExpr", e.sql()));
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        int i = parts.length > 0 && parts[0].equals("interval") ? 1 : 0;
        if ((parts.length - i) % 2 != 0 || parts.length == i) {
            throw new AnalysisException("INVALID_INTERVAL_FORMAT.INVALID_UNIT", "Invalid interval: '" + text + "'.",
                    Map.of("input", text));
        }
        long total = 0;
        for (; i < parts.length; i += 2) {
            long n;
            try {
                n = Long.parseLong(parts[i]);
            } catch (NumberFormatException ex) {
                throw new AnalysisException("INVALID_INTERVAL_FORMAT.INVALID_VALUE", "Invalid interval: '" + text + "'.",
                        Map.of("input", text));
            }
            String unit = parts[i + 1].endsWith("s") ? parts[i + 1].substring(0, parts[i + 1].length() - 1) : parts[i + 1];
            long micros = switch (unit) {
                case "week" -> 7L * 86_400_000_000L;
                case "day" -> 86_400_000_000L;
                case "hour" -> 3_600_000_000L;
                case "minute" -> 60_000_000L;
                case "second" -> 1_000_000L;
                case "millisecond" -> 1_000L;
                case "microsecond" -> 1L;
                case "month", "year" -> throw new AnalysisException("INVALID_INTERVAL_FORMAT.INVALID_UNIT",
                        "Intervals greater than a month is not supported (" + text + ").", Map.of("input", text));
                default -> throw new AnalysisException("INVALID_INTERVAL_FORMAT.INVALID_UNIT",
                        "Invalid interval: '" + text + "'.", Map.of("input", text));
            };
            total = Math.addExact(total, Math.multiplyExact(n, micros));
        }
        return total;
    }

    @Override
    public String sql() {
        return "window(" + timeColumn.sql() + ", " + windowMicros + ", " + slideMicros + ", " + startMicros + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(timeColumn);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new TimeWindow(c.get(0), windowMicros, slideMicros, startMicros);
    }

    @Override
    protected List<Object> args() {
        return List.of(windowMicros, slideMicros, startMicros);
    }
}
