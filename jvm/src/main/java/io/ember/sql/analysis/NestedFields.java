package io.ember.sql.analysis;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import java.util.Optional;

/**
 * Builds the access to a named part of a value: a struct's field by name ({@code s.f}) and,
 * for {@code col["k"]}, an array item or a map value. Empty when the value has no such part.
 */
interface NestedFields {
    Optional<Expression> extract(Expression value, String field, SqlConf conf);
}
