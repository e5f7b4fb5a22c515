package io.ember.sql.sources;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One CSV record as a value and back, with the CSV source's options and rules, for
 * {@code from_csv}, {@code to_csv} and {@code schema_of_csv}. Parsing is Spark's PERMISSIVE
 * mode per field (a field that does not convert, or is missing, is null; extra fields are
 * dropped) or FAILFAST. Not thread-safe (the tokenizer is reused); an expression keeps one per task thread.
 */
public final class CsvRecords implements RecordCodec {
    private final CsvOptions o;
    private final CsvTokenizer tokenizer;

    private CsvRecords(CsvOptions o) {
        this.o = o;
        this.tokenizer = new CsvTokenizer(o);
    }

    /** Records read and written with {@code options}; dates and timestamps in zone {@code zoneId} unless an option names one. */
    public static CsvRecords of(Map<String, String> options, String zoneId) {
        Map<String, String> m = new HashMap<>(options);
        m.putIfAbsent("timeZone", zoneId);
        return new CsvRecords(new CsvOptions(new SourceOptions(m), "_corrupt_record"));
    }

    /**
     * The fields of {@code record} as internal values of {@code schema}. A record with a field
     * that does not convert, or the wrong number of fields, is malformed: its raw text goes to
     * the corrupt-record column when the schema has one, and FAILFAST fails.
     */
    @Override
    public Object[] parse(String record, StructType schema) {
        String[] tokens = tokenizer.tokenize(record);
        int corruptAt = schema.indexOf(o.corruptColumn);
        int dataFields = schema.size() - (corruptAt >= 0 ? 1 : 0);
        boolean malformed = tokens.length != dataFields;
        Object[] out = new Object[schema.size()];
        for (int i = 0, token = 0; i < out.length; i++) {
            if (i == corruptAt) {
                continue;
            }
            String t = token < tokens.length ? tokens[token] : null;
            token++;
            if (t == null || t.equals(o.nullValue)) {
                continue;
            }
            ColumnBuilder b = ColumnBuilder.of(schema.field(i).dataType(), 1, o.values, false);
            if (b.setText(0, t)) {
                out[i] = b.build(1).get(0);
            } else {
                malformed = true;
            }
        }
        if (malformed && o.mode == ParseMode.FAILFAST) {
            throw MalformedRecords.failFastValue(record);
        }
        if (corruptAt >= 0 && malformed) {
            out[corruptAt] = record;
        }
        return out;
    }

    /** {@code row} (internal values of {@code schema}) as one CSV line without its line break. */
    @Override
    public String format(Object[] row, StructType schema) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(o.sep);
            }
            if (row[i] == null) {
                line.append(o.nullValue);
                continue;
            }
            String s = text(row[i], schema.field(i).dataType());
            if (s.isEmpty()) {
                line.append(o.emptyValueWrite);
            } else {
                CsvWriter.appendField(line, s, o);
            }
        }
        return line.toString();
    }

    /** A value's text: atomic values as the CSV writer prints them, nested ones as Spark's {@code [1, 2]}, {@code {k -> 1}}, {@code {1, x}}. */
    private String text(Object v, DataType t) {
        if (v == null) {
            return "null";
        }
        if (t instanceof ArrayType a) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            for (Object e : (List<?>) v) {
                out.add(text(e, a.elementType()));
            }
            return out.toString();
        }
        if (t instanceof MapType m) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            ((Map<?, ?>) v).forEach((k, x) -> out.add(text(k, m.keyType()) + " -> " + text(x, m.valueType())));
            return out.toString();
        }
        if (t instanceof StructType s) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            Object[] fields = (Object[]) v;
            for (int i = 0; i < fields.length; i++) {
                out.add(text(fields[i], s.field(i).dataType()));
            }
            return out.toString();
        }
        return TextCells.format(v, t, o.values);
    }

    /** The type Spark's CSV inference gives the fields of one record ({@code _c0, _c1, ...}). */
    @Override
    public StructType infer(String record) {
        String[] tokens = tokenizer.tokenize(record);
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            DataType type = t == null || t.equals(o.nullValue) ? DataTypes.NullType
                    : CsvInference.typeOf(t, DataTypes.NullType, o.values);
            fields.add(new StructField("_c" + i, type instanceof NullType ? DataTypes.StringType : type, true));
        }
        return new StructType(fields);
    }
}
