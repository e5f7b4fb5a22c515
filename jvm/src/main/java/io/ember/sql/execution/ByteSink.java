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

    /** An unsigned varint (7 bits a byte). */
    void putVarint(int v) {
        ByteBuffer b = ensure(5);
        while ((v & ~0x7F) != 0) {
            b.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.put((byte) v);
    }

    /** A string as a varint (its UTF-8 length, shifted left, low bit set unless ASCII) and its UTF-8 bytes. */
    void putCompactString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        boolean ascii = utf8.length == s.length();
        putVarint(utf8.length << 1 | (ascii ? 0 : 1));
        ensure(utf8.length).put(utf8);
    }

    static int getVarint(ByteBuffer in) {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = in.get();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    static String getCompactString(ByteBuffer in) {
        int header = getVarint(in);
        int len = header >>> 1;
        int at = in.position();
        in.position(at + len);
        // ASCII is also Latin-1, which the JDK copies straight into the string's bytes
        return new String(in.array(), in.arrayOffset() + at, len,
                (header & 1) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
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

    /** Forgets what was written, keeping the buffer (a writer that encodes many batches reuses one sink). */
    void clear() {
        buf.clear();
    }

    byte[] toByteArray() {
        byte[] out = new byte[buf.position()];
        System.arraycopy(buf.array(), 0, out, 0, out.length);
        return out;
    }
}
