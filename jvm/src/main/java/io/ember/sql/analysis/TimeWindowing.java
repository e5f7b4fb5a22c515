package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GetStructField;
import io.ember.sql.expressions.IsNotNull;
import io.ember.sql.expressions.LessThan;
import io.ember.sql.expressions.LessThanOrEqual;
import io.ember.sql.expressions.datetime.TimeWindow;
import io.ember.sql.expressions.datetime.TimeWindowBounds;
import io.ember.sql.plans.Expand;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.UnaryNode;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes {@code window(ts, ...)} below the operator that holds it, as Spark's TimeWindowing:
 * the calls become a column {@code window} that a new input makes. Tumbling (slide = window): a
 * select adding the window over the input, under a filter dropping null {@code ts}. Sliding: an
 * expand emitting each row once per overlapping window ({@code ceil(window / slide)}), under a
 * filter keeping the windows that hold {@code ts}. Two different windows in one operator are
 * refused, as in Spark. Runs once the call and the operator's input are resolved.
 */
final class TimeWindowing implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof UnaryNode u && u.childrenResolved() ? rewrite(u) : node);
    }

    private static LogicalPlan rewrite(UnaryNode node) {
        List<TimeWindow> windows = new ArrayList<>();
        for (Expression e : node.expressions()) {
            e.foreach(x -> {
                if (x instanceof TimeWindow w && !windows.contains(w)) {
                    windows.add(w);
                }
            });
        }
        if (windows.isEmpty() || !windows.get(0).resolved()) {
            return node;
        }
        if (windows.size() > 1) {
            throw new AnalysisException("_LEGACY_ERROR_TEMP_1202", "Multiple time/session window expressions would "
                    + "result in a cartesian product of rows, therefore they are currently not supported.", Map.of());
        }
        TimeWindow w = windows.get(0);
        if (!w.checkInputDataTypes().isSuccess()) {
            return node;
        }
        LogicalPlan child = node.child();
        Expression ts = w.timeColumn();
        AttributeReference window = new AttributeReference("window", w.dataType(), true);
        LogicalPlan input;
        if (w.slideMicros() == w.windowMicros()) {
            List<Expression> list = new ArrayList<>(child.output());
            list.add(new Alias(new TimeWindowBounds(ts, w.windowMicros(), w.slideMicros(), w.startMicros(), 0), "window",
                    window.exprId()));
            input = new Filter(new IsNotNull(ts), new Project(list, child));
        } else {
            int n = (int) ((w.windowMicros() + w.slideMicros() - 1) / w.slideMicros());
            List<List<Expression>> projections = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Expression> p = new ArrayList<>(child.output());
                p.add(new TimeWindowBounds(ts, w.windowMicros(), w.slideMicros(), w.startMicros(), i));
                projections.add(p);
            }
            List<AttributeReference> output = new ArrayList<>(child.output());
            output.add(window);
            Expression inWindow = new And(new LessThanOrEqual(new GetStructField(window, "start"), ts),
                    new LessThan(ts, new GetStructField(window, "end")));
            input = new Filter(inWindow, new Expand(projections, output, child));
        }
        return node.withChild(input).mapExpressions(e -> e.transformUp(x -> x.equals(w) ? window : x));
    }
}
