package io.ember.sql.parser;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.WindowFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ...)} and {@code OVER w} with
 * {@code w} from the query's {@code WINDOW} clause (which may name another window). Frame
 * offsets must be integer constants. One instance per parse.
 */
final class WindowSpecs {
    private final Builders b;

    WindowSpecs(Builders b) {
        this.b = b;
    }

    Expression over(Expression function, SqlParser.WindowSpecContext spec) {
        SqlParser.WindowDefContext def = definition(spec, new HashSet<>());
        List<Expression> partitionBy = b.expressions().expressions(def.partition);
        List<SortOrder> orderBy = new ArrayList<>();
        def.sortItem().forEach(s -> orderBy.add(b.queries().sortOrder(s)));
        WindowFrame frame = def.windowFrame() == null ? null : frame(def.windowFrame());
        return new WindowExpression(function, partitionBy, orderBy, frame);
    }

    private SqlParser.WindowDefContext definition(SqlParser.WindowSpecContext spec, Set<String> seen) {
        if (spec instanceof SqlParser.WindowDefContext def) {
            return def;
        }
        String name = Names.of(((SqlParser.WindowRefContext) spec).name);
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
            throw ParseErrors.invalid(b.sql(), spec, "window " + name + " refers to itself.");
        }
        SqlParser.WindowSpecContext named = b.scope().window(name).orElseThrow(() -> ParseErrors.at(b.sql(), spec,
                "MISSING_WINDOW_SPECIFICATION", "Window specification " + name + " is not defined in the WINDOW clause.",
                "42P20", Map.of("windowName", name)));
        return definition(named, seen);
    }

    private WindowFrame frame(SqlParser.WindowFrameContext ctx) {
        boolean rows = ctx.frameType.getType() == SqlLexer.ROWS;
        long start = bound(ctx.start);
        long end = ctx.end == null ? WindowFrame.CURRENT_ROW : bound(ctx.end);
        return new WindowFrame(rows, start, end);
    }

    private long bound(SqlParser.FrameBoundContext ctx) {
        if (ctx.UNBOUNDED() != null) {
            return ctx.boundType.getType() == SqlLexer.PRECEDING ? WindowFrame.UNBOUNDED_PRECEDING
                    : WindowFrame.UNBOUNDED_FOLLOWING;
        }
        if (ctx.boundType.getType() == SqlLexer.CURRENT) {
            return WindowFrame.CURRENT_ROW;
        }
        Expression e = b.expressions().visit(ctx.valueExpression());
        if (!(e instanceof Literal l) || !(l.value() instanceof Number n)) {
            throw ParseErrors.unsupported(b.sql(), ctx, "a window frame bound that is not an integer constant.");
        }
        long v = n.longValue();
        return ctx.boundType.getType() == SqlLexer.PRECEDING ? -v : v;
    }
}
