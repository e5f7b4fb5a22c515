package io.ember.sql.sources;

import io.ember.sql.types.StructType;

/**
 * One record of a text format held in a string value, for {@code from_csv}/{@code from_xml}
 * and their siblings: read by a schema, written from a row, or its schema inferred. An
 * implementation may reuse buffers, so callers keep one per thread.
 */
public interface RecordCodec {
    /** The record in {@code text} as internal values of {@code schema}. */
    Object[] parse(String text, StructType schema);

    /** {@code row} (internal values of {@code schema}) as one record's text. */
    String format(Object[] row, StructType schema);

    /** The struct type the format's inference gives the record in {@code text}. */
    StructType infer(String text);
}
