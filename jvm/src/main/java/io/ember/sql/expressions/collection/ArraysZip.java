package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code arrays_zip(a, b, ...)}: an array of structs whose i-th holds each array's i-th element
 * (null past a shorter array's end); fields are named after column inputs, else by position.
 */
public final class ArraysZip extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final List<String> names;

    public ArraysZip(List<Expression> args, List<String> names) {
        super(args);
        this.names = List.copyOf(names);
    }

    /** Names the fields after the inputs as they are when the call is built. */
    public static ArraysZip of(List<Expression> args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            names.add(args.get(i) instanceof NamedExpression n ? n.name() : String.valueOf(i));
        }
        return new ArraysZip(args, names);
    }

    @Override
    public String prettyName() {
        return "arrays_zip";
    }

    @Override
    public List<InputType> inputTypes() {
        return Collections.nCopies(args.size(), InputType.ARRAY);
    }

    @Override
    public DataType dataType() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            fields.add(new StructField(names.get(i), ((ArrayType) args.get(i).dataType()).elementType(), true));
        }
        return new ArrayType(new StructType(fields), false);
    }

    @Override
    protected Object compute(Object[] v) {
        int n = 0;
        for (Object a : v) n = Math.max(n, ((List<?>) a).size());
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[v.length];
            for (int c = 0; c < v.length; c++) {
                List<?> a = (List<?>) v[c];
                row[c] = i < a.size() ? a.get(i) : null;
            }
            out.add(row);
        }
        return out;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ArraysZip(a, names);
    }

    @Override
    protected List<Object> args() {
        return List.of(names);
    }
}
