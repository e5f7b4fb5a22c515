package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructType;
import java.io.Serializable;
import java.util.List;
import java.util.function.Predicate;

/**
 * A type an expression accepts for an input, possibly a family (Spark's {@code AbstractDataType}):
 * {@link #NUMERIC}, {@link #INTEGRAL}, any decimal, one exact type, or one of several. The
 * implicit-cast rule casts an input to {@link #defaultType()} (or a closer member) when the
 * input's type is not accepted.
 */
public record InputType(String name, Predicate<DataType> accepts, DataType defaultType, List<InputType> members)
        implements Serializable {

    public static final InputType ANY = family("ANY", t -> true, null);
    public static final InputType NUMERIC = family("NUMERIC", DataTypes::isNumeric, DataTypes.DoubleType);
    /** What {@code +}, {@code -} and unary minus take: numbers and ANSI intervals. */
    public static final InputType NUMERIC_OR_INTERVAL = family("(NUMERIC OR INTERVAL DAY TO SECOND OR INTERVAL YEAR TO MONTH)",
            t -> DataTypes.isNumeric(t) || DataTypes.isAnsiInterval(t), DataTypes.DoubleType);
    public static final InputType INTEGRAL = family("INTEGRAL", SqlTypes::isIntegral, DataTypes.LongType);
    public static final InputType DECIMAL = family("DECIMAL", t -> t instanceof DecimalType, DecimalType.SYSTEM_DEFAULT);
    public static final InputType ATOMIC = family("ATOMIC", SqlTypes::isAtomic, null);
    public static final InputType ARRAY = family("ARRAY", t -> t instanceof ArrayType, null);
    public static final InputType MAP = family("MAP", t -> t instanceof MapType, null);
    public static final InputType STRUCT = family("STRUCT", t -> t instanceof StructType, null);
    public static final InputType ORDERABLE = family("ORDERABLE", SqlTypes::isOrderable, null);
    public static final InputType ANY_TIMESTAMP = oneOf(exact(DataTypes.TimestampType), exact(DataTypes.TimestampNTZType));
    public static final InputType STRING = exact(DataTypes.StringType);
    public static final InputType BOOLEAN = exact(DataTypes.BooleanType);
    public static final InputType DATE = exact(DataTypes.DateType);
    public static final InputType INT = exact(DataTypes.IntegerType);
    public static final InputType LONG = exact(DataTypes.LongType);
    public static final InputType DOUBLE = exact(DataTypes.DoubleType);
    public static final InputType BINARY = exact(DataTypes.BinaryType);

    public static InputType exact(DataType t) {
        return new InputType(SqlTypes.sqlName(t), t::equals, t, List.of());
    }

    public static InputType family(String name, Predicate<DataType> accepts, DataType defaultType) {
        return new InputType(name, accepts::test, defaultType, List.of());
    }

    /** Any of the members; casts go to the first member an input can be cast to. */
    public static InputType oneOf(InputType... members) {
        StringBuilder name = new StringBuilder("(");
        for (int i = 0; i < members.length; i++) {
            name.append(i == 0 ? "" : " or ").append('"').append(members[i].name).append('"');
        }
        List<InputType> ms = List.of(members);
        return new InputType(name.append(')').toString(), t -> ms.stream().anyMatch(m -> m.accepts(t)),
                members[0].defaultType, ms);
    }

    public boolean accepts(DataType t) {
        return accepts.test(t);
    }

    /** The text a mismatch message quotes: {@code "NUMERIC"} or {@code ("INT" or "STRING")}. */
    public String quoted() {
        return members.isEmpty() ? TypeCheckResult.quote(name) : name;
    }
}
