package io.ember.rpc;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a named endpoint of a (usually remote) {@link RpcEnv}. Creating one does not
 * connect; the first call opens the connection, which all refs to that address then share.
 * Calls from one thread reach the endpoint in call order.
 *
 * <p>Refs are serializable: put one in a message and the receiver gets a ref bound to its own
 * env, ready to call back (e.g. a worker registering with the master sends a ref to itself).
 */
public final class RpcRef implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final String endpointName;
    private final transient RpcEnv env;

    RpcRef(RpcEnv env, String host, int port, String endpointName) {
        this.env = env;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.endpointName = Objects.requireNonNull(endpointName, "endpointName");
    }

    /**
     * Fire and forget. Never blocks on the network; the message is serialized on the calling
     * thread (an unserializable message throws here). If the peer turns out to be unreachable or
     * the endpoint throws, that is logged, not reported.
     */
    public void send(Object message) {
        byte[] body = env().codec().serialize(message);
        env.connection(host, port).send(endpointName, body);
    }

    /**
     * Sends and blocks for the reply. Throws {@link RpcTimeoutException} naming the address and
     * endpoint after {@code timeout}, {@link RpcException} with the remote message when the
     * endpoint threw, and {@link RpcException} (or {@link AuthenticationException}) when the
     * peer cannot be reached.
     */
    @SuppressWarnings("unchecked")
    public <T> T ask(Object message, Duration timeout) {
        return (T) RpcEnv.await(askOnEventLoop(message), timeout, describeAsk());
    }

    /**
     * Sends and returns the future reply. The future completes on an RPC callback thread, never
     * on a Netty event loop, so dependent stages may block. It has no timeout of its own; it
     * fails when the connection fails or closes.
     */
    public CompletableFuture<Object> askAsync(Object message) {
        return env().offEventLoop(askOnEventLoop(message));
    }

    /** Like {@link #askAsync(Object)}, failing with {@link RpcTimeoutException} after {@code timeout}. */
    public CompletableFuture<Object> askAsync(Object message, Duration timeout) {
        CompletableFuture<Object> reply = askOnEventLoop(message);
        env.failAfter(reply, timeout, describeAsk());
        return env.offEventLoop(reply);
    }

    private CompletableFuture<Object> askOnEventLoop(Object message) {
        byte[] body = env().codec().serialize(message);
        return env.connection(host, port).ask(endpointName, body);
    }

    private String describeAsk() {
        return "ask to endpoint '" + endpointName + "' at ember://" + host + ":" + port;
    }

    private RpcEnv env() {
        if (env == null) {
            throw new IllegalStateException(this + " was deserialized outside an RpcEnv and cannot be used");
        }
        return env;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String endpointName() {
        return endpointName;
    }

    /** Binds a ref arriving in a message to the env that received it. */
    private Object readResolve() throws ObjectStreamException {
        RpcEnv reading = MessageCodec.readingEnv();
        return reading == null ? this : reading.ref(host, port, endpointName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RpcRef r && r.port == port && r.host.equals(host) && r.endpointName.equals(endpointName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, endpointName);
    }

    @Override
    public String toString() {
        return "RpcRef(ember://" + host + ":" + port + "/" + endpointName + ")";
    }
}
