package io.ember.sql.optimizer;

import io.ember.sql.TestingFunctions;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.types.DataTypes;
import java.util.List;

/** Columns, relations and operator builders shared by the optimizer rule tests. */
abstract class RuleTestBase {
    final Predicates p = new Predicates(TestingFunctions.registry());
    final AttributeReference a = new AttributeReference("a", DataTypes.LongType, true);
    final AttributeReference b = new AttributeReference("b", DataTypes.LongType, true);
    final AttributeReference c = new AttributeReference("c", DataTypes.StringType, true);
    final LocalRelation rel = new LocalRelation(List.of(a, b, c), List.of());
    final AttributeReference x = new AttributeReference("x", DataTypes.LongType, true);
    final AttributeReference y = new AttributeReference("y", DataTypes.LongType, true);
    final LocalRelation other = new LocalRelation(List.of(x, y), List.of());

    Expression op(String name, Expression... args) {
        return p.build(name, List.of(args)).orElseThrow();
    }

    static Literal lit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    Expression gt(Expression l, Expression r) {
        return op(">", l, r);
    }

    Expression and(Expression l, Expression r) {
        return op("and", l, r);
    }
}
