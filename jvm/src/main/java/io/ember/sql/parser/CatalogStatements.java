package io.ember.sql.parser;

import io.ember.sql.catalog.TableDefinition;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.statements.AnalyzeTableCommand;
import io.ember.sql.plans.statements.CacheTableCommand;
import io.ember.sql.plans.statements.CreateTableCommand;
import io.ember.sql.plans.statements.CreateTempViewCommand;
import io.ember.sql.plans.statements.DescribeCommand;
import io.ember.sql.sources.BucketSpec;
import io.ember.sql.plans.statements.DescribeFunctionCommand;
import io.ember.sql.plans.statements.DropTableCommand;
import io.ember.sql.plans.statements.DropViewCommand;
import io.ember.sql.plans.statements.InsertIntoCommand;
import io.ember.sql.plans.statements.ShowFunctionsCommand;
import io.ember.sql.plans.statements.ShowTablesCommand;
import io.ember.sql.plans.statements.UncacheTableCommand;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the commands that act on the session catalog and cache: SHOW, DESCRIBE, CACHE,
 * UNCACHE, CLEAR CACHE, CREATE/DROP TEMP VIEW, CREATE/DROP TABLE, INSERT, ANALYZE. Anything
 * else yields null (the caller's concern). One instance per statement.
 */
final class CatalogStatements extends SqlParserBaseVisitor<LogicalPlan> {
    private final Builders b;

    CatalogStatements(Builders b) {
        this.b = b;
    }

    @Override
    protected LogicalPlan defaultResult() {
        return null;
    }

    @Override
    public LogicalPlan visitShowTables(SqlParser.ShowTablesContext ctx) {
        return new ShowTablesCommand(ctx.ns == null ? null : String.join(".", Names.parts(ctx.ns)),
                ctx.pattern == null ? null : LiteralBuilder.string(ctx.pattern), false);
    }

    @Override
    public LogicalPlan visitShowViews(SqlParser.ShowViewsContext ctx) {
        return new ShowTablesCommand(ctx.ns == null ? null : String.join(".", Names.parts(ctx.ns)),
                ctx.pattern == null ? null : LiteralBuilder.string(ctx.pattern), true);
    }

    @Override
    public LogicalPlan visitShowFunctions(SqlParser.ShowFunctionsContext ctx) {
        String pattern = ctx.pattern != null ? LiteralBuilder.string(ctx.pattern)
                : ctx.name != null ? String.join(".", Names.parts(ctx.name)) : null;
        return new ShowFunctionsCommand(pattern, ctx.kind == null ? null : Names.of(ctx.kind));
    }

    @Override
    public LogicalPlan visitShowColumns(SqlParser.ShowColumnsContext ctx) {
        List<String> table = new ArrayList<>();
        if (ctx.ns != null) {
            table.addAll(Names.parts(ctx.ns));
        }
        table.addAll(Names.parts(ctx.table));
        return new DescribeCommand(table, null, true);
    }

    @Override
    public LogicalPlan visitDescribeRelation(SqlParser.DescribeRelationContext ctx) {
        return new DescribeCommand(Names.parts(ctx.multipartIdentifier()), null, false, ctx.option != null);
    }

    @Override
    public LogicalPlan visitDescribeQuery(SqlParser.DescribeQueryContext ctx) {
        return new DescribeCommand(null, b.queries().query(ctx.query()), false);
    }

    @Override
    public LogicalPlan visitDescribeFunction(SqlParser.DescribeFunctionContext ctx) {
        SqlParser.DescribeFuncNameContext f = ctx.describeFuncName();
        String name = f.stringLit() != null ? LiteralBuilder.string(f.stringLit())
                : f.multipartIdentifier() != null ? String.join(".", Names.parts(f.multipartIdentifier()))
                : f.getText();
        return new DescribeFunctionCommand(name, ctx.EXTENDED() != null);
    }

    @Override
    public LogicalPlan visitCacheTable(SqlParser.CacheTableContext ctx) {
        return new CacheTableCommand(Names.parts(ctx.multipartIdentifier()),
                ctx.query() == null ? null : b.queries().query(ctx.query()), ctx.LAZY() != null);
    }

    @Override
    public LogicalPlan visitUncacheTable(SqlParser.UncacheTableContext ctx) {
        return new UncacheTableCommand(Names.parts(ctx.multipartIdentifier()), ctx.EXISTS() != null);
    }

    @Override
    public LogicalPlan visitClearCache(SqlParser.ClearCacheContext ctx) {
        return new UncacheTableCommand(null, false);
    }

    @Override
    public LogicalPlan visitCreateTempView(SqlParser.CreateTempViewContext ctx) {
        return new CreateTempViewCommand(Names.parts(ctx.multipartIdentifier()), Names.list(ctx.identifierList()),
                b.queries().query(ctx.query()), ctx.REPLACE() != null, ctx.GLOBAL() != null, ctx.EXISTS() != null);
    }

    @Override
    public LogicalPlan visitDropView(SqlParser.DropViewContext ctx) {
        return new DropViewCommand(Names.parts(ctx.multipartIdentifier()), ctx.EXISTS() != null);
    }

    @Override
    public LogicalPlan visitCreateTable(SqlParser.CreateTableContext ctx) {
        StructType schema = null;
        if (!ctx.colDefinition().isEmpty()) {
            List<StructField> fields = new ArrayList<>();
            for (SqlParser.ColDefinitionContext c : ctx.colDefinition()) {
                Map<String, Object> metadata = c.comment == null ? Map.of()
                        : Map.of("comment", LiteralBuilder.string(c.comment));
                fields.add(new StructField(Names.of(c.name), b.expressions().dataType(c.dataType()), c.NOT() == null,
                        metadata));
            }
            schema = new StructType(fields);
        }
        List<String> partitions = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        String comment = null;
        BucketSpec buckets = null;
        Map<String, String> tblProperties = new LinkedHashMap<>();
        for (SqlParser.CreateTableClauseContext clause : ctx.createTableClause()) {
            if (clause.PARTITIONED() != null) {
                partitions.addAll(Names.list(clause.identifierList()));
            } else if (clause.bucketSpec() != null) {
                buckets = bucketSpec(clause.bucketSpec());
            } else if (clause.OPTIONS() != null) {
                options.putAll(properties(clause.propertyList()));
            } else if (clause.comment != null) {
                comment = LiteralBuilder.string(clause.comment);
            } else if (clause.TBLPROPERTIES() != null) {
                tblProperties.putAll(properties(clause.propertyList()));
            }
        }
        String provider = ctx.provider == null ? "parquet" : String.join(".", Names.parts(ctx.provider)).toLowerCase(Locale.ROOT);
        TableDefinition def = new TableDefinition(Names.parts(ctx.multipartIdentifier(0)), schema, provider, partitions,
                options, options.get("path"), comment, buckets, tblProperties);
        boolean replace = ctx.REPLACE() != null;
        return new CreateTableCommand(def, ctx.query() == null ? null : b.queries().query(ctx.query()),
                ctx.EXISTS() != null, replace);
    }

    /** {@code CLUSTERED BY (c) [SORTED BY (s [ASC])] INTO n BUCKETS}; sort columns must be ascending, as in Spark. */
    private BucketSpec bucketSpec(SqlParser.BucketSpecContext ctx) {
        List<String> sort = new ArrayList<>();
        for (SqlParser.OrderedIdentifierContext c : ctx.orderedIdentifier()) {
            if (c.DESC() != null) {
                String message = "Column ordering must be ASC, was 'DESC'";
                throw ParseErrors.at(b.sql(), ctx, "_LEGACY_ERROR_TEMP_0035", "Operation not allowed: " + message,
                        null, Map.of("message", message));
            }
            sort.add(Names.of(c.errorCapturingIdentifier()));
        }
        int n;
        try {
            n = Integer.parseInt(ctx.INTEGER_VALUE().getText());
        } catch (NumberFormatException e) {
            n = Integer.MAX_VALUE;
        }
        return new BucketSpec(n, Names.list(ctx.identifierList()), sort);
    }

    static Map<String, String> properties(SqlParser.PropertyListContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SqlParser.PropertyContext p : ctx.property()) {
            String key = p.key.stringLit() != null ? LiteralBuilder.string(p.key.stringLit()) : p.key.getText();
            String value = p.value == null ? null
                    : p.value.stringLit() != null ? LiteralBuilder.string(p.value.stringLit()) : p.value.getText();
            out.put(key, value);
        }
        return out;
    }

    @Override
    public LogicalPlan visitInsertInto(SqlParser.InsertIntoContext ctx) {
        boolean byName = ctx.byName != null;
        if (byName && !Names.of(ctx.byName).equalsIgnoreCase("NAME")) {
            throw ParseErrors.invalid(b.sql(), ctx.byName, "Expected BY NAME.");
        }
        List<String> columns = ctx.identifierList() == null ? null : Names.list(ctx.identifierList());
        return new InsertIntoCommand(Names.parts(ctx.multipartIdentifier()), b.queries().query(ctx.query()),
                ctx.OVERWRITE() != null, columns, byName);
    }

    @Override
    public LogicalPlan visitDropTable(SqlParser.DropTableContext ctx) {
        return new DropTableCommand(Names.parts(ctx.multipartIdentifier()), ctx.EXISTS() != null);
    }

    @Override
    public LogicalPlan visitAnalyzeTable(SqlParser.AnalyzeTableContext ctx) {
        return new AnalyzeTableCommand(Names.parts(ctx.multipartIdentifier()));
    }
}
