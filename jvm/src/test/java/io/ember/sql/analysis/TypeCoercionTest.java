package io.ember.sql.analysis;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Add;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Coalesce;
import io.ember.sql.expressions.Divide;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.In;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Multiply;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Union;
import io.ember.sql.rules.Rule;
import io.ember.sql.rules.RuleExecutor;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plan in, plan out: each case projects one expression over a relation and checks the coerced expression. */
class TypeCoercionTest {
    private final AttributeReference i = new AttributeReference("i", DataTypes.IntegerType, true);
    private final AttributeReference l = new AttributeReference("l", DataTypes.LongType, true);
    private final AttributeReference d = new AttributeReference("d", DataTypes.DoubleType, true);
    private final AttributeReference s = new AttributeReference("s", DataTypes.StringType, true);
    private final AttributeReference dec = new AttributeReference("dec", new DecimalType(10, 2), true);
    private final AttributeReference dt = new AttributeReference("dt", DataTypes.DateType, true);
    private final LocalRelation rel = new LocalRelation(List.of(i, l, d, s, dec, dt), List.of());

    private static LogicalPlan coerce(LogicalPlan p, SqlConf conf) {
        return new RuleExecutor<LogicalPlan>() {
            @Override
            protected List<Batch<LogicalPlan>> batches() {
                @SuppressWarnings("unchecked")
                Rule<LogicalPlan>[] rules = TypeCoercion.rules(conf).toArray(new Rule[0]);
                return List.of(Batch.fixedPoint("coercion", rules));
            }
        }.execute(p);
    }

    private Expression coerced(Expression e) {
        Project out = (Project) coerce(new Project(List.of(new Alias(e, "x")), rel), new SqlConf());
        return ((Alias) out.projectList().get(0)).child();
    }

    @Test
    void numericOperandsWidenToTheTightestType() {
        Expression e = coerced(new Add(i, l));
        Add a = (Add) e;
        assertEquals(i, ((Cast) a.left()).child());
        assertEquals(DataTypes.LongType, a.left().dataType());
        assertSame(l, a.right());
        assertEquals(DataTypes.LongType, e.dataType());
        assertEquals("(i + l)", e.sql());
    }

    @Test
    void divisionOfIntegersIsDouble() {
        Expression e = coerced(new Divide(i, i));
        assertEquals(DataTypes.DoubleType, e.dataType());
        assertTrue(e.resolved());
    }

    @Test
    void stringsInArithmeticAreDoublesAndInComparisonsTakeTheOtherType() {
        assertEquals(DataTypes.DoubleType, coerced(new Add(i, s)).dataType());
        EqualTo eq = (EqualTo) coerced(new EqualTo(i, s));
        assertEquals(DataTypes.IntegerType, eq.right().dataType());
        GreaterThan gt = (GreaterThan) coerced(new GreaterThan(dt, new Literal("2020-01-01", DataTypes.StringType)));
        assertEquals(DataTypes.DateType, gt.right().dataType());
        EqualTo decStr = (EqualTo) coerced(new EqualTo(dec, s));
        assertEquals(DataTypes.DoubleType, decStr.left().dataType());
    }

    @Test
    void decimalsMeetIntegersAsDecimalsAndDoublesAsDoubles() {
        Expression withLiteral = coerced(new Add(dec, new Literal(1, DataTypes.IntegerType)));
        assertEquals(new DecimalType(11, 2), withLiteral.dataType());
        Expression withColumn = coerced(new Multiply(dec, i));
        assertEquals(new DecimalType(21, 2), withColumn.dataType());
        assertEquals(DataTypes.DoubleType, coerced(new Add(dec, d)).dataType());
    }

    @Test
    void branchesAndListsUnify() {
        assertEquals(DataTypes.LongType, coerced(new Coalesce(List.of(i, l))).dataType());
        CaseWhen cw = new CaseWhen(List.<Expression[]>of(new Expression[] {new GreaterThan(i, i), i}), d);
        Expression c = coerced(cw);
        assertEquals(DataTypes.DoubleType, c.dataType());
        assertTrue(c.resolved());
        In in = (In) coerced(new In(i, List.of(new Literal("x", DataTypes.StringType), new Literal(2, DataTypes.IntegerType))));
        assertEquals(DataTypes.StringType, in.value().dataType());
        assertTrue(in.resolved());
    }

    @Test
    void functionInputsAreCastImplicitly() {
        Expression e = coerced(new Sum(s));
        assertEquals(DataTypes.DoubleType, e.dataType());
        assertEquals("sum(s)", e.sql());
    }

    @Test
    void noCommonTypeLeavesTheMismatchForTheCheck() {
        Expression e = coerced(new Add(i, new Literal(true, DataTypes.BooleanType)));
        assertFalse(e.resolved());
        assertEquals("BINARY_OP_DIFF_TYPES", e.checkInputDataTypes().subClass());
        Expression co = coerced(new Coalesce(List.of(i, new Literal(true, DataTypes.BooleanType))));
        assertEquals("DATA_DIFF_TYPES", co.checkInputDataTypes().subClass());
    }

    @Test
    void castsTakeTheSessionZoneAndAnsiMode() {
        SqlConf conf = new SqlConf();
        conf.set(SqlConf.SESSION_TIME_ZONE, "Asia/Tokyo");
        conf.set(SqlConf.ANSI_ENABLED, "true");
        Project out = (Project) coerce(new Project(List.of(new Alias(new Cast(s, DataTypes.TimestampType), "x")), rel), conf);
        Cast c = (Cast) ((Alias) out.projectList().get(0)).child();
        assertEquals("Asia/Tokyo", c.timeZoneId());
        assertTrue(c.ansi());
    }

    @Test
    void unionColumnsWidenInEveryInput() {
        AttributeReference other = new AttributeReference("o", DataTypes.LongType, true);
        LocalRelation r2 = new LocalRelation(List.of(other), List.of());
        LocalRelation r1 = new LocalRelation(List.of(i), List.of());
        Union u = (Union) coerce(new Union(List.of(r1, r2)), new SqlConf());
        assertEquals(DataTypes.LongType, u.output().get(0).dataType());
        assertEquals(i.exprId(), u.output().get(0).exprId());
        assertSame(r2, u.children().get(1));
    }

    @Test
    void dateArithmeticCountsDays() {
        Expression plus = coerced(new Add(dt, i));
        assertEquals(DataTypes.DateType, plus.dataType());
        assertTrue(plus.resolved());
        assertEquals(DataTypes.DateType, coerced(new Add(l, dt)).dataType());
        // Spark 4: date - date is an interval of days, not an int
        assertEquals(new io.ember.sql.types.DayTimeIntervalType(0, 0),
                coerced(new io.ember.sql.expressions.Subtract(dt, dt)).dataType());
        assertEquals(DataTypes.DateType, coerced(new io.ember.sql.expressions.Subtract(dt, new Literal(1, DataTypes.IntegerType))).dataType());
    }
}
