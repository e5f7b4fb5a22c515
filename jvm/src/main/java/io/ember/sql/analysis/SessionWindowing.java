package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CreateStruct;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.If;
import io.ember.sql.expressions.IsNotNull;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.Or;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.expressions.aggregate.MinMax;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.expressions.interval.SessionEnd;
import io.ember.sql.expressions.interval.SessionWindow;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Window;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes {@code session_window(ts, gap)} below the aggregate that groups by it, as Spark's
 * SessionWindowing and UpdatingSessions do in batch queries: each event opens the window
 * {@code [ts, ts + gap)} (rows with a null {@code ts} or a window that is empty are dropped);
 * within each group of the other grouping keys, ordered by start, an event whose start is after
 * the latest end so far begins a new session, otherwise it joins the current one; every row then
 * carries its session's {@code struct<start, end>} (first start, latest end) as the column
 * {@code session_window}, and the aggregate groups by that column. The merging runs as three
 * window operators (latest earlier end, running session number, session bounds), so it uses the
 * engine's partitioned, sorted window execution. Two session windows in one aggregate are
 * refused, as in Spark.
 */
final class SessionWindowing implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Aggregate a && a.childrenResolved() ? rewrite(a) : node);
    }

    private static LogicalPlan rewrite(Aggregate agg) {
        List<SessionWindow> found = new ArrayList<>();
        for (Expression e : agg.expressions()) {
            e.foreach(x -> {
                if (x instanceof SessionWindow w && !found.contains(w)) {
                    found.add(w);
                }
            });
        }
        if (found.isEmpty() || !found.get(0).resolved()) {
            return agg;
        }
        if (found.size() > 1) {
            throw new AnalysisException("_LEGACY_ERROR_TEMP_1202", "Multiple time/session window expressions would "
                    + "result in a cartesian product of rows, therefore they are currently not supported.", Map.of());
        }
        SessionWindow w = found.get(0);
        if (!w.checkInputDataTypes().isSuccess()) {
            return agg;
        }
        if (w.gap().dataType() instanceof io.ember.sql.types.DayTimeIntervalType d) {
            throw new AnalysisException("_LEGACY_ERROR_TEMP_1040", "Gap duration expression used in session window must "
                    + "be CalendarIntervalType, but got " + d + ".", Map.of("dt", d.toString()));
        }
        List<Expression> keys = new ArrayList<>();
        for (Expression g : agg.groupingExpressions()) {
            if (!g.exists(x -> x instanceof SessionWindow) && g.resolved()) {
                keys.add(g);
            }
        }
        LogicalPlan child = agg.child();
        Expression ts = w.timeColumn();

        Alias start = new Alias(ts, "__session_start");
        Alias end = new Alias(new SessionEnd(ts, w.gap()), "__session_end");
        AttributeReference s = start.toAttribute();
        AttributeReference e = end.toAttribute();
        LogicalPlan events = new Filter(new And(new IsNotNull(e), new GreaterThan(e, s)),
                new Project(with(child.output(), start, end), child));

        List<SortOrder> order = List.of(SortOrder.asc(s), SortOrder.asc(e));
        Alias previousEnd = new Alias(new WindowExpression(new MinMax(e, true), keys, order,
                new WindowFrame(true, WindowFrame.UNBOUNDED_PRECEDING, -1)), "__session_previous_end");
        LogicalPlan withPrevious = new Window(List.of(previousEnd), events);
        AttributeReference pe = previousEnd.toAttribute();
        Alias opens = new Alias(new If(new Or(new IsNull(pe), new GreaterThan(s, pe)),
                new Literal(1, DataTypes.IntegerType), new Literal(0, DataTypes.IntegerType)), "__session_opens");
        LogicalPlan marked = new Project(with(withPrevious.output(), opens), withPrevious);
        Alias number = new Alias(new WindowExpression(new Sum(opens.toAttribute()), keys, order,
                new WindowFrame(true, WindowFrame.UNBOUNDED_PRECEDING, WindowFrame.CURRENT_ROW)), "__session_number");
        LogicalPlan numbered = new Window(List.of(number), marked);

        List<Expression> session = new ArrayList<>(keys);
        session.add(number.toAttribute());
        Alias first = new Alias(new WindowExpression(new MinMax(s, false), session, List.of(), WindowFrame.WHOLE),
                "__session_first");
        Alias last = new Alias(new WindowExpression(new MinMax(e, true), session, List.of(), WindowFrame.WHOLE),
                "__session_last");
        LogicalPlan bounded = new Window(List.of(first, last), numbered);
        Alias window = new Alias(new CreateStruct(List.of(first.toAttribute(), last.toAttribute()), List.of("start", "end")),
                "session_window");
        LogicalPlan input = new Project(with(child.output(), window), bounded);
        AttributeReference windowAttr = window.toAttribute();
        return agg.withChild(input).mapExpressions(x -> x.transformUp(y -> y.equals(w) ? windowAttr : y));
    }

    private static List<NamedExpression> with(List<? extends NamedExpression> base, NamedExpression... more) {
        List<NamedExpression> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }
}
