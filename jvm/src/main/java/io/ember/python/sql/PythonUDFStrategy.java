package io.ember.python.sql;

import io.ember.python.PythonRDD;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.planning.PlannerExtensions;
import io.ember.sql.planning.QueryPlanner;
import io.ember.sql.planning.Strategy;
import io.ember.sql.plans.BatchEvalPython;
import io.ember.sql.plans.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plans {@link BatchEvalPython} as {@link BatchEvalPythonExec}: the sql layer cannot, since
 * the operator needs the python layer's workers. Installed in a session's {@link
 * PlannerExtensions} by whoever makes the session for Python ({@code SqlBridge}), with {@code
 * functions} making the Python function a task runs from a UDF's pickled command
 * ({@code PythonBridge::pickledBatchesFunction}: the driver's interpreter and ember's path).
 * Stateless; thread-safe.
 */
public final class PythonUDFStrategy implements Strategy {
    private final Function<byte[], PythonRDD.PythonFunction> functions;

    public PythonUDFStrategy(Function<byte[], PythonRDD.PythonFunction> functions) {
        this.functions = functions;
    }

    /** Adds this strategy to {@code extensions} (a session's); undone by {@code removeStrategy}. */
    public PythonUDFStrategy installIn(PlannerExtensions extensions) {
        extensions.addStrategy(this);
        return this;
    }

    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (!(plan instanceof BatchEvalPython b)) {
            return Optional.empty();
        }
        List<PythonRDD.PythonFunction> fns = new ArrayList<>();
        for (PythonUDF udf : b.udfs()) {
            fns.add(functions.apply(udf.command()));
        }
        return Optional.of(new BatchEvalPythonExec(b.udfs(), b.resultAttributes(), planner.planChild(b.child()), fns));
    }
}
