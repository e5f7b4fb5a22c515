package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ExpandExec against the same expansion written as plain Java loops. */
class ExpandExecTest extends ExecTestSupport {
    private static final AttributeReference K = attr("k", DataTypes.StringType), V = attr("v", DataTypes.LongType);
    private static final List<DataType> TYPES = List.of(DataTypes.StringType, DataTypes.LongType);

    @BeforeAll
    static void setUp() {
        start("expand");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    @Test
    void everyRowOncePerProjectionInBatchOrder() {
        Random rnd = new Random(7);
        List<List<Object>> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(row(rnd.nextInt(5) == 0 ? null : "k" + rnd.nextInt(10), (long) rnd.nextInt(100)));
        }
        SparkPlan scan = new LocalTableScanExec(List.of(K, V), batches(TYPES, data, 64), 1);
        List<List<Expression>> projections = List.of(
                List.of(V, K, new Literal(0L, DataTypes.LongType)),
                List.of(V, new Literal(null, DataTypes.StringType), new Literal(1L, DataTypes.LongType)));
        List<AttributeReference> out = List.of(attr("v", DataTypes.LongType), attr("k2", DataTypes.StringType),
                attr("gid", DataTypes.LongType));
        List<List<Object>> got = rows(new ExpandExec(projections, out, scan).executeCollect(ctx));

        List<List<Object>> expected = new ArrayList<>();
        for (int from = 0; from < data.size(); from += 64) {
            List<List<Object>> batch = data.subList(from, Math.min(data.size(), from + 64));
            for (List<Object> r : batch) {
                expected.add(row(r.get(1), r.get(0), 0L));
            }
            for (List<Object> r : batch) {
                expected.add(row(r.get(1), null, 1L));
            }
        }
        assertEquals(expected, got);
    }
}
