/**
 * Cluster transport: RPC between named endpoints and raw block transfer, over Netty.
 *
 * <p>Each process creates one {@link io.ember.rpc.RpcEnv}: a server bound to a host and port
 * (loopback by default in callers) plus a pool of outbound connections, one per remote address.
 * {@link io.ember.rpc.RpcRef}s send ({@code send}) or request ({@code ask}) Java-serialized
 * messages to {@link io.ember.rpc.RpcEndpoint}s; {@code fetchBlock} pulls a file region that the
 * remote env's block provider names, sent zero-copy.
 *
 * <p>Security: with a shared secret every connection runs an HMAC challenge-response in both
 * directions ({@code Handshake}) before any other frame is read; nothing is deserialized from an
 * unauthenticated peer. The frames are declared once in {@code RpcProtocol}.
 *
 * <p>Threading: each endpoint has its own single-threaded dispatcher, so endpoints need no
 * locking; event loops only frame bytes and route them. Failures surface as
 * {@link io.ember.rpc.RpcException} and its subclasses, with the address in the message.
 */
package io.ember.rpc;
