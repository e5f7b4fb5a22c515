package io.ember.python.sql;

import io.ember.python.PythonRDD;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * One Python UDF call as a task runs it: the Python function to run, its arguments bound to
 * the input batch's columns, their types (sent to Python first, docs/sql.md "Python UDFs") and
 * the type of the results. {@code arrowRowsInFlight} is zero for calls whose rows cross as
 * pickled tuples; for a scalar pandas UDF whose types all have an Arrow form it is the bound on
 * rows sent and not yet answered when rows cross as Arrow streams. Travels with the task.
 */
record UdfCall(String name, PythonRDD.PythonFunction function, List<Expression> boundArgs, List<DataType> argTypes,
               DataType returnType, int arrowRowsInFlight) implements Serializable {
    UdfCall(String name, PythonRDD.PythonFunction function, List<Expression> boundArgs, List<DataType> argTypes,
            DataType returnType) {
        this(name, function, boundArgs, argTypes, returnType, 0);
    }

    boolean arrow() {
        return arrowRowsInFlight > 0;
    }

    UdfCall {
        boundArgs = List.copyOf(boundArgs);
        argTypes = List.copyOf(argTypes);
    }
}
