package io.ember.sql.analysis;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedRegex;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands {@code *} in a select or aggregate list into every input column, and {@code t.*}
 * into the columns qualified by {@code t}; fails with {@code CANNOT_RESOLVE_STAR_EXPAND} when
 * no column carries that qualifier. A {@code colRegex} column ({@link UnresolvedRegex}) expands
 * to the columns whose names match it, possibly none.
 */
final class ResolveStar implements Rule<LogicalPlan> {
    private final SqlConf conf;

    ResolveStar(SqlConf conf) {
        this.conf = conf;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!node.childrenResolved()) {
                return node;
            }
            if (node instanceof Project p && hasStar(p.projectList())) {
                return new Project(expand(p.projectList(), p.child().output()), p.child());
            }
            if (node instanceof Aggregate a && hasStar(a.aggregateExpressions())) {
                return new Aggregate(a.groupingExpressions(), expand(a.aggregateExpressions(), a.child().output()),
                        a.child());
            }
            return node;
        });
    }

    private static boolean hasStar(List<Expression> list) {
        return list.stream().anyMatch(e -> e instanceof UnresolvedStar || e instanceof UnresolvedRegex);
    }

    private List<Expression> expand(List<Expression> list, List<AttributeReference> input) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : list) {
            if (e instanceof UnresolvedStar s) {
                out.addAll(expandOne(s, input));
            } else if (e instanceof UnresolvedRegex r) {
                out.addAll(expandRegex(r, input));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private List<AttributeReference> expandOne(UnresolvedStar star, List<AttributeReference> input) {
        if (star.target().isEmpty()) {
            return input;
        }
        List<AttributeReference> matched = new ArrayList<>();
        for (AttributeReference a : input) {
            if (endsWith(a.qualifier(), star.target())) {
                matched.add(a);
            }
        }
        if (matched.isEmpty()) {
            throw AnalysisErrors.cannotResolveStar(star.target(),
                    input.stream().map(NameResolver::qualifiedName).toList());
        }
        return matched;
    }

    /** Spark's {@code UnresolvedRegex.expand}: whole-name matches, {@code (?i)} unless case-sensitive. */
    private List<AttributeReference> expandRegex(UnresolvedRegex regex, List<AttributeReference> input) {
        Pattern p = Pattern.compile(conf.caseSensitive() ? regex.pattern() : "(?i)" + regex.pattern());
        List<AttributeReference> matched = new ArrayList<>();
        for (AttributeReference a : input) {
            boolean inTable = regex.table() == null || (!a.qualifier().isEmpty()
                    && conf.sameName(a.qualifier().get(a.qualifier().size() - 1), regex.table()));
            if (inTable && p.matcher(a.name()).matches()) {
                matched.add(a);
            }
        }
        return matched;
    }

    private boolean endsWith(List<String> qualifier, List<String> target) {
        if (target.size() > qualifier.size()) {
            return false;
        }
        int offset = qualifier.size() - target.size();
        for (int i = 0; i < target.size(); i++) {
            if (!conf.sameName(qualifier.get(offset + i), target.get(i))) {
                return false;
            }
        }
        return true;
    }
}
