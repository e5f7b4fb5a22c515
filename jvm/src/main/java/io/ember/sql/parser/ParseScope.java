package io.ember.sql.parser;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What names mean while one statement is built: the common table expressions of the enclosing
 * {@code WITH} clauses (innermost first; a CTE hides a table of the same name), the named
 * windows of the enclosing {@code WINDOW} clause, and the values of parameter markers. One
 * instance per parse.
 */
final class ParseScope {
    private final Deque<Map<String, LogicalPlan>> ctes = new ArrayDeque<>();
    private final Deque<Map<String, SqlParser.WindowSpecContext>> windows = new ArrayDeque<>();
    private final Map<String, Expression> namedArgs;
    private final List<Expression> positionalArgs;
    private int nextPositional;

    ParseScope(Map<String, Expression> namedArgs, List<Expression> positionalArgs) {
        this.namedArgs = namedArgs;
        this.positionalArgs = positionalArgs;
    }

    void pushCtes() {
        ctes.push(new HashMap<>());
    }

    void defineCte(String name, LogicalPlan plan) {
        ctes.peek().put(name.toLowerCase(Locale.ROOT), plan);
    }

    void popCtes() {
        ctes.pop();
    }

    Optional<LogicalPlan> cte(String name) {
        for (Map<String, LogicalPlan> level : ctes) {
            LogicalPlan p = level.get(name.toLowerCase(Locale.ROOT));
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    void pushWindows(Map<String, SqlParser.WindowSpecContext> named) {
        windows.push(named);
    }

    void popWindows() {
        windows.pop();
    }

    Optional<SqlParser.WindowSpecContext> window(String name) {
        return windows.isEmpty() ? Optional.empty()
                : Optional.ofNullable(windows.peek().get(name.toLowerCase(Locale.ROOT)));
    }

    Expression namedArg(String name) {
        Expression e = namedArgs.get(name);
        if (e == null) {
            throw new AnalysisException("UNBOUND_SQL_PARAMETER", "Found the unbound parameter: " + name
                    + ". Please, fix `args` and provide a mapping of the parameter to either a SQL literal or "
                    + "collection constructor functions such as `map()`, `array()`, `struct()`.", Map.of("name", name));
        }
        return e;
    }

    Expression positionalArg() {
        int i = nextPositional++;
        if (i >= positionalArgs.size()) {
            String name = "_" + (i + 1);
            throw new AnalysisException("UNBOUND_SQL_PARAMETER", "Found the unbound parameter: " + name
                    + ". Please, fix `args` and provide a mapping of the parameter to either a SQL literal or "
                    + "collection constructor functions such as `map()`, `array()`, `struct()`.", Map.of("name", name));
        }
        return positionalArgs.get(i);
    }
}
