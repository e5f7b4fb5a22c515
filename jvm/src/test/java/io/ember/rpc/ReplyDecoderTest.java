package io.ember.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's reply framing, fed whole, byte by byte, and several frames per read. */
class ReplyDecoderTest {
    private static byte[] bytes(ByteBuf frame) {
        byte[] out = new byte[frame.readableBytes()];
        frame.readBytes(out);
        frame.release();
        return out;
    }

    private static byte[] twoReplies() {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        byte[] a = bytes(RpcProtocol.reply(alloc, 1, RpcProtocol.STATUS_OK, "hello".getBytes(StandardCharsets.UTF_8)));
        byte[] b = bytes(RpcProtocol.blockReplyHeader(alloc, 2, RpcProtocol.STATUS_NOT_FOUND, 0));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void assertTwoReplies(EmbeddedChannel ch) {
        ReplyDecoder.Reply first = ch.readInbound();
        assertEquals(RpcProtocol.REPLY, first.type());
        assertEquals(1, first.id());
        assertEquals(RpcProtocol.STATUS_OK, first.status());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), first.body());
        ReplyDecoder.Reply second = ch.readInbound();
        assertEquals(RpcProtocol.BLOCK_REPLY, second.type());
        assertEquals(2, second.id());
        assertEquals(RpcProtocol.STATUS_NOT_FOUND, second.status());
        assertEquals(0, second.body().length);
        assertNull(ch.readInbound());
    }

    @Test
    void decodesSeveralFramesInOneRead() {
        EmbeddedChannel ch = new EmbeddedChannel(new ReplyDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(twoReplies()));
        assertTwoReplies(ch);
        assertFalse(ch.finish());
    }

    @Test
    void decodesFramesArrivingByteByByte() {
        EmbeddedChannel ch = new EmbeddedChannel(new ReplyDecoder());
        for (byte b : twoReplies()) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertTwoReplies(ch);
    }

    @Test
    void rejectsAnImpossibleLength() {
        EmbeddedChannel ch = new EmbeddedChannel(new ReplyDecoder());
        ByteBuf bad = Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeByte(RpcProtocol.BLOCK_REPLY).writeLong(1).writeByte(0);
        assertThrows(CorruptedFrameException.class, () -> ch.writeInbound(bad));
    }
}
