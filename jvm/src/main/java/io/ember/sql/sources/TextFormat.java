package io.ember.sql.sources;

import io.ember.rdd.LineReader;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Text files: one string column {@code value} per line; writes a single string column the same way. */
public final class TextFormat implements FileFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public String shortName() {
        return "text";
    }

    @Override
    public boolean splittable(SourceOptions options) {
        return true;
    }

    @Override
    public StructType inferSchema(List<Path> files, SourceOptions options, SqlConf conf) {
        return StructType.of(new StructField("value", DataTypes.StringType, true));
    }

    @Override
    public CloseableIterator<ColumnBatch> read(FileSplit split, StructType dataSchema, StructType required,
            List<Expression> filters, SourceOptions options) throws IOException {
        LineReader lines = new LineReader(Path.of(split.path()), split.start(), split.end());
        boolean dictionary = DataSource.dictionaryStrings(options);
        return new CloseableIterator<>() {
            private final ColumnBuilder values = new ColumnBuilders.Strings(ColumnBatch.DEFAULT_ROWS, dictionary);

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public ColumnBatch next() {
                if (!lines.hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = 0;
                while (n < ColumnBatch.DEFAULT_ROWS && lines.hasNext()) {
                    values.setValue(n++, lines.next());
                }
                ColumnVector v = values.build(n);
                return new ColumnBatch(required.size() == 0 ? new ColumnVector[0] : new ColumnVector[] {v}, n);
            }

            @Override
            public void close() {
                lines.close();
            }
        };
    }

    @Override
    public void checkWritable(StructType schema) {
        if (schema.size() != 1 || !(schema.field(0).dataType() instanceof StringType)) {
            throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "Text data source supports only a"
                    + " single column of type string, and you have " + schema.size() + " columns: "
                    + schema.simpleString() + ".", Map.of("format", "Text"));
        }
    }

    @Override
    public String extension(SourceOptions options) {
        return ".txt";
    }

    @Override
    public RowWriter newWriter(OutputStream out, StructType schema, SourceOptions options) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        return new RowWriter() {
            @Override
            public void write(ColumnVector[] columns, int row) throws IOException {
                String s = columns[0].getString(row);
                w.write(s == null ? "" : s);
                w.write('\n');
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }
}
