package io.ember.sql.expressions.string;

import java.util.ArrayList;
import java.util.List;

/**
 * A LIKE pattern without {@code _}: literal parts between {@code %} wildcards, matched with
 * {@code startsWith}, {@code indexOf} and {@code endsWith} instead of a regular expression
 * (most LIKE patterns are of this shape, and a regex's backtracking costs several times more).
 * Immutable.
 */
final class LikePattern {
    private final List<String> parts;

    private LikePattern(List<String> parts) {
        this.parts = parts;
    }

    /** The pattern, or null when it has a {@code _} wildcard (left to the regular expression). */
    static LikePattern compile(String like) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                b.append(like.charAt(++i));
            } else if (c == '%') {
                parts.add(b.toString());
                b.setLength(0);
            } else if (c == '_') {
                return null;
            } else {
                b.append(c);
            }
        }
        parts.add(b.toString());
        return new LikePattern(List.copyOf(parts));
    }

    boolean matches(String s) {
        int n = parts.size();
        if (n == 1) {
            return s.equals(parts.get(0));
        }
        String first = parts.get(0);
        String last = parts.get(n - 1);
        if (s.length() < first.length() + last.length() || !s.startsWith(first) || !s.endsWith(last)) {
            return false;
        }
        int pos = first.length();
        int end = s.length() - last.length();
        for (int i = 1; i < n - 1; i++) {
            String p = parts.get(i);
            int at = s.indexOf(p, pos);
            if (at < 0 || at + p.length() > end) {
                return false;
            }
            pos = at + p.length();
        }
        return true;
    }
}
