package io.ember.sql.expressions.xml;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.expressions.datetime.ZonedRowFunction;
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
 * {@code from_xml(text, schema[, options])} (a struct of the schema, a constant DDL string;
 * fields that do not convert, or malformed text, null), {@code to_xml(struct[, options])} (one
 * {@code ROW} element, indented as Spark's) and {@code schema_of_xml(text[, options])} (the
 * inferred struct's SQL text), all with the XML source's options ({@code attributePrefix},
 * {@code valueTag}, {@code rowTag} for writing, {@code timestampFormat}, ...) through
 * {@link XmlDocuments}. Dates and timestamps use the session time zone. Each thread evaluating
 * the expression keeps its own {@code XmlDocuments} .
 */
public final class XmlConversion extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { FROM_XML, TO_XML, SCHEMA_OF_XML }

    private final Kind kind;
    private transient ThreadLocal<XmlDocuments> records;
    private transient StructType parsedSchema;

    public XmlConversion(Kind kind, List<Expression> args, String timeZoneId) {
        super(args, timeZoneId);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String sql() {
        return prettyName() + "(" + args.get(0).sql() + ")";
    }

    private int optionsArg() {
        return kind == Kind.FROM_XML ? 2 : 1;
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            t.add(i == 0 && kind != Kind.TO_XML || i == 1 && kind == Kind.FROM_XML ? InputType.STRING : InputType.ANY);
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
        throw new IllegalArgumentException("from_xml needs a struct schema, got " + SqlTypes.sqlName(t));
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
        return kind == Kind.FROM_XML ? schema() : DataTypes.StringType;
    }

    private XmlDocuments records() {
        if (records == null) {
            synchronized (this) {
                if (records == null) {
                    Map<String, String> o = options();
                    String zone = zoneId().getId();
                    records = ThreadLocal.withInitial(() -> XmlDocuments.of(o, zone));
                }
            }
        }
        return records.get();
    }

    @Override
    protected Object compute(Object[] v) {
        return switch (kind) {
            case FROM_XML -> records().parse((String) v[0], schema());
            case TO_XML -> records().format((Object[]) v[0], (StructType) args.get(0).dataType());
            case SCHEMA_OF_XML -> SqlTypes.sqlName(records().infer((String) v[0]));
        };
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new XmlConversion(kind, a, zone);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, zoneArg());
    }
}
