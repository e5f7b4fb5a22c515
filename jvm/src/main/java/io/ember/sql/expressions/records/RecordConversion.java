package io.ember.sql.expressions.records;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.expressions.datetime.ZonedRowFunction;
import io.ember.sql.sources.CsvRecords;
import io.ember.sql.sources.RecordCodec;
import io.ember.sql.sources.XmlDocuments;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DdlParser;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code from_csv}/{@code from_xml(text, schema[, options])} (a struct of the schema, a
 * constant DDL string; fields that do not convert null), {@code to_csv}/{@code to_xml(struct[,
 * options])} (one record's text) and {@code schema_of_csv}/{@code schema_of_xml(text[,
 * options])} (the inferred struct's SQL text), with the file source's options through its
 * {@link RecordCodec} ({@link CsvRecords}, {@link XmlDocuments}). Dates and timestamps use the
 * session time zone. Each thread evaluating the expression keeps its own codec.
 */
public final class RecordConversion extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    /** The record format. */
    public enum Format { CSV, XML }

    /** Which direction. */
    public enum Kind { FROM, TO, SCHEMA_OF }

    private final Format format;
    private final Kind kind;
    private transient ThreadLocal<RecordCodec> codecs;
    private transient StructType parsedSchema;

    public RecordConversion(Format format, Kind kind, List<Expression> args, String timeZoneId) {
        super(args, timeZoneId);
        this.format = format;
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT) + "_" + format.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String sql() {
        return prettyName() + "(" + args.get(0).sql() + ")";
    }

    private int optionsArg() {
        return kind == Kind.FROM ? 2 : 1;
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            t.add(i == 0 && kind != Kind.TO || i == 1 && kind == Kind.FROM ? InputType.STRING : InputType.ANY);
        }
        return t;
    }

    private StructType schema() {
        StructType s = parsedSchema;
        if (s == null) {
            s = parseSchema();
            parsedSchema = s;
        }
        return s;
    }

    private StructType parseSchema() {
        String text = String.valueOf(args.get(1).evalConstant());
        DataType t;
        try {
            t = DdlParser.parse(text);
        } catch (RuntimeException e) {
            t = DdlParser.parseSchema(text);
        }
        if (t instanceof StructType s) {
            return s;
        }
        throw new IllegalArgumentException(prettyName() + " needs a struct schema, got " + SqlTypes.sqlName(t));
    }

    private Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        if (args.size() > optionsArg()) {
            Object m = args.get(optionsArg()).evalConstant();
            if (m instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            }
        }
        return out;
    }

    @Override
    public DataType dataType() {
        return kind == Kind.FROM ? schema() : DataTypes.StringType;
    }

    private RecordCodec codec() {
        if (codecs == null) {
            synchronized (this) {
                if (codecs == null) {
                    Map<String, String> o = options();
                    String zone = zoneId().getId();
                    codecs = ThreadLocal.withInitial(() -> format == Format.CSV ? CsvRecords.of(o, zone)
                            : XmlDocuments.of(o, zone));
                }
            }
        }
        return codecs.get();
    }

    @Override
    protected Object compute(Object[] v) {
        return switch (kind) {
            case FROM -> codec().parse((String) v[0], schema());
            case TO -> codec().format((Object[]) v[0], (StructType) args.get(0).dataType());
            case SCHEMA_OF -> SqlTypes.sqlName(codec().infer((String) v[0]));
        };
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new RecordConversion(format, kind, a, zone);
    }

    @Override
    protected List<Object> args() {
        return List.of(format, kind, zoneArg());
    }
}
