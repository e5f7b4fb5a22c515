package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code map_zip_with(m1, m2, (k, v1, v2) -> f)}: a map over the keys of both maps (first
 * map's order, then the second's new keys), a value missing from one map passed as null;
 * null if either map is null.
 */
public final class MapZipWith extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    public MapZipWith(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "map_zip_with";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.MAP, InputType.MAP, InputType.ANY);
    }

    private MapType map(int i) {
        return (MapType) args.get(i).dataType();
    }

    @Override
    public DataType dataType() {
        return new MapType(map(0).keyType(), lambda(2).dataType(), lambda(2).nullable());
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int rows = batch.numRows();
        ColumnVector a = args.get(0).eval(batch);
        ColumnVector b = args.get(1).eval(batch);
        List<Integer> rowOf = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> v1 = new ArrayList<>();
        List<Object> v2 = new ArrayList<>();
        int[] start = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            start[r] = keys.size();
            Map<?, ?> m1 = (Map<?, ?>) a.get(r);
            Map<?, ?> m2 = (Map<?, ?>) b.get(r);
            if (m1 == null || m2 == null) continue;
            Set<Object> all = new LinkedHashSet<>(m1.keySet());
            all.addAll(m2.keySet());
            for (Object k : all) {
                rowOf.add(r);
                keys.add(k);
                v1.add(m1.get(k));
                v2.add(m2.get(k));
            }
        }
        start[rows] = keys.size();
        ColumnVector f = lambda(2).evalElements(batch, rowOf.stream().mapToInt(Integer::intValue).toArray(), keys.size(),
                Vectors.fromObjects(map(0).keyType(), keys.toArray()), Vectors.fromObjects(map(0).valueType(), v1.toArray()),
                Vectors.fromObjects(map(1).valueType(), v2.toArray()));
        Object[] out = new Object[rows];
        for (int r = 0; r < rows; r++) {
            if (a.isNull(r) || b.isNull(r)) continue;
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int j = start[r]; j < start[r + 1]; j++) m.put(keys.get(j), f.get(j));
            out[r] = m;
        }
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new MapZipWith(a);
    }
}
