package io.ember.sql.expressions;

import java.util.List;

/**
 * An expression whose value comes from one of several children ({@code coalesce}, CASE WHEN
 * branches, {@code greatest}, {@code array(...)}): coercion casts those children to their
 * wider common type.
 */
public interface MergesInputTypes {
    /** Indexes (into {@code children()}) of the children that must share one type. */
    List<Integer> mergedChildren();

    /** Groups of children that each must share a type (map keys and map values are two groups). */
    default List<List<Integer>> mergedGroups() {
        return List.of(mergedChildren());
    }
}
