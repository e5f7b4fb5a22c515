package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link AnalysisException}s the analyzer raises, with Spark's error classes,
 * message texts and message parameters, so that a message here reads as PySpark's does.
 */
public final class AnalysisErrors {
    private AnalysisErrors() {}

    /** {@code a.b} as Spark quotes an identifier in messages: {@code `a`.`b`}. */
    public static String toSqlId(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(b.isEmpty() ? "" : ".").append('`').append(p.replace("`", "``")).append('`');
        }
        return b.toString();
    }

    /** An expression as Spark quotes it in messages: {@code "(a + 1)"}. */
    public static String toSqlExpr(Expression e) {
        return "\"" + e.sql() + "\"";
    }

    /** A type as Spark quotes it in messages: {@code "INT"}, {@code "ARRAY<INT>"}. */
    public static String toSqlType(DataType t) {
        return "\"" + t.simpleString().toUpperCase(Locale.ROOT) + "\"";
    }

    /** {@code UNRESOLVED_COLUMN.WITH_SUGGESTION} or {@code .WITHOUT_SUGGESTION} when nothing is near. */
    public static AnalysisException unresolvedColumn(List<String> nameParts, List<List<String>> candidates) {
        String objectName = toSqlId(nameParts);
        List<String> ordered = Suggestions.orderBySimilarity(nameParts, candidates);
        String base = "A column, variable, or function parameter with name " + objectName + " cannot be resolved.";
        if (ordered.isEmpty()) {
            return new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", base, Map.of("objectName", objectName));
        }
        String proposal = String.join(", ", ordered.subList(0, Math.min(5, ordered.size())));
        return new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION",
                base + " Did you mean one of the following? [" + proposal + "].",
                Map.of("objectName", objectName, "proposal", proposal));
    }

    public static AnalysisException unresolvedRoutine(String name) {
        String routine = toSqlId(List.of(name));
        String path = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";
        return new AnalysisException("UNRESOLVED_ROUTINE",
                "Cannot resolve routine " + routine + " on search path " + path + ".",
                Map.of("routineName", routine, "searchPath", path));
    }

    /** A function in FROM that no registry knows ({@code FROM nosuchfn(1)}). */
    public static AnalysisException unresolvableTableValuedFunction(String name) {
        String routine = toSqlId(List.of(name));
        return new AnalysisException("UNRESOLVABLE_TABLE_VALUED_FUNCTION",
                "Could not resolve " + routine + " to a table-valued function.\nPlease make sure that " + routine
                + " is defined as a table-valued function and that all required parameters are provided correctly.\n"
                + "If " + routine + " is not defined, please create the table-valued function before using it.\n"
                + "For more information about defining table-valued functions, please refer to the Apache Spark "
                + "documentation.", Map.of("name", routine));
    }

    public static AnalysisException ambiguousReference(List<String> nameParts, List<List<String>> matches) {
        String name = toSqlId(nameParts);
        List<String> refs = new ArrayList<>();
        for (List<String> m : matches) {
            refs.add(toSqlId(m));
        }
        String referenceNames = "[" + String.join(", ", refs) + "]";
        return new AnalysisException("AMBIGUOUS_REFERENCE",
                "Reference " + name + " is ambiguous, could be: " + referenceNames + ".",
                Map.of("name", name, "referenceNames", referenceNames));
    }

    public static AnalysisException missingAggregation(Expression nonAggregated) {
        String expr = toSqlExpr(nonAggregated);
        String anyValue = "\"any_value(" + nonAggregated.sql() + ")\"";
        return new AnalysisException("MISSING_AGGREGATION",
                "The non-aggregating expression " + expr + " is based on columns which are not participating in the"
                        + " GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the"
                        + " expression, or use " + anyValue + " if you do not care which of the values within a group"
                        + " is returned.",
                Map.of("expression", expr, "expressionAnyValue", anyValue));
    }

    public static AnalysisException missingGroupBy() {
        return new AnalysisException("MISSING_GROUP_BY", "The query does not include a GROUP BY clause. Add GROUP BY"
                + " or turn it into the window functions using OVER clauses.");
    }

    public static AnalysisException nestedAggregate() {
        return new AnalysisException("NESTED_AGGREGATE_FUNCTION", "It is not allowed to use an aggregate function in"
                + " the argument of another aggregate function. Please use the inner aggregate function in a"
                + " sub-query.", Map.of());
    }

    public static AnalysisException invalidWhereCondition(Expression condition, List<Expression> invalid) {
        String c = toSqlExpr(condition);
        String list = String.join(", ", invalid.stream().map(Expression::sql).toList());
        return new AnalysisException("INVALID_WHERE_CONDITION", "The WHERE condition " + c
                + " contains invalid expressions: " + list + ".\nRewrite the query to avoid window functions,"
                + " aggregate functions, and generator functions in the WHERE clause.",
                Map.of("condition", c, "expressionList", list));
    }

    public static AnalysisException filterNotBoolean(Expression condition) {
        String e = toSqlExpr(condition);
        String type = toSqlType(condition.dataType());
        return dataTypeMismatch("FILTER_NOT_BOOLEAN", condition,
                "Filter expression " + e + " of type " + type + " is not a boolean.",
                Map.of("filter", e, "type", type));
    }

    /** {@code DATATYPE_MISMATCH.<subClass>}: Spark's shape for an expression whose input types do not check. */
    public static AnalysisException dataTypeMismatch(String subClass, Expression e, String detail,
                                                     Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("sqlExpr", toSqlExpr(e));
        return new AnalysisException("DATATYPE_MISMATCH." + subClass,
                "Cannot resolve " + toSqlExpr(e) + " due to data type mismatch: " + detail, all);
    }

    public static AnalysisException cannotResolveStar(List<String> target, List<List<String>> columns) {
        List<String> cols = new ArrayList<>();
        for (List<String> c : columns) {
            cols.add(toSqlId(c));
        }
        cols.sort(null);
        String t = toSqlId(target);
        String c = String.join(", ", cols);
        return new AnalysisException("CANNOT_RESOLVE_STAR_EXPAND",
                "Cannot resolve " + t + ".* given input columns " + c + ". Please check that the specified table"
                        + " or struct exists and is accessible in the input columns.",
                Map.of("targetString", t, "columns", c));
    }
}
