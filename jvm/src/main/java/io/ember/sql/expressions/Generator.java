package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;

/**
 * An expression producing zero or more rows per input row ({@code explode}, {@code posexplode}):
 * only the generate operator evaluates it, a batch at a time. A subclass gives the columns of
 * the rows it makes ({@link #elementSchema()}) and {@link #generate}.
 */
public abstract class Generator extends Expression {
    private static final long serialVersionUID = 1L;

    /** Rows made from a batch: output row i came from input row {@code sourceRows[i]}. */
    public record Generated(int[] sourceRows, ColumnVector[] columns, int numRows) {}

    /** The columns of each generated row, with Spark's default names ({@code col}, {@code pos}, {@code key}, {@code value}). */
    public abstract StructType elementSchema();

    /** The rows generated from every row of {@code input}, in input order. */
    public abstract Generated generate(ColumnBatch input);

    /**
     * True for the {@code _outer} variants: an input row that generates nothing is kept once
     * with nulls in the generated columns (the analyzer gives this to the generate operator).
     */
    public boolean outer() {
        return false;
    }

    /** Rows built one boxed row at a time ({@code sources.get(i)} made {@code rows.get(i)}) as a {@link Generated}. */
    protected static Generated fromRows(StructType schema, List<Integer> sources, List<Object[]> rows) {
        int m = rows.size();
        ColumnVector[] cols = new ColumnVector[schema.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(schema.fields().get(c).dataType(), m);
            for (int i = 0; i < m; i++) {
                ColumnVectors.set(cols[c], i, rows.get(i)[c]);
            }
        }
        int[] src = new int[m];
        for (int i = 0; i < m; i++) {
            src[i] = sources.get(i);
        }
        return new Generated(src, cols, m);
    }

    @Override
    public DataType dataType() {
        return new ArrayType(elementSchema(), false);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public final ColumnVector eval(ColumnBatch batch) {
        throw new UnsupportedOperationException(sql() + " is a generator; only a generate operator evaluates it");
    }
}
