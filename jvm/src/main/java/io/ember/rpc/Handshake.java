package io.ember.rpc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared-secret challenge-response, as pure functions. The server sends a random nonce; the
 * client answers with its own nonce and {@code HMAC-SHA256(secret, serverNonce || clientNonce)};
 * the server checks it in constant time and answers {@code HMAC-SHA256(secret, clientNonce ||
 * serverNonce)}, which the client checks in turn. The secret never crosses the wire, each side
 * proves knowledge of it over a nonce it did not choose, and the reversed order keeps one side's
 * proof from being replayed as the other's.
 */
final class Handshake {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {}

    static byte[] newNonce() {
        byte[] nonce = new byte[RpcProtocol.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] clientProof(String secret, byte[] serverNonce, byte[] clientNonce) {
        return hmac(secret, serverNonce, clientNonce);
    }

    static byte[] serverProof(String secret, byte[] serverNonce, byte[] clientNonce) {
        return hmac(secret, clientNonce, serverNonce);
    }

    /** Constant-time comparison. */
    static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hmac(String secret, byte[] first, byte[] second) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(first);
            mac.update(second);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
