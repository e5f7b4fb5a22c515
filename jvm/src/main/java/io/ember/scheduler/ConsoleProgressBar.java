package io.ember.scheduler;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws {@code [Stage 2:=====>        (37 + 2) / 200]} on stderr for stages that have run
 * longer than half a second, redrawn every 200 ms and erased when they end. Listener events
 * arrive on the bus thread; drawing runs on its own daemon thread; {@link #jobFinished} and
 * {@link #cancelAll} are called by the threads that wait for or cancel jobs; all synchronize
 * on this.
 *
 * <p>Why the two calls: listener events arrive after the fact, so a bar erased only on its
 * stage's completion event could still be on the line when the job's caller prints its
 * result. A job's caller erases it before returning, a Ctrl-C cancel before raising.
 */
public final class ConsoleProgressBar implements EmberListener {
    private static final long SHOW_AFTER_MS = 500;
    private static final int WIDTH = 80;

    private final PrintStream out;
    private final Map<Integer, StageProgress> stages = new TreeMap<>();
    private final Thread thread;
    /** Erases the bar when the JVM exits without stop() (a Java driver's Ctrl-C). */
    private final Thread eraser = new Thread(this::stopDrawing, "ember-progress-bar-eraser");
    private volatile boolean stopped;
    private int lastLength;

    private static final class StageProgress {
        final StageInfo info;
        final long start;
        int running;
        int done;

        StageProgress(StageInfo info, long start) {
            this.info = info;
            this.start = start;
        }
    }

    public ConsoleProgressBar(PrintStream out) {
        this.out = out;
        this.thread = new Thread(this::loop, "ember-progress-bar");
        thread.setDaemon(true);
        thread.start();
        Runtime.getRuntime().addShutdownHook(eraser);
    }

    @Override
    public synchronized void onEvent(ListenerEvent e) {
        if (e instanceof ListenerEvent.StageSubmitted s) {
            stages.put(s.stage().stageId(), new StageProgress(s.stage(), s.time()));
        } else if (e instanceof ListenerEvent.StageCompleted c) {
            stages.remove(c.stage().stageId());
            if (stages.isEmpty()) {
                clear();
            }
        } else if (e instanceof ListenerEvent.TaskStart t) {
            StageProgress p = stages.get(t.stageId());
            if (p != null) {
                p.running++;
            }
        } else if (e instanceof ListenerEvent.TaskEnd t) {
            StageProgress p = stages.get(t.stageId());
            if (p != null) {
                p.running = Math.max(0, p.running - 1);
                if (t.reason() instanceof TaskEndReason.Success) {
                    p.done++;
                }
            }
        }
    }

    /**
     * Erases the bar and forgets the stages of job {@code jobId}, now, on the caller's thread:
     * called when a job ends, before its results are handed back. Other jobs' stages are drawn
     * again at the next redraw.
     */
    public synchronized void jobFinished(int jobId) {
        stages.values().removeIf(p -> p.info.jobId() == jobId);
        clear();
    }

    /** Erases the bar and forgets every stage: all jobs are being cancelled. */
    public synchronized void cancelAll() {
        stages.clear();
        clear();
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            draw(System.currentTimeMillis());
        }
    }

    /** Redraws the line for the time {@code now} (package-private for tests). */
    synchronized void draw(long now) {
        if (stopped) {
            return;
        }
        StringBuilder line = new StringBuilder();
        int shown = 0;
        for (StageProgress p : stages.values()) {
            if (now - p.start < SHOW_AFTER_MS || shown == 3) {
                continue;
            }
            line.append(render(p, WIDTH / Math.min(3, stages.size())));
            shown++;
        }
        if (line.length() > 0) {
            String s = line.toString();
            out.print("\r" + s + " ".repeat(Math.max(0, lastLength - s.length())));
            out.flush();
            lastLength = s.length();
        }
    }

    /** One bar, e.g. {@code [Stage 2:=====>        (37 + 2) / 200]}. */
    static String render(StageInfo info, int done, int running, int width) {
        String header = "[Stage " + info.stageId() + ":";
        String tailer = "(" + done + " + " + running + ") / " + info.numTasks() + "]";
        int w = width - header.length() - tailer.length();
        StringBuilder bar = new StringBuilder(header);
        if (w > 0) {
            int percent = info.numTasks() == 0 ? w : (int) ((long) w * done / info.numTasks());
            for (int i = 0; i < w; i++) {
                bar.append(i < percent ? '=' : i == percent ? '>' : ' ');
            }
        }
        return bar.append(tailer).toString();
    }

    private String render(StageProgress p, int width) {
        return render(p.info, p.done, p.running, width);
    }

    private void clear() {
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(eraser);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        stopDrawing();
    }

    private void stopDrawing() {
        stopped = true;
        thread.interrupt();
        synchronized (this) {
            clear();
        }
    }
}
