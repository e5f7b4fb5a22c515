package io.ember.python.sql;

import io.ember.python.PythonRDD;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * One Python UDF call as a task runs it: the Python function to run, its arguments bound to
 * the input batch's columns, their types (sent to Python first, docs/sql.md "Python UDFs") and
 * the type of the results. Travels with the task.
 */
record UdfCall(String name, PythonRDD.PythonFunction function, List<Expression> boundArgs, List<DataType> argTypes,
               DataType returnType) implements Serializable {
    UdfCall {
        boundArgs = List.copyOf(boundArgs);
        argTypes = List.copyOf(argTypes);
    }
}
