package io.ember.shuffle;

/**
 * An executor's place in block transfer: the address its block server listens on (recorded
 * in the map statuses it writes) and the fetcher its reduce tasks use for other executors'
 * outputs. {@link #LOCAL} has neither: every output is a local file.
 */
public record ShuffleTransport(String host, int port, BlockFetcher fetcher) {
    public static final ShuffleTransport LOCAL = new ShuffleTransport(null, -1, (h, p, block) -> {
        throw new IllegalStateException("This executor has no block transfer; cannot fetch " + block);
    });
}
