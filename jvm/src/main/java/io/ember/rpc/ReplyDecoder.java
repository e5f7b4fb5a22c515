package io.ember.rpc;

import static io.ember.rpc.RpcProtocol.*;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;

/**
 * Splits what a server sends after the handshake into {@link Reply} records. REPLY and
 * BLOCK_REPLY share the header {@code int32 length | byte type | int64 id | byte status}, so the
 * body size is known once the header is in, and the body is copied once, straight from the
 * socket buffers into an array of exactly its size: a 64 MB block is never re-buffered.
 *
 * <p>Threading: runs on the connection's event loop only.
 */
final class ReplyDecoder extends ChannelInboundHandlerAdapter {
    static final int HEADER_BYTES = 4 + 1 + 8 + 1;
    private static final int MAX_BODY_BYTES = MAX_BLOCK_BYTES + HEADER_SLACK;

    /** One decoded reply frame. */
    record Reply(byte type, long id, byte status, byte[] body) {}

    private final ByteBuf header = Unpooled.buffer(HEADER_BYTES, HEADER_BYTES);
    private byte type;
    private long id;
    private byte status;
    private byte[] body; // null while reading a header
    private int filled;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            while (in.isReadable() || (body != null && filled == body.length)) {
                if (body == null) {
                    in.readBytes(header, Math.min(in.readableBytes(), header.writableBytes()));
                    if (header.isWritable()) {
                        return;
                    }
                    startBody(header.readInt());
                    continue;
                }
                int n = Math.min(in.readableBytes(), body.length - filled);
                in.readBytes(body, filled, n);
                filled += n;
                if (filled == body.length) {
                    Reply reply = new Reply(type, id, status, body);
                    body = null;
                    ctx.fireChannelRead(reply);
                }
            }
        } finally {
            in.release();
        }
    }

    private void startBody(int length) {
        int bodyLength = length - (HEADER_BYTES - 4);
        if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
            throw new CorruptedFrameException("reply frame length " + length + " out of range");
        }
        type = header.readByte();
        id = header.readLong();
        status = header.readByte();
        header.clear();
        body = new byte[bodyLength];
        filled = 0;
    }
}
