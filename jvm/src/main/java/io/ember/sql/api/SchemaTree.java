package io.ember.sql.api;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;

/** A schema as {@code printSchema} prints it: {@code root}, then {@code  |-- name: type (nullable = true)} per field, nested types indented. */
final class SchemaTree {
    private SchemaTree() {}

    static String render(StructType schema) {
        StringBuilder b = new StringBuilder("root\n");
        for (StructField f : schema.fields()) {
            field(b, " |", f.name(), f.dataType(), "nullable = " + f.nullable());
        }
        return b.toString();
    }

    private static void field(StringBuilder b, String prefix, String name, DataType type, String note) {
        b.append(prefix).append("-- ").append(name).append(": ").append(type.typeName());
        b.append(note == null ? "" : " (" + note + ")").append('\n');
        nested(b, prefix + "    |", type);
    }

    private static void nested(StringBuilder b, String prefix, DataType type) {
        if (type instanceof StructType s) {
            for (StructField f : s.fields()) {
                field(b, prefix, f.name(), f.dataType(), "nullable = " + f.nullable());
            }
        } else if (type instanceof ArrayType a) {
            field(b, prefix, "element", a.elementType(), "containsNull = " + a.containsNull());
        } else if (type instanceof MapType m) {
            field(b, prefix, "key", m.keyType(), null);
            field(b, prefix, "value", m.valueType(), "valueContainsNull = " + m.valueContainsNull());
        }
    }
}
