package io.ember.shuffle;

/** How a reduce task reads a shuffle block held by another executor; the shuffle layer does not know how. */
@FunctionalInterface
public interface BlockFetcher {
    /** The block's bytes from the block server at host:port; throws on any failure. */
    byte[] fetch(String host, int port, String blockName) throws Exception;
}
