package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Generator;
import io.ember.sql.expressions.MultiAlias;
import io.ember.sql.plans.Generate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A select with a generator ({@code select(k, explode(xs).alias("x"))}) becomes a
 * {@link Generate} under a project that puts the generated columns where the call was, as
 * Spark's ExtractGenerator does. An alias names a one-column generator's output; otherwise
 * the columns take the generator's field names ({@code col}, {@code pos}, {@code key},
 * {@code value}). A {@link MultiAlias} names every column (their number must match,
 * {@code UDTF_ALIAS_NUMBER_MISMATCH}) and qualifies them with a LATERAL VIEW's table name.
 * One generator per select, as in Spark.
 */
final class ExtractGenerator implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Project p && p.childrenResolved() ? extract(p) : node);
    }

    private static LogicalPlan extract(Project p) {
        int at = -1;
        for (int i = 0; i < p.projectList().size(); i++) {
            Expression e = p.projectList().get(i);
            if (e instanceof MultiAlias m && m.child().resolved() && !(m.child() instanceof Generator)) {
                throw new AnalysisException("MULTI_ALIAS_WITHOUT_GENERATOR", "Multi part aliasing ("
                        + String.join(", ", m.names()) + ") is not supported with \"" + m.child().sql()
                        + "\" as it is not a generator function.",
                        Map.of("names", String.join(", ", m.names()), "expr", "\"" + m.child().sql() + "\""));
            }
            if (generatorOf(e) != null) {
                if (at >= 0) {
                    throw new AnalysisException("UNSUPPORTED_GENERATOR.MULTI_GENERATOR",
                            "The generator is not supported: only one generator allowed per SELECT clause but found 2: "
                                    + p.projectList().get(at).sql() + ", " + e.sql() + ".", Map.of("num", "2"));
                }
                at = i;
            } else if (e.exists(x -> x instanceof Generator)) {
                throw new AnalysisException("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS",
                        "The generator is not supported: nested in expressions " + e.sql() + ".", Map.of("expression", e.sql()));
            }
        }
        if (at < 0) {
            return p;
        }
        Expression entry = p.projectList().get(at);
        Generator g = generatorOf(entry);
        if (!g.resolved()) {
            return p;
        }
        List<StructField> fields = g.elementSchema().fields();
        List<String> names = entry instanceof MultiAlias m ? m.names() : List.of();
        if (!names.isEmpty() && names.size() != fields.size()) {
            throw new AnalysisException("UDTF_ALIAS_NUMBER_MISMATCH", "The number of aliases supplied in the AS clause "
                    + "does not match the number of columns output by the UDTF.\nExpected " + fields.size()
                    + " aliases, but got " + String.join(",", names) + ".\nPlease ensure that the number of aliases "
                    + "provided matches the number of columns output by the UDTF.",
                    Map.of("aliasesSize", String.valueOf(fields.size()), "aliasesNames", String.join(",", names)));
        }
        List<String> qualifier = entry instanceof MultiAlias m ? m.qualifier() : List.of();
        List<AttributeReference> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            StructField f = fields.get(i);
            String name = !names.isEmpty() ? names.get(i)
                    : entry instanceof Alias a && fields.size() == 1 ? a.name() : f.name();
            out.add(new AttributeReference(name, f.dataType(), f.nullable()).withQualifier(qualifier));
        }
        List<Expression> projectList = new ArrayList<>(p.projectList().subList(0, at));
        projectList.addAll(out);
        projectList.addAll(p.projectList().subList(at + 1, p.projectList().size()));
        return new Project(projectList, new Generate(g, g.outer(), out, p.child()));
    }

    private static Generator generatorOf(Expression e) {
        if (e instanceof Generator g) {
            return g;
        }
        if (e instanceof MultiAlias m) {
            return m.child() instanceof Generator g ? g : null;
        }
        return e instanceof Alias a && a.child() instanceof Generator g ? g : null;
    }
}
