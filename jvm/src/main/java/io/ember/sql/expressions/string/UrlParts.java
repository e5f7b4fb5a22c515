package io.ember.sql.expressions.string;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code parse_url}: one part of a URL parsed by {@link URI} (raw, undecoded); null for an invalid URL or absent part. */
final class UrlParts {
    private UrlParts() {}

    static String extract(String url, String part, String key) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        if (key != null) {
            if (!part.equals("QUERY") || u.getRawQuery() == null) return null;
            Matcher m = Pattern.compile("(&|^)" + Pattern.quote(key) + "=([^&]*)").matcher(u.getRawQuery());
            return m.find() ? m.group(2) : null;
        }
        return switch (part) {
            case "HOST" -> u.getHost();
            case "PATH" -> u.getRawPath();
            case "QUERY" -> u.getRawQuery();
            case "REF" -> u.getRawFragment();
            case "PROTOCOL" -> u.getScheme();
            case "FILE" -> u.getRawQuery() != null ? u.getRawPath() + "?" + u.getRawQuery() : u.getRawPath();
            case "AUTHORITY" -> u.getRawAuthority();
            case "USERINFO" -> u.getRawUserInfo();
            default -> null;
        };
    }
}
