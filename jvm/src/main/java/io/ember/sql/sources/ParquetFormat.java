package io.ember.sql.sources;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Parquet files through parquet-hadoop, without Hadoop on the class path: files are read as
 * local files ({@code LocalInputFile}), split by row group, with column projection and
 * row-group skipping from statistics; written snappy-compressed by default. The schema comes
 * from the first file's footer (Spark's default, {@code mergeSchema} off).
 */
public final class ParquetFormat implements FileFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public String shortName() {
        return "parquet";
    }

    @Override
    public boolean splittable(SourceOptions options) {
        return true;
    }

    @Override
    public StructType inferSchema(List<Path> files, SourceOptions options, SqlConf conf) {
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(files.get(0)), ParquetCodecs.readOptions())) {
            StructType fromFooter = ParquetSchemas.toSpark(r.getFooter().getFileMetaData().getSchema());
            return ParquetSchemas.withSparkMetadata(fromFooter,
                    r.getFooter().getFileMetaData().getKeyValueMetaData().get(ParquetSchemas.SPARK_ROW_METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Parquet footer of " + files.get(0) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileStats fileStats(List<Path> files, StructType dataSchema) {
        return ParquetFooterStats.read(files, dataSchema);
    }

    @Override
    public CloseableIterator<ColumnBatch> read(FileSplit split, StructType dataSchema, StructType required,
            List<Expression> filters, SourceOptions options) throws IOException {
        return new ParquetBatchReader(split, required, filters, new TextValues(options),
                DataSource.dictionaryStrings(options), DataSource.parquetVectorized(options),
                DataSource.parquetLate(options));
    }

    @Override
    public void checkWritable(StructType schema) {
        for (StructField f : schema.fields()) {
            ParquetSchemas.toParquet(new StructType(List.of(f)));
        }
    }

    @Override
    public String extension(SourceOptions options) {
        String codec = ParquetCodecs.codecOf(options).name().toLowerCase(java.util.Locale.ROOT);
        return codec.equals("uncompressed") ? ".parquet" : "." + (codec.equals("gzip") ? "gz" : codec) + ".parquet";
    }

    @Override
    public RowWriter newWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException {
        return new ParquetRowWriter(out, schema, options);
    }
}
