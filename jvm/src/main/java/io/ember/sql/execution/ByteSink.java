package io.ember.sql.execution;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A growable little-endian byte buffer for the batch codec. Not thread-safe. */
final class ByteSink {
    private ByteBuffer buf;

    ByteSink(int initial) {
        buf = ByteBuffer.allocate(Math.max(initial, 64)).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer ensure(int more) {
        if (buf.remaining() < more) {
            int cap = Math.max(buf.capacity() * 2, buf.position() + more);
            ByteBuffer bigger = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        return buf;
    }

    void putByte(int b) {
        ensure(1).put((byte) b);
    }

    void putInt(int v) {
        ensure(4).putInt(v);
    }

    void putLong(long v) {
        ensure(8).putLong(v);
    }

    void putBytes(byte[] b) {
        putInt(b.length);
        ensure(b.length).put(b);
    }

    void putString(String s) {
        putBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a bitmap of {@code n} flags (8 per byte). */
    void putBits(boolean[] flags, int n) {
        ByteBuffer b = ensure((n + 7) / 8);
        for (int i = 0; i < n; i += 8) {
            int bits = 0;
            for (int j = 0; j < 8 && i + j < n; j++) {
                if (flags[i + j]) {
                    bits |= 1 << j;
                }
            }
            b.put((byte) bits);
        }
    }

    int size() {
        return buf.position();
    }

    byte[] toByteArray() {
        byte[] out = new byte[buf.position()];
        System.arraycopy(buf.array(), 0, out, 0, out.length);
        return out;
    }
}
