package io.ember.sql.parser;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Spark SQL text to unresolved plans and expressions, the same trees the DataFrame API builds:
 * {@code spark.sql}, {@code selectExpr}, {@code expr}, string conditions. Syntax errors are
 * {@link io.ember.sql.ParseException}s with Spark's message, position and caret. Parameter
 * markers ({@code :name}, {@code ?}) take their values from the maps given. Stateless apart
 * from the parameters; each call builds its own lexer and parser, so one instance may be used
 * from any number of threads.
 */
public final class SparkSqlParser {
    private final Map<String, Expression> namedArgs;
    private final List<Expression> positionalArgs;
    private final int defaultParallelism;

    /** A parser whose {@code range(...)} relations have {@code defaultParallelism} partitions unless given. */
    public SparkSqlParser(int defaultParallelism) {
        this(defaultParallelism, Map.of(), List.of());
    }

    /** A parser that also substitutes {@code :name} and {@code ?} markers with these literals. */
    public SparkSqlParser(int defaultParallelism, Map<String, Expression> namedArgs, List<Expression> positionalArgs) {
        this.defaultParallelism = defaultParallelism;
        this.namedArgs = Map.copyOf(namedArgs);
        this.positionalArgs = List.copyOf(positionalArgs);
    }

    /** A statement: a query, or a command node of {@code io.ember.sql.plans.statements}. */
    public LogicalPlan parsePlan(String sql) {
        return parse(sql, p -> new StatementBuilder(builders(sql)).statement(p.singleStatement().statement()));
    }

    /** One expression, with an alias if it has one ({@code selectExpr("a + 1 AS b")}). */
    public Expression parseExpression(String sql) {
        return parse(sql, p -> builders(sql).expressions().named(p.singleExpression().namedExpression()));
    }

    /** A possibly qualified, possibly back-quoted name: {@code global_temp.`my view`}. */
    public List<String> parseMultipartIdentifier(String sql) {
        return parse(sql, p -> Names.parts(p.singleMultipartIdentifier().multipartIdentifier()));
    }

    private Builders builders(String sql) {
        return new Builders(sql, new ParseScope(namedArgs, positionalArgs), defaultParallelism);
    }

    private static <T> T parse(String sql, Function<SqlParser, T> rule) {
        SqlLexer lexer = new SqlLexer(CharStreams.fromString(sql));
        SyntaxErrors errors = new SyntaxErrors(sql);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        SqlParser parser = new SqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return rule.apply(parser);
    }

    /** The source text a context covers, as written (for types and the SET command). */
    static String textOf(String sql, ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start - 1 : ctx.getStop().getStopIndex();
        return stop < start ? "" : sql.substring(start, stop + 1);
    }
}
