package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ReplicateRows;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ReplicateRows through GenerateExec against the same repetition written as a Java loop. */
class ReplicateRowsTest extends ExecTestSupport {
    @BeforeAll
    static void setUp() {
        start("replicate");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    @Test
    void eachRowRepeatsTheSmallestOfItsCounts() {
        AttributeReference v = attr("v", DataTypes.StringType), c1 = attr("c1", DataTypes.LongType),
                c2 = attr("c2", DataTypes.LongType);
        Random rnd = new Random(9);
        List<List<Object>> data = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            data.add(row("r" + i, rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(5) - 1, (long) rnd.nextInt(4)));
        }
        List<DataType> types = List.of(DataTypes.StringType, DataTypes.LongType, DataTypes.LongType);
        SparkPlan scan = new LocalTableScanExec(List.of(v, c1, c2), batches(types, data, 37), 1);
        List<List<Object>> got = rows(new GenerateExec(new ReplicateRows(List.of(c1, c2)), false, List.of(), scan)
                .executeCollect(ctx));
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : data) {
            long times = r.get(1) == null ? 0 : Math.max(0, Math.min((Long) r.get(1), (Long) r.get(2)));
            for (long t = 0; t < times; t++) {
                expected.add(r);
            }
        }
        assertEquals(expected, got);
    }
}
