package io.ember.sql.expressions.hash;

/**
 * Spark's Murmur3 x86 32-bit hash ({@code Murmur3_x86_32}), including its treatment of a byte
 * tail (each trailing byte mixed as a whole word), so hashes match Spark's {@code hash()}.
 */
final class Murmur3 {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {}

    static int hashInt(int input, int seed) {
        return fmix(mixH1(seed, mixK1(input)), 4);
    }

    static int hashLong(long input, int seed) {
        int h1 = mixH1(seed, mixK1((int) input));
        h1 = mixH1(h1, mixK1((int) (input >>> 32)));
        return fmix(h1, 8);
    }

    static int hashBytes(byte[] b, int seed) {
        int aligned = b.length - b.length % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            int word = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
            h1 = mixH1(h1, mixK1(word));
        }
        for (int i = aligned; i < b.length; i++) {
            h1 = mixH1(h1, mixK1(b[i]));
        }
        return fmix(h1, b.length);
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixH1(int h1, int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int fmix(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }
}
