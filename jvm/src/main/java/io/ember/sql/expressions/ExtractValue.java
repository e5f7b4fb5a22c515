package io.ember.sql.expressions;

import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructType;
import java.util.Optional;

/** Access to a named part of a value ({@code s.f}, {@code m.k}): the extractor for its type, if it has such a part. */
public final class ExtractValue {
    private ExtractValue() {}

    /** A struct's field by name (case-insensitively), or a string-keyed map's value; empty otherwise. */
    public static Optional<Expression> of(Expression value, String field) {
        if (value.dataType() instanceof StructType s && s.indexOf(field) >= 0) {
            return Optional.of(new GetStructField(value, s.field(s.indexOf(field)).name()));
        }
        if (value.dataType() instanceof MapType m && m.keyType().equals(DataTypes.StringType)) {
            return Optional.of(new GetMapValue(value, new Literal(field, DataTypes.StringType)));
        }
        return Optional.empty();
    }
}
