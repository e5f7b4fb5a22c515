package io.ember.sql.planning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session's additions to the physical planner: strategies that plan logical nodes the sql
 * layer's own strategies do not know, installed by a higher layer when it creates the session
 * (the python layer's {@code SqlBridge} adds the Python UDF strategy). Each query plans with
 * {@code new QueryPlanner(conf, extensions.strategies())}.
 *
 * <p>Thread-safe: strategies may be added or removed while queries are planned; a query uses
 * the list as it was when its planner was made.
 */
public final class PlannerExtensions {
    private final CopyOnWriteArrayList<Strategy> strategies = new CopyOnWriteArrayList<>();

    /** Adds {@code s} (once) after the strategies added before it. */
    public void addStrategy(Strategy s) {
        strategies.addIfAbsent(s);
    }

    /** Removes {@code s}; true if it was there. */
    public boolean removeStrategy(Strategy s) {
        return strategies.remove(s);
    }

    /** The strategies now installed, in order. */
    public List<Strategy> strategies() {
        return List.copyOf(strategies);
    }
}
