package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The task partitions of a bucketed scan: partition {@code b} reads every file of bucket
 * {@code b} (the bucket its name carries), whole, from every partition directory, so the
 * partition holds exactly the rows of that bucket. Stateless.
 */
final class BucketedFiles {
    private BucketedFiles() {}

    static List<FileScanRDD.FilePartition> partitions(List<FileIndex.PartitionDir> dirs, int numBuckets) {
        List<List<FileSplit>> byBucket = new ArrayList<>();
        for (int b = 0; b < numBuckets; b++) {
            byBucket.add(new ArrayList<>());
        }
        for (FileIndex.PartitionDir d : dirs) {
            for (FileIndex.FileEntry f : d.files()) {
                OptionalInt bucket = BucketSpec.bucketOfFile(f.path().substring(f.path().lastIndexOf('/') + 1));
                if (bucket.isEmpty() || bucket.getAsInt() >= numBuckets) {
                    throw new AnalysisException("INVALID_BUCKET_FILE", "Invalid bucket file: " + f.path() + ".",
                            Map.of("path", f.path()));
                }
                byBucket.get(bucket.getAsInt()).add(new FileSplit(f.path(), 0, f.length(), f.length(), d.values()));
            }
        }
        List<FileScanRDD.FilePartition> out = new ArrayList<>();
        for (int b = 0; b < numBuckets; b++) {
            out.add(new FileScanRDD.FilePartition(b, byBucket.get(b)));
        }
        return out;
    }
}
