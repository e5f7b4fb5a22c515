package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The lines of text files (see {@link InputPaths} for the path syntax and {@link LineReader} for
 * what a line is). Files are cut into byte-range splits, Hadoop style, so several tasks read one
 * file: the split size comes from {@link #splitSize}, and a file's tail stays in its last split
 * when that split is at most 10% over the size. An empty file is one empty split. Inputs are
 * resolved at construction, so a missing path fails right away.
 */
public final class TextFileRDD extends RDD<String> {
    static final long MIN_SPLIT = 1L << 20;
    static final long MAX_SPLIT = 64L << 20;
    private static final double SPLIT_SLOP = 1.1;

    /** Bytes {@code [start, start + length)} of one file. */
    record FileSplit(int index, String path, long start, long length) implements Partition {}

    private final List<FileSplit> splits;

    public TextFileRDD(RDDContext ctx, String path, int minPartitions) {
        super(ctx, List.of());
        List<Path> files = InputPaths.resolve(path);
        long[] sizes = sizes(files);
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        this.splits = split(files, sizes, splitSize(total, minPartitions));
    }

    static long[] sizes(List<Path> files) {
        long[] sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                throw new EmberException("Cannot read the size of input file " + files.get(i) + ": " + e, e);
            }
        }
        return sizes;
    }

    /**
     * totalBytes / minPartitions within [MIN_SPLIT, MAX_SPLIT]; when capped, the size that cuts
     * the bytes into equal parts (200 MB gives 4 x 50 MB, not 3 x 64 + 8, so tasks finish together).
     */
    static long splitSize(long totalBytes, int minPartitions) {
        long goal = totalBytes / Math.max(1, minPartitions);
        if (goal > MAX_SPLIT) {
            long parts = (totalBytes + MAX_SPLIT - 1) / MAX_SPLIT;
            goal = (totalBytes + parts - 1) / parts;
        }
        return Math.max(MIN_SPLIT, Math.min(goal, MAX_SPLIT));
    }

    static List<FileSplit> split(List<Path> files, long[] sizes, long splitSize) {
        List<FileSplit> out = new ArrayList<>();
        for (int f = 0; f < sizes.length; f++) {
            String path = files.get(f).toString();
            long length = sizes[f];
            long remaining = length;
            while ((double) remaining / splitSize > SPLIT_SLOP) {
                out.add(new FileSplit(out.size(), path, length - remaining, splitSize));
                remaining -= splitSize;
            }
            if (remaining > 0 || length == 0) {
                out.add(new FileSplit(out.size(), path, length - remaining, remaining));
            }
        }
        return out;
    }

    @Override
    protected Partition[] computePartitions() {
        return splits.toArray(new Partition[0]);
    }

    @Override
    public Iterator<String> compute(Partition split, TaskContext ctx) {
        FileSplit s = (FileSplit) split;
        try {
            LineReader reader = new LineReader(Path.of(s.path()), s.start(), s.start() + s.length());
            if (ctx != null) {
                ctx.addCompletionListener(reader::close);
            }
            return reader;
        } catch (IOException e) {
            throw new EmberException("Cannot read input file " + s.path() + ": " + e, e);
        }
    }
}
