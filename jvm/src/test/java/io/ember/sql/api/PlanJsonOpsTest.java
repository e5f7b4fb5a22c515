package io.ember.sql.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Repartition;
import io.ember.sql.plans.Sample;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-input and source operations of the plan protocol. */
class PlanJsonOpsTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("planjson-ops")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "2");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @SafeVarargs
    private static Dataset<Row> op(String json, Dataset<Row>... inputs) {
        return PlanJson.read(json, List.of(inputs), spark);
    }

    private static Dataset<Row> kv(String... keys) {
        StructType schema = StructType.of(new StructField("k", DataTypes.StringType), new StructField("v", DataTypes.IntegerType));
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            rows.add(Row.of(keys[i], i));
        }
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void joinsOnAConditionOrUsingColumns() {
        Dataset<Row> l = kv("a", "b");
        Dataset<Row> r = kv("a", "c");
        Dataset<Row> on = op("{\"op\":\"join\",\"left\":0,\"right\":1,\"how\":\"left\",\"on\":{\"kind\":\"fn\",\"name\":\"==\","
                + "\"args\":[{\"kind\":\"col\",\"name\":\"k\",\"plan\":0},{\"kind\":\"col\",\"name\":\"k\",\"plan\":1}]},\"using\":null}", l, r);
        Join j = (Join) on.logicalPlan();
        assertEquals(JoinType.LEFT_OUTER, j.joinType());
        assertEquals(List.of("k", "v", "k", "v"), List.of(on.columns()));
        Dataset<Row> using = op("{\"op\":\"join\",\"left\":0,\"right\":1,\"how\":\"full\",\"on\":null,\"using\":[\"k\"]}", l, r);
        assertEquals(List.of("k", "v", "v"), List.of(using.columns()));
        Dataset<Row> cross = op("{\"op\":\"join\",\"left\":0,\"right\":1,\"how\":\"cross\",\"on\":null,\"using\":null}", l, r);
        assertEquals(JoinType.CROSS, ((Join) cross.logicalPlan()).joinType());
    }

    @Test
    void setOperationsAndDropDuplicates() {
        Dataset<Row> a = kv("a", "b");
        Dataset<Row> b = kv("a", "b", "c");
        assertEquals(5, op("{\"op\":\"setOp\",\"kind\":\"union\",\"all\":true,\"inputs\":[0,1],\"byName\":false,"
                + "\"allowMissing\":false}", a, b).count());
        Dataset<Row> flipped = b.select("v", "k");
        assertEquals(List.of("k", "v"), List.of(op("{\"op\":\"setOp\",\"kind\":\"union\",\"all\":true,\"inputs\":[0,1],"
                + "\"byName\":true,\"allowMissing\":false}", a, flipped).columns()));
        Dataset<Row> dup = op("{\"op\":\"setOp\",\"kind\":\"union\",\"all\":true,\"inputs\":[0,0],\"byName\":false,"
                + "\"allowMissing\":false}", a);
        assertEquals(List.of(Row.of("a", 0), Row.of("b", 1)),
                op("{\"op\":\"dropDuplicates\",\"input\":0,\"columns\":[\"k\"]}", dup).orderBy("k").collectAsList());
        assertEquals(2, op("{\"op\":\"dropDuplicates\",\"input\":0,\"columns\":null}", dup).count());
    }

    @Test
    void sampleRepartitionAndHint() {
        Dataset<Row> r = spark.range(10);
        LogicalPlan s = op("{\"op\":\"sample\",\"input\":0,\"withReplacement\":false,\"fraction\":0.25,\"seed\":42,"
                + "\"lowerBound\":0.25,\"upperBound\":0.5}", r).logicalPlan();
        assertEquals(List.of(0.25, 0.5, 42L), List.of(((Sample) s).lowerBound(), ((Sample) s).upperBound(), ((Sample) s).seed()));
        Repartition p = (Repartition) op("{\"op\":\"repartition\",\"input\":0,\"n\":4,\"exprs\":[{\"kind\":\"col\","
                + "\"name\":\"id\"}],\"shuffle\":true,\"byRange\":false}", r).logicalPlan();
        assertEquals(4, p.numPartitions());
        assertEquals(r.logicalPlan(), op("{\"op\":\"hint\",\"input\":0,\"name\":\"broadcast\",\"params\":[]}", r).logicalPlan());
    }

    @Test
    void readsCsvWithASchemaString(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "k,v\nx,1\ny,2\n");
        Dataset<Row> df = op("{\"op\":\"read\",\"format\":\"csv\",\"paths\":[\"" + csv + "\"],\"options\":{\"header\":\"true\"},"
                + "\"schema\":\"k STRING, v INT\"}");
        assertEquals(List.of(Row.of("x", 1), Row.of("y", 2)), df.collectAsList());
    }
}
