package io.ember.ui.history;

import io.ember.ui.eventlog.EventLogReader;
import io.ember.ui.rest.AppSource;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreLimits;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applications of an event-log directory: each {@code eventlog_v2_<appId>} directory is
 * replayed into its own {@link AppStatusStore}; {@link #scan} picks up new applications and
 * replays only what grew since the last scan; {@link #clean} deletes logs older than a maximum
 * age (and forgets their stores).
 *
 * <p>Threading: {@link #scan} and {@link #clean} run on one thread (the history server's
 * timer); the {@link AppSource} reads are thread-safe.
 */
public final class LogDirectory implements AppSource {
    private static final Logger LOG = LoggerFactory.getLogger(LogDirectory.class);

    private record Replayed(EventLogReader reader, AppStatusStore store) {}

    private final File root;
    private final StoreLimits limits;
    private final Map<String, Replayed> apps = new ConcurrentHashMap<>();

    public LogDirectory(File root, StoreLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    /** Replays new applications and the growth of known ones; returns the events applied. */
    public long scan() {
        File[] dirs = root.listFiles((d, name) -> name.startsWith("eventlog_v2_") && new File(d, name).isDirectory());
        long applied = 0;
        if (dirs == null) {
            return 0;
        }
        for (File dir : dirs) {
            String appId = dir.getName().substring("eventlog_v2_".length());
            Replayed r = apps.computeIfAbsent(appId, id -> new Replayed(new EventLogReader(dir),
                    new AppStatusStore(limits)));
            try {
                applied += r.reader().replayNew(r.store());
            } catch (IOException e) {
                LOG.warn("Cannot read the event log of {}: {}", appId, e.toString());
            }
        }
        return applied;
    }

    /** Deletes application logs not modified for {@code maxAgeMs}; returns the ids removed. */
    public List<String> clean(long maxAgeMs, long nowMs) {
        List<String> removed = new ArrayList<>();
        File[] dirs = root.listFiles((d, name) -> name.startsWith("eventlog_v2_"));
        if (dirs == null || maxAgeMs <= 0) {
            return removed;
        }
        for (File dir : dirs) {
            if (nowMs - lastModified(dir) > maxAgeMs) {
                String appId = dir.getName().substring("eventlog_v2_".length());
                deleteTree(dir.toPath());
                apps.remove(appId);
                removed.add(appId);
            }
        }
        return removed;
    }

    /** Damage found while replaying {@code appId}'s log (empty when it read cleanly). */
    public List<String> warnings(String appId) {
        Replayed r = apps.get(appId);
        return r == null ? List.of() : r.reader().warnings();
    }

    @Override
    public List<AppStatusStore> all() {
        List<AppStatusStore> out = new ArrayList<>();
        apps.values().forEach(r -> out.add(r.store()));
        out.sort(Comparator.comparingLong((AppStatusStore s) -> s.application().startTime()).reversed());
        return out;
    }

    @Override
    public Optional<AppStatusStore> find(String appId) {
        Replayed r = apps.get(appId);
        return r == null ? Optional.empty() : Optional.of(r.store());
    }

    private static long lastModified(File dir) {
        long last = dir.lastModified();
        File[] files = dir.listFiles();
        if (files != null) {
            for (File f : files) {
                last = Math.max(last, f.lastModified());
            }
        }
        return last;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete the old event log {}: {}", dir, e.toString());
        }
    }
}
