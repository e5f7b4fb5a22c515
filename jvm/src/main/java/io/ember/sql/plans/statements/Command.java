package io.ember.sql.plans.statements;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL statement that acts rather than queries ({@code SET}, {@code SHOW TABLES},
 * {@code CREATE TEMP VIEW}, ...). {@code spark.sql} runs it at once, as Spark does, and returns
 * its rows as a DataFrame with {@link #output()}. Subclasses implement {@link #run}; they are
 * immutable, and {@code run} may be called from any thread.
 */
public abstract class Command extends LeafNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;

    /** A command whose result has these string columns (none for most). */
    protected Command(String... stringColumns) {
        List<AttributeReference> out = new ArrayList<>();
        for (String c : stringColumns) {
            out.add(new AttributeReference(c, DataTypes.StringType, true));
        }
        this.output = List.copyOf(out);
    }

    protected Command(List<AttributeReference> output) {
        this.output = List.copyOf(output);
    }

    /** Does what the statement says; returns the result rows (internal values, one per output column). */
    public abstract List<Object[]> run(CommandContext ctx);

    @Override
    public List<AttributeReference> output() {
        return output;
    }
}
