package io.ember.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL text in, answers out: one test per grammar construct, over VALUES, CTEs and range(). */
class SqlQueryTest {
    private static final String T = "WITH t AS (SELECT * FROM VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', 30), "
            + "(4, CAST(NULL AS STRING), 40) AS v(k, s, x)) ";
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("sql-test")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "2");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static String rows(String sql) {
        Dataset<Row> df = spark.sql(sql);
        return String.join(" ", df.collectAsList().stream().map(Row::toString).toList());
    }

    private static List<String> columns(String sql) {
        return List.of(spark.sql(sql).columns());
    }

    @Test
    void selectWithoutFrom() {
        assertEquals("[3,ab,6]", rows("SELECT 1 + 2, 'a' || 'b', 2 * 3 AS x"));
        assertEquals(List.of("(1 + 2)", "x"), columns("SELECT 1 + 2, 2 * 3 AS x"));
    }

    @Test
    void selectFromWhereGroupByHavingOrderByLimit() {
        assertEquals("[a,40,2] [b,20,1]", rows(T + "SELECT s, sum(x) AS total, count(*) AS n FROM t WHERE k < 4 "
                + "GROUP BY s HAVING count(*) >= 1 ORDER BY s LIMIT 5"));
        assertEquals("[null,40] [a,40]", rows(T + "SELECT s, sum(x) FROM t GROUP BY s HAVING sum(x) > 30 ORDER BY s"));
    }

    @Test
    void ordinalsInOrderByAndGroupBy() {
        assertEquals("[4,0] [3,1] [2,0]", rows("SELECT id, id % 2 AS p FROM range(5) WHERE id > 1 ORDER BY 1 DESC"));
        assertEquals("[0,2] [1,2]", rows("SELECT id % 2 AS p, count(*) FROM range(4) GROUP BY 1 ORDER BY 1"));
        assertEquals("[0,2] [1,2]", rows("SELECT id % 2 AS p, count(*) FROM range(4) GROUP BY p ORDER BY p"));
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT id FROM range(3) ORDER BY 2"));
    }

    @Test
    void rangeTableFunction() {
        assertEquals("[0] [1] [2]", rows("SELECT * FROM range(3)"));
        assertEquals("[2] [4]", rows("SELECT id FROM range(2, 6, 2)"));
    }
}
