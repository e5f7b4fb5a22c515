package io.ember.sql.api;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text of {@code explain()} in each of Spark's modes, with Spark's section headers. */
final class ExplainText {
    private ExplainText() {}

    static String render(QueryExecution qe, String mode) {
        String m = mode == null ? "simple" : mode.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "simple", "codegen" -> "== Physical Plan ==\n" + AdaptiveExplain.physical(qe);
            case "extended" -> "== Parsed Logical Plan ==\n" + qe.logical().treeString()
                    + "\n== Analyzed Logical Plan ==\n" + schemaLine(qe.analyzed()) + "\n" + qe.analyzed().treeString()
                    + "\n== Optimized Logical Plan ==\n" + qe.optimizedPlan().treeString()
                    + "\n== Physical Plan ==\n" + AdaptiveExplain.physical(qe);
            case "cost" -> "== Optimized Logical Plan ==\n" + withStats(qe.optimizedPlan())
                    + "\n== Physical Plan ==\n" + AdaptiveExplain.physical(qe);
            case "formatted" -> "== Physical Plan ==\n" + formatted(qe.executedPlan());
            default -> throw new IllegalArgumentException("Unknown explain mode: " + mode
                    + ". Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.");
        };
    }

    /** {@code k: bigint, sum(id): bigint}, the analyzed plan's schema line. */
    static String schemaLine(LogicalPlan plan) {
        List<String> cols = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            cols.add(a.name() + ": " + a.dataType().simpleString());
        }
        return String.join(", ", cols);
    }

    /** The tree with each node's estimated statistics, as {@code explain("cost")} shows it. */
    static String withStats(LogicalPlan plan) {
        StringBuilder b = new StringBuilder();
        String[] lines = plan.treeString().split("\n");
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.foreach(nodes::add);
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append(", ").append(statsString(nodes.get(i).stats())).append('\n');
        }
        return b.toString();
    }

    static String statsString(Statistics s) {
        String size = bytesToString(s.sizeInBytes());
        return s.rowCount() == null ? "Statistics(sizeInBytes=" + size + ")"
                : "Statistics(sizeInBytes=" + size + ", rowCount=" + s.rowCount() + ")";
    }

    /** Spark's {@code Utils.bytesToString}: {@code 80.0 B}, {@code 1024.0 B}, {@code 2.0 KiB}, ... */
    static String bytesToString(long size) {
        String[] units = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            double unit = Math.pow(1024, units.length - i);
            if (size >= 2 * unit) {
                return String.format(Locale.US, "%.1f %s", size / unit, units[i]);
            }
        }
        return String.format(Locale.US, "%.1f B", (double) size);
    }

    /** The physical tree with numbered nodes, then one block per node: output and arguments. */
    static String formatted(SparkPlan plan) {
        List<SparkPlan> postOrder = new ArrayList<>();
        number(plan, postOrder);
        StringBuilder tree = new StringBuilder();
        String[] lines = plan.treeString().split("\n");
        List<SparkPlan> preOrder = new ArrayList<>();
        plan.foreach(preOrder::add);
        for (int i = 0; i < lines.length; i++) {
            SparkPlan n = preOrder.get(i);
            String line = lines[i];
            int start = line.indexOf(n.simpleString());
            String prefix = start < 0 ? "" : line.substring(0, start);
            tree.append(prefix).append(n.nodeName()).append(" (").append(indexOf(postOrder, n) + 1).append(")\n");
        }
        StringBuilder details = new StringBuilder("\n\n");
        for (int i = 0; i < postOrder.size(); i++) {
            SparkPlan n = postOrder.get(i);
            details.append('(').append(i + 1).append(") ").append(n.nodeName()).append('\n');
            details.append("Output [").append(n.output().size()).append("]: ").append(n.output()).append('\n');
            details.append("Arguments: ").append(n.simpleString()).append("\n\n");
        }
        return tree.append(details).toString();
    }

    private static int indexOf(List<SparkPlan> nodes, SparkPlan n) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == n) {
                return i;
            }
        }
        return -1;
    }

    private static void number(SparkPlan p, List<SparkPlan> out) {
        for (SparkPlan c : p.children()) {
            number(c, out);
        }
        out.add(p);
    }
}
