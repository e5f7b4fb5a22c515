package io.ember.sql.sources;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as JSON lines, as Spark does: one object per row, null fields left out (unless
 * {@code ignoreNullFields} is false), dates and timestamps as formatted strings, NaN and
 * infinities as strings, binary as base64.
 */
final class JsonWriter implements RowWriter {
    private final JsonGenerator gen;
    private final StructType schema;
    private final TextValues text;
    private final boolean ignoreNulls;

    JsonWriter(OutputStream out, StructType schema, SourceOptions options) throws IOException {
        this.gen = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.schema = schema;
        this.text = new TextValues(options);
        this.ignoreNulls = options.getBoolean("ignoreNullFields", true);
    }

    @Override
    public void write(ColumnVector[] columns, int row) throws IOException {
        gen.writeStartObject();
        for (int i = 0; i < columns.length; i++) {
            Object v = columns[i].get(row);
            if (v == null && ignoreNulls) {
                continue;
            }
            gen.writeFieldName(schema.field(i).name());
            value(v, schema.field(i).dataType());
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    private void value(Object v, DataType t) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (t instanceof DateType) {
            gen.writeString(text.formatDate((Integer) v));
        } else if (t instanceof TimestampType) {
            gen.writeString(text.formatTimestamp((Long) v));
        } else if (t instanceof TimestampNTZType) {
            gen.writeString(text.formatTimestampNtz((Long) v));
        } else if (t instanceof DoubleType || t instanceof FloatType) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                gen.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            } else if (t instanceof FloatType) {
                gen.writeNumber((Float) v);
            } else {
                gen.writeNumber(d);
            }
        } else if (t instanceof DecimalType) {
            gen.writeNumber((BigDecimal) v);
        } else if (t instanceof io.ember.sql.types.DayTimeIntervalType d) {
            gen.writeString(io.ember.sql.expressions.IntervalStrings.dayTime((Long) v, d));
        } else if (t instanceof io.ember.sql.types.YearMonthIntervalType y) {
            gen.writeString(io.ember.sql.expressions.IntervalStrings.yearMonth((Integer) v, y));
        } else if (t instanceof BinaryType) {
            gen.writeString(Base64.getEncoder().encodeToString((byte[]) v));
        } else if (t instanceof ArrayType a) {
            gen.writeStartArray();
            for (Object e : (List<?>) v) {
                value(e, a.elementType());
            }
            gen.writeEndArray();
        } else if (t instanceof StructType s) {
            Object[] fields = (Object[]) v;
            gen.writeStartObject();
            for (int i = 0; i < s.size(); i++) {
                if (fields[i] == null && ignoreNulls) {
                    continue;
                }
                gen.writeFieldName(s.field(i).name());
                value(fields[i], s.field(i).dataType());
            }
            gen.writeEndObject();
        } else if (t instanceof MapType m) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue(), m.valueType());
            }
            gen.writeEndObject();
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Long l) {
            gen.writeNumber(l);
        } else if (v instanceof Integer n) {
            gen.writeNumber(n);
        } else {
            gen.writeString(String.valueOf(v));
        }
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }
}
