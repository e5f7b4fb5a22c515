package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import java.util.List;

/**
 * A table or view named in a query ({@code FROM db.t}, {@code spark.table("t")}) before the
 * analyzer looks it up in the session catalog. Name parts are as written, unquoted.
 */
public final class UnresolvedRelation extends LeafNode {
    private static final long serialVersionUID = 1L;

    private final List<String> nameParts;

    public UnresolvedRelation(List<String> nameParts) {
        this.nameParts = List.copyOf(nameParts);
    }

    public List<String> nameParts() {
        return nameParts;
    }

    /** The name as a user wrote it, parts joined with dots: {@code global_temp.v}. */
    public String name() {
        return String.join(".", nameParts);
    }

    @Override
    public List<AttributeReference> output() {
        throw new IllegalStateException("output of unresolved relation " + name());
    }

    @Override
    protected boolean computeResolved() {
        return false;
    }

    @Override
    protected List<Object> args() {
        return List.of(name());
    }
}
