package io.ember.sql.sources;

import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows into one Parquet file through parquet-hadoop's writer (row groups, pages,
 * dictionary encoding, statistics), compressed with the {@code compression} option (snappy by
 * default) by {@link ParquetCodecs}, over the task's output stream. parquet-mr's own options
 * shape the file: {@code parquet.block.size}, {@code parquet.page.size},
 * {@code parquet.dictionary.page.size}, {@code parquet.enable.dictionary},
 * {@code parquet.page.row.count.limit}, {@code parquet.writer.version} (v1 or v2 data pages).
 */
final class ParquetRowWriter implements RowWriter {
    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups;
    private final StructType schema;

    ParquetRowWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException {
        this.schema = schema;
        MessageType message = ParquetSchemas.toParquet(schema);
        this.groups = new SimpleGroupFactory(message);
        long rowGroupBytes = Long.parseLong(options.get("parquet.block.size", String.valueOf(128L << 20)));
        this.writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(message)
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(ParquetCodecs.codecOf(options))
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(Integer.parseInt(options.get("parquet.page.size",
                        String.valueOf(ParquetProperties.DEFAULT_PAGE_SIZE))))
                .withDictionaryPageSize(Integer.parseInt(options.get("parquet.dictionary.page.size",
                        String.valueOf(ParquetProperties.DEFAULT_DICTIONARY_PAGE_SIZE))))
                .withDictionaryEncoding(Boolean.parseBoolean(options.get("parquet.enable.dictionary", "true")))
                .withPageRowCountLimit(Integer.parseInt(options.get("parquet.page.row.count.limit",
                        String.valueOf(ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT))))
                .withWriterVersion(ParquetProperties.WriterVersion.fromString(
                        options.get("parquet.writer.version", "v1")))
                .withExtraMetaData(java.util.Map.of(ParquetSchemas.SPARK_ROW_METADATA, io.ember.sql.types.DataTypeJson.toJson(schema)))
                .build();
    }

    @Override
    public void write(ColumnVector[] columns, int row) throws IOException {
        Group g = groups.newGroup();
        for (int c = 0; c < columns.length; c++) {
            ColumnVector v = columns[c];
            if (v.isNull(row)) {
                continue;
            }
            DataType t = schema.field(c).dataType();
            Object value = v.get(row);
            if (t instanceof BooleanType) {
                g.add(c, (Boolean) value);
            } else if (DataTypes.isIntBacked(t)) {
                g.add(c, ((Number) value).intValue());
            } else if (DataTypes.isLongBacked(t)) {
                g.add(c, ((Number) value).longValue());
            } else if (t instanceof FloatType) {
                g.add(c, ((Number) value).floatValue());
            } else if (t instanceof DoubleType) {
                g.add(c, ((Number) value).doubleValue());
            } else if (t instanceof StringType) {
                g.add(c, Binary.fromString((String) value));
            } else if (t instanceof BinaryType) {
                g.add(c, Binary.fromConstantByteArray((byte[]) value));
            } else if (t instanceof DecimalType d) {
                BigInteger unscaled = ((BigDecimal) value).unscaledValue();
                if (d.precision() <= 9) {
                    g.add(c, unscaled.intValue());
                } else if (d.precision() <= 18) {
                    g.add(c, unscaled.longValue());
                } else {
                    g.add(c, Binary.fromConstantByteArray(fixed(unscaled, ParquetSchemas.bytesFor(d.precision()))));
                }
            } else {
                throw ParquetSchemas.unsupported(schema.field(c).name(), t);
            }
        }
        writer.write(g);
    }

    /** Big-endian two's complement in exactly {@code size} bytes, sign-extended. */
    static byte[] fixed(BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        byte pad = (byte) (v.signum() < 0 ? 0xFF : 0);
        int lead = size - raw.length;
        for (int i = 0; i < size; i++) {
            out[i] = i < lead ? pad : raw[i - lead];
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** A Parquet output file over a stream the task already opened (positions counted here). */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
