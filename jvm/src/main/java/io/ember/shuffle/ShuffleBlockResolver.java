package io.ember.shuffle;

import io.ember.rpc.BlockRegion;
import io.ember.storage.BlockId;
import io.ember.storage.DiskBlockManager;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Finds the bytes of a shuffle block ({@code shuffle_S_M_R}) among an executor's map outputs:
 * the region of {@code shuffle_S_M.data} between the index file's offsets R and R+1. This is
 * what an executor's block server hands to other executors' reduce tasks.
 */
public final class ShuffleBlockResolver {
    private final DiskBlockManager dirs;

    public ShuffleBlockResolver(DiskBlockManager dirs) {
        this.dirs = dirs;
    }

    /** The region holding the named block, or null when it is not a shuffle block held here. */
    public BlockRegion region(String blockName) {
        BlockId.ShuffleBlock block = BlockId.ShuffleBlock.parse(blockName).orElse(null);
        if (block == null) {
            return null;
        }
        File index = dirs.file(new BlockId.ShuffleIndex(block.shuffleId(), block.mapId()));
        File data = dirs.file(new BlockId.ShuffleData(block.shuffleId(), block.mapId()));
        if (!index.isFile() || !data.isFile()) {
            return null;
        }
        try (RandomAccessFile idx = new RandomAccessFile(index, "r")) {
            if (8L * (block.reduceId() + 2) > idx.length()) {
                return null;
            }
            idx.seek(8L * block.reduceId());
            long start = idx.readLong();
            long end = idx.readLong();
            return new BlockRegion(data, start, end - start);
        } catch (IOException e) {
            return null;
        }
    }
}
