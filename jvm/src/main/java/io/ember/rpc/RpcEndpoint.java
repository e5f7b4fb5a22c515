package io.ember.rpc;

import java.net.InetSocketAddress;

/**
 * A named message handler registered with an {@link RpcEnv}.
 *
 * <p>Threading: each registered endpoint has its own single-threaded dispatcher, so
 * {@link #receive} and {@link #onDisconnected} are called one at a time, in arrival order per
 * connection, never concurrently with each other; an endpoint needs no locking for state it
 * touches only from these methods. A slow {@code receive} delays only this endpoint's queue.
 */
public interface RpcEndpoint {
    /**
     * Handles a message. For {@link RpcRef#ask} the return value is the reply (may be null); a
     * returned {@link java.util.concurrent.CompletionStage} is replied to when it completes, so an
     * endpoint can answer later without blocking its dispatcher. Exceptions travel back to the
     * asker as {@link RpcException} carrying the remote message (for {@code send} they are logged).
     */
    Object receive(Object message, RpcCallContext context) throws Exception;

    /** A connection that sent messages to this endpoint closed (peer died or disconnected). */
    default void onDisconnected(InetSocketAddress remote) {}
}
