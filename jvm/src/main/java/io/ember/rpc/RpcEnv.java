package io.ember.rpc;

import io.ember.util.BindAddresses;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One per process: a Netty server for RPC endpoints and block transfer, plus pooled client
 * connections to other envs. The wire protocol is {@link RpcProtocol}; with a secret every
 * connection, in both directions, authenticates first ({@link Handshake}) and nothing is
 * deserialized from a peer before it has.
 *
 * <p>Threading: one boss and two worker event-loop threads serve inbound connections, two more
 * run outbound ones, all daemon threads. Each endpoint runs on its own dispatcher thread (see
 * {@link RpcEndpoint}); the block provider runs on event-loop threads; {@code askAsync} and
 * {@code fetchBlockAsync} futures complete on a callback pool. All public methods are thread-safe.
 */
public final class RpcEnv implements AutoCloseable {
    private final String name;
    private final String secret;
    private final MessageCodec codec;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final EventLoopGroup clientGroup;
    private final Set<Channel> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, EndpointDispatcher> endpoints = new ConcurrentHashMap<>();
    private final ConnectionPool pool;
    private final ExecutorService callbacks;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Function<String, BlockRegion> blockProvider;
    private Channel serverChannel;
    private volatile InetSocketAddress address;

    private RpcEnv(String name, String secret, ClassLoader loader) {
        this.name = Objects.requireNonNull(name, "name");
        this.secret = secret;
        this.codec = new MessageCodec(this, loader != null ? loader : RpcEnv.class.getClassLoader());
        this.bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("ember-rpc-" + name + "-boss", true));
        this.workerGroup = new NioEventLoopGroup(2, new DefaultThreadFactory("ember-rpc-" + name + "-server", true));
        this.clientGroup = new NioEventLoopGroup(2, new DefaultThreadFactory("ember-rpc-" + name + "-client", true));
        this.pool = new ConnectionPool(clientGroup, secret, codec);
        AtomicInteger threads = new AtomicInteger();
        this.callbacks = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ember-rpc-" + name + "-callback-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds host:port (port 0 = random). secret == null means no authentication. loader resolves classes of deserialized messages. */
    public static RpcEnv create(String name, String bindHost, int port, String secret, ClassLoader loader) {
        if (secret != null && secret.isEmpty()) {
            throw new IllegalArgumentException("the RPC secret must not be empty (pass null for no authentication)");
        }
        RpcEnv env = new RpcEnv(name, secret, loader);
        try {
            env.bind(bindHost, port);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
        return env;
    }

    private void bind(String host, int port) {
        ServerHandler.Host served = new ServerHandler.Host() {
            @Override
            public EndpointDispatcher dispatcher(String endpointName) {
                return endpoints.get(endpointName);
            }

            @Override
            public Function<String, BlockRegion> blockProvider() {
                return blockProvider;
            }

            @Override
            public String where() {
                InetSocketAddress bound = address;
                return bound == null ? host + ":" + port : bound.getHostString() + ":" + bound.getPort();
            }
        };
        ServerBootstrap b = new ServerBootstrap().group(bossGroup, workerGroup).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.add(ch);
                        ch.closeFuture().addListener(f -> accepted.remove(ch));
                        ch.pipeline().addLast("handshake", new ServerHandshakeHandler(secret,
                                pipeline -> installServerHandlers(pipeline, served)));
                    }
                });
        ChannelFuture bound = b.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new RpcException("cannot bind RPC env '" + name + "' to " + host + ":" + port + ": "
                    + ConnectionPool.reason(bound.cause()), bound.cause());
        }
        serverChannel = bound.channel();
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        // a wildcard bind is advertised under a name peers can connect to, never as 0.0.0.0 or ::
        address = local.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(BindAddresses.advertisedHost(local.getAddress()), local.getPort()) : local;
    }

    /** Runs once a connection has authenticated: from here on frames are read and bodies deserialized. */
    private static void installServerHandlers(ChannelPipeline pipeline, ServerHandler.Host served) {
        pipeline.addLast("frames", new LengthFieldBasedFrameDecoder(
                RpcProtocol.MAX_MESSAGE_BYTES + RpcProtocol.HEADER_SLACK, 0, 4, 0, 4));
        pipeline.addLast("requests", new ServerHandler(served));
    }

    public String name() {
        return name;
    }

    /**
     * The address peers use: the bound one, or for a wildcard bind this machine's host name or
     * primary address (see {@link BindAddresses#advertisedHost}) with the bound port.
     */
    public InetSocketAddress address() {
        return address;
    }

    /** Makes {@code endpoint} reachable under {@code endpointName}; the name must be free. */
    public void register(String endpointName, RpcEndpoint endpoint) {
        if (closed.get()) {
            throw new IllegalStateException("RpcEnv '" + name + "' is closed");
        }
        EndpointDispatcher dispatcher = new EndpointDispatcher(name, endpointName, endpoint, codec,
                address.getHostString() + ":" + address.getPort());
        if (endpoints.putIfAbsent(endpointName, dispatcher) != null) {
            dispatcher.shutdown();
            throw new IllegalArgumentException("an endpoint named '" + endpointName + "' is already registered");
        }
    }

    /** Removes an endpoint; messages already queued for it are still handled, later ones get an error. */
    public void unregister(String endpointName) {
        EndpointDispatcher dispatcher = endpoints.remove(endpointName);
        if (dispatcher != null) {
            dispatcher.shutdown();
        }
    }

    /** A ref to an endpoint of the env at host:port. Lazily connects; one connection per remote address is reused. */
    public RpcRef ref(String host, int port, String endpointName) {
        return new RpcRef(this, host, port, endpointName);
    }

    /**
     * Serves raw block bytes to remote fetchers: name -> region of a local file, or null if
     * absent. Called on event-loop threads, so it must be thread-safe and quick (a map lookup).
     */
    public void setBlockProvider(Function<String, BlockRegion> provider) {
        this.blockProvider = provider;
    }

    /** Fetches a block from a remote RpcEnv; throws BlockNotFoundException (name + address) or RpcException on transport failure. */
    public byte[] fetchBlock(String host, int port, String blockName, Duration timeout) {
        return await(pool.get(host, port).fetchBlock(blockName), timeout,
                "fetching block " + blockName + " from ember://" + host + ":" + port);
    }

    /** Starts a block fetch; the future completes on a callback thread, failing as {@link #fetchBlock} throws. */
    public CompletableFuture<byte[]> fetchBlockAsync(String host, int port, String blockName) {
        return offEventLoop(pool.get(host, port).fetchBlock(blockName));
    }

    MessageCodec codec() {
        return codec;
    }

    ClientConnection connection(String host, int port) {
        return pool.get(host, port);
    }

    /** A copy of {@code future} that completes on the callback pool; cancelling it abandons the call. */
    <T> CompletableFuture<T> offEventLoop(CompletableFuture<T> future) {
        CompletableFuture<T> out = new CompletableFuture<>();
        future.whenCompleteAsync((value, error) -> {
            if (error != null) {
                out.completeExceptionally(error);
            } else {
                out.complete(value);
            }
        }, callbacks);
        out.whenComplete((v, e) -> future.cancel(false));
        return out;
    }

    /** Fails {@code future} with an RpcTimeoutException if it is still pending after {@code timeout}. */
    void failAfter(CompletableFuture<?> future, Duration timeout, String what) {
        var task = clientGroup.schedule(() -> future.completeExceptionally(timedOut(what, timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        future.whenComplete((v, e) -> task.cancel(false));
    }

    /** Waits for a call; translates timeout, interruption and failure into the RpcException family. */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            RpcTimeoutException timedOut = timedOut(what, timeout);
            future.completeExceptionally(timedOut);
            throw timedOut;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new RpcException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RpcException rpc) {
                throw rpc;
            }
            throw new RpcException(what + " failed: " + cause, cause);
        }
    }

    private static RpcTimeoutException timedOut(String what, Duration timeout) {
        return new RpcTimeoutException(what + " timed out after " + timeout.toMillis() + " ms");
    }

    /**
     * Closes connections both ways, stops endpoints and threads. Idempotent. Called from one of
     * this env's own event-loop threads it cannot wait, so it only starts the shutdown.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean mayWait = !onOwnEventLoop();
        pool.close(mayWait);
        List<ChannelFuture> closing = new ArrayList<>();
        if (serverChannel != null) {
            closing.add(serverChannel.close());
        }
        for (Channel ch : List.copyOf(accepted)) {
            closing.add(ch.close());
        }
        if (mayWait) {
            closing.forEach(ChannelFuture::awaitUninterruptibly);
        }
        for (EndpointDispatcher dispatcher : List.copyOf(endpoints.values())) {
            dispatcher.shutdown();
        }
        endpoints.clear();
        for (EventLoopGroup group : List.of(bossGroup, workerGroup, clientGroup)) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (mayWait) {
            for (EventLoopGroup group : List.of(bossGroup, workerGroup, clientGroup)) {
                group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        callbacks.shutdown();
    }

    private boolean onOwnEventLoop() {
        for (EventLoopGroup group : List.of(bossGroup, workerGroup, clientGroup)) {
            for (EventExecutor loop : group) {
                if (loop.inEventLoop()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "RpcEnv(" + name + " at " + address + ")";
    }
}
