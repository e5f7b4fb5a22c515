package io.ember.sql.analysis;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GetArrayItem;
import io.ember.sql.expressions.GetMapValue;
import io.ember.sql.expressions.GetStructField;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.Map;
import java.util.Optional;

/**
 * Spark's {@code ExtractValue}: the part of a value a key names. A struct gives its field (the
 * name compared as the session compares names, failing with {@code FIELD_NOT_FOUND}), an array
 * its item at an integer ordinal, a map its value for the key.
 */
final class ExtractValues implements NestedFields {
    @Override
    public Optional<Expression> extract(Expression value, String field, SqlConf conf) {
        if (!(value.dataType() instanceof StructType s)) {
            return Optional.empty();
        }
        return Optional.of(structField(value, s, field, conf));
    }

    static Expression structField(Expression value, StructType s, String field, SqlConf conf) {
        for (StructField f : s.fields()) {
            if (conf.sameName(f.name(), field)) {
                return new GetStructField(value, f.name());
            }
        }
        String fields = String.join(", ", s.fieldNames().stream().map(n -> "`" + n + "`").toList());
        throw new io.ember.sql.AnalysisException("FIELD_NOT_FOUND", "No such struct field `" + field + "` in "
                + fields + ".", Map.of("fieldName", "`" + field + "`", "fields", fields));
    }

    /** {@code value[key]} once {@code value} has a type; empty when the type has no parts. */
    static Optional<Expression> extract(Expression value, Expression key, SqlConf conf) {
        if (value.dataType() instanceof StructType s && key instanceof Literal l && l.value() instanceof String name) {
            return Optional.of(structField(value, s, name, conf));
        }
        if (value.dataType() instanceof ArrayType) {
            return Optional.of(new GetArrayItem(value, key));
        }
        if (value.dataType() instanceof MapType) {
            return Optional.of(new GetMapValue(value, key));
        }
        return Optional.empty();
    }

    static boolean isStringKey(Expression key) {
        return key instanceof Literal l && l.dataType().equals(DataTypes.StringType);
    }
}
