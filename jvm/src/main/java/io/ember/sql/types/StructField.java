package io.ember.sql.types;

import java.io.Serializable;
import java.util.Map;

/** One named field of a {@link StructType}; {@code metadata} holds JSON-compatible values. */
public record StructField(String name, DataType dataType, boolean nullable, Map<String, Object> metadata)
        implements Serializable {
    public StructField {
        metadata = Map.copyOf(metadata);
    }

    public StructField(String name, DataType dataType, boolean nullable) {
        this(name, dataType, nullable, Map.of());
    }

    public StructField(String name, DataType dataType) {
        this(name, dataType, true);
    }

    /** {@code name: type} as Spark prints it in a struct's simple string. */
    public String simpleString() {
        return name + ":" + dataType.simpleString();
    }
}
