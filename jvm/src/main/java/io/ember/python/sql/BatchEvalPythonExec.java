package io.ember.python.sql;

import io.ember.python.PythonRDD;
import io.ember.rdd.RDD;
import io.ember.sql.execution.BindReferences;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.execution.UnaryExecNode;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical form of {@code BatchEvalPython}: the child's batches, each with one column per
 * UDF call appended ({@code resultAttributes}), computed in Ember's Python workers a batch at a
 * time ({@link PythonUDFRunner}); rows never cross Py4J. Keeps the child's partitioning and
 * order. {@code functions.get(i)} is the Python function a task runs for {@code udfs.get(i)}:
 * its command with the driver's interpreter and ember's path ({@code
 * PythonBridge#pickledBatchesFunction}).
 */
public final class BatchEvalPythonExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final List<PythonUDF> udfs;
    private final List<AttributeReference> resultAttributes;
    private final SparkPlan child;
    private final List<PythonRDD.PythonFunction> functions;

    public BatchEvalPythonExec(List<PythonUDF> udfs, List<AttributeReference> resultAttributes, SparkPlan child,
                               List<PythonRDD.PythonFunction> functions) {
        if (functions.size() != udfs.size() || resultAttributes.size() != udfs.size()) {
            throw new IllegalArgumentException("one function and one result per UDF");
        }
        this.udfs = List.copyOf(udfs);
        this.resultAttributes = List.copyOf(resultAttributes);
        this.child = child;
        this.functions = List.copyOf(functions);
    }

    public List<PythonUDF> udfs() {
        return udfs;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new BatchEvalPythonExec(udfs, resultAttributes, newChild, functions);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        out.addAll(resultAttributes);
        return out;
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public List<SortOrder> outputOrdering() {
        return child.outputOrdering();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<UdfCall> calls = new ArrayList<>();
        for (int i = 0; i < udfs.size(); i++) {
            PythonUDF udf = udfs.get(i);
            List<DataType> argTypes = new ArrayList<>();
            for (Expression arg : udf.children()) {
                argTypes.add(arg.dataType());
            }
            // Arguments read the child's columns, which stay first in every later call's input.
            calls.add(new UdfCall(udf.name(), functions.get(i),
                    BindReferences.bindAll(udf.children(), child.output()), argTypes, udf.dataType(),
                    ArrowUdfRows.rowsInFlight(udf, argTypes, ctx.conf())));
        }
        return new PythonUDFRDD(child.execute(ctx), calls);
    }

    @Override
    protected List<Object> args() {
        return List.of(udfs, resultAttributes);
    }

    @Override
    public String simpleString() {
        return "BatchEvalPython " + udfs + ", " + resultAttributes;
    }
}
