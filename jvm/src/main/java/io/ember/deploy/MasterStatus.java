package io.ember.deploy;

import io.ember.deploy.Master.AppInfo;
import io.ember.deploy.Master.ExecutorInfo;
import io.ember.deploy.Master.WorkerInfo;
import java.util.Collection;

/** Renders the master's state as JSON for {@code ember-status} and monitoring. */
final class MasterStatus {
    private MasterStatus() {}

    static String json(String url, Collection<WorkerInfo> workers, Collection<AppInfo> apps,
                       Collection<AppInfo> completed) {
        StringBuilder b = new StringBuilder(512);
        b.append("{\"url\": ").append(str(url)).append(", \"workers\": [");
        String sep = "";
        for (WorkerInfo w : workers) {
            b.append(sep).append("{\"id\": ").append(str(w.id)).append(", \"host\": ").append(str(w.host))
                    .append(", \"port\": ").append(w.port).append(", \"state\": \"ALIVE\", \"cores\": ").append(w.cores)
                    .append(", \"coresUsed\": ").append(w.coresUsed).append(", \"memoryMb\": ").append(w.memoryMb)
                    .append(", \"memoryUsedMb\": ").append(w.memoryUsed).append(", \"lastHeartbeat\": ")
                    .append(w.lastHeartbeat).append('}');
            sep = ", ";
        }
        b.append("], \"apps\": [");
        appendApps(b, apps);
        b.append("], \"completedApps\": [");
        appendApps(b, completed);
        return b.append("]}").toString();
    }

    private static void appendApps(StringBuilder b, Collection<AppInfo> apps) {
        String sep = "";
        for (AppInfo a : apps) {
            b.append(sep).append("{\"id\": ").append(str(a.id)).append(", \"name\": ").append(str(a.desc.name()))
                    .append(", \"state\": ").append(str(a.state)).append(", \"coresGranted\": ").append(a.coresGranted)
                    .append(", \"coresMax\": ").append(a.desc.coresMax()).append(", \"memoryMbPerExecutor\": ")
                    .append(a.desc.memoryMbPerExecutor()).append(", \"executorFailures\": ").append(a.failures)
                    .append(", \"executorLimit\": ").append(a.executorLimit == Integer.MAX_VALUE ? -1 : a.executorLimit)
                    .append(", \"startTime\": ").append(a.startTime).append(", \"executors\": [");
            String esep = "";
            for (ExecutorInfo e : a.executors.values()) {
                b.append(esep).append("{\"id\": ").append(str(e.id)).append(", \"worker\": ").append(str(e.workerId))
                        .append(", \"cores\": ").append(e.cores).append(", \"memoryMb\": ").append(e.memoryMb)
                        .append(", \"state\": ").append(str(e.state.name())).append('}');
                esep = ", ";
            }
            b.append("]}");
            sep = ", ";
        }
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
