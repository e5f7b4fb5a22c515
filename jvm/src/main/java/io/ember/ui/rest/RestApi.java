package io.ember.ui.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.JobData;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spark's monitoring REST API ({@code /api/v1/...}) over {@link AppStatusStore}s: same paths,
 * same JSON shapes. Unknown applications, jobs, stages and paths answer 404 with a JSON body
 * {@code {"status": 404, "message": "..."}}, bad parameters 400, never a stack trace.
 *
 * <p>Threading: stateless apart from its collaborators; called from any HTTP thread.
 */
public final class RestApi {
    private final AppSource apps;
    private final String version;
    private final LongSupplier clock;

    public RestApi(AppSource apps, String version, LongSupplier clock) {
        this.apps = apps;
        this.version = version;
        this.clock = clock;
    }

    /** Answers {@code path} (after {@code /api/v1/}, no leading slash) with query parameters {@code query}. */
    public Response handle(String path, Map<String, String> query) {
        try {
            return route(trimSlashes(path).split("/"), query);
        } catch (NotFound e) {
            return error(404, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private Response route(String[] p, Map<String, String> query) {
        if (p.length == 1 && p[0].equals("version")) {
            ObjectNode v = ApiJson.MAPPER.createObjectNode();
            v.put("spark", version);
            return ok(v);
        }
        if (p.length == 0 || !p[0].equals("applications")) {
            throw new NotFound("unknown path: " + String.join("/", p));
        }
        if (p.length == 1) {
            ArrayNode out = ApiJson.MAPPER.createArrayNode();
            for (AppStatusStore s : apps.all()) {
                out.add(ApiJson.application(s.application(), clock.getAsLong()));
            }
            return ok(out);
        }
        AppStatusStore store = apps.find(p[1]).orElseThrow(() -> new NotFound("no such app: " + p[1]));
        if (p.length == 2) {
            return ok(ApiJson.application(store.application(), clock.getAsLong()));
        }
        return switch (p[2]) {
            case "jobs" -> jobs(store, p, query);
            case "stages" -> StageRoutes.answer(store, p, query);
            case "executors", "allexecutors" -> {
                if (p.length != 3) {
                    throw new NotFound("unknown path: " + String.join("/", p));
                }
                ArrayNode out = ApiJson.MAPPER.createArrayNode();
                store.executors(p[2].equals("allexecutors")).forEach(e -> out.add(ApiJson.executor(e)));
                yield ok(out);
            }
            case "environment" -> ok(EnvironmentJson.of(store.environment()));
            case "storage" -> storage(store, p);
            case "sql" -> SqlRoutes.answer(store, p, query, clock);
            default -> throw new NotFound("unknown path: " + String.join("/", p));
        };
    }

    private static Response jobs(AppStatusStore store, String[] p, Map<String, String> query) {
        if (p.length == 3) {
            String status = query.get("status");
            ArrayNode out = ApiJson.MAPPER.createArrayNode();
            for (JobData j : store.jobs()) {
                if (status == null || j.status().equalsIgnoreCase(status)) {
                    out.add(ApiJson.job(j));
                }
            }
            return ok(out);
        }
        if (p.length == 4) {
            int id = parseId(p[3], "job");
            return ok(ApiJson.job(store.job(id).orElseThrow(() -> new NotFound("unknown job: " + p[3]))));
        }
        throw new NotFound("unknown path: " + String.join("/", p));
    }

    private static Response storage(AppStatusStore store, String[] p) {
        if (p.length == 4 && p[3].equals("rdd")) {
            ArrayNode out = ApiJson.MAPPER.createArrayNode();
            store.rdds().forEach(r -> out.add(StorageJson.rdd(r, store)));
            return ok(out);
        }
        if (p.length == 5 && p[3].equals("rdd")) {
            int id = parseId(p[4], "RDD");
            return ok(StorageJson.rdd(store.rdd(id).orElseThrow(() -> new NotFound("unknown RDD: " + p[4])), store));
        }
        throw new NotFound("unknown path: " + String.join("/", p));
    }

    static int parseId(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new NotFound("unknown " + what + ": " + text);
        }
    }

    static Response ok(JsonNode node) {
        try {
            return Response.json(200, ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    static Response error(int status, String message) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        n.put("status", status);
        n.put("message", message);
        try {
            return Response.json(status, ApiJson.MAPPER.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** An unknown application, job, stage or path (answered 404). */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
