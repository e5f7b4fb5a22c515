package io.ember.sql.expressions.misc;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Spark's {@code XORShiftRandom}: a xorshift generator whose seed is scrambled with Scala's
 * MurmurHash3 of the seed's bytes, so {@code rand(seed)} gives Spark's numbers. Its doubles and
 * Gaussians come from {@link Random}'s algorithms over {@link #next}. Not thread-safe: one per task.
 */
final class XorShiftRandom extends Random {
    private static final long serialVersionUID = 1L;

    private long seed;

    XorShiftRandom(long init) {
        super(init);
        this.seed = hashSeed(init);
    }

    @Override
    protected int next(int bits) {
        long s = seed ^ (seed << 21);
        s ^= s >>> 35;
        s ^= s << 4;
        seed = s;
        return (int) (s & ((1L << bits) - 1));
    }

    static long hashSeed(long seed) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
        int low = bytesHash(bytes, 0x3c074a61);
        int high = bytesHash(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /** Scala's {@code MurmurHash3.bytesHash}. */
    static int bytesHash(byte[] data, int seed) {
        int h = seed;
        int i = 0;
        int len = data.length;
        while (len >= 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
            h = mix(h, k);
            i += 4;
            len -= 4;
        }
        int k = 0;
        if (len == 3) k ^= (data[i + 2] & 0xFF) << 16;
        if (len >= 2) k ^= (data[i + 1] & 0xFF) << 8;
        if (len >= 1) {
            k ^= data[i] & 0xFF;
            h = mixLast(h, k);
        }
        return avalanche(h ^ data.length);
    }

    private static int mixLast(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        return h ^ k;
    }

    private static int mix(int h, int k) {
        h = mixLast(h, k);
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int avalanche(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
