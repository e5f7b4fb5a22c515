package io.ember.scheduler;

import java.util.List;

/** Spark's names for how close a task ran to its preferred data, as the UI shows them. */
final class TaskLocality {
    private TaskLocality() {}

    /** PROCESS_LOCAL on a preferred executor (or with no preference), NODE_LOCAL on a preferred host, else ANY. */
    static String of(List<String> preferred, String executorId, String host) {
        if (preferred.isEmpty() || preferred.contains(executorId)) {
            return "PROCESS_LOCAL";
        }
        return preferred.contains(host) ? "NODE_LOCAL" : "ANY";
    }
}
