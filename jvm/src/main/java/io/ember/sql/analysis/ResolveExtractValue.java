package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.Map;

/** Turns {@code col[key]} into a field, item or map-value access once {@code col}'s type is known. */
final class ResolveExtractValue implements Rule<LogicalPlan> {
    private final SqlConf conf;

    ResolveExtractValue(SqlConf conf) {
        this.conf = conf;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformAllExpressions(e -> {
            if (e instanceof UnresolvedExtractValue u && u.child().resolved() && u.key().resolved()) {
                return ExtractValues.extract(u.child(), u.key(), conf).orElseThrow(() -> new AnalysisException(
                        "INVALID_EXTRACT_BASE_FIELD_TYPE", "Can't extract a value from " + AnalysisErrors.toSqlExpr(u.child())
                        + ". Need a complex type [STRUCT, ARRAY, MAP] but got " + AnalysisErrors.toSqlType(u.child().dataType())
                        + ".", Map.of("base", AnalysisErrors.toSqlExpr(u.child()),
                        "other", AnalysisErrors.toSqlType(u.child().dataType()))));
            }
            return e;
        });
    }
}
