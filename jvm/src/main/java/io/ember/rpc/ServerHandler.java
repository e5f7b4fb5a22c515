package io.ember.rpc;

import static io.ember.rpc.RpcProtocol.*;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one authenticated connection: hands REQUESTs to their endpoint's dispatcher and answers
 * BLOCK_REQUESTs with the block's file region, written zero-copy. When the connection closes,
 * every endpoint that received a message over it hears {@code onDisconnected}.
 *
 * <p>Threading: runs on the connection's event loop; the block provider is called there too.
 */
final class ServerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHandler.class);

    /** What the handler needs from its env. */
    interface Host {
        EndpointDispatcher dispatcher(String endpointName);

        Function<String, BlockRegion> blockProvider();

        String where();
    }

    private final Host host;
    private final Set<EndpointDispatcher> served = new LinkedHashSet<>();
    private InetSocketAddress remote;

    ServerHandler(Host host) {
        this.host = host;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        remote = (InetSocketAddress) ctx.channel().remoteAddress();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            byte type = frame.readByte();
            switch (type) {
                case REQUEST -> onRequest(ctx, frame);
                case BLOCK_REQUEST -> onBlockRequest(ctx, frame.readLong(), readUtf8(frame, frame.readableBytes()));
                default -> {
                    LOG.warn("closing connection from {}: unexpected {}", ctx.channel().remoteAddress(), describe(type));
                    ctx.close();
                }
            }
        } finally {
            frame.release();
        }
    }

    private void onRequest(ChannelHandlerContext ctx, ByteBuf frame) {
        long id = frame.readLong();
        boolean expectsReply = frame.readByte() != 0;
        String name = readUtf8(frame, frame.readUnsignedShort());
        byte[] body = new byte[frame.readableBytes()];
        frame.readBytes(body);
        EndpointDispatcher dispatcher = host.dispatcher(name);
        if (dispatcher == null) {
            String message = "no endpoint named '" + name + "' at " + host.where();
            if (expectsReply) {
                ctx.writeAndFlush(reply(ctx.alloc(), id, STATUS_ERROR, utf8(message)));
            } else {
                LOG.warn("dropped a message from {}: {}", ctx.channel().remoteAddress(), message);
            }
            return;
        }
        served.add(dispatcher);
        dispatcher.deliver(ctx.channel(), remote, id, expectsReply, body);
    }

    private void onBlockRequest(ChannelHandlerContext ctx, long id, String name) {
        Function<String, BlockRegion> provider = host.blockProvider();
        BlockRegion region;
        try {
            region = provider == null ? null : provider.apply(name);
        } catch (RuntimeException e) {
            ctx.writeAndFlush(blockReplyError(ctx.alloc(), id, "block provider failed on " + name + ": " + e));
            return;
        }
        if (region == null) {
            ctx.writeAndFlush(blockReplyHeader(ctx.alloc(), id, STATUS_NOT_FOUND, 0));
            return;
        }
        if (region.length() > MAX_BLOCK_BYTES) {
            ctx.writeAndFlush(blockReplyError(ctx.alloc(), id, "block " + name + " is " + region.length()
                    + " bytes, more than the " + (MAX_BLOCK_BYTES >> 20) + " MB transfer limit"));
            return;
        }
        if (region.bytes() != null) {
            ctx.write(blockReplyHeader(ctx.alloc(), id, STATUS_OK, region.length()));
            ctx.writeAndFlush(Unpooled.wrappedBuffer(region.bytes())).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            return;
        }
        FileChannel file;
        try {
            file = FileChannel.open(region.file().toPath(), StandardOpenOption.READ);
            if (region.offset() + region.length() > file.size()) {
                long size = file.size();
                file.close();
                ctx.writeAndFlush(blockReplyError(ctx.alloc(), id, "block " + name + " lies beyond the end of "
                        + region.file() + " (" + size + " bytes)"));
                return;
            }
        } catch (NoSuchFileException e) {
            ctx.writeAndFlush(blockReplyHeader(ctx.alloc(), id, STATUS_NOT_FOUND, 0));
            return;
        } catch (IOException e) {
            ctx.writeAndFlush(blockReplyError(ctx.alloc(), id, "cannot read block " + name + ": " + e));
            return;
        }
        ctx.write(blockReplyHeader(ctx.alloc(), id, STATUS_OK, region.length()));
        ctx.writeAndFlush(new DefaultFileRegion(file, region.offset(), region.length()))
                .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        for (EndpointDispatcher dispatcher : served) {
            dispatcher.disconnected(remote);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
