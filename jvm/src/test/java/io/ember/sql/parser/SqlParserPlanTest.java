package io.ember.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.ParseException;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.UnresolvedRelation;
import io.ember.sql.plans.statements.CreateTempViewCommand;
import io.ember.sql.plans.statements.ExplainCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL text to unresolved plans (no session): relations, subquery expressions, commands, and syntax errors. */
class SqlParserPlanTest {
    private final SparkSqlParser parser = new SparkSqlParser(2);

    @Test
    void tablesAreUnresolvedRelationsUnderTheirAlias() {
        Project p = (Project) parser.parsePlan("SELECT x FROM db.`my t` AS t");
        SubqueryAlias a = (SubqueryAlias) p.child();
        assertEquals("t", a.alias());
        assertEquals(List.of("db", "my t"), ((UnresolvedRelation) a.child()).nameParts());
        assertEquals(List.of("global_temp", "v"), parser.parseMultipartIdentifier("global_temp.v"));
    }

    @Test
    void subqueriesBuildTheSubqueryExpressions() {
        Filter in = (Filter) ((Project) parser.parsePlan("SELECT * FROM t WHERE k IN (SELECT k FROM u)")).child();
        assertInstanceOf(InSubquery.class, in.condition());
        Filter ex = (Filter) ((Project) parser.parsePlan("SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u)")).child();
        assertInstanceOf(Exists.class, ex.condition());
        Project s = (Project) parser.parsePlan("SELECT (SELECT max(k) FROM u)");
        assertInstanceOf(ScalarSubquery.class, s.projectList().get(0));
    }

    @Test
    void commandsAreCommandNodes() {
        assertInstanceOf(CreateTempViewCommand.class, parser.parsePlan("CREATE OR REPLACE TEMP VIEW v AS SELECT 1"));
        assertInstanceOf(ExplainCommand.class, parser.parsePlan("EXPLAIN FORMATTED SELECT 1;"));
    }

    @Test
    void syntaxErrorsNameTokenLineAndPosition() {
        ParseException e = assertThrows(ParseException.class, () -> parser.parsePlan("SELECT a,\n b FRM t"));
        assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 't': extra input 't'. SQLSTATE: 42601 (line 2, pos 7)\n\n"
                + "== SQL ==\nSELECT a,\n b FRM t\n-------^^^\n", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(7, e.position());
        ParseException eof = assertThrows(ParseException.class, () -> parser.parsePlan("SELECT 1 +"));
        assertTrue(eof.getMessage().startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input."));
        ParseException stray = assertThrows(ParseException.class, () -> parser.parsePlan("SELECT `a FROM t"));
        assertEquals("'`'", stray.getMessageParameters().get("error"));
        assertEquals("", stray.getMessageParameters().get("hint"));
    }
}
