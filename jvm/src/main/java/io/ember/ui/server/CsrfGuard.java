package io.ember.ui.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions and CSRF tokens for the UI's state-changing requests (kill). A browser session is a
 * random id in the {@value #COOKIE} cookie (HttpOnly, SameSite=Strict); its token is the
 * HMAC-SHA256 of the id under a key drawn when the server starts, so tokens need no table
 * (nothing to grow or expire) and differ per session and per server. Pages put the token in
 * their forms; a POST is accepted only when its {@code csrf} field matches its cookie's token.
 *
 * <p>Threading: immutable after construction; thread-safe.
 */
public final class CsrfGuard {
    public static final String COOKIE = "EMBER_UI_SESSION";
    /** The form field carrying the token. */
    public static final String FIELD = "csrf";

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    public CsrfGuard() {
        random.nextBytes(key);
    }

    /** A new random session id. */
    public String newSession() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The session id in a {@code Cookie} header, or null when there is none (or it is malformed). */
    public static String sessionOf(String cookieHeader) {
        String v = Cookies.get(cookieHeader, COOKIE);
        return v != null && v.matches("[0-9a-f]{32}") ? v : null;
    }

    /** The {@code Set-Cookie} value that starts {@code session}. */
    public static String cookie(String session) {
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The token of {@code session}. */
    public String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("ember-ui-csrf:" + session).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code token} is {@code session}'s (compared in constant time); false if either is missing. */
    public boolean valid(String session, String token) {
        if (session == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(session).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
