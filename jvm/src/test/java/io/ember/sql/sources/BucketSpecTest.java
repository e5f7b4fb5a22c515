package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Bucket ids in data file names, written and read as Spark's {@code BucketingUtils}. */
class BucketSpecTest {
    @Test
    void fileNamesCarryTheirBucket() {
        assertEquals("_00003", BucketSpec.fileSuffix(3));
        assertEquals("_12345", BucketSpec.fileSuffix(12345));
        assertEquals(OptionalInt.of(3),
                BucketSpec.bucketOfFile("part-00000-92dbcc19-ded6-483f-a0dc-204cf70d9fe6_00003.c000.snappy.parquet"));
        assertEquals(OptionalInt.of(17), BucketSpec.bucketOfFile("part-00001-x_00017"));
        assertEquals(OptionalInt.empty(),
                BucketSpec.bucketOfFile("part-00000-92dbcc19-ded6-483f-a0dc-204cf70d9fe6-c000.snappy.parquet"));
        assertEquals(OptionalInt.empty(), BucketSpec.bucketOfFile("data.parquet"));
    }
}
