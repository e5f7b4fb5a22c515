package io.ember.ui.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.scheduler.ListenerEvent;
import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.RestApi;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreEvents;
import io.ember.ui.store.StoreLimits;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path tmp;

    private static RestApi api(AppStatusStore store) {
        return new RestApi(new AppSource() {
            @Override
            public List<AppStatusStore> all() {
                return List.of(store);
            }

            @Override
            public Optional<AppStatusStore> find(String appId) {
                return Optional.of(store);
            }
        }, "0.1.0", () -> 5_000);
    }

    private EventLogWriter writer(boolean compress, String maxSize) {
        EmberConf conf = new EmberConf(false).set("ember.eventLog.dir", tmp.toString())
                .set("ember.eventLog.compress", String.valueOf(compress)).set("ember.eventLog.rolling.maxFileSize", maxSize);
        return EventLogWriter.open(conf, "app-1");
    }

    @Test
    void replayedLogAnswersAsTheLiveStore() throws IOException {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {5, 6, 7}, 2).job(1, 1, new long[] {3}, -1);
        events.events().add(new ListenerEvent.ApplicationEnd(99_000));
        EventLogWriter w = writer(false, "2k"); // small files: the log rolls over
        events.events().forEach(w::onEvent);
        w.close();
        assertTrue(w.directory().list((d, n) -> n.startsWith("events_")).length > 1);
        assertTrue(new File(w.directory(), "appstatus_app-1").exists());
        AppStatusStore live = events.replay(StoreLimits.DEFAULT);
        EventLogReader reader = new EventLogReader(w.directory());
        AppStatusStore replayed = new AppStatusStore(StoreLimits.DEFAULT);
        assertEquals(events.events().size(), reader.replayNew(replayed));
        for (String path : List.of("applications", "applications/app-1/jobs", "applications/app-1/stages",
                "applications/app-1/stages/0/0/taskList", "applications/app-1/stages/0/0/taskSummary",
                "applications/app-1/executors")) {
            assertEquals(api(live).handle(path, Map.of()).text(), api(replayed).handle(path, Map.of()).text(), path);
        }
        assertTrue(reader.completed());
    }

    @Test
    void executorLogUrlsSurviveTheEventLogAndReachRest() throws IOException {
        Map<String, String> urls = Map.of("stdout", "http://w1:8081/logPage/?appId=a&executorId=1&logType=stdout",
                "stderr", "http://w1:8081/logPage/?appId=a&executorId=1&logType=stderr");
        ListenerEvent.ExecutorAdded added = new ListenerEvent.ExecutorAdded("1", "w1", 2, 1_500, urls);
        ListenerEvent read = EventJson.read(EventJson.write(added));
        assertEquals(added, read);
        // logs written before executors reported their logs read back with none
        assertEquals(Map.of(), ((ListenerEvent.ExecutorAdded) EventJson.read(
                "{\"Event\":\"ExecutorAdded\",\"executorId\":\"1\",\"host\":\"w1\",\"cores\":2,\"time\":5}"))
                .logUrls());
        StoreEvents events = new StoreEvents();
        events.events().add(read);
        AppStatusStore store = events.replay(StoreLimits.DEFAULT);
        assertEquals(urls, store.executors(true).get(1).executorLogs());
        assertEquals(Map.of(), store.executors(true).get(0).executorLogs()); // the driver's: nothing serves them
        String json = api(store).handle("applications/app-1/executors", Map.of()).text();
        assertTrue(json.contains("\"executorLogs\" : {\n    \"stderr\" : \"" + urls.get("stderr") + "\",\n    \"stdout\" : \""
                + urls.get("stdout") + "\"\n  }"), json);
    }

    @Test
    void compressedLogReadsBack() throws IOException {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {5, 6}, -1);
        EventLogWriter w = writer(true, "128m");
        events.events().forEach(w::onEvent);
        w.close();
        assertTrue(new File(w.directory(), "events_1_app-1.json.gz").exists());
        AppStatusStore replayed = new AppStatusStore(StoreLimits.DEFAULT);
        assertEquals(events.events().size(), new EventLogReader(w.directory()).replayNew(replayed));
        assertEquals(api(events.replay(StoreLimits.DEFAULT)).handle("applications/app-1/jobs", Map.of()).text(),
                api(replayed).handle("applications/app-1/jobs", Map.of()).text());
    }

    @Test
    void growingLogIsReplayedIncrementallyAndACutLineWaits() throws IOException {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {1, 2}, -1);
        EventLogWriter w = writer(false, "128m");
        List<ListenerEvent> all = events.events();
        all.subList(0, 4).forEach(w::onEvent);
        w.onEvent(new ListenerEvent.JobEnd(7, 1, true, null)); // a milestone: flushed
        EventLogReader reader = new EventLogReader(w.directory());
        AppStatusStore store = new AppStatusStore(StoreLimits.DEFAULT);
        assertEquals(5, reader.replayNew(store));
        assertFalse(reader.completed());
        all.subList(4, all.size()).forEach(w::onEvent);
        w.close();
        assertEquals(all.size() - 4, reader.replayNew(store));
        assertEquals(0, reader.replayNew(store));
        assertEquals("SUCCEEDED", store.job(0).orElseThrow().status());
    }

    @Test
    void damagedLogIsShownUpToTheDamageWithAWarning() throws IOException {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {1, 2}, -1).job(1, 1, new long[] {1}, -1);
        EventLogWriter w = writer(false, "1k");
        events.events().forEach(w::onEvent);
        w.close();
        File first = new File(w.directory(), "events_1_app-1.json");
        try (RandomAccessFile f = new RandomAccessFile(first, "rw")) {
            f.seek(f.length() / 2);
            f.write("}}garbage{{\n".getBytes());
        }
        EventLogReader reader = new EventLogReader(w.directory());
        AppStatusStore store = new AppStatusStore(StoreLimits.DEFAULT);
        reader.replayNew(store);
        assertEquals(1, reader.warnings().size());
        assertTrue(reader.warnings().get(0).startsWith("events_1_app-1.json line "));
        assertEquals("app-1", store.application().id());
    }
}
