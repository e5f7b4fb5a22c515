package io.ember.ui.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * Who may read the UI: everyone when {@code open}, else requests carrying the application's
 * token ({@code Authorization: Bearer <token>}, {@code ?token=}, or the {@value #TOKEN_COOKIE}
 * cookie a page answer sets after a {@code ?token=} was accepted, so that the links of the
 * pages, which do not carry the token, keep working) or a configured user:password pair (HTTP
 * Basic). Immutable; thread-safe.
 */
public record UiAccess(boolean open, String token, Set<String> userPasswords) {
    /** The cookie that carries the token once a browser has shown it in {@code ?token=}. */
    public static final String TOKEN_COOKIE = "EMBER_UI_TOKEN";

    /** Anyone may read (the UI is bound to loopback and authentication is off). */
    public static final UiAccess OPEN = new UiAccess(true, "", Set.of());

    /** The token derived from the application's secret: hex SHA-256 of "ember-ui:" + secret. */
    public static String tokenFor(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ember-ui:" + secret).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a request with this Authorization header and token parameter may read. */
    public boolean allows(String authorization, String tokenParam) {
        return allows(authorization, tokenParam, null);
    }

    /** Whether a request with this Authorization header, token parameter and Cookie header may read. */
    public boolean allows(String authorization, String tokenParam, String cookieHeader) {
        if (open) {
            return true;
        }
        String fromCookie = Cookies.get(cookieHeader, TOKEN_COOKIE);
        if (tokenParam != null && constantTimeEquals(tokenParam, token)
                || fromCookie != null && constantTimeEquals(fromCookie, token)) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Bearer ")) {
            return constantTimeEquals(authorization.substring(7).trim(), token);
        }
        if (authorization.startsWith("Basic ")) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                return userPasswords.stream().anyMatch(p -> constantTimeEquals(p, pair));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** The {@code Set-Cookie} value that lets a browser's later requests carry the token. */
    public String tokenCookie() {
        return TOKEN_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private static boolean constantTimeEquals(String a, String b) {
        return !b.isEmpty() && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
