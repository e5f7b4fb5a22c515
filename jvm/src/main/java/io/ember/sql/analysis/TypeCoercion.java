package io.ember.sql.analysis;

import io.ember.sql.SqlConf;
import io.ember.sql.analysis.coercion.BooleanEquality;
import io.ember.sql.analysis.coercion.DateTimeOperations;
import io.ember.sql.analysis.coercion.DecimalPrecision;
import io.ember.sql.analysis.coercion.Division;
import io.ember.sql.analysis.coercion.ImplicitTypeCasts;
import io.ember.sql.analysis.coercion.InConversion;
import io.ember.sql.analysis.coercion.InSubqueryConversion;
import io.ember.sql.analysis.coercion.IntervalOperations;
import io.ember.sql.analysis.coercion.MergedTypesCoercion;
import io.ember.sql.analysis.coercion.PromoteStrings;
import io.ember.sql.analysis.coercion.ResolveTimeZone;
import io.ember.sql.analysis.coercion.WidenSetOperationTypes;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.List;

/**
 * Spark's implicit type coercion (non-ANSI rules), as the rules the analyzer runs in one
 * fixed-point batch after names and functions resolve, in Spark's order. Each rule rewrites
 * only expressions whose children are resolved, so the batch can run with the resolution rules.
 */
public final class TypeCoercion {
    private TypeCoercion() {}

    /** The coercion rules, with casts and time-zone-aware expressions in the session's zone and ANSI mode. */
    public static List<Rule<LogicalPlan>> rules(SqlConf conf) {
        return List.of(
                new WidenSetOperationTypes(),
                new IntervalOperations(),
                new InConversion(),
                new InSubqueryConversion(),
                new PromoteStrings(),
                new DecimalPrecision(),
                new BooleanEquality(),
                new MergedTypesCoercion(),
                new Division(),
                new ImplicitTypeCasts(),
                new DateTimeOperations(),
                new ResolveTimeZone(conf));
    }

    /** The coercion rules with a default conf (JVM time zone, ANSI off). */
    public static List<Rule<LogicalPlan>> rules() {
        return rules(new SqlConf());
    }
}
