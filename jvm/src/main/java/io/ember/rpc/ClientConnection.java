package io.ember.rpc;

import static io.ember.rpc.RpcProtocol.*;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound connection to a remote {@link RpcEnv}, shared by every ref and block fetch aimed
 * at that address. Frames written before the handshake finishes are queued and go out in call
 * order once it does; replies are matched to callers by request id. When the connection fails
 * or closes, every waiting caller fails with the reason.
 *
 * <p>Threading: callers write from any thread; replies are handled on the channel's event loop,
 * which completes the internal futures (public APIs hop off it, see {@link RpcRef#askAsync}).
 */
final class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private sealed interface Pending permits AskPending, BlockPending {
        CompletableFuture<?> future();
    }

    private record AskPending(CompletableFuture<Object> future, String endpoint) implements Pending {}

    private record BlockPending(CompletableFuture<byte[]> future, String blockName) implements Pending {}

    private record Queued(ByteBuf frame, long id) {}

    private final String host;
    private final int port;
    private final MessageCodec codec;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Queued> queued = new ArrayList<>(); // guarded by this until open
    private volatile Channel channel;
    private boolean open; // guarded by this
    private volatile RpcException failure;

    ClientConnection(String host, int port, MessageCodec codec) {
        this.host = host;
        this.port = port;
        this.codec = codec;
    }

    String hostPort() {
        return host + ":" + port;
    }

    String url() {
        return "ember://" + hostPort();
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    boolean isBroken() {
        return failure != null;
    }

    void send(String endpoint, byte[] body) {
        write(request(alloc(), ids.incrementAndGet(), endpoint, false, body), 0);
    }

    CompletableFuture<Object> ask(String endpoint, byte[] body) {
        long id = ids.incrementAndGet();
        ByteBuf frame = request(alloc(), id, endpoint, true, body);
        CompletableFuture<Object> future = register(id, new AskPending(new CompletableFuture<>(), endpoint));
        write(frame, id);
        return future;
    }

    CompletableFuture<byte[]> fetchBlock(String blockName) {
        long id = ids.incrementAndGet();
        ByteBuf frame = blockRequest(alloc(), id, blockName);
        CompletableFuture<byte[]> future = register(id, new BlockPending(new CompletableFuture<>(), blockName));
        write(frame, id);
        return future;
    }

    /** Tracks a call until its future completes, however that happens (reply, timeout, failure). */
    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> register(long id, Pending call) {
        pending.put(id, call);
        call.future().whenComplete((v, e) -> pending.remove(id));
        return (CompletableFuture<T>) call.future();
    }

    private ByteBufAllocator alloc() {
        Channel ch = channel;
        return ch != null ? ch.alloc() : ByteBufAllocator.DEFAULT;
    }

    /** Writes a frame now, or queues it until the handshake is done; {@code id} 0 means no reply expected. */
    private void write(ByteBuf frame, long id) {
        synchronized (this) {
            if (!open && failure == null) {
                queued.add(new Queued(frame, id));
                return;
            }
        }
        writeNow(frame, id);
    }

    private void writeNow(ByteBuf frame, long id) {
        RpcException broken = failure;
        if (broken != null) {
            ReferenceCountUtil.release(frame);
            failCall(id, broken);
            return;
        }
        channel.writeAndFlush(frame).addListener(f -> {
            if (!f.isSuccess()) {
                failCall(id, new RpcException("sending to " + url() + " failed: " + f.cause(), f.cause()));
            }
        });
    }

    private void failCall(long id, RpcException e) {
        Pending call = id == 0 ? null : pending.get(id);
        if (call != null) {
            call.future().completeExceptionally(e);
        } else if (id == 0) {
            LOG.warn("dropped a message to {}: {}", url(), e.getMessage());
        }
    }

    /** The handshake succeeded: installs the reply handlers behind the handshake handler. */
    void installMessageHandlers(ChannelPipeline pipeline) {
        pipeline.addLast("frames", new ReplyDecoder());
        pipeline.addLast("replies", new ReplyHandler());
    }

    /** The handshake succeeded: flushes, in order, whatever was written meanwhile. */
    void ready() {
        synchronized (this) {
            for (Queued q : queued) {
                writeNow(q.frame(), q.id());
            }
            queued.clear();
            open = true;
        }
    }

    /** The connection failed or closed: fails every waiting call and every queued frame. */
    void fail(RpcException e) {
        List<Queued> dropped;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = e;
            dropped = new ArrayList<>(queued);
            queued.clear();
        }
        for (Queued q : dropped) {
            ReferenceCountUtil.release(q.frame());
            failCall(q.id(), e);
        }
        for (Pending call : pending.values()) {
            call.future().completeExceptionally(e);
        }
    }

    void close(boolean wait) {
        fail(new RpcException("connection to " + url() + " closed by this process"));
        Channel ch = channel;
        if (ch != null) {
            ChannelFuture closed = ch.close();
            if (wait) {
                closed.awaitUninterruptibly();
            }
        }
    }

    /** Completes callers as replies arrive. */
    private final class ReplyHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReplyDecoder.Reply reply = (ReplyDecoder.Reply) msg;
            Pending call = pending.get(reply.id());
            boolean isReply = reply.type() == REPLY;
            if ((!isReply && reply.type() != BLOCK_REPLY) || (call != null && (call instanceof AskPending) != isReply)) {
                LOG.warn("closing connection to {}: unexpected {}", url(), describe(reply.type()));
                ctx.close();
            } else if (call == null) {
                LOG.debug("ignored a late reply from {} (id {})", url(), reply.id());
            } else if (call instanceof AskPending ask) {
                onReply(ask, reply.status(), reply.body());
            } else {
                onBlockReply((BlockPending) call, reply.status(), reply.body());
            }
        }

        private void onReply(AskPending ask, byte status, byte[] body) {
            if (status != STATUS_OK) {
                ask.future().completeExceptionally(new RpcException(new String(body, StandardCharsets.UTF_8)));
                return;
            }
            try {
                ask.future().complete(codec.deserialize(body));
            } catch (Exception | LinkageError e) {
                ask.future().completeExceptionally(new RpcException("cannot deserialize the reply of endpoint '"
                        + ask.endpoint() + "' at " + hostPort() + ": " + e, e));
            }
        }

        private void onBlockReply(BlockPending fetch, byte status, byte[] body) {
            if (status == STATUS_OK) {
                fetch.future().complete(body);
            } else if (status == STATUS_NOT_FOUND) {
                fetch.future().completeExceptionally(new BlockNotFoundException(fetch.blockName(), hostPort()));
            } else {
                fetch.future().completeExceptionally(new RpcException("fetching block " + fetch.blockName()
                        + " from " + hostPort() + " failed: " + new String(body, StandardCharsets.UTF_8)));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            fail(new RpcException("connection to " + url() + " closed"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(new RpcException("connection to " + url() + " failed: " + cause, cause));
            ctx.close();
        }
    }
}
