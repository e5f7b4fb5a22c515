package io.ember.ui.eventlog;

import io.ember.scheduler.EmberListener;
import io.ember.scheduler.ListenerEvent;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Replays an application's event log directory into a listener (a status store), file by file,
 * remembering how far it got so a later {@link #replayNew} call reads only what was added since
 * (incremental replay of growing logs). A corrupt or truncated line ends the replay of that
 * file with a warning kept in {@link #warnings}; what came before is kept.
 *
 * <p>Threading: confined to one thread at a time (the history server's scanner).
 */
public final class EventLogReader {
    private final File dir;
    private final List<String> warnings = new ArrayList<>();
    private int filesDone;
    private long linesDoneInCurrent;

    public EventLogReader(File dir) {
        this.dir = dir;
    }

    /** The application id from the directory name {@code eventlog_v2_<appId>}. */
    public String appId() {
        return dir.getName().substring("eventlog_v2_".length());
    }

    /** Whether the application ended cleanly (its marker lost its {@code .inprogress}). */
    public boolean completed() {
        return new File(dir, "appstatus_" + appId()).exists();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Feeds {@code listener} the events written since the last call; returns how many. */
    public long replayNew(EmberListener listener) throws IOException {
        List<File> files = eventFiles();
        long n = 0;
        for (int i = filesDone; i < files.size(); i++) {
            boolean last = i == files.size() - 1;
            long skip = linesDoneInCurrent;
            long read = replayFile(files.get(i), skip, listener, last);
            n += read;
            if (last) {
                linesDoneInCurrent = skip + read;
            } else {
                filesDone = i + 1;
                linesDoneInCurrent = 0;
            }
        }
        return n;
    }

    private List<File> eventFiles() {
        File[] found = dir.listFiles((d, name) -> name.startsWith("events_"));
        if (found == null) {
            return List.of();
        }
        return Arrays.stream(found).sorted(Comparator.comparingInt(EventLogReader::index)).toList();
    }

    private static int index(File f) {
        String[] parts = f.getName().split("_", 3);
        try {
            return Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Replays lines after the first {@code skip}; a last file may end mid-line (still being written). */
    private long replayFile(File f, long skip, EmberListener listener, boolean last) throws IOException {
        long n = 0;
        long lineNo = 0;
        try (InputStream raw = new FileInputStream(f);
             InputStream in = f.getName().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = readLine(r)) != null) {
                lineNo++;
                if (lineNo <= skip) {
                    continue;
                }
                ListenerEvent e;
                try {
                    e = EventJson.read(line);
                } catch (IOException | RuntimeException bad) {
                    if (!last) {
                        warnings.add(f.getName() + " line " + lineNo + " is damaged; the rest of the file is skipped");
                    }
                    return n;
                }
                if (e != null) {
                    listener.onEvent(e);
                }
                n++;
            }
        } catch (EOFException truncated) {
            if (!last) {
                warnings.add(f.getName() + " is truncated; replayed up to the damage");
            }
        }
        return n;
    }

    /** A line, or null at the end or when the line is cut short (no newline yet). */
    private static String readLine(BufferedReader r) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = r.read()) >= 0) {
            if (c == '\n') {
                return b.toString();
            }
            b.append((char) c);
        }
        return null;
    }
}
