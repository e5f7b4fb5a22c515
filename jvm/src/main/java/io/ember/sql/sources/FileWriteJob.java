package io.ember.sql.sources;

import io.ember.rdd.InputPaths;
import io.ember.rdd.OutputWriter;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.storage.DiskBlockManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One DataFrame write: applies the save mode to the target directory, then runs a job whose
 * tasks write their rows through the format's {@link RowWriter}s, one file per task and
 * partition directory, committed atomically with {@code _SUCCESS} by {@link OutputWriter}.
 * Files are named {@code part-NNNNN-<job uuid>-c000<ext>} (with {@code .c000} in partition
 * directories), so appends never collide. A bucketed write opens one file per task, partition
 * directory and bucket, named as Spark names them: {@code part-NNNNN-<job uuid>_0000B.c000<ext>}
 * (all of a task's files stay open until its input ends; rows arrive in the order asked for, so
 * a sorted input gives sorted files). Driver side, except {@link #writeTask}.
 */
final class FileWriteJob {
    private FileWriteJob() {}

    static void run(RDD<ColumnBatch> data, List<AttributeReference> output, FileFormat format, String path,
            SaveMode mode, List<String> partitionBy, BucketSpec bucketing, SourceOptions options, SqlConf conf) {
        int[] partCols = new int[partitionBy.size()];
        for (int i = 0; i < partCols.length; i++) {
            partCols[i] = -1;
            for (int c = 0; c < output.size(); c++) {
                if (conf.sameName(output.get(c).name(), partitionBy.get(i))) {
                    partCols[i] = c;
                }
            }
            if (partCols[i] < 0) {
                throw new AnalysisException("COLUMN_NOT_FOUND", "The column `" + partitionBy.get(i)
                        + "` cannot be found. Partition columns must be columns of " + schemaOf(output).simpleString()
                        + ".", Map.of("colName", partitionBy.get(i)));
            }
        }
        List<Integer> dataCols = new ArrayList<>();
        List<StructField> dataFields = new ArrayList<>();
        for (int c = 0; c < output.size(); c++) {
            final int col = c;
            if (java.util.Arrays.stream(partCols).noneMatch(p -> p == col)) {
                dataCols.add(c);
                dataFields.add(new StructField(output.get(c).name(), output.get(c).dataType(), true, output.get(c).metadata()));
            }
        }
        if (dataCols.isEmpty()) {
            throw new AnalysisException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "Cannot use all columns for partition"
                    + " columns.", Map.of());
        }
        StructType dataSchema = new StructType(dataFields);
        format.checkWritable(dataSchema);
        Path dir = InputPaths.localPath(path).toAbsolutePath().normalize();
        boolean exists = Files.exists(dir);
        if (exists) {
            switch (mode) {
                case ERROR_IF_EXISTS:
                    throw new AnalysisException("PATH_ALREADY_EXISTS", "Path file:" + dir + " already exists. Set mode"
                            + " as \"overwrite\" to overwrite the existing path.", Map.of("outputPath", "file:" + dir));
                case IGNORE:
                    return;
                case OVERWRITE:
                    DiskBlockManager.deleteRecursively(dir);
                    break;
                default:
                    break;
            }
        }
        String[] partNames = partitionBy.stream().map(n -> output.get(indexOfName(output, n, conf)).name())
                .toArray(String[]::new);
        int[] dataIdx = dataCols.stream().mapToInt(Integer::intValue).toArray();
        String jobId = UUID.randomUUID().toString();
        String ext = format.extension(options);
        TextValues partitionText = new TextValues(options.with("dateFormat", "yyyy-MM-dd")
                .with("timestampFormat", "yyyy-MM-dd HH:mm:ss"));
        BucketRouter buckets = bucketing == null ? null : BucketRouter.of(bucketing, output, conf);
        OutputWriter.saveFiles(data, dir.toString(), mode == SaveMode.APPEND,
                (batches, files, ctx) -> writeTask(batches, files, ctx, format, dataSchema, dataIdx, partCols, partNames,
                        buckets, options, jobId, ext, partitionText));
    }

    private static int indexOfName(List<AttributeReference> output, String name, SqlConf conf) {
        for (int c = 0; c < output.size(); c++) {
            if (conf.sameName(output.get(c).name(), name)) {
                return c;
            }
        }
        return -1;
    }

    private static StructType schemaOf(List<AttributeReference> output) {
        List<StructField> f = new ArrayList<>();
        output.forEach(a -> f.add(new StructField(a.name(), a.dataType(), a.nullable(), a.metadata())));
        return new StructType(f);
    }

    /** Task side: routes each row to the writer of its partition directory, opening writers on first use. */
    static void writeTask(Iterator<ColumnBatch> batches, OutputWriter.AttemptFiles files, TaskContext ctx,
            FileFormat format, StructType dataSchema, int[] dataIdx, int[] partCols, String[] partNames,
            BucketRouter buckets, SourceOptions options, String jobId, String ext, TextValues partitionText)
            throws IOException {
        Map<String, RowWriter> writers = new HashMap<>();
        // a bucketed write's writers by directory and bucket (also in writers, which closes them)
        Map<String, RowWriter[]> bucketWriters = new HashMap<>();
        String part = String.format("part-%05d-%s", ctx.partitionId(), jobId);
        try {
            ColumnVector[] dataVectors = new ColumnVector[dataIdx.length];
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                for (int i = 0; i < dataIdx.length; i++) {
                    dataVectors[i] = b.column(dataIdx[i]);
                }
                int[] bucketOf = buckets == null ? null : buckets.route(b);
                for (int r = 0; r < b.numRows(); r++) {
                    String dir = partitionDir(b, r, partCols, partNames, partitionText);
                    RowWriter w;
                    if (bucketOf == null) {
                        w = writers.get(dir);
                        if (w == null) {
                            String name = dir.isEmpty() ? part + "-c000" + ext : dir + part + ".c000" + ext;
                            w = format.newWriter(new BufferedOutputStream(files.create(name), 64 * 1024), dataSchema,
                                    options);
                            writers.put(dir, w);
                        }
                    } else {
                        RowWriter[] inDir = bucketWriters.computeIfAbsent(dir, d -> new RowWriter[buckets.numBuckets()]);
                        w = inDir[bucketOf[r]];
                        if (w == null) {
                            String name = dir + part + BucketSpec.fileSuffix(bucketOf[r]) + ".c000" + ext;
                            w = format.newWriter(new BufferedOutputStream(files.create(name), 64 * 1024), dataSchema,
                                    options);
                            inDir[bucketOf[r]] = w;
                            writers.put(name, w);
                        }
                    }
                    w.write(dataVectors, r);
                }
                files.countRecords(b.numRows());
            }
            if (writers.isEmpty() && partCols.length == 0 && buckets == null && ctx.partitionId() == 0) {
                // an empty result still leaves one (empty) file, so the schema of formats that keep one is kept
                writers.put("", format.newWriter(new BufferedOutputStream(files.create(part + "-c000" + ext)), dataSchema,
                        options));
            }
        } finally {
            IOException failure = null;
            for (RowWriter w : writers.values()) {
                try {
                    w.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** {@code k1=v1/k2=v2/} for row {@code r}, or "" when not partitioned. */
    private static String partitionDir(ColumnBatch b, int r, int[] partCols, String[] names, TextValues text) {
        if (partCols.length == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < partCols.length; i++) {
            ColumnVector v = b.column(partCols[i]);
            String value = v.isNull(r) ? PartitionDiscovery.DEFAULT_PARTITION : TextCells.format(v, r, text);
            if (value.isEmpty()) {
                value = PartitionDiscovery.DEFAULT_PARTITION;
            }
            s.append(PartitionDiscovery.escape(names[i])).append('=').append(PartitionDiscovery.escape(value)).append('/');
        }
        return s.toString();
    }
}
