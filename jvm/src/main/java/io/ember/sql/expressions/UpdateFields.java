package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code Column.withField} / {@code dropFields} (Spark's {@code UpdateFields}): the struct
 * {@code args[0]} with its fields replaced, added or dropped by {@code ops} in order. A
 * {@link FieldOp} that sets a field reads its value from the next argument after the struct.
 * As in Spark, setting a name replaces every field of that name (under the session's name
 * comparison, fixed when the expression is built) in place and under the new spelling, or
 * appends it; dropping removes every such field; a null struct stays null. Nested paths
 * ({@code "a.b"}) are built by the front ends as an update of {@code a} whose new value is an
 * update of {@code s.a}.
 */
public final class UpdateFields extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** One step: set {@code name} to the next value argument, or drop {@code name}. */
    public record FieldOp(String name, boolean drop) implements java.io.Serializable {}

    /** One output field: from the input struct ({@code from >= 0}) or a value argument ({@code arg}). */
    private record Slot(StructField field, int from, int arg) {}

    private final List<FieldOp> ops;
    private final boolean caseSensitive;
    /** {@link #slots()} once resolved, for the per-row loop (a benign race: every thread computes the same list). */
    private transient List<Slot> resolvedSlots;

    public UpdateFields(List<Expression> args, List<FieldOp> ops, boolean caseSensitive) {
        super(args);
        this.ops = List.copyOf(ops);
        this.caseSensitive = caseSensitive;
    }

    /** {@code struct} with {@code ops} applied; {@code values} are the set operations' values, in order. */
    public static UpdateFields of(Expression struct, List<FieldOp> ops, List<Expression> values, boolean caseSensitive) {
        if (struct instanceof UpdateFields u) {   // s.withField(..).dropFields(..): one update, as Spark names it
            List<Expression> args = new ArrayList<>(u.args);
            args.addAll(values);
            List<FieldOp> all = new ArrayList<>(u.ops);
            all.addAll(ops);
            return new UpdateFields(args, all, caseSensitive);
        }
        List<Expression> args = new ArrayList<>();
        args.add(struct);
        args.addAll(values);
        return new UpdateFields(args, ops, caseSensitive);
    }

    /** {@code struct.withField("a.b.c", value)}: nested updates down the path. */
    public static UpdateFields withField(Expression struct, List<String> path, Expression value, boolean caseSensitive) {
        return nested(struct, path, new FieldOp(path.get(path.size() - 1), false), value, caseSensitive);
    }

    /** {@code struct.dropFields("a.b.c")}: the last part dropped from the nested struct. */
    public static UpdateFields dropField(Expression struct, List<String> path, boolean caseSensitive) {
        return nested(struct, path, new FieldOp(path.get(path.size() - 1), true), null, caseSensitive);
    }

    private static UpdateFields nested(Expression struct, List<String> path, FieldOp last, Expression value,
                                       boolean caseSensitive) {
        if (path.size() == 1) {
            return of(struct, List.of(last), value == null ? List.of() : List.of(value), caseSensitive);
        }
        String head = path.get(0);
        Expression inner = new io.ember.sql.analysis.UnresolvedExtractValue(struct,
                new Literal(head, io.ember.sql.types.DataTypes.StringType));
        UpdateFields newValue = nested(inner, path.subList(1, path.size()), last, value, caseSensitive);
        return of(struct, List.of(new FieldOp(head, false)), List.of(newValue), caseSensitive);
    }

    public List<FieldOp> ops() {
        return ops;
    }

    @Override
    public String prettyName() {
        return "update_fields";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.STRUCT);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = super.checkInputDataTypes();
        if (r.isSuccess() && slots().isEmpty()) {
            return TypeCheckResult.mismatch("CANNOT_DROP_ALL_FIELDS", "Cannot drop all fields in struct", Map.of());
        }
        return r;
    }

    private boolean same(String a, String b) {
        return caseSensitive ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    /** The output fields, folding {@link #ops} over the input struct's fields as Spark's {@code WithField}/{@code DropField}. */
    private List<Slot> slots() {
        List<Slot> out = new ArrayList<>();
        List<StructField> in = ((StructType) args.get(0).dataType()).fields();
        for (int i = 0; i < in.size(); i++) {
            out.add(new Slot(in.get(i), i, -1));
        }
        int arg = 1;
        for (FieldOp op : ops) {
            if (op.drop()) {
                out.removeIf(s -> same(s.field().name(), op.name()));
                continue;
            }
            Expression v = args.get(arg);
            Slot set = new Slot(new StructField(op.name(), v.dataType(), v.nullable()), -1, arg++);
            boolean matched = false;
            for (int i = 0; i < out.size(); i++) {
                if (same(out.get(i).field().name(), op.name())) {
                    out.set(i, set);
                    matched = true;
                }
            }
            if (!matched) {
                out.add(set);
            }
        }
        return out;
    }

    @Override
    public DataType dataType() {
        return new StructType(slots().stream().map(Slot::field).toList());
    }

    @Override
    public boolean nullable() {
        return args.get(0).nullable();
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] values) {
        Object[] struct = (Object[]) values[0];
        if (struct == null) {
            return null;
        }
        List<Slot> slots = resolvedSlots;
        if (slots == null) {
            slots = slots();
            resolvedSlots = slots;
        }
        Object[] out = new Object[slots.size()];
        for (int i = 0; i < out.length; i++) {
            Slot s = slots.get(i);
            out[i] = s.from() >= 0 ? struct[s.from()] : values[s.arg()];
        }
        return out;
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder("update_fields(").append(args.get(0).sql());
        int arg = 1;
        for (FieldOp op : ops) {
            b.append(", ").append(op.drop() ? "dropfield()" : "WithField(" + args.get(arg++).sql() + ")");
        }
        return b.append(')').toString();
    }

    @Override
    protected Expression copy(List<Expression> newArgs) {
        return new UpdateFields(newArgs, ops, caseSensitive);
    }

    @Override
    protected List<Object> args() {
        return List.of(ops, caseSensitive);
    }
}
