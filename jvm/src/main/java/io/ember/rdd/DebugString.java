package io.ember.rdd;

import java.util.List;

/**
 * Renders an RDD's lineage, one line per RDD, indented per parent. A shuffle dependency
 * starts a new stage and is marked with "+-"; the number in parentheses is the partition count.
 */
final class DebugString {
    private DebugString() {}

    static String of(RDD<?> rdd) {
        StringBuilder sb = new StringBuilder();
        render(rdd, "", true, sb);
        return sb.toString().stripTrailing();
    }

    private static void render(RDD<?> rdd, String indent, boolean stageStart, StringBuilder sb) {
        String persisted = rdd.getStorageLevel().isValid() ? " [" + rdd.getStorageLevel() + "]" : "";
        String checkpointed = rdd.isCheckpointed() || rdd.isLocallyCheckpointed() ? " [checkpointed]" : "";
        sb.append(indent).append(stageStart ? "(" + rdd.getNumPartitions() + ") " : "|  ")
                .append(rdd).append(persisted).append(checkpointed).append('\n');
        List<Dependency<?>> deps = rdd.dependencies();
        for (Dependency<?> d : deps) {
            if (d instanceof ShuffleDependency<?, ?, ?>) {
                String childIndent = indent + (stageStart ? " " : "") + "+-";
                render(d.rdd(), childIndent, true, sb);
            } else {
                render(d.rdd(), indent + (stageStart ? "   " : ""), false, sb);
            }
        }
    }
}
