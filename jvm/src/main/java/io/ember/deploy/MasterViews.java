package io.ember.deploy;

import io.ember.deploy.ClusterView.AppView;
import io.ember.deploy.ClusterView.ExecutorView;
import io.ember.deploy.ClusterView.MasterState;
import io.ember.deploy.ClusterView.WorkerView;
import io.ember.deploy.Master.AppInfo;
import io.ember.deploy.Master.ExecutorInfo;
import io.ember.deploy.Master.WorkerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Copies the master's mutable bookkeeping into {@link ClusterView} snapshots; called under the master's lock. */
final class MasterViews {
    private MasterViews() {}

    static MasterState state(String url, Collection<WorkerInfo> alive, Collection<WorkerInfo> dead,
                             Collection<AppInfo> active, Collection<AppInfo> completed) {
        List<WorkerView> workers = new ArrayList<>();
        alive.forEach(w -> workers.add(worker(w)));
        dead.forEach(w -> workers.add(worker(w)));
        return new MasterState(url, List.copyOf(workers), apps(active), apps(completed));
    }

    private static WorkerView worker(WorkerInfo w) {
        boolean isAlive = w.state.equals("ALIVE");
        return new WorkerView(w.id, w.host, w.port, w.webUiUrl, w.state, w.cores, isAlive ? w.coresUsed : 0,
                w.memoryMb, isAlive ? w.memoryUsed : 0, w.lastHeartbeat,
                isAlive ? executors(w.executors.values()) : List.of());
    }

    private static List<AppView> apps(Collection<AppInfo> apps) {
        List<AppView> out = new ArrayList<>();
        for (AppInfo a : apps) {
            out.add(new AppView(a.id, a.desc.name(), a.desc.user() == null ? "" : a.desc.user(), a.driverUiUrl,
                    a.state, a.startTime, a.endTime, a.coresGranted, a.desc.coresMax(), a.desc.memoryMbPerExecutor(),
                    a.executorLimit == Integer.MAX_VALUE ? -1 : a.executorLimit, a.failures,
                    executors(a.executors.values()), executors(a.removedExecutors)));
        }
        return List.copyOf(out);
    }

    private static List<ExecutorView> executors(Collection<ExecutorInfo> executors) {
        List<ExecutorView> out = new ArrayList<>();
        for (ExecutorInfo e : executors) {
            out.add(new ExecutorView(e.appId, e.id, e.workerId, e.cores, e.memoryMb, e.state.name(), "", ""));
        }
        return List.copyOf(out);
    }
}
