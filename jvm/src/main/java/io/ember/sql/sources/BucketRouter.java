package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.BindReferences;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.expressions.hash.Murmur3Hash;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.IntVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bucket of each row of a batch being written: {@code pmod(hash(bucket columns), n)} with
 * Spark's Murmur3 {@code hash}, so the ids are those Spark gives the same values. Travels with
 * write tasks; a task uses it from one thread.
 */
final class BucketRouter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Expression hash;
    private final int numBuckets;

    private BucketRouter(Expression hash, int numBuckets) {
        this.hash = hash;
        this.numBuckets = numBuckets;
    }

    /** The router of {@code spec} over rows with the columns of {@code output}; every bucket column must be one. */
    static BucketRouter of(BucketSpec spec, List<AttributeReference> output, SqlConf conf) {
        List<Expression> keys = new ArrayList<>();
        for (String column : spec.bucketColumns()) {
            AttributeReference a = output.stream().filter(o -> conf.sameName(o.name(), column)).findFirst()
                    .orElseThrow(() -> new AnalysisException("COLUMN_NOT_FOUND", "The column `" + column
                            + "` cannot be found. Bucket columns must be columns of the data.", Map.of("colName", column)));
            keys.add(a);
        }
        return new BucketRouter(BindReferences.bind(new Murmur3Hash(keys), output), spec.numBuckets());
    }

    int numBuckets() {
        return numBuckets;
    }

    /** The bucket of every row of {@code b}. */
    int[] route(ColumnBatch b) {
        IntVector h = Vectors.ints(hash.eval(b));
        int[] out = new int[b.numRows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.floorMod(h.values[i], numBuckets);
        }
        return out;
    }
}
