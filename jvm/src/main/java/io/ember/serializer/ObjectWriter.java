package io.ember.serializer;

import java.io.Closeable;

/** Writes a stream of objects; not thread-safe. Close releases pooled resources. */
public interface ObjectWriter extends Closeable {
    void write(Object o);

    void flush();

    @Override
    void close();
}
