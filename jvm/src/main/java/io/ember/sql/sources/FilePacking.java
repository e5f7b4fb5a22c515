package io.ember.sql.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts files into splits and packs splits into task partitions, as Spark does: the split size
 * is {@code min(maxPartitionBytes, max(openCostInBytes, totalBytes / parallelism))} (total
 * bytes counting each file's open cost), splits are sorted largest first and packed next-fit
 * into partitions of at most that size, each split also costing {@code openCostInBytes}.
 */
final class FilePacking {
    private FilePacking() {}

    static long maxSplitBytes(long maxPartitionBytes, long openCost, long totalBytesWithCost, int parallelism) {
        long perCore = totalBytesWithCost / Math.max(1, parallelism);
        return Math.min(maxPartitionBytes, Math.max(openCost, perCore));
    }

    /** The splits of one file: pieces of {@code maxSplit} bytes when splittable (one empty split for an empty file). */
    static List<FileSplit> split(String path, long length, Object[] partitionValues, boolean splittable, long maxSplit) {
        List<FileSplit> out = new ArrayList<>();
        if (!splittable || length <= maxSplit) {
            out.add(new FileSplit(path, 0, length, length, partitionValues));
            return out;
        }
        for (long start = 0; start < length; start += maxSplit) {
            out.add(new FileSplit(path, start, Math.min(maxSplit, length - start), length, partitionValues));
        }
        return out;
    }

    static List<FileScanRDD.FilePartition> pack(List<FileSplit> splits, long maxSplit, long openCost) {
        List<FileSplit> sorted = new ArrayList<>(splits);
        sorted.sort(Comparator.comparingLong(FileSplit::length).reversed());
        List<FileScanRDD.FilePartition> out = new ArrayList<>();
        List<FileSplit> current = new ArrayList<>();
        long size = 0;
        for (FileSplit s : sorted) {
            if (!current.isEmpty() && size + s.length() > maxSplit) {
                out.add(new FileScanRDD.FilePartition(out.size(), current));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(s);
            size += s.length() + openCost;
        }
        if (!current.isEmpty()) {
            out.add(new FileScanRDD.FilePartition(out.size(), current));
        }
        return out;
    }
}
