package io.ember.deploy;

import io.ember.core.EmberException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed master URL:
 * <ul>
 * <li>{@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]} (F attempts per task):
 *     tasks run on threads of the driver JVM;</li>
 * <li>{@code ember://HOST:PORT}: a standalone master ({@link Master}) starts executors on its
 *     workers;</li>
 * <li>{@code local-cluster[W,C,M]}: the driver starts a master and W workers of C cores and
 *     M MB in its own JVM; their executors are separate JVMs (for tests).</li>
 * </ul>
 */
public record MasterUrl(Kind kind, int threads, int maxFailures, String host, int port,
                        int workers, int coresPerWorker, int memoryPerWorkerMb) {
    public enum Kind { LOCAL, STANDALONE, LOCAL_CLUSTER }

    public static final String SCHEME = "ember://";
    private static final Pattern LOCAL_N = Pattern.compile("local\\[([0-9]+|\\*)\\]");
    private static final Pattern LOCAL_N_F = Pattern.compile("local\\[([0-9]+|\\*)\\s*,\\s*([0-9]+)\\]");
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*\\]");
    private static final Pattern STANDALONE = Pattern.compile("ember://([^:/\\s]+):([0-9]+)/?");

    /** Local mode with {@code threads} task slots; {@code maxFailures} is -1 unless the URL sets it. */
    public MasterUrl(int threads, int maxFailures) {
        this(Kind.LOCAL, threads, maxFailures, null, -1, 0, 0, 0);
    }

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
        if (u.startsWith("local-cluster")) {
            m = LOCAL_CLUSTER.matcher(u);
            if (!m.matches()) {
                throw bad(url, "expected local-cluster[W,C,M] (workers, cores per worker, MB per worker)");
            }
            int w = positive(m.group(1), "the number of workers", url);
            int c = positive(m.group(2), "the cores per worker", url);
            int mb = positive(m.group(3), "the memory (MB) per worker", url);
            return new MasterUrl(Kind.LOCAL_CLUSTER, 0, -1, null, -1, w, c, mb);
        }
        if (u.startsWith(SCHEME)) {
            m = STANDALONE.matcher(u);
            if (!m.matches()) {
                throw bad(url, "expected ember://HOST:PORT");
            }
            return new MasterUrl(Kind.STANDALONE, 0, -1, m.group(1), port(m.group(2), url), 0, 0, 0);
        }
        if (u.contains("://")) {
            throw bad(url, "unknown scheme '" + u.substring(0, u.indexOf("://")) + "' (cluster masters are ember://HOST:PORT)");
        }
        throw bad(url, "expected local, local[N], local[*], local[N,F], local-cluster[W,C,M] or ember://HOST:PORT");
    }

    /** Parses {@code ember://HOST:PORT} only (daemons and tools given a master address). */
    public static MasterUrl parseStandalone(String url) {
        MasterUrl m = parse(url);
        if (m.kind() != Kind.STANDALONE) {
            throw bad(url, "expected ember://HOST:PORT");
        }
        return m;
    }

    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }

    /**
     * The task slots that run on this machine, where tasks can meet in a local directory (barrier
     * stages): local threads, or local-cluster workers times their cores; 0 for a standalone
     * master, whose executors may run elsewhere.
     */
    public int localSlots() {
        return switch (kind) {
            case LOCAL -> threads;
            case LOCAL_CLUSTER -> workers * coresPerWorker;
            case STANDALONE -> 0;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LOCAL -> "local[" + threads + (maxFailures > 0 ? "," + maxFailures : "") + "]";
            case STANDALONE -> SCHEME + host + ":" + port;
            case LOCAL_CLUSTER -> "local-cluster[" + workers + "," + coresPerWorker + "," + memoryPerWorkerMb + "]";
        };
    }

    private static int port(String s, String url) {
        int p;
        try {
            p = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(url, "the port must be a number from 1 to 65535");
        }
        if (p < 1 || p > 65535) {
            throw bad(url, "the port must be a number from 1 to 65535, got " + s);
        }
        return p;
    }

    private static int positive(String s, String what, String url) {
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(url, what + " is too large");
        }
        if (n < 1) {
            throw bad(url, what + " must be at least 1");
        }
        return n;
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
