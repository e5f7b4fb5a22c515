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
 * each function's inputs, and the layout of the partial rows that cross the shuffle: the keys,
 * then each function's state columns in order. Keys and inputs are bound to the raw input's
 * columns followed by the columns of {@code common} (subtrees they share, evaluated once per
 * batch): evaluate them over {@link #prepare}'s batch. Immutable.
 */
record AggregateSpec(Expression[] keys, List<DataType> keyTypes, AggregateFunction[] functions,
                     Expression[][] inputs, CommonSubexpressions common) implements Serializable {

    /** A spec whose keys and inputs share no evaluation. */
    AggregateSpec(Expression[] keys, List<DataType> keyTypes, AggregateFunction[] functions, Expression[][] inputs) {
        this(keys, keyTypes, functions, inputs, CommonSubexpressions.of(new Expression[0], 0));
    }

    /**
     * A spec over raw batches of {@code width} columns whose repeated subtrees (across keys and
     * inputs) are evaluated once per batch.
     */
    static AggregateSpec sharing(Expression[] keys, List<DataType> keyTypes, AggregateFunction[] functions,
                                 Expression[][] inputs, int width) {
        List<Expression> roots = new ArrayList<>(List.of(keys));
        for (Expression[] in : inputs) {
            roots.addAll(List.of(in));
        }
        CommonSubexpressions common = CommonSubexpressions.of(roots.toArray(new Expression[0]), width);
        if (common.size() == 0) {
            return new AggregateSpec(keys, keyTypes, functions, inputs, common);
        }
        Expression[] all = common.rewritten();
        Expression[] newKeys = java.util.Arrays.copyOfRange(all, 0, keys.length);
        Expression[][] newInputs = new Expression[inputs.length][];
        int at = keys.length;
        for (int f = 0; f < inputs.length; f++) {
            newInputs[f] = java.util.Arrays.copyOfRange(all, at, at + inputs[f].length);
            at += inputs[f].length;
        }
        return new AggregateSpec(newKeys, keyTypes, functions, newInputs, common);
    }

    /** The batch keys and inputs are evaluated over: {@code raw} with the shared subtrees' columns. */
    ColumnBatch prepare(ColumnBatch raw) {
        return common.extend(raw);
    }

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
