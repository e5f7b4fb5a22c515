package io.ember.sql.vector;

/**
 * A dictionary-encoded vector: value {@code i} is {@code dictionary.get(codes[i])}, or null
 * where {@code codes[i]} is negative. Scans of low-cardinality string columns produce these,
 * and grouping and comparisons can work on the codes.
 */
public final class DictionaryVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public final int[] codes;
    public final ColumnVector dictionary;

    public DictionaryVector(int[] codes, ColumnVector dictionary) {
        super(dictionary.dataType());
        this.codes = codes;
        this.dictionary = dictionary;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isNull(int i) {
        return codes[i] < 0 || dictionary.isNull(codes[i]);
    }

    @Override
    public boolean mayHaveNulls() {
        return true;
    }

    @Override
    public Object get(int i) {
        return codes[i] < 0 ? null : dictionary.get(codes[i]);
    }

    @Override
    public String getString(int i) {
        return codes[i] < 0 ? null : dictionary.getString(codes[i]);
    }

    @Override
    public int getInt(int i) {
        return dictionary.getInt(codes[i]);
    }

    @Override
    public long getLong(int i) {
        return dictionary.getLong(codes[i]);
    }

    @Override
    public double getDouble(int i) {
        return dictionary.getDouble(codes[i]);
    }

    @Override
    public long sizeInBytes() {
        return 4L * codes.length + dictionary.sizeInBytes();
    }
}
