package io.ember.sql.execution;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hash aggregate computes, bound and ready to ship to tasks: the grouping keys and
 * each function's inputs (bound to the raw input), and the layout of the partial rows that
 * cross the shuffle: the keys, then each function's state columns in order. Immutable.
 */
record AggregateSpec(Expression[] keys, List<DataType> keyTypes, AggregateFunction[] functions,
                     Expression[][] inputs) implements Serializable {

    int numKeys() {
        return keyTypes.size();
    }

    /** The types of a partial row: keys, then every function's state columns. */
    List<DataType> partialTypes() {
        List<DataType> out = new ArrayList<>(keyTypes);
        for (AggregateFunction f : functions) {
            out.addAll(f.stateTypes());
        }
        return out;
    }

    /** The types of a final row before the result projection: keys, then each function's value. */
    List<DataType> resultTypes() {
        List<DataType> out = new ArrayList<>(keyTypes);
        for (AggregateFunction f : functions) {
            out.add(f.dataType());
        }
        return out;
    }

    ColumnVector[] evalKeys(ColumnBatch raw) {
        ColumnVector[] out = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            out[k] = keys[k].eval(raw);
        }
        return out;
    }

    ColumnVector[] evalInputs(int f, ColumnBatch raw) {
        Expression[] in = inputs[f];
        ColumnVector[] out = new ColumnVector[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i].eval(raw);
        }
        return out;
    }
}
