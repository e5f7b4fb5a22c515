package io.ember.rpc;

import io.ember.core.EmberException;

/** A remote call failed: the peer was unreachable, the connection broke, or the remote endpoint threw. */
public class RpcException extends EmberException {
    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
