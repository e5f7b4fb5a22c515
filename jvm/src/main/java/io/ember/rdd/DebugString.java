package io.ember.rdd;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders an RDD's lineage, one line per RDD, indented per parent. A shuffle dependency
 * starts a new stage and is marked with "+-"; the number in parentheses is the partition count.
 * An RDD that is read more than once (iterative lineage is full of them) is rendered with its
 * parents the first time only; later lines for it end in {@value #SHOWN_ABOVE}, which keeps
 * the text linear in the number of RDDs instead of exponential.
 *
 * <p>Iterative (an explicit stack), so long lineages do not run out of stack.
 */
final class DebugString {
    static final String SHOWN_ABOVE = " (lineage shown above)";

    private DebugString() {}

    private record Line(RDD<?> rdd, String indent, boolean stageStart) {}

    static String of(RDD<?> root) {
        StringBuilder sb = new StringBuilder();
        Set<Integer> shown = new HashSet<>();
        ArrayDeque<Line> toRender = new ArrayDeque<>();
        toRender.push(new Line(root, "", true));
        while (!toRender.isEmpty()) {
            Line line = toRender.pop();
            RDD<?> rdd = line.rdd();
            boolean first = shown.add(rdd.id());
            appendLine(line, first, sb);
            if (!first) {
                continue;
            }
            List<Dependency<?>> deps = rdd.dependencies();
            for (int i = deps.size() - 1; i >= 0; i--) {
                Dependency<?> d = deps.get(i);
                if (d instanceof ShuffleDependency<?, ?, ?>) {
                    toRender.push(new Line(d.rdd(), line.indent() + (line.stageStart() ? " " : "") + "+-", true));
                } else {
                    toRender.push(new Line(d.rdd(), line.indent() + (line.stageStart() ? "   " : ""), false));
                }
            }
        }
        return sb.toString().stripTrailing();
    }

    private static void appendLine(Line line, boolean first, StringBuilder sb) {
        RDD<?> rdd = line.rdd();
        String persisted = rdd.getStorageLevel().isValid() ? " [" + rdd.getStorageLevel() + "]" : "";
        String checkpointed = rdd.isCheckpointed() || rdd.isLocallyCheckpointed() ? " [checkpointed]" : "";
        sb.append(line.indent()).append(line.stageStart() ? "(" + rdd.getNumPartitions() + ") " : "|  ")
                .append(rdd).append(persisted).append(checkpointed).append(first ? "" : SHOWN_ABOVE).append('\n');
    }
}
