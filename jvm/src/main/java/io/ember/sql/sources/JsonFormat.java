package io.ember.sql.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON lines files (one object per line), or with {@code multiLine} whole files holding one
 * object or an array of objects (each a record; {@link Records#json}).
 */
public final class JsonFormat implements FileFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public String shortName() {
        return "json";
    }

    @Override
    public boolean splittable(SourceOptions options) {
        return !multiLine(options);
    }

    static boolean multiLine(SourceOptions o) {
        return o.getBoolean("multiLine", false);
    }

    private static String corruptColumn(SourceOptions o) {
        return o.get("columnNameOfCorruptRecord", o.get(DataSource.CORRUPT_COLUMN_CONF, "_corrupt_record"));
    }

    @Override
    public StructType inferSchema(List<Path> files, SourceOptions options, SqlConf conf) {
        return JsonInference.infer(files, ParseMode.of(options), corruptColumn(options), new ObjectMapper(),
                multiLine(options));
    }

    @Override
    public CloseableIterator<ColumnBatch> read(FileSplit split, StructType dataSchema, StructType required,
            List<Expression> filters, SourceOptions options) throws IOException {
        return new JsonReader(split, required, ParseMode.of(options), corruptColumn(options), new TextValues(options),
                DataSource.dictionaryStrings(options), multiLine(options));
    }

    @Override
    public void checkWritable(StructType schema) {
        // every type has a JSON form
    }

    @Override
    public String extension(SourceOptions options) {
        return ".json";
    }

    @Override
    public RowWriter newWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException {
        return new JsonWriter(out, schema, options);
    }
}
