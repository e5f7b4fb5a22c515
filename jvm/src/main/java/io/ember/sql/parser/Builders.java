package io.ember.sql.parser;

/**
 * The AST builders of one parse, wired to each other: queries use expressions (select lists,
 * conditions) and expressions use queries (subqueries). One instance per parse.
 */
final class Builders {
    private final String sql;
    private final ParseScope scope;
    private final int defaultParallelism;
    private final ExpressionBuilder expressions;
    private final QueryBuilder queries;
    private final RelationBuilder relations;
    private final WindowSpecs windows;

    Builders(String sql, ParseScope scope, int defaultParallelism) {
        this.sql = sql;
        this.scope = scope;
        this.defaultParallelism = defaultParallelism;
        this.expressions = new ExpressionBuilder(this);
        this.queries = new QueryBuilder(this);
        this.relations = new RelationBuilder(this);
        this.windows = new WindowSpecs(this);
    }

    String sql() {
        return sql;
    }

    /** The partitions of {@code range(...)} in FROM when not given. */
    int defaultParallelism() {
        return defaultParallelism;
    }

    ParseScope scope() {
        return scope;
    }

    ExpressionBuilder expressions() {
        return expressions;
    }

    QueryBuilder queries() {
        return queries;
    }

    RelationBuilder relations() {
        return relations;
    }

    WindowSpecs windows() {
        return windows;
    }
}
