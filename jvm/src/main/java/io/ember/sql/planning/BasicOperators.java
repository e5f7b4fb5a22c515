package io.ember.sql.planning;

import io.ember.sql.execution.FilterExec;
import io.ember.sql.execution.GenerateExec;
import io.ember.sql.execution.LocalTableScanExec;
import io.ember.sql.execution.ProjectExec;
import io.ember.sql.execution.RangeExec;
import io.ember.sql.execution.SortExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.execution.UnionExec;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Generate;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Range;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one-to-one nodes: range, local rows, project, filter, sort, union, generate, expand; aliases vanish. */
final class BasicOperators implements Strategy {
    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (plan instanceof Range r) {
            return Optional.of(new RangeExec(r.start(), r.step(), r.count(), r.numSlices(), r.output().get(0)));
        }
        if (plan instanceof LocalRelation l) {
            return Optional.of(new LocalTableScanExec(l.output(), l.batches(), 0));
        }
        if (plan instanceof Project p) {
            List<NamedExpression> list = new ArrayList<>();
            p.projectList().forEach(e -> list.add((NamedExpression) e));
            return Optional.of(new ProjectExec(list, planner.planChild(p.child())));
        }
        if (plan instanceof Filter f) {
            return Optional.of(new FilterExec(f.condition(), planner.planChild(f.child())));
        }
        if (plan instanceof Sort s) {
            return Optional.of(new SortExec(s.order(), s.global(), planner.planChild(s.child())));
        }
        if (plan instanceof Union u) {
            List<SparkPlan> kids = new ArrayList<>();
            u.children().forEach(c -> kids.add(planner.planChild(c)));
            return Optional.of(new UnionExec(kids));
        }
        if (plan instanceof Generate g) {
            return Optional.of(new GenerateExec(g.generator(), g.outer(), g.generatorOutput(), planner.planChild(g.child())));
        }
        if (plan instanceof io.ember.sql.plans.Expand e) {
            return Optional.of(new io.ember.sql.execution.ExpandExec(e.projections(), e.output(), planner.planChild(e.child())));
        }
        if (plan instanceof SubqueryAlias a) {
            return Optional.of(planner.planChild(a.child()));
        }
        return Optional.empty();
    }
}
