package io.ember.sql.plans.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code SET} (every setting made in this session), {@code SET key} (its value, or
 * {@code <undefined>}) and {@code SET key=value}; rows of {@code key, value}, as Spark.
 */
public final class SetCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    /** {@code key} null: list all; {@code value} null: show one. */
    public SetCommand(String key, String value) {
        super("key", "value");
        this.key = key;
        this.value = value;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (key == null) {
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : new TreeMap<>(ctx.conf().all()).entrySet()) {
                rows.add(new Object[] {e.getKey(), e.getValue()});
            }
            return rows;
        }
        if (value != null) {
            ctx.conf().set(key, value);
            return List.<Object[]>of(new Object[] {key, value});
        }
        return List.<Object[]>of(new Object[] {key, ctx.conf().get(key, "<undefined>")});
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(key, value);
    }
}
