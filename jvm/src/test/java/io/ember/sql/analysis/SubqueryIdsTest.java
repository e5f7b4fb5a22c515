package io.ember.sql.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.subquery.OuterReference;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The same relation inside a subquery and out: fresh ids once, and a fixed point after that. */
class SubqueryIdsTest {
    private final AttributeReference k = new AttributeReference("k", DataTypes.IntegerType, true);
    private final AttributeReference v = new AttributeReference("v", DataTypes.LongType, true);
    private final LocalRelation rel = new LocalRelation(List.of(k, v), List.of());

    private static Set<ExprId> ids(List<AttributeReference> attrs) {
        Set<ExprId> s = new HashSet<>();
        attrs.forEach(a -> s.add(a.exprId()));
        return s;
    }

    @Test
    void uncorrelatedSubqueryOfTheSameRelationGetsFreshIdsOnce() {
        LogicalPlan sub = new Project(List.of(v), new Filter(new EqualTo(k, k), rel));
        LogicalPlan once = SubqueryIds.distinctFrom(sub, rel.output());
        assertNotSame(sub, once);
        Set<ExprId> seen = ids(once.output());
        seen.retainAll(ids(rel.output()));
        assertTrue(seen.isEmpty(), once.treeString());
        // The resolution batch calls this again every pass: a renewed plan must come back as is,
        // or the batch never reaches its fixed point (each pass added a select of new ids).
        assertSame(once, SubqueryIds.distinctFrom(once, rel.output()));
    }

    @Test
    void correlatedFilterKeepsItsOuterReferenceAndReachesAFixedPoint() {
        LogicalPlan sub = new Project(List.of(v), new Filter(new EqualTo(k, new OuterReference(k)), rel));
        LogicalPlan once = SubqueryIds.distinctFrom(sub, rel.output());
        Filter f = (Filter) once.children().get(0);
        EqualTo cond = (EqualTo) f.condition();
        AttributeReference inner = (AttributeReference) cond.left();
        OuterReference outer = (OuterReference) cond.right();
        assertEquals(k.exprId(), outer.attribute().exprId());
        assertFalse(inner.exprId().equals(k.exprId()), once.treeString());
        assertSame(once, SubqueryIds.distinctFrom(once, rel.output()));
    }

    @Test
    void planWithoutSharedIdsIsReturnedAsIs() {
        AttributeReference w = new AttributeReference("w", DataTypes.IntegerType, true);
        LogicalPlan other = new LocalRelation(List.of(w), List.of());
        assertSame(other, SubqueryIds.distinctFrom(other, rel.output()));
    }
}
