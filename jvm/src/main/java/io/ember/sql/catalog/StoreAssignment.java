package io.ember.sql.catalog;

import io.ember.sql.analysis.AnalysisErrors;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a query's columns to a table's, by position, as Spark's ANSI store assignment (its
 * default {@code spark.sql.storeAssignmentPolicy}) does: the counts must match, each value is
 * cast to the column's type where that cast is safe by type (numbers to numbers, anything to
 * string, dates and timestamps between themselves), and renamed to the column.
 */
final class StoreAssignment {
    private StoreAssignment() {}

    /** {@code query} (analyzed) as a plan whose columns are the table's. */
    static LogicalPlan byPosition(CatalogTable table, LogicalPlan query) {
        List<AttributeReference> data = query.output();
        List<StructField> columns = table.schema().fields();
        if (data.size() != columns.size()) {
            throw CatalogErrors.insertArity(table.qualifiedName(), table.schema().fieldNames(),
                    data.stream().map(AttributeReference::name).toList());
        }
        List<Expression> projected = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            AttributeReference in = data.get(i);
            StructField column = columns.get(i);
            if (!canAssign(in.dataType(), column.dataType())) {
                throw CatalogErrors.cannotSafelyCast(table.qualifiedName(), column.name(),
                        AnalysisErrors.toSqlType(in.dataType()), AnalysisErrors.toSqlType(column.dataType()));
            }
            Expression value = in.dataType().equals(column.dataType()) ? in : new Cast(in, column.dataType());
            projected.add(new Alias(value, column.name()));
        }
        return new Project(projected, query);
    }

    /** Whether a value of {@code from} may be stored in a column of {@code to}. */
    static boolean canAssign(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType || to instanceof StringType) {
            return true;
        }
        if (DataTypes.isNumeric(from) && DataTypes.isNumeric(to)) {
            return true;
        }
        if (isDatetime(from) && isDatetime(to)) {
            return true;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canAssign(a.elementType(), b.elementType());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return canAssign(a.keyType(), b.keyType()) && canAssign(a.valueType(), b.valueType());
        }
        if (from instanceof StructType a && to instanceof StructType b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!canAssign(a.field(i).dataType(), b.field(i).dataType())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isDatetime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
    }
}
