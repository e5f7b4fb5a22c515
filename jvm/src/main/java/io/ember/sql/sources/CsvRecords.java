package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV record as a value and back, with the CSV source's options and rules, for
 * {@code from_csv}, {@code to_csv} and {@code schema_of_csv}. Parsing is Spark's PERMISSIVE
 * mode per field: a field that does not convert, or is missing, is null; extra fields are
 * dropped. Not thread-safe (the tokenizer is reused); an expression keeps one per task thread.
 */
public final class CsvRecords {
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

    /** The fields of {@code record} as internal values of {@code schema}'s types. */
    public Object[] parse(String record, StructType schema) {
        String[] tokens = tokenizer.tokenize(record);
        Object[] out = new Object[schema.size()];
        for (int i = 0; i < out.length && i < tokens.length; i++) {
            String t = tokens[i];
            if (t == null || t.equals(o.nullValue)) {
                continue;
            }
            ColumnBuilder b = ColumnBuilder.of(schema.field(i).dataType(), 1, o.values, false);
            if (b.setText(0, t)) {
                out[i] = b.build(1).get(0);
            }
        }
        return out;
    }

    /** {@code row} (internal values of {@code schema}) as one CSV line without its line break. */
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
            String s = TextCells.format(row[i], schema.field(i).dataType(), o.values);
            if (s.isEmpty()) {
                line.append(o.emptyValueWrite);
            } else {
                CsvWriter.appendField(line, s, o);
            }
        }
        return line.toString();
    }

    /** The type Spark's CSV inference gives the fields of one record ({@code _c0, _c1, ...}). */
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
