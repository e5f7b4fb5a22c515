package io.ember.rpc;

import java.io.File;

/**
 * The bytes of one block: {@code length} bytes of {@code file} starting at {@code offset}, sent
 * without copying; or, when {@code bytes} is not null, those bytes (a block held in memory).
 */
public record BlockRegion(File file, long offset, long length, byte[] bytes) {
    public BlockRegion {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }

    public BlockRegion(File file, long offset, long length) {
        this(file, offset, length, null);
    }

    /** A block served from memory. */
    public static BlockRegion of(byte[] bytes) {
        return new BlockRegion(null, 0, bytes.length, bytes);
    }
}
