package io.ember.sql.types;

/** Spark's {@code array<elementType>}. */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
    public ArrayType(DataType elementType) {
        this(elementType, true);
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public String typeName() {
        return "array";
    }

    @Override
    public int defaultSize() {
        return elementType.defaultSize();
    }
}
