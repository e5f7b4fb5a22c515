package io.ember.ui.eventlog;

import io.ember.core.ConfigKeys;
import io.ember.core.EmberConf;
import io.ember.scheduler.EmberListener;
import io.ember.scheduler.ListenerEvent;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every listener event as a JSON line ({@link EventJson}) into the application's log
 * directory {@code <ember.eventLog.dir>/eventlog_v2_<appId>/}: files {@code events_<n>_<appId>.json[.gz]},
 * rolled over after {@code ember.eventLog.rolling.maxFileSize}, flushed at every job, stage and
 * application event so a running application can be followed, and a marker
 * {@code appstatus_<appId>.inprogress} renamed to {@code appstatus_<appId>} when the application
 * ends cleanly (a crashed application keeps the marker and shows as incomplete).
 *
 * <p>Threading: events arrive on the listener bus thread; {@link #close} after the bus stopped.
 */
public final class EventLogWriter implements EmberListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventLogWriter.class);

    private final File dir;
    private final String appId;
    private final boolean compress;
    private final long maxFileSize;
    private int fileIndex;
    private CountingStream counter;
    private Writer out;
    private boolean failed;

    private EventLogWriter(File dir, String appId, boolean compress, long maxFileSize) {
        this.dir = dir;
        this.appId = appId;
        this.compress = compress;
        this.maxFileSize = maxFileSize;
    }

    /** Creates the application's log directory and its in-progress marker. */
    public static EventLogWriter open(EmberConf conf, String appId) {
        File dir = new File(conf.get(ConfigKeys.EVENT_LOG_DIR), "eventlog_v2_" + appId);
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new UncheckedIOException(new IOException("Cannot create the event log directory " + dir));
        }
        try {
            new File(dir, "appstatus_" + appId + ".inprogress").createNewFile();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the event log in " + dir, e);
        }
        EventLogWriter w = new EventLogWriter(dir, appId, conf.getBoolean(ConfigKeys.EVENT_LOG_COMPRESS),
                conf.getBytes(ConfigKeys.EVENT_LOG_MAX_FILE_SIZE));
        w.roll();
        return w;
    }

    public File directory() {
        return dir;
    }

    @Override
    public void onEvent(ListenerEvent event) {
        if (failed) {
            return;
        }
        try {
            out.write(EventJson.write(event));
            out.write('\n');
            boolean milestone = !(event instanceof ListenerEvent.TaskStart || event instanceof ListenerEvent.TaskEnd
                    || event instanceof ListenerEvent.ExecutorMetricsUpdate);
            if (milestone) {
                out.flush();
            }
            if (counter.count >= maxFileSize) {
                out.close();
                roll();
            }
            if (event instanceof ListenerEvent.ApplicationEnd) {
                out.close();
                out = null;
                failed = true; // nothing follows the end
                new File(dir, "appstatus_" + appId + ".inprogress").renameTo(new File(dir, "appstatus_" + appId));
            }
        } catch (IOException e) {
            failed = true;
            LOG.warn("Event log {} stopped after a write error: {}", dir, e.toString());
        }
    }

    /** Closes the current file (the marker stays in progress unless the application's end was written). */
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Cannot close the event log {}: {}", dir, e.toString());
            }
            out = null;
        }
    }

    private void roll() {
        fileIndex++;
        File f = new File(dir, "events_" + fileIndex + "_" + appId + ".json" + (compress ? ".gz" : ""));
        try {
            counter = new CountingStream(new FileOutputStream(f));
            OutputStream s = compress ? new GZIPOutputStream(counter, 64 * 1024, true) : counter;
            out = new BufferedWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the event log file " + f, e);
        }
    }

    /** Counts the bytes that reach the file, for rolling over. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
