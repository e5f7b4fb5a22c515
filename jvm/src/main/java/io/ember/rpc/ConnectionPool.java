package io.ember.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbound connections of one {@link RpcEnv}: at most one live connection per remote
 * address, opened on first use and replaced on next use once it breaks. Connecting never blocks
 * the caller; a connection that cannot be established fails the calls queued on it.
 */
final class ConnectionPool {
    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final Bootstrap bootstrap;
    private final String secret;
    private final MessageCodec codec;
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private boolean closed; // guarded by this

    ConnectionPool(EventLoopGroup group, String secret, MessageCodec codec) {
        this.secret = secret;
        this.codec = codec;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                // Replies range from a few bytes to 256 MB blocks: let reads grow to 1 MB.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 2048, 1 << 20));
    }

    ClientConnection get(String host, int port) {
        String key = host + ":" + port;
        ClientConnection c = connections.get(key);
        if (c != null && !c.isBroken()) {
            return c;
        }
        synchronized (this) {
            if (closed) {
                throw new RpcException("cannot reach ember://" + key + ": this RpcEnv is closed");
            }
            c = connections.get(key);
            if (c == null || c.isBroken()) {
                c = connect(host, port);
                connections.put(key, c);
            }
            return c;
        }
    }

    private ClientConnection connect(String host, int port) {
        ClientConnection connection = new ClientConnection(host, port, codec);
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("handshake", new ClientHandshakeHandler(secret, connection));
            }
        });
        ChannelFuture connected = b.connect(host, port);
        connection.attach(connected.channel());
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                connection.fail(new RpcException("cannot connect to " + connection.url() + ": " + reason(f.cause()), f.cause()));
            }
        });
        connected.channel().closeFuture().addListener(f -> connections.remove(connection.hostPort(), connection));
        return connection;
    }

    void close(boolean wait) {
        List<ClientConnection> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(connections.values());
            connections.clear();
        }
        for (ClientConnection c : open) {
            c.close(wait);
        }
    }

    /** The short reason behind a failed connect, e.g. "Connection refused". */
    static String reason(Throwable t) {
        if (t instanceof ConnectTimeoutException) {
            return "connection timed out after " + CONNECT_TIMEOUT_MS + " ms";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host (" + t.getMessage() + ")";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
