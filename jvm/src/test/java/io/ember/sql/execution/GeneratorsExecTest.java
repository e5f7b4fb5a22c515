package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Generator;
import io.ember.sql.expressions.Inline;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Stack;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** inline / inline_outer and stack through GenerateExec, against the same rows built in plain Java. */
class GeneratorsExecTest extends ExecTestSupport {
    private static final StructType PAIR = StructType.of(new StructField("n", DataTypes.LongType),
            new StructField("t", DataTypes.StringType));
    private static final DataType ARR = new ArrayType(PAIR, true);
    private static final AttributeReference ID = attr("id", DataTypes.LongType), S = attr("s", ARR),
            X = attr("x", DataTypes.LongType);
    private static final List<List<Object>> DATA = new ArrayList<>();
    private static SparkPlan scan;

    @BeforeAll
    static void setUp() {
        start("generators");
        Random rnd = new Random(3);
        for (long id = 0; id < 300; id++) {
            List<Object> items = null;
            if (rnd.nextInt(6) != 0) {
                items = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    items.add(rnd.nextInt(8) == 0 ? null : new Object[] {rnd.nextLong() % 100, "t" + rnd.nextInt(5)});
                }
            }
            DATA.add(row(id, items, rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(1000)));
        }
        scan = new LocalTableScanExec(List.of(ID, S, X), batches(List.of(DataTypes.LongType, ARR, DataTypes.LongType), DATA, 50), 1);
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private static List<List<Object>> run(Generator g, boolean outer) {
        List<AttributeReference> out = new ArrayList<>();
        for (StructField f : g.elementSchema().fields()) {
            out.add(attr(f.name(), f.dataType()));
        }
        List<List<Object>> got = new ArrayList<>();
        for (List<Object> r : rows(new GenerateExec(g, outer, out, scan).executeCollect(ctx))) {
            List<Object> keep = new ArrayList<>();
            keep.add(r.get(0));
            keep.addAll(r.subList(3, r.size()));
            got.add(keep);
        }
        return got;
    }

    @Test
    void inlineMakesARowPerStructAndOuterKeepsEmptyRows() {
        for (boolean outer : new boolean[] {false, true}) {
            Inline g = new Inline(S, outer);
            assertEquals(outer, g.outer());
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> r : DATA) {
                List<?> items = (List<?>) r.get(1);
                if (items == null || items.isEmpty()) {
                    if (outer) {
                        expected.add(Arrays.asList(r.get(0), null, null));
                    }
                    continue;
                }
                for (Object e : items) {
                    Object[] f = e == null ? new Object[2] : (Object[]) e;
                    expected.add(Arrays.asList(r.get(0), f[0], f[1]));
                }
            }
            assertEquals(expected, run(g, outer));
        }
    }

    @Test
    void stackSpreadsValuesOverRowsPaddingWithNulls() {
        Stack g = new Stack(List.of(new Literal(2, DataTypes.IntegerType), ID, new Literal("p", DataTypes.StringType), X,
                new Literal(null, DataTypes.NullType)));
        assertTrue(g.checkInputDataTypes().isSuccess());
        assertEquals(List.of("col0", "col1"), g.elementSchema().fieldNames());
        assertEquals(DataTypes.StringType, g.elementSchema().fields().get(1).dataType());
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : DATA) {
            expected.add(Arrays.asList(r.get(0), r.get(0), "p"));
            expected.add(Arrays.asList(r.get(0), r.get(2), null));
        }
        assertEquals(expected, run(g, false));

        Stack three = new Stack(List.of(new Literal(2, DataTypes.IntegerType), ID, X, ID));
        assertEquals(List.of("col0", "col1"), three.elementSchema().fieldNames());
        Stack mixed = new Stack(List.of(new Literal(2, DataTypes.IntegerType), ID, new Literal("x", DataTypes.StringType)));
        assertEquals("STACK_COLUMN_DIFF_TYPES", mixed.checkInputDataTypes().subClass());
        assertFalse(new Stack(List.of(ID, ID)).checkInputDataTypes().isSuccess());
    }
}
