package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** CSV files: one record per line, or per quoted-field-aware run of lines with {@code multiLine}; see {@link CsvOptions}. */
public final class CsvFormat implements FileFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public String shortName() {
        return "csv";
    }

    @Override
    public boolean splittable(SourceOptions options) {
        return !options(options).multiLine;
    }

    static CsvOptions options(SourceOptions o) {
        return new CsvOptions(o, o.get(DataSource.CORRUPT_COLUMN_CONF, "_corrupt_record"));
    }

    @Override
    public StructType inferSchema(List<Path> files, SourceOptions options, SqlConf conf) {
        return CsvInference.infer(files, options(options));
    }

    @Override
    public CloseableIterator<ColumnBatch> read(FileSplit split, StructType dataSchema, StructType required,
            List<Expression> filters, SourceOptions options) throws IOException {
        return new CsvReader(split, dataSchema, required, options(options), DataSource.dictionaryStrings(options));
    }

    @Override
    public void checkWritable(StructType schema) {
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
                throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The CSV datasource doesn't support"
                        + " the column `" + f.name() + "` of the type \"" + t.simpleString().toUpperCase() + "\".",
                        Map.of("columnName", "`" + f.name() + "`", "columnType", t.simpleString(), "format", "CSV"));
            }
        }
    }

    @Override
    public String extension(SourceOptions options) {
        return ".csv";
    }

    @Override
    public RowWriter newWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException {
        return new CsvWriter(out, schema, options(options));
    }
}
