package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The task partitions of a bucketed scan: partition {@code b} reads every file of bucket
 * {@code b} (the bucket its name carries), whole, from every partition directory, so the
 * partition holds exactly the rows of that bucket; buckets pruned by the scan's filters
 * ({@link BucketPruning}) keep their partition, empty. Stateless.
 */
final class BucketedFiles {
    private BucketedFiles() {}

    /** {@code selected}: the buckets to read (the others' partitions stay empty), or null for all. */
    static List<FileScanRDD.FilePartition> partitions(List<FileIndex.PartitionDir> dirs, int numBuckets,
            java.util.BitSet selected) {
        List<List<FileSplit>> byBucket = new ArrayList<>();
        for (int b = 0; b < numBuckets; b++) {
            byBucket.add(new ArrayList<>());
        }
        for (FileIndex.PartitionDir d : dirs) {
            for (FileIndex.FileEntry f : d.files()) {
                int bucket = bucketOf(f, numBuckets);
                if (selected == null || selected.get(bucket)) {
                    byBucket.get(bucket).add(new FileSplit(f.path(), 0, f.length(), f.length(), d.values()));
                }
            }
        }
        List<FileScanRDD.FilePartition> out = new ArrayList<>();
        for (int b = 0; b < numBuckets; b++) {
            out.add(new FileScanRDD.FilePartition(b, byBucket.get(b)));
        }
        return out;
    }

    /** The bucket a file's name carries; Spark's {@code INVALID_BUCKET_FILE} for a name without one in range. */
    static int bucketOf(FileIndex.FileEntry f, int numBuckets) {
        OptionalInt bucket = BucketSpec.bucketOfFile(f.path().substring(f.path().lastIndexOf('/') + 1));
        if (bucket.isEmpty() || bucket.getAsInt() >= numBuckets) {
            throw new AnalysisException("INVALID_BUCKET_FILE", "Invalid bucket file: " + f.path() + ".",
                    Map.of("path", f.path()));
        }
        return bucket.getAsInt();
    }
}
