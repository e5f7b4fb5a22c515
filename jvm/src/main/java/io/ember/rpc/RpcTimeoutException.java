package io.ember.rpc;

/** No reply arrived within the caller's timeout; the message names the address and endpoint. */
public class RpcTimeoutException extends RpcException {
    public RpcTimeoutException(String message) {
        super(message);
    }
}
