package io.ember.sql.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typed Datasets with Java lambdas over beans and primitives, run end to end. */
class TypedDatasetTest {
    private static EmberContext ec;
    private static SparkSession spark;

    /** A bean as a user would write it. */
    public static class Person implements Serializable {
        private String name;
        private int age;

        public Person() {}

        Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public int getAge() { return age; }
        public void setAge(int age) { this.age = age; }
    }

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("typed")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "2");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static Dataset<Person> people() {
        StructType schema = StructType.of(new StructField("name", DataTypes.StringType), new StructField("age", DataTypes.LongType));
        return spark.createDataFrame(List.of(Row.of("ann", 31L), Row.of("bob", 17L), Row.of("cid", 45L)), schema)
                .as(Encoders.bean(Person.class));
    }

    @Test
    void beanEncoderOrdersPropertiesByName() {
        assertEquals(List.of("age", "name"), Encoders.bean(Person.class).schema().fieldNames());
    }

    @Test
    void mapFilterAndFlatMapWithLambdas() {
        Dataset<String> adults = people().filter(p -> p.getAge() >= 18).map(p -> p.getName().toUpperCase(), Encoders.STRING());
        assertEquals(List.of("value"), List.of(adults.columns()));
        assertEquals(Set.of("ANN", "CID"), new HashSet<>(adults.collectAsList()));
        Dataset<Integer> letters = people().flatMap(p -> Arrays.asList(p.getName().length(), p.getAge()).iterator(),
                Encoders.INT());
        assertEquals(6, letters.count());
        Dataset<Person> older = people().map(p -> new Person(p.getName(), p.getAge() + 1), Encoders.bean(Person.class));
        assertEquals(32, older.filter(p -> p.getName().equals("ann")).first().getAge());
    }

    @Test
    void groupByKeyMapGroups() {
        Dataset<String> byDecade = people().groupByKey(p -> p.getAge() / 20, Encoders.INT())
                .mapGroups((k, ps) -> {
                    int n = 0;
                    while (ps.hasNext()) {
                        ps.next();
                        n++;
                    }
                    return k + ":" + n;
                }, Encoders.STRING());
        assertEquals(Set.of("0:1", "1:1", "2:1"), new HashSet<>(byDecade.collectAsList()));
        Dataset<Long> total = spark.range(10).as(Encoders.LONG()).groupByKey(v -> v % 2, Encoders.LONG())
                .mapGroups((k, vs) -> {
                    long s = 0;
                    while (vs.hasNext()) {
                        s += vs.next();
                    }
                    return s;
                }, Encoders.LONG());
        assertEquals(Set.of(20L, 25L), new HashSet<>(total.collectAsList()));
    }
}
