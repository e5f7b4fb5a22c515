package io.ember.scheduler;

import io.ember.rdd.Dependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the {@link StageInfo} snapshots the DAG scheduler posts; called on its event thread. */
final class StageInfos {
    private StageInfos() {}

    static StageInfo of(Stage s, int jobId, int numTasks) {
        List<Integer> parents = new ArrayList<>();
        for (Stage p : s.parents) {
            parents.add(p.id);
        }
        // a stage not attempted yet is shown as its first attempt, as Spark does
        return new StageInfo(s.id, Math.max(0, s.latestAttempt), s.name(), numTasks, jobId, parents, rddsOf(s.rdd));
    }

    /** The RDDs a stage computes: its last RDD and its ancestors up to shuffle boundaries. */
    private static List<StageInfo.RddInfo> rddsOf(RDD<?> last) {
        List<StageInfo.RddInfo> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<RDD<?>> toVisit = new ArrayDeque<>();
        toVisit.push(last);
        while (!toVisit.isEmpty()) {
            RDD<?> rdd = toVisit.pop();
            if (!seen.add(rdd.id())) {
                continue;
            }
            List<Integer> parentIds = new ArrayList<>();
            for (Dependency<?> d : rdd.dependencies()) {
                parentIds.add(d.rdd().id());
                if (!(d instanceof ShuffleDependency<?, ?, ?>)) {
                    toVisit.push(d.rdd());
                }
            }
            String level = rdd.getStorageLevel().isValid() ? rdd.getStorageLevel().toString() : "None";
            String name = rdd.name() != null ? rdd.name() : rdd.getClass().getSimpleName();
            out.add(new StageInfo.RddInfo(rdd.id(), name, rdd.origin(), rdd.getNumPartitions(), parentIds, level));
        }
        return out;
    }
}
