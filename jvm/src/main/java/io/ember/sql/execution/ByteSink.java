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

    /** A string as a varint length (-1 for 2-byte chars follow UTF-8) and its bytes; ASCII copied directly. */
    void putCompactString(String s) {
        int len = s.length();
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            putVarint(len << 1);
            ByteBuffer b = ensure(len);
            for (int i = 0; i < len; i++) {
                b.put((byte) s.charAt(i));
            }
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            putVarint(utf8.length << 1 | 1);
            ensure(utf8.length).put(utf8);
        }
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
        if ((header & 1) == 0) {
            char[] chars = new char[len];
            for (int i = 0; i < len; i++) {
                chars[i] = (char) in.get();
            }
            return new String(chars);
        }
        byte[] utf8 = new byte[len];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
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
