package io.ember.ui.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.deploy.ClusterView.AppView;
import io.ember.deploy.ClusterView.ExecutorView;
import io.ember.deploy.ClusterView.MasterState;
import io.ember.deploy.ClusterView.WorkerState;
import io.ember.deploy.ClusterView.WorkerView;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The standalone daemons' {@code /json} answers with the field names and order of Spark's
 * ({@code JsonProtocol.writeMasterState} and {@code writeWorkerState}, compared with a Spark 4.3
 * master and worker); resource fields are empty as Ember schedules no custom resources, and
 * there are no drivers run by the master. Stateless.
 */
final class ClusterJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClusterJson() {}

    static String master(MasterState m, long now) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("url", m.url());
        ArrayNode workers = n.putArray("workers");
        int alive = 0;
        int cores = 0;
        int coresUsed = 0;
        long memory = 0;
        long memoryUsed = 0;
        for (WorkerView w : m.workers()) {
            ObjectNode o = workers.addObject();
            o.put("id", w.id());
            o.put("host", w.host());
            o.put("port", w.port());
            o.put("webuiaddress", w.webUiUrl());
            o.put("cores", w.cores());
            o.put("coresused", w.coresUsed());
            o.put("coresfree", w.cores() - w.coresUsed());
            o.put("memory", w.memoryMb());
            o.put("memoryused", w.memoryUsedMb());
            o.put("memoryfree", w.memoryMb() - w.memoryUsedMb());
            o.putObject("resources");
            o.putObject("resourcesused");
            o.putObject("resourcesfree");
            o.put("state", w.state());
            o.put("lastheartbeat", w.lastHeartbeat());
            if (w.state().equals("ALIVE")) {
                alive++;
                cores += w.cores();
                coresUsed += w.coresUsed();
                memory += w.memoryMb();
                memoryUsed += w.memoryUsedMb();
            }
        }
        n.put("aliveworkers", alive);
        n.put("cores", cores);
        n.put("coresused", coresUsed);
        n.put("memory", memory);
        n.put("memoryused", memoryUsed);
        n.putArray("resources").addObject();
        n.putArray("resourcesused").addObject();
        apps(n.putArray("activeapps"), m, true, now);
        apps(n.putArray("completedapps"), m, false, now);
        n.putArray("activedrivers");
        n.putArray("completeddrivers");
        n.put("status", "ALIVE");
        return n.toPrettyString();
    }

    private static void apps(ArrayNode out, MasterState m, boolean active, long now) {
        for (AppView a : active ? m.activeApps() : m.completedApps()) {
            ObjectNode o = out.addObject();
            o.put("id", a.id());
            o.put("starttime", a.startTime());
            o.put("name", a.name());
            o.put("cores", a.coresGranted());
            o.put("user", a.user());
            o.put("memoryperexecutor", a.memoryMbPerExecutor());
            o.put("memoryperslave", a.memoryMbPerExecutor());
            o.putArray("resourcesperexecutor");
            o.putArray("resourcesperslave");
            o.put("submitdate", submitDate(a.startTime()));
            o.put("state", a.state());
            o.put("duration", duration(a, now));
        }
    }

    static String worker(WorkerState w, String masterWebUiUrl) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", w.id());
        n.put("masterurl", w.masterUrl());
        n.put("masterwebuiurl", masterWebUiUrl);
        n.put("cores", w.cores());
        n.put("coresused", w.coresUsed());
        n.put("memory", w.memoryMb());
        n.put("memoryused", w.memoryUsedMb());
        n.putObject("resources");
        n.putObject("resourcesused");
        executors(n.putArray("executors"), w.executors().stream());
        executors(n.putArray("finishedexecutors"), w.finishedExecutors().stream());
        return n.toPrettyString();
    }

    private static void executors(ArrayNode out, java.util.stream.Stream<ExecutorView> executors) {
        executors.forEach(e -> {
            ObjectNode o = out.addObject();
            if (e.executorId().matches("[0-9]{1,9}")) {
                o.put("id", Integer.parseInt(e.executorId()));
            } else {
                o.put("id", e.executorId());
            }
            o.put("memory", e.memoryMb());
            o.putObject("resources");
            o.put("appid", e.appId());
            ObjectNode d = o.putObject("appdesc");
            d.put("name", e.appName());
            d.put("cores", e.cores());
            d.put("memoryperexecutor", e.memoryMb());
            d.putArray("resourcesperexecutor");
            d.put("memoryperslave", e.memoryMb());
            d.putArray("resourcesperslave");
            d.put("user", e.user());
        });
    }

    /** Milliseconds the application ran (so far, while it runs). */
    static long duration(AppView a, long now) {
        return a.endTime() < 0 ? Math.max(0, now - a.startTime()) : a.endTime() - a.startTime();
    }

    /** Spark's {@code submitdate}: {@code java.util.Date#toString} in UTC ("Sun Dec 06 22:24:07 UTC 2026"). */
    static String submitDate(long epochMs) {
        SimpleDateFormat f = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(new Date(epochMs));
    }
}
