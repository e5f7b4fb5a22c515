package io.ember.rpc;

import static io.ember.rpc.RpcProtocol.*;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one endpoint on its own daemon thread: messages are deserialized, handled and replied to
 * there, one at a time, so the endpoint needs no locking and a slow endpoint never stalls the
 * event loops. Replies are written from this thread (Netty queues them on the channel's loop).
 */
final class EndpointDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointDispatcher.class);

    private final String name;
    private final RpcEndpoint endpoint;
    private final MessageCodec codec;
    private final String where;
    private final ExecutorService thread;

    EndpointDispatcher(String envName, String name, RpcEndpoint endpoint, MessageCodec codec, String where) {
        this.name = name;
        this.endpoint = endpoint;
        this.codec = codec;
        this.where = where;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ember-rpc-" + envName + "-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a request that arrived on {@code channel}; replies on it when {@code expectsReply}. */
    void deliver(Channel channel, InetSocketAddress sender, long id, boolean expectsReply, byte[] body) {
        RpcCallContext context = () -> sender;
        run(() -> {
            Object result;
            try {
                result = endpoint.receive(codec.deserialize(body), context);
            } catch (Throwable e) {
                if (expectsReply) {
                    replyError(channel, id, e);
                } else {
                    LOG.warn("endpoint '{}' failed on a message from {}", name, sender, e);
                }
                return;
            }
            if (!expectsReply) {
                return;
            }
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, error) -> {
                    if (error != null) {
                        replyError(channel, id, error);
                    } else {
                        replyOk(channel, id, value);
                    }
                });
            } else {
                replyOk(channel, id, result);
            }
        });
    }

    void disconnected(InetSocketAddress remote) {
        run(() -> {
            try {
                endpoint.onDisconnected(remote);
            } catch (Throwable e) {
                LOG.warn("endpoint '{}' failed handling the disconnect of {}", name, remote, e);
            }
        });
    }

    void shutdown() {
        thread.shutdown();
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("endpoint '{}' is unregistered; dropped a message", name);
        }
    }

    private void replyOk(Channel channel, long id, Object value) {
        byte[] body;
        try {
            body = codec.serialize(value);
            checkBodySize(body.length, MAX_MESSAGE_BYTES, "reply of endpoint '" + name + "'");
        } catch (RuntimeException e) {
            replyError(channel, id, e);
            return;
        }
        channel.writeAndFlush(reply(channel.alloc(), id, STATUS_OK, body));
    }

    private void replyError(Channel channel, long id, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = "endpoint '" + name + "' at " + where + " failed: " + e;
        channel.writeAndFlush(reply(channel.alloc(), id, STATUS_ERROR, utf8(message)));
    }
}
