package io.ember.rpc;

/** The shared-secret handshake with a peer failed (wrong or missing secret, or not an Ember peer). */
public class AuthenticationException extends RpcException {
    public AuthenticationException(String message) {
        super(message);
    }
}
