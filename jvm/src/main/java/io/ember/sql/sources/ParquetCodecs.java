package io.ember.sql.sources;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for Parquet without Hadoop: parquet-hadoop's own codec factory goes
 * through Hadoop's codec classes, so Ember hands it this one (snappy through snappy-java,
 * gzip through java.util.zip, or none). Also builds the reader options, whose public builders
 * create Hadoop configuration objects; the options constructor is reached reflectively
 * instead (pinned parquet version, checked by the Parquet tests).
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final ParquetCodecs INSTANCE = new ParquetCodecs();

    private ParquetCodecs() {}

    /** The reader options: statistics and dictionary filtering on, no record filter, this codec factory. */
    static ParquetReadOptions readOptions() {
        try {
            for (Constructor<?> c : ParquetReadOptions.class.getDeclaredConstructors()) {
                if (c.getParameterCount() == 18) {
                    c.setAccessible(true);
                    return (ParquetReadOptions) c.newInstance(false, true, true, true, true, false, false, true, true,
                            FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, INSTANCE,
                            new HeapByteBufferAllocator(), 8 << 20, new HashMap<String, String>(), null, null,
                            new PlainParquetConfiguration());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build Parquet read options: " + e, e);
        }
        throw new IllegalStateException("this parquet-hadoop version has no ParquetReadOptions constructor Ember knows");
    }

    static CompressionCodecName codecOf(SourceOptions o) {
        String c = o.get("compression", o.get("parquet.compression", "snappy")).toLowerCase(java.util.Locale.ROOT);
        switch (c) {
            case "snappy": return CompressionCodecName.SNAPPY;
            case "gzip": return CompressionCodecName.GZIP;
            case "none", "uncompressed": return CompressionCodecName.UNCOMPRESSED;
            default:
                throw new IllegalArgumentException("Codec [" + c + "] is not available. Available codecs are"
                        + " uncompressed, snappy, gzip, none.");
        }
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                switch (codec) {
                    case UNCOMPRESSED: return BytesInput.from(in);
                    case SNAPPY: return BytesInput.from(Snappy.compress(in));
                    case GZIP: {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                            gz.write(in);
                        }
                        return BytesInput.from(out.toByteArray());
                    }
                    default: throw new IOException("Ember cannot write Parquet pages compressed with " + codec);
                }
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    return bytes;
                }
                ByteBuffer in = bytes.toByteBuffer(); // the page as read: a view, not a copy
                if (!in.hasArray()) {
                    in = ByteBuffer.wrap(bytes.toByteArray());
                }
                return BytesInput.from(decompress(in.array(), in.arrayOffset() + in.position(), in.remaining(),
                        uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(in, 0, compressedSize, uncompressedSize));
            }

            private byte[] decompress(byte[] in, int from, int length, int uncompressedSize) throws IOException {
                switch (codec) {
                    case UNCOMPRESSED: return java.util.Arrays.copyOfRange(in, from, from + length);
                    case SNAPPY: {
                        byte[] out = new byte[uncompressedSize];
                        int n = Snappy.uncompress(in, from, length, out, 0);
                        if (n != uncompressedSize) {
                            throw new IOException("snappy page of " + n + " bytes, expected " + uncompressedSize);
                        }
                        return out;
                    }
                    case GZIP: {
                        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in, from, length))) {
                            return gz.readNBytes(uncompressedSize);
                        }
                    }
                    default: throw new IOException("Ember cannot read Parquet pages compressed with " + codec);
                }
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public void release() {}
}
