package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Explode;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** explode / posexplode of arrays and maps, inner and outer. */
class GenerateExecTest extends ExecTestSupport {
    private static final DataType ARR = new ArrayType(DataTypes.LongType, true);
    private static final DataType MAP = new MapType(DataTypes.StringType, DataTypes.LongType, true);
    private static final AttributeReference ID = attr("id", DataTypes.LongType), A = attr("a", ARR), M = attr("m", MAP);
    private static SparkPlan scan;

    @BeforeAll
    static void setUp() {
        start("generate");
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("x", 1L);
        m.put("y", null);
        List<List<Object>> data = List.of(row(1L, Arrays.asList(10L, null, 30L), m), row(2L, null, null),
                row(3L, List.of(), new LinkedHashMap<>()), row(4L, List.of(40L), null));
        scan = new LocalTableScanExec(List.of(ID, A, M), batches(List.of(DataTypes.LongType, ARR, MAP), data, 3), 2);
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static List<String> run(Explode g, boolean outer, String... names) {
        List<AttributeReference> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(attr(names[i], g.elementSchema().fields().get(i).dataType()));
        }
        GenerateExec exec = new GenerateExec(g, outer, out, scan);
        List<String> got = new ArrayList<>();
        for (List<Object> r : rows(exec.executeCollect(ctx))) {
            List<Object> keep = new ArrayList<>(r.subList(0, 1));
            keep.addAll(r.subList(3, r.size()));
            got.add(keep.toString());
        }
        return got;
    }

    @Test
    void explodesArraysAndMaps() {
        assertEquals(List.of("[1, 10]", "[1, null]", "[1, 30]", "[4, 40]"), run(new Explode(A, false), false, "col"));
        assertEquals(List.of("[1, 0, 10]", "[1, 1, null]", "[1, 2, 30]", "[4, 0, 40]"),
                run(new Explode(A, true), false, "pos", "col"));
        assertEquals(List.of("[1, x, 1]", "[1, y, null]"), run(new Explode(M, false), false, "key", "value"));
    }

    @Test
    void outerKeepsRowsThatGenerateNothing() {
        assertEquals(List.of("[1, 10]", "[1, null]", "[1, 30]", "[2, null]", "[3, null]", "[4, 40]"),
                run(new Explode(A, false), true, "col"));
    }
}
