package io.ember.sql.sources;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
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
 * Files are read whole by one task (not splittable): a record may start anywhere.
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
        for (Path file : files) {
            try (XmlRecords records = XmlRecords.ofFile(file, o.rowTag)) {
                while (records.hasNext()) {
                    t = inference.merge(t, inference.record(records.next()));
                }
            } catch (XmlRecords.MalformedXml e) {
                if (o.mode == ParseMode.FAILFAST) {
                    throw MalformedRecords.failFast(file.toString(), e.line, "", e.getMessage());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
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
