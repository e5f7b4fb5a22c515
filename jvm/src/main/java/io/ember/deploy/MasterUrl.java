package io.ember.deploy;

import io.ember.core.EmberException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed master URL: local, local[N], local[*], local[N,F] (F attempts per task). */
public record MasterUrl(int threads, int maxFailures) {
    private static final Pattern LOCAL_N = Pattern.compile("local\\[([0-9]+|\\*)\\]");
    private static final Pattern LOCAL_N_F = Pattern.compile("local\\[([0-9]+|\\*)\\s*,\\s*([0-9]+)\\]");

    /** Parses a master URL; {@code maxFailures} is -1 unless the URL sets it. */
    public static MasterUrl parse(String url) {
        String u = url == null ? "" : url.trim();
        if (u.equals("local")) {
            return new MasterUrl(1, -1);
        }
        Matcher m = LOCAL_N.matcher(u);
        if (m.matches()) {
            return new MasterUrl(threads(m.group(1), url), -1);
        }
        m = LOCAL_N_F.matcher(u);
        if (m.matches()) {
            int f = Integer.parseInt(m.group(2));
            if (f < 1) {
                throw bad(url, "the number of task attempts must be at least 1");
            }
            return new MasterUrl(threads(m.group(1), url), f);
        }
        throw bad(url, "expected local, local[N], local[*] or local[N,F]");
    }

    private static int threads(String s, String url) {
        if (s.equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        int n = Integer.parseInt(s);
        if (n < 1) {
            throw bad(url, "the number of threads must be at least 1");
        }
        return n;
    }

    private static EmberException bad(String url, String why) {
        return new EmberException("Invalid master URL '" + url + "': " + why);
    }
}
