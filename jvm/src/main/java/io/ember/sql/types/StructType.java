package io.ember.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Spark's {@code struct<...>}: an ordered list of named fields; also the schema of a DataFrame. */
public record StructType(List<StructField> fields) implements DataType {
    public StructType {
        fields = List.copyOf(fields);
    }

    public static StructType of(StructField... fields) {
        return new StructType(List.of(fields));
    }

    public StructType add(String name, DataType type) {
        return add(new StructField(name, type));
    }

    public StructType add(StructField field) {
        List<StructField> more = new ArrayList<>(fields);
        more.add(field);
        return new StructType(more);
    }

    public int size() {
        return fields.size();
    }

    public StructField field(int i) {
        return fields.get(i);
    }

    public List<String> fieldNames() {
        return fields.stream().map(StructField::name).toList();
    }

    /** The index of the first field named {@code name} (case-insensitively), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    public Optional<StructField> find(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }

    @Override
    public String simpleString() {
        StringBuilder b = new StringBuilder("struct<");
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ",").append(fields.get(i).simpleString());
        }
        return b.append('>').toString();
    }

    @Override
    public String typeName() {
        return "struct";
    }

    @Override
    public int defaultSize() {
        return fields.stream().mapToInt(f -> f.dataType().defaultSize()).sum();
    }
}
