package io.ember.sql.types;

/** Spark's {@code map<keyType,valueType>}; keys are never null. */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull) implements DataType {
    public MapType(DataType keyType, DataType valueType) {
        this(keyType, valueType, true);
    }

    @Override
    public String simpleString() {
        return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
    }

    @Override
    public String typeName() {
        return "map";
    }

    @Override
    public int defaultSize() {
        return keyType.defaultSize() + valueType.defaultSize();
    }
}
