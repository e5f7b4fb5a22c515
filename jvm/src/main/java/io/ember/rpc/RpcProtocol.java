package io.ember.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The cluster wire protocol, declared once. Every frame is {@code int32 length | byte type |
 * payload}, the length counting the type byte and payload. Integers are big-endian; names are
 * UTF-8.
 *
 * <pre>
 * server -> client  HELLO          int32 MAGIC | byte VERSION | byte authRequired | 32-byte server nonce
 * client -> server  AUTH_RESPONSE  32-byte client nonce | 32-byte client proof      (only if authRequired)
 * server -> client  AUTH_OK        32-byte server proof                             (only if authRequired)
 * client -> server  REQUEST        int64 id | byte expectsReply | uint16 name length | endpoint name | body
 * server -> client  REPLY          int64 id | byte status (OK, ERROR) | body
 * client -> server  BLOCK_REQUEST  int64 id | block name
 * server -> client  BLOCK_REPLY    int64 id | byte status (OK, NOT_FOUND, ERROR) | block bytes
 * </pre>
 *
 * <p>The handshake frames have fixed lengths, so before authentication a server reads exactly
 * one AUTH_RESPONSE-sized frame and nothing else. A REQUEST body and an OK REPLY body are a
 * Java-serialized object; an ERROR body is a UTF-8 message. See {@link Handshake} for the proofs.
 */
final class RpcProtocol {
    static final int MAGIC = 0x454D4252; // "EMBR"
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 32;
    static final int PROOF_BYTES = 32;

    static final byte HELLO = 1;
    static final byte AUTH_RESPONSE = 2;
    static final byte AUTH_OK = 3;
    static final byte REQUEST = 4;
    static final byte REPLY = 5;
    static final byte BLOCK_REQUEST = 6;
    static final byte BLOCK_REPLY = 7;

    static final byte STATUS_OK = 0;
    static final byte STATUS_ERROR = 1;
    static final byte STATUS_NOT_FOUND = 2;

    /** Frame lengths (type byte included) of the fixed-size handshake frames. */
    static final int HELLO_LENGTH = 1 + 4 + 1 + 1 + NONCE_BYTES;
    static final int AUTH_RESPONSE_LENGTH = 1 + NONCE_BYTES + PROOF_BYTES;
    static final int AUTH_OK_LENGTH = 1 + PROOF_BYTES;

    static final int MAX_MESSAGE_BYTES = 64 << 20;
    static final int MAX_BLOCK_BYTES = 256 << 20;
    /** Room for the id, status and names around a maximal body. */
    static final int HEADER_SLACK = 1 << 16;
    static final int MAX_NAME_BYTES = 0xFFFF;

    private RpcProtocol() {}

    static ByteBuf hello(ByteBufAllocator alloc, boolean authRequired, byte[] serverNonce) {
        ByteBuf buf = alloc.buffer(4 + HELLO_LENGTH);
        buf.writeInt(HELLO_LENGTH).writeByte(HELLO).writeInt(MAGIC).writeByte(VERSION)
                .writeByte(authRequired ? 1 : 0).writeBytes(serverNonce);
        return buf;
    }

    static ByteBuf authResponse(ByteBufAllocator alloc, byte[] clientNonce, byte[] clientProof) {
        ByteBuf buf = alloc.buffer(4 + AUTH_RESPONSE_LENGTH);
        buf.writeInt(AUTH_RESPONSE_LENGTH).writeByte(AUTH_RESPONSE).writeBytes(clientNonce).writeBytes(clientProof);
        return buf;
    }

    static ByteBuf authOk(ByteBufAllocator alloc, byte[] serverProof) {
        ByteBuf buf = alloc.buffer(4 + AUTH_OK_LENGTH);
        buf.writeInt(AUTH_OK_LENGTH).writeByte(AUTH_OK).writeBytes(serverProof);
        return buf;
    }

    static ByteBuf request(ByteBufAllocator alloc, long id, String endpoint, boolean expectsReply, byte[] body) {
        byte[] name = utf8(endpoint);
        if (name.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("endpoint name too long: " + name.length + " bytes");
        }
        checkBodySize(body.length, MAX_MESSAGE_BYTES, "message to endpoint '" + endpoint + "'");
        ByteBuf header = alloc.buffer(4 + 1 + 8 + 1 + 2 + name.length);
        header.writeInt(1 + 8 + 1 + 2 + name.length + body.length).writeByte(REQUEST).writeLong(id)
                .writeByte(expectsReply ? 1 : 0).writeShort(name.length).writeBytes(name);
        return Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(body));
    }

    static ByteBuf reply(ByteBufAllocator alloc, long id, byte status, byte[] body) {
        ByteBuf header = alloc.buffer(4 + 1 + 8 + 1);
        header.writeInt(1 + 8 + 1 + body.length).writeByte(REPLY).writeLong(id).writeByte(status);
        return Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(body));
    }

    static ByteBuf blockRequest(ByteBufAllocator alloc, long id, String blockName) {
        byte[] name = utf8(blockName);
        ByteBuf buf = alloc.buffer(4 + 1 + 8 + name.length);
        buf.writeInt(1 + 8 + name.length).writeByte(BLOCK_REQUEST).writeLong(id).writeBytes(name);
        return buf;
    }

    /** The header of a BLOCK_REPLY; the caller writes exactly {@code bodyLength} bytes after it. */
    static ByteBuf blockReplyHeader(ByteBufAllocator alloc, long id, byte status, long bodyLength) {
        checkBodySize(bodyLength, MAX_BLOCK_BYTES, "block");
        ByteBuf buf = alloc.buffer(4 + 1 + 8 + 1);
        buf.writeInt((int) (1 + 8 + 1 + bodyLength)).writeByte(BLOCK_REPLY).writeLong(id).writeByte(status);
        return buf;
    }

    static ByteBuf blockReplyError(ByteBufAllocator alloc, long id, String message) {
        byte[] body = utf8(message);
        return Unpooled.wrappedBuffer(blockReplyHeader(alloc, id, STATUS_ERROR, body.length), Unpooled.wrappedBuffer(body));
    }

    static void checkBodySize(long bytes, int max, String what) {
        if (bytes > max) {
            throw new RpcException(what + " is " + bytes + " bytes, more than the " + (max >> 20) + " MB frame limit");
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String readUtf8(ByteBuf buf, int length) {
        String s = buf.toString(buf.readerIndex(), length, StandardCharsets.UTF_8);
        buf.skipBytes(length);
        return s;
    }

    static String describe(byte type) {
        return switch (type) {
            case HELLO -> "HELLO";
            case AUTH_RESPONSE -> "AUTH_RESPONSE";
            case AUTH_OK -> "AUTH_OK";
            case REQUEST -> "REQUEST";
            case REPLY -> "REPLY";
            case BLOCK_REQUEST -> "BLOCK_REQUEST";
            case BLOCK_REPLY -> "BLOCK_REPLY";
            default -> "unknown frame type " + type;
        };
    }
}
