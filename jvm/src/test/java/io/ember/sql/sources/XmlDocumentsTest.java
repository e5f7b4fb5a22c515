package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.types.DdlParser;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One XML record read, inferred and written as plain calls; expected values are PySpark 4.3's. */
class XmlDocumentsTest {
    private final XmlDocuments xml = XmlDocuments.of(Map.of(), "UTC");

    private static StructType schema(String ddl) {
        return DdlParser.parseSchema(ddl);
    }

    @Test
    void infersSortedFieldsArraysAttributesAndValues() {
        assertEquals("STRUCT<a: ARRAY<BIGINT>, b: STRING, c: DOUBLE, d: BOOLEAN, e: STRING>",
                SqlTypes.sqlName(xml.infer("<p><a>1</a><a>2</a><b>x</b><c>1.5</c><d>true</d><e/></p>")));
        assertEquals("STRUCT<a: STRUCT<_VALUE: BIGINT, _attr: BIGINT>>",
                SqlTypes.sqlName(xml.infer("<p><a attr=\"2\">1</a></p>")));
        assertEquals("STRUCT<_x: BIGINT, a: STRUCT<b: DATE, c: TIMESTAMP>>",
                SqlTypes.sqlName(xml.infer("<p x=\"1\"><a><b>2020-01-01</b><c>2020-01-01 10:00:00</c></a></p>")));
        assertEquals("STRUCT<_corrupt_record: STRING>", SqlTypes.sqlName(xml.infer("<p>unclosed")));
    }

    @Test
    void readsBySchemaWithAttributesAndRepeatedElements() {
        Object[] row = xml.parse("<p a=\"1\"><s><n>Bob</n></s><s><n>Eve</n></s><b c=\"7\">t</b></p>",
                schema("_a INT, s ARRAY<STRUCT<n: STRING>>, b STRUCT<_c: INT, _VALUE: STRING>"));
        assertEquals(1, row[0]);
        @SuppressWarnings("unchecked")
        List<Object[]> s = (List<Object[]>) row[1];
        assertEquals("Bob", s.get(0)[0]);
        assertEquals("Eve", s.get(1)[0]);
        assertArrayEquals(new Object[] {7, "t"}, (Object[]) row[2]);
    }

    @Test
    void malformedTextAndBadValuesReadAsNulls() {
        assertArrayEquals(new Object[] {null}, xml.parse("<p>bad", schema("a INT")));
        assertArrayEquals(new Object[] {null}, xml.parse("<p><a>x</a></p>", schema("a INT")));
    }

    @Test
    void writesAttributesValueTagAndIndentation() {
        StructType t = schema("_a INT, b ARRAY<INT>, c STRUCT<_x: INT, _VALUE: STRING>, n INT");
        Object[] row = {1, List.of(1, 2), new Object[] {3, "v<"}, null};
        assertEquals("<ROW a=\"1\">\n    <b>1</b>\n    <b>2</b>\n    <c x=\"3\">v&lt;</c>\n</ROW>", xml.format(row, t));
    }
}
