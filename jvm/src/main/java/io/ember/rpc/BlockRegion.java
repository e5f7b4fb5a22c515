package io.ember.rpc;

import java.io.File;

/** The bytes of one block: {@code length} bytes of {@code file} starting at {@code offset}. */
public record BlockRegion(File file, long offset, long length) {
    public BlockRegion {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }
}
