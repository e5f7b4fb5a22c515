package io.ember.rdd;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders an RDD's lineage in Spark's layout, one line per RDD. The root line and each stage's
 * first line carry the partition count in parentheses; a shuffle dependency starts a new stage,
 * drawn with "+-" and indented under the stage that reads it; narrow parents follow their child
 * behind " |  ". An RDD that is read more than once (iterative lineage is full of them) is
 * rendered with its parents the first time only; later lines for it end in {@value #SHOWN_ABOVE},
 * which keeps the text linear in the number of RDDs instead of exponential.
 *
 * <p>Iterative (an explicit stack), so long lineages do not run out of stack.
 */
final class DebugString {
    static final String SHOWN_ABOVE = " (lineage shown above)";

    private DebugString() {}

    private enum Kind { ROOT, SHUFFLE, LAST_SHUFFLE, NARROW }

    private record Line(RDD<?> rdd, String prefix, Kind kind) {}

    static String of(RDD<?> root) {
        StringBuilder sb = new StringBuilder();
        Set<Integer> shown = new HashSet<>();
        ArrayDeque<Line> toRender = new ArrayDeque<>();
        toRender.push(new Line(root, "", Kind.ROOT));
        while (!toRender.isEmpty()) {
            Line line = toRender.pop();
            RDD<?> rdd = line.rdd();
            boolean first = shown.add(rdd.id());
            String childPrefix = appendLine(line, first, sb);
            if (!first) {
                continue;
            }
            List<Dependency<?>> deps = rdd.dependencies();
            for (int i = deps.size() - 1; i >= 0; i--) {
                Dependency<?> d = deps.get(i);
                Kind kind = !(d instanceof ShuffleDependency<?, ?, ?>) ? Kind.NARROW
                        : i == deps.size() - 1 ? Kind.LAST_SHUFFLE : Kind.SHUFFLE;
                toRender.push(new Line(d.rdd(), childPrefix, kind));
            }
        }
        return sb.toString().stripTrailing();
    }

    /** Appends the line; returns the prefix of its parents' lines. */
    private static String appendLine(Line line, boolean first, StringBuilder sb) {
        RDD<?> rdd = line.rdd();
        String persisted = rdd.getStorageLevel().isValid() ? " [" + rdd.getStorageLevel() + "]" : "";
        String checkpointed = rdd.isCheckpointed() || rdd.isLocallyCheckpointed() ? " [checkpointed]" : "";
        String self = rdd + persisted + checkpointed + (first ? "" : SHOWN_ABOVE);
        String count = "(" + rdd.getNumPartitions() + ")";
        int leftOffset = (count.length() - 1) / 2;
        String bar = " ".repeat(leftOffset) + "|" + " ".repeat(count.length() - leftOffset);
        switch (line.kind()) {
            case ROOT -> {
                sb.append(count).append(' ').append(self).append('\n');
                return bar;
            }
            case NARROW -> {
                sb.append(line.prefix()).append(self).append('\n');
                return line.prefix();
            }
            default -> {
                String stagePrefix = line.prefix().replaceAll("\\|\\s+$", "");
                sb.append(stagePrefix).append("+-").append(count).append(' ').append(self).append('\n');
                return stagePrefix + (line.kind() == Kind.LAST_SHUFFLE ? "  " : "| ") + bar;
            }
        }
    }
}
