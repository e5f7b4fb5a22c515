package io.ember.python.sql;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for {@link BatchPickler}: an OutputStream without the per-call
 * locking of {@code ByteArrayOutputStream}, since a pickler writes most values a byte at a
 * time. Not thread-safe.
 */
final class PickleBuffer extends OutputStream {
    private byte[] bytes;
    private int size;

    PickleBuffer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    @Override
    public void write(int b) {
        if (size == bytes.length) {
            grow(1);
        }
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (size + len > bytes.length) {
            grow(len);
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
