package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code explode(array | map)} and {@code posexplode}: one row per element ({@code col}), or
 * per entry ({@code key}, {@code value}), with the element's position ({@code pos}) first for
 * posexplode. A null or empty collection makes no rows; the {@code _outer} variants keep such
 * an input row once, with nulls (through the generate operator's {@code outer} flag).
 */
public final class Explode extends Generator {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean withPosition;
    private final boolean outer;

    public Explode(Expression child, boolean withPosition) {
        this(child, withPosition, false);
    }

    /** {@code explode_outer} / {@code posexplode_outer} when {@code outer}. */
    public Explode(Expression child, boolean withPosition, boolean outer) {
        this.child = child;
        this.withPosition = withPosition;
        this.outer = outer;
    }

    @Override
    public boolean outer() {
        return outer;
    }

    public Expression child() {
        return child;
    }

    @Override
    protected boolean computeResolved() {
        return childrenResolved() && (child.dataType() instanceof ArrayType || child.dataType() instanceof MapType);
    }

    @Override
    public StructType elementSchema() {
        List<StructField> fields = new ArrayList<>();
        if (withPosition) {
            fields.add(new StructField("pos", DataTypes.IntegerType, false));
        }
        DataType t = child.dataType();
        if (t instanceof MapType m) {
            fields.add(new StructField("key", m.keyType(), false));
            fields.add(new StructField("value", m.valueType(), m.valueContainsNull()));
        } else if (t instanceof ArrayType a) {
            fields.add(new StructField("col", a.elementType(), a.containsNull()));
        } else {
            throw new IllegalStateException(sql() + " needs an array or a map, not " + t.simpleString());
        }
        return new StructType(fields);
    }

    @Override
    public Generated generate(ColumnBatch input) {
        ColumnVector values = child.eval(input);
        int n = input.numRows();
        boolean map = child.dataType() instanceof MapType;
        List<Integer> sources = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            Object v = values.get(r);
            if (v == null) {
                continue;
            }
            int pos = 0;
            if (map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    sources.add(r);
                    rows.add(withPosition ? new Object[] {pos++, e.getKey(), e.getValue()} : new Object[] {e.getKey(), e.getValue()});
                }
            } else {
                for (Object e : (List<?>) v) {
                    sources.add(r);
                    rows.add(withPosition ? new Object[] {pos++, e} : new Object[] {e});
                }
            }
        }
        return fromRows(elementSchema(), sources, rows);
    }

    @Override
    public String sql() {
        return (withPosition ? "posexplode" : "explode") + (outer ? "_outer(" : "(") + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Explode(c.get(0), withPosition, outer);
    }

    @Override
    protected List<Object> args() {
        return List.of(withPosition, outer);
    }
}
