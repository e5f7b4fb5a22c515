package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct(a, b)} / {@code named_struct('x', a, ...)}: a struct of the values, fields named
 * by {@code names} (a column's own name, or {@code col1, col2, ...} for other expressions).
 */
public final class CreateStruct extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final List<String> names;

    public CreateStruct(List<Expression> values, List<String> names) {
        super(values);
        this.names = List.copyOf(names);
    }

    /** {@code struct(...)}: names from named expressions, else {@code colN}. */
    public static CreateStruct of(List<Expression> values) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Expression e = values.get(i);
            names.add(e instanceof NamedExpression n ? n.name() : e instanceof GetStructField g ? g.name() : "col" + (i + 1));
        }
        return new CreateStruct(values, names);
    }

    @Override
    public String prettyName() {
        return "struct";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public DataType dataType() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            fields.add(new StructField(names.get(i), args.get(i).dataType(), args.get(i).nullable()));
        }
        return new StructType(fields);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        return v.clone();
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new CreateStruct(a, names);
    }

    @Override
    protected List<Object> args() {
        return List.of(names);
    }
}
