package io.ember.serializer;

import java.io.Closeable;
import java.util.Iterator;

/** Reads back what an {@link ObjectWriter} wrote, as an iterator; closes itself at the end. */
public interface ObjectReader<T> extends Iterator<T>, Closeable {
    @Override
    void close();
}
