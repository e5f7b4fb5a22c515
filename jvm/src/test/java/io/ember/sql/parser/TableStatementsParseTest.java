package io.ember.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.ParseException;
import io.ember.sql.plans.statements.AlterTablePropertiesCommand;
import io.ember.sql.plans.statements.DescribeFunctionCommand;
import io.ember.sql.plans.statements.InsertIntoCommand;
import io.ember.sql.plans.statements.ShowCreateTableCommand;
import io.ember.sql.plans.statements.ShowFunctionsCommand;
import io.ember.sql.plans.statements.ShowTblPropertiesCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL text to the commands about table definitions, inserts by column and function descriptions. */
class TableStatementsParseTest {
    private final SparkSqlParser parser = new SparkSqlParser(2);

    @Test
    void insertWithAColumnListOrByName() {
        assertEquals(new InsertIntoCommand(List.of("db", "t"), null, false, List.of("b", "a"), false),
                parser.parsePlan("INSERT INTO db.t (b, a) VALUES (1, 2)"));
        assertEquals(new InsertIntoCommand(List.of("t"), null, true, null, true),
                parser.parsePlan("INSERT OVERWRITE TABLE t BY NAME SELECT 1 AS a"));
        assertEquals(new InsertIntoCommand(List.of("t"), null, false, null, false), parser.parsePlan("INSERT INTO t TABLE u"));
        assertThrows(ParseException.class, () -> parser.parsePlan("INSERT INTO t BY POSITION SELECT 1"));
    }

    @Test
    void tablePropertiesStatements() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("a", "1");
        set.put("b.c", "2");
        assertEquals(new AlterTablePropertiesCommand(List.of("db", "t"), set, List.of(), false),
                parser.parsePlan("ALTER TABLE db.t SET TBLPROPERTIES ('a' = '1', b.c = 2)"));
        assertEquals(new AlterTablePropertiesCommand(List.of("v"), Map.of(), List.of("a", "b"), true),
                parser.parsePlan("ALTER VIEW v UNSET TBLPROPERTIES IF EXISTS ('a', b)"));
        ParseException e = assertThrows(ParseException.class,
                () -> parser.parsePlan("ALTER TABLE t UNSET TBLPROPERTIES ('a'='b')"));
        assertEquals("_LEGACY_ERROR_TEMP_0035", e.getErrorClass());
        assertEquals(new ShowTblPropertiesCommand(List.of("t"), null), parser.parsePlan("SHOW TBLPROPERTIES t"));
        assertEquals(new ShowTblPropertiesCommand(List.of("t"), "k.x"), parser.parsePlan("SHOW TBLPROPERTIES t (k.x)"));
        assertEquals(new ShowCreateTableCommand(List.of("t"), false), parser.parsePlan("SHOW CREATE TABLE t"));
        assertEquals(new ShowCreateTableCommand(List.of("t"), true), parser.parsePlan("SHOW CREATE TABLE t AS SERDE"));
    }

    @Test
    void describeFunctionTakesNamesStringsAndOperators() {
        assertEquals(new DescribeFunctionCommand("upper", false), parser.parsePlan("DESCRIBE FUNCTION upper"));
        assertEquals(new DescribeFunctionCommand("upper", true), parser.parsePlan("DESC FUNCTION EXTENDED 'upper'"));
        assertEquals(new DescribeFunctionCommand("<=>", false), parser.parsePlan("DESCRIBE FUNCTION <=>"));
        assertEquals(new DescribeFunctionCommand("||", false), parser.parsePlan("DESCRIBE FUNCTION ||"));
        assertEquals(new ShowFunctionsCommand("ab*", "user"), parser.parsePlan("SHOW USER FUNCTIONS LIKE 'ab*'"));
    }
}
