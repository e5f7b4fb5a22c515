package io.ember.sql.sources;

import java.io.Serializable;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a bucketed table places its rows, as Spark's {@code BucketSpec}: a row goes to bucket
 * {@code pmod(hash(bucketColumns), numBuckets)} ({@code hash} is Spark's Murmur3 with seed 42,
 * so an Ember bucket holds the rows a Spark bucket of the same table would), and each file of a
 * bucket is sorted by {@code sortColumns} when there are any. A data file names its bucket in
 * its name: {@code part-00000-<job>_00003.c000.snappy.parquet} holds rows of bucket 3.
 */
public record BucketSpec(int numBuckets, List<String> bucketColumns, List<String> sortColumns) implements Serializable {
    /** Spark's {@code spark.sql.sources.bucketing.maxBuckets} default. */
    public static final int MAX_BUCKETS = 100_000;
    private static final Pattern BUCKET_IN_NAME = Pattern.compile(".*_(\\d+)(?:\\..*)?$");

    public BucketSpec {
        bucketColumns = List.copyOf(bucketColumns);
        sortColumns = List.copyOf(sortColumns);
    }

    /** {@code _0000N}: what a data file name carries before its extension. */
    public static String fileSuffix(int bucket) {
        return String.format("_%05d", bucket);
    }

    /** The bucket a data file's name says it holds (Spark's {@code BucketingUtils.getBucketId}), or empty. */
    public static OptionalInt bucketOfFile(String fileName) {
        Matcher m = BUCKET_IN_NAME.matcher(fileName);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
