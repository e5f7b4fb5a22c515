package io.ember.rpc;

import java.net.InetSocketAddress;

/** What an endpoint knows about the message it is handling. */
public interface RpcCallContext {
    /**
     * The remote end of the connection the message arrived on. This is the sender's outbound
     * socket (an ephemeral port), not its server address: a sender that wants to be called back
     * puts an {@link RpcRef} to one of its own endpoints in the message.
     */
    InetSocketAddress sender();
}
