package io.ember.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartNameTest {
    @Test
    void splitsOnDotsOutsideBackquotes() {
        assertEquals(List.of("db", "t"), MultipartName.parse("db.t"));
        assertEquals(List.of("a.b"), MultipartName.parse("`a.b`"));
        assertEquals(List.of("x`y", "z"), MultipartName.parse("`x``y`. z"));
        assertEquals(List.of("spark_catalog", "default", "t"), MultipartName.parse("spark_catalog.default.t"));
    }

    @Test
    void emptyPartsAndOpenQuotesAreSyntaxErrors() {
        assertThrows(ParseException.class, () -> MultipartName.parse("a..b"));
        assertThrows(ParseException.class, () -> MultipartName.parse("`a"));
        assertThrows(ParseException.class, () -> MultipartName.parse(""));
    }
}
