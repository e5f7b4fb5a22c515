package io.ember.ui.server;

/** Reading one cookie out of a {@code Cookie} request header. Stateless. */
final class Cookies {
    private Cookies() {}

    /** The value of cookie {@code name}, or null when the header has none. */
    static String get(String cookieHeader, String name) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }
}
