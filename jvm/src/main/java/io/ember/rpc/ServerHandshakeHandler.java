package io.ember.rpc;

import static io.ember.rpc.RpcProtocol.*;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every accepted connection. It sends HELLO; without a secret it then installs
 * the message handlers and leaves. With a secret it reads exactly one fixed-size AUTH_RESPONSE
 * (rejecting anything whose length prefix is not that size as soon as four bytes arrive),
 * verifies the client's proof, answers AUTH_OK and only then installs the handlers that
 * deserialize. Failure closes the connection with a warning naming the remote address.
 *
 * <p>Threading: runs on the connection's event loop only.
 */
final class ServerHandshakeHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHandshakeHandler.class);
    static final long AUTH_TIMEOUT_MS = 10_000;

    private final String secret;
    private final Consumer<ChannelPipeline> installMessageHandlers;
    private byte[] serverNonce;
    private boolean rejected;
    private ScheduledFuture<?> deadline;

    ServerHandshakeHandler(String secret, Consumer<ChannelPipeline> installMessageHandlers) {
        this.secret = secret;
        this.installMessageHandlers = installMessageHandlers;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        boolean auth = secret != null;
        serverNonce = auth ? Handshake.newNonce() : new byte[NONCE_BYTES];
        ctx.writeAndFlush(hello(ctx.alloc(), auth, serverNonce));
        if (auth) {
            deadline = ctx.executor().schedule(() -> {
                if (!rejected) {
                    reject(ctx, "did not authenticate within " + AUTH_TIMEOUT_MS + " ms");
                }
            }, AUTH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } else {
            authenticated(ctx);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        if (in.getInt(in.readerIndex()) != AUTH_RESPONSE_LENGTH) {
            reject(ctx, "authentication failed (not an Ember auth frame)");
            return;
        }
        if (in.readableBytes() < 4 + AUTH_RESPONSE_LENGTH) {
            return;
        }
        in.skipBytes(4);
        if (in.readByte() != AUTH_RESPONSE) {
            reject(ctx, "authentication failed (not an Ember auth frame)");
            return;
        }
        byte[] clientNonce = new byte[NONCE_BYTES];
        byte[] proof = new byte[PROOF_BYTES];
        in.readBytes(clientNonce).readBytes(proof);
        if (!Handshake.matches(Handshake.clientProof(secret, serverNonce, clientNonce), proof)) {
            reject(ctx, "authentication failed");
            return;
        }
        ctx.writeAndFlush(authOk(ctx.alloc(), Handshake.serverProof(secret, serverNonce, clientNonce)));
        authenticated(ctx);
    }

    /** Installs the message handlers behind this one, then leaves: bytes already read pass on to them. */
    private void authenticated(ChannelHandlerContext ctx) {
        cancelDeadline();
        installMessageHandlers.accept(ctx.pipeline());
        ctx.pipeline().remove(this);
    }

    private void reject(ChannelHandlerContext ctx, String why) {
        rejected = true;
        LOG.warn("rejected connection from {}: {}", ctx.channel().remoteAddress(), why);
        ctx.close();
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelDeadline();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!rejected) {
            rejected = true;
            LOG.debug("connection from {} failed before authenticating: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
