package io.ember.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Frame layouts byte for byte, and the handshake proofs against a published HMAC value. */
class RpcProtocolTest {
    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    private static String hex(ByteBuf frame) {
        try {
            return ByteBufUtil.hexDump(frame);
        } finally {
            frame.release();
        }
    }

    @Test
    void requestFrame() {
        assertEquals("00000012" + "04" + "0000000000000007" + "01" + "0004" + "6563686f" + "cafe",
                hex(RpcProtocol.request(ALLOC, 7, "echo", true, new byte[] {(byte) 0xca, (byte) 0xfe})));
    }

    @Test
    void replyAndBlockFrames() {
        assertEquals("0000000c" + "05" + "0000000000000007" + "01" + "6f6b",
                hex(RpcProtocol.reply(ALLOC, 7, RpcProtocol.STATUS_ERROR, "ok".getBytes(StandardCharsets.UTF_8))));
        assertEquals("0000000b" + "06" + "0000000000000009" + "6231",
                hex(RpcProtocol.blockRequest(ALLOC, 9, "b1")));
        assertEquals("0000000a" + "07" + "0000000000000009" + "02",
                hex(RpcProtocol.blockReplyHeader(ALLOC, 9, RpcProtocol.STATUS_NOT_FOUND, 0)));
    }

    @Test
    void handshakeFramesHaveTheirFixedLengths() {
        byte[] nonce = new byte[32];
        ByteBuf hello = RpcProtocol.hello(ALLOC, true, nonce);
        assertEquals(4 + RpcProtocol.HELLO_LENGTH, hello.readableBytes());
        assertTrue(hex(hello).startsWith("00000027" + "01" + "454d4252" + "01" + "01"));
        ByteBuf response = RpcProtocol.authResponse(ALLOC, nonce, new byte[32]);
        assertEquals(4 + RpcProtocol.AUTH_RESPONSE_LENGTH, response.readableBytes());
        response.release();
        ByteBuf ok = RpcProtocol.authOk(ALLOC, new byte[32]);
        assertEquals(4 + RpcProtocol.AUTH_OK_LENGTH, ok.readableBytes());
        ok.release();
    }

    @Test
    void proofsAreHmacSha256OverBothNoncesInOppositeOrders() {
        byte[] a = "The quick brown fox ".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = HexFormat.of().parseHex("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertArrayEquals(expected, Handshake.clientProof("key", a, b));
        assertArrayEquals(expected, Handshake.serverProof("key", b, a));
        byte[] serverNonce = Handshake.newNonce();
        byte[] clientNonce = Handshake.newNonce();
        assertFalse(Handshake.matches(Handshake.clientProof("s", serverNonce, clientNonce),
                Handshake.serverProof("s", serverNonce, clientNonce)));
        assertFalse(Handshake.matches(Handshake.clientProof("s", serverNonce, clientNonce),
                Handshake.clientProof("t", serverNonce, clientNonce)));
    }
}
