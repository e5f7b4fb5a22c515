package io.ember.sql.parser;

import static io.ember.sql.parser.ExpressionBuilder.fn;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * {@code date ± INTERVAL ...}: months (and years) through {@code add_months}, then days through
 * {@code date_add}, which is what Spark computes for a date and a year-month or whole-day
 * interval. An interval with hours or smaller units needs an interval type, which Ember does
 * not have yet; that is reported as unsupported.
 */
final class DateArithmetic {
    private DateArithmetic() {}

    static Expression add(String sql, ParserRuleContext ctx, Expression date, IntervalValue interval) {
        if (interval.micros() != 0) {
            throw ParseErrors.unsupported(sql, ctx, "adding an interval with hours, minutes or seconds.");
        }
        Expression out = date;
        if (interval.months() != 0) {
            out = fn("add_months", out, new Literal(interval.months(), DataTypes.IntegerType));
        }
        if (interval.days() != 0 || interval.months() == 0) {
            out = fn("date_add", out, new Literal(interval.days(), DataTypes.IntegerType));
        }
        return out;
    }
}
