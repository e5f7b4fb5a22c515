package io.ember.ui.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreEvents;
import io.ember.ui.store.StoreLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestApiTest {
    private final AppStatusStore store = new StoreEvents().job(0, 0, new long[] {5, 1, 9}, -1)
            .replay(StoreLimits.DEFAULT);
    private final RestApi api = new RestApi(new AppSource() {
        @Override
        public List<AppStatusStore> all() {
            return List.of(store);
        }

        @Override
        public Optional<AppStatusStore> find(String appId) {
            return appId.equals("app-1") ? Optional.of(store) : Optional.empty();
        }
    }, "0.1.0", () -> 5_000);

    @Test
    void unknownThingsAre404JsonNotStackTraces() {
        assertEquals("{\"status\":404,\"message\":\"unknown job: 7\"}",
                api.handle("applications/app-1/jobs/7", Map.of()).text());
        assertEquals(404, api.handle("applications/x/jobs", Map.of()).status());
        Response attempt = api.handle("applications/app-1/stages/0/3/taskList", Map.of());
        assertEquals(404, attempt.status());
        assertEquals("{\"status\":404,\"message\":\"unknown attempt for stage 0.  Found attempts: [0]\"}",
                attempt.text());
        Response bad = api.handle("applications/app-1/stages/0/0/taskSummary", Map.of("quantiles", "2"));
        assertEquals(400, bad.status());
        assertEquals("application/json", bad.contentType());
    }

    @Test
    void taskListSortsAndPages() {
        String text = api.handle("applications/app-1/stages/0/0/taskList",
                Map.of("sortBy", "-runtime", "length", "2")).text();
        assertTrue(text.indexOf("\"duration\" : 10") < text.indexOf("\"duration\" : 6"), text);
        assertTrue(!text.contains("\"duration\" : 2,"), text);
    }

    @Test
    void datesUseSparksFormat() {
        assertEquals("1970-01-01T00:00:01.000GMT", ApiJson.date(1000));
    }
}
