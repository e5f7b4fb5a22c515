package io.ember.ui.rest;

import java.nio.charset.StandardCharsets;

/** An HTTP answer: status, content type and body. */
public record Response(int status, String contentType, byte[] body) {
    public static Response json(int status, String json) {
        return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
