package io.ember.sql.sources;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * XML files (Spark's {@code xml} source): each element named by the required {@code rowTag}
 * option is a row ({@link XmlRecords}), its schema inferred as Spark's ({@link XmlInference}).
 * Files are read whole by one task (not splittable): a record may start anywhere. A file that
 * stops being well-formed gives, under PERMISSIVE, one more row holding the file's text in the
 * corrupt-record column (which inference then adds), as Spark's reader does for a one-line file.
 */
public final class XmlFormat implements FileFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public String shortName() {
        return "xml";
    }

    @Override
    public boolean splittable(SourceOptions options) {
        return false;
    }

    @Override
    public StructType inferSchema(List<Path> files, SourceOptions options, SqlConf conf) {
        XmlOptions o = XmlOptions.forFiles(options);
        XmlInference inference = new XmlInference(o);
        DataType t = DataTypes.NullType;
        boolean malformed = false;
        for (Path file : files) {
            try (XmlRecords records = XmlRecords.ofFile(file, o.rowTag)) {
                while (records.hasNext()) {
                    t = inference.merge(t, inference.record(records.next()));
                }
            } catch (XmlRecords.MalformedXml e) {
                if (o.mode == ParseMode.FAILFAST) {
                    throw MalformedRecords.failFast(file.toString(), e.line, "", e.getMessage());
                }
                malformed |= o.mode == ParseMode.PERMISSIVE;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        if (malformed) {
            t = inference.merge(t, new StructType(List.of(new StructField(o.corruptColumn, DataTypes.StringType, true))));
        }
        return t instanceof StructType s ? (StructType) XmlInference.nullsToString(s) : new StructType(List.of());
    }

    @Override
    public CloseableIterator<ColumnBatch> read(FileSplit split, StructType dataSchema, StructType required,
            List<Expression> filters, SourceOptions options) throws IOException {
        return new XmlReader(split, required, XmlOptions.forFiles(options), DataSource.dictionaryStrings(options));
    }

    @Override
    public void checkWriteOptions(SourceOptions options) {
        XmlOptions.forFiles(options);
    }

    @Override
    public void checkWritable(StructType schema) {
        // every type has an XML form
    }

    @Override
    public String extension(SourceOptions options) {
        return ".xml";
    }

    @Override
    public RowWriter newWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException {
        return new XmlWriter(out, schema, XmlOptions.forFiles(options));
    }
}
