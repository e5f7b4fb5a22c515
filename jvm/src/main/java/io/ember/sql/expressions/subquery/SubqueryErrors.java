package io.ember.sql.expressions.subquery;

import io.ember.sql.AnalysisException;
import java.util.Map;

/** The analysis errors for subquery shapes Ember does not run, with Spark's error classes and wording. */
public final class SubqueryErrors {
    private static final String CATEGORY = "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY";

    private SubqueryErrors() {}

    private static AnalysisException unsupported(String subclass, String detail, String treeNode) {
        return new AnalysisException(CATEGORY + "." + subclass, "Unsupported subquery expression: " + detail,
                treeNode == null ? Map.of() : Map.of("treeNode", treeNode));
    }

    /** An outer column read where no join condition can take it (a select list, a join condition, a limit, ...). */
    public static AnalysisException outerColumnNotAllowed(String treeNode) {
        return unsupported("ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED",
                "Accessing outer query column is not allowed in this location:\n" + treeNode, treeNode);
    }

    /** A correlated predicate Ember cannot turn into a join condition (non-equality under an aggregate, ...). */
    public static AnalysisException correlatedPredicate(String predicate, String why) {
        return unsupported("CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE",
                "Correlated column is not allowed in predicate (" + why + "):\n" + predicate, predicate);
    }

    /** An aggregate function inside a subquery reading both outer and local columns. */
    public static AnalysisException mixedOuterLocalAggregate(String function) {
        return new AnalysisException(CATEGORY + ".AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES",
                "Unsupported subquery expression: Found an aggregate function in a correlated predicate that has both "
                        + "outer and local references, which is not supported: " + function + ".",
                Map.of("function", function));
    }

    /** A correlated scalar subquery whose plan could yield several rows for one outer row. */
    public static AnalysisException mustAggregate(String treeNode) {
        return unsupported("MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY",
                "Correlated scalar subqueries must be aggregated to return at most one row:\n" + treeNode, treeNode);
    }

    /** A subquery expression in an operator that cannot hold one. */
    public static AnalysisException wrongPlace(String kind, String treeNode) {
        return unsupported(kind.equals("scalar") ? "UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY" : "UNSUPPORTED_IN_EXISTS_SUBQUERY",
                (kind.equals("scalar") ? "Scalar subqueries" : "IN/EXISTS predicate subqueries")
                        + " can only be used in filters, aggregations and projections:\n" + treeNode, treeNode);
    }

    /** A shape the rewrite into joins does not cover, named. */
    public static AnalysisException unsupportedShape(String shape, String treeNode) {
        return unsupported("UNSUPPORTED_CORRELATION_SHAPE", shape + ":\n" + treeNode, treeNode);
    }
}
