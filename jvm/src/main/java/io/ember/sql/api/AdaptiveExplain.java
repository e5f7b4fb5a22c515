package io.ember.sql.api;

import io.ember.sql.execution.AdaptiveLog;
import io.ember.sql.execution.SparkPlan;
import java.util.List;

/**
 * The physical plan section of {@code explain()}: the plan tree; once a run has made adaptive
 * decisions, Spark's form instead, {@code AdaptiveSparkPlan isFinalPlan=true} over the final
 * plan (decisions shown where they apply: a coalesced shuffle read above its exchange, a join
 * line replaced by what it became) and the initial plan. Stateless.
 */
final class AdaptiveExplain {
    private AdaptiveExplain() {}

    static String physical(QueryExecution qe) {
        SparkPlan plan = qe.executedPlan();
        AdaptiveLog log = qe.adaptiveLog();
        if (log.isEmpty()) {
            return plan.treeString();
        }
        StringBuilder b = new StringBuilder("AdaptiveSparkPlan isFinalPlan=true\n");
        b.append("+- == Final Plan ==\n");
        print(b, plan, log, "   ", "");
        b.append("+- == Initial Plan ==\n");
        for (String line : plan.treeString().split("\n")) {
            b.append("   ").append(line).append('\n');
        }
        return b.toString();
    }

    /** As TreeNode's tree printing, with each node's decisions: inserted lines push the node one level down. */
    private static void print(StringBuilder b, SparkPlan node, AdaptiveLog log, String prefix, String marker) {
        String line = node.simpleString();
        String p = prefix;
        String m = marker;
        for (AdaptiveLog.Decision d : log.decisionsFor(node)) {
            if (d.replacesNode()) {
                line = d.line();
            } else {
                b.append(p).append(m).append(d.line()).append('\n');
                p = m.isEmpty() ? p : p + (m.equals("+- ") ? "   " : ":  ");
                m = "+- ";
            }
        }
        b.append(p).append(m).append(line).append('\n');
        List<SparkPlan> kids = node.children();
        String childPrefix = m.isEmpty() ? p : p + (m.equals("+- ") ? "   " : ":  ");
        for (int i = 0; i < kids.size(); i++) {
            print(b, kids.get(i), log, childPrefix, i == kids.size() - 1 ? "+- " : ":- ");
        }
    }
}
