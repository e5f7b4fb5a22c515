package io.ember.rpc;

import static io.ember.rpc.RpcProtocol.*;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * First handler of an outbound connection: reads the server's fixed-size HELLO, authenticates if
 * the server asks and this side has a secret, checks the server's proof, and then hands the
 * pipeline to the connection. Either side lacking the other's secret setting is refused, so a
 * process with a secret never talks to an unauthenticated peer.
 *
 * <p>Threading: runs on the connection's event loop only.
 */
final class ClientHandshakeHandler extends ByteToMessageDecoder {
    static final long HANDSHAKE_TIMEOUT_MS = 10_000;

    private enum State { AWAIT_HELLO, AWAIT_AUTH_OK, DONE }

    private final String secret;
    private final ClientConnection connection;
    private State state = State.AWAIT_HELLO;
    private byte[] serverNonce;
    private byte[] clientNonce;
    private ScheduledFuture<?> deadline;

    ClientHandshakeHandler(String secret, ClientConnection connection) {
        this.secret = secret;
        this.connection = connection;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        deadline = ctx.executor().schedule(() -> {
            if (state != State.DONE) {
                fail(ctx, new RpcException("handshake with " + connection.url() + " timed out after "
                        + HANDSHAKE_TIMEOUT_MS + " ms"));
            }
        }, HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.DONE || in.readableBytes() < 4) {
            return;
        }
        int expected = state == State.AWAIT_HELLO ? HELLO_LENGTH : AUTH_OK_LENGTH;
        if (in.getInt(in.readerIndex()) != expected) {
            fail(ctx, notEmber());
            return;
        }
        if (in.readableBytes() < 4 + expected) {
            return;
        }
        in.skipBytes(4);
        byte type = in.readByte();
        if (state == State.AWAIT_HELLO) {
            if (type != HELLO || in.readInt() != MAGIC) {
                fail(ctx, notEmber());
                return;
            }
            byte version = in.readByte();
            if (version != VERSION) {
                fail(ctx, new RpcException(connection.url() + " speaks RPC protocol version " + version
                        + ", this process speaks " + VERSION));
                return;
            }
            boolean authRequired = in.readByte() != 0;
            serverNonce = new byte[NONCE_BYTES];
            in.readBytes(serverNonce);
            onHello(ctx, authRequired);
        } else {
            byte[] proof = new byte[PROOF_BYTES];
            in.readBytes(proof);
            if (type != AUTH_OK || !Handshake.matches(Handshake.serverProof(secret, serverNonce, clientNonce), proof)) {
                fail(ctx, wrongSecret());
                return;
            }
            done(ctx);
        }
    }

    private void onHello(ChannelHandlerContext ctx, boolean authRequired) {
        if (authRequired && secret == null) {
            fail(ctx, new AuthenticationException(connection.url() + " requires authentication but this process has no secret"));
        } else if (!authRequired && secret != null) {
            fail(ctx, new AuthenticationException(connection.url() + " does not authenticate but this process requires a secret"));
        } else if (!authRequired) {
            done(ctx);
        } else {
            clientNonce = Handshake.newNonce();
            ctx.writeAndFlush(authResponse(ctx.alloc(), clientNonce, Handshake.clientProof(secret, serverNonce, clientNonce)));
            state = State.AWAIT_AUTH_OK;
        }
    }

    private void done(ChannelHandlerContext ctx) {
        state = State.DONE;
        if (deadline != null) {
            deadline.cancel(false);
        }
        connection.installMessageHandlers(ctx.pipeline());
        ctx.pipeline().remove(this);
        connection.ready();
    }

    private void fail(ChannelHandlerContext ctx, RpcException e) {
        if (state != State.DONE) {
            state = State.DONE;
            connection.fail(e);
            ctx.close();
        }
    }

    /** A server that checked our proof and disagreed simply closes: that is a wrong secret. */
    private RpcException closedEarly() {
        return state == State.AWAIT_AUTH_OK ? wrongSecret()
                : new RpcException("connection to " + connection.url() + " closed during the handshake");
    }

    private AuthenticationException wrongSecret() {
        return new AuthenticationException("authentication with " + connection.hostPort() + " failed: wrong secret?");
    }

    private RpcException notEmber() {
        return new RpcException(connection.url() + " is not an Ember RPC server (unexpected handshake bytes)");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(ctx, closedEarly());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        RpcException e = closedEarly();
        e.initCause(cause);
        fail(ctx, e);
    }
}
