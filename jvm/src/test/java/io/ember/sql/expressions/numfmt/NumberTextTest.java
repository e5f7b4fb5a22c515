package io.ember.sql.expressions.numfmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.AnalysisException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Number formats as plain calls; the expected strings are PySpark 4.3's answers. */
class NumberTextTest {
    private static String format(String f, String v) {
        return NumberText.format(NumberFormat.parse(f), new BigDecimal(v));
    }

    private static BigDecimal parse(String f, String text) {
        return NumberText.parse(NumberFormat.parse(f), text);
    }

    @Test
    void formatsPadsAndPlacesSigns() {
        assertEquals("12,454.8-", format("99G999D9S", "-12454.8"));
        assertEquals("   12", format("9,999", "12"));
        assertEquals("0,012", format("0,000", "12"));
        assertEquals("  -5", format("S999", "-5"));
        assertEquals("-$  5", format("S$999", "-5"));
        assertEquals("  <5>", format("999PR", "-5"));
        assertEquals("12.50  ", format("99.99PR", "12.5"));
        assertEquals("0.50", format("9.99", "0.5"));
        assertEquals("   ", format("999", "0"));
        assertEquals(" 5 ", format("99.", "5"));
        assertEquals("12.0", format("99.9", "12.000"));
    }

    @Test
    void digitsThatDoNotFitPrintPoundSigns() {
        assertEquals("###", format("999", "12345"));
        assertEquals("#.##", format("9.99", "1.235"));
        assertEquals("$## ###.#+", format("$99G999D9S", "123456"));
        assertEquals("<##>", format("99PR", "-123"));
    }

    @Test
    void parsesGroupsAlignedRight() {
        assertEquals(new BigDecimal("-12454.8"), parse("99G999D9S", "12,454.8-"));
        assertEquals(new BigDecimal("123"), parse("9,999", "1,23"));
        assertNull(parse("9,999", "12,3"));
        assertNull(parse("9,9", "12"));
        assertEquals(new BigDecimal("12"), parse("999", "1 2"));
        assertEquals(new BigDecimal("12.00"), parse("99.99", "12"));
        assertEquals(new BigDecimal("-12.50"), parse("99.99PR", "<12.5>"));
    }

    @Test
    void zeroPaddedFormatsNeedEveryDigit() {
        assertNull(parse("000", "5"));
        assertEquals(new BigDecimal("12"), parse("0000", "0012"));
        assertNull(parse("09", "1"));
        assertEquals(new BigDecimal("1"), parse("90", "1"));
    }

    @Test
    void signsOnlyWhereTheFormatHasThem() {
        assertNull(parse("9", "-5"));
        assertNull(parse("99MI", "12+"));
        assertEquals(new BigDecimal("5"), parse("S9", "+5"));
        assertNull(parse("$99", "12"));
    }

    @Test
    void malformedFormatsFailWithSparksClasses() {
        assertEquals("INVALID_FORMAT.EMPTY", error(""));
        assertEquals("INVALID_FORMAT.WRONG_NUM_DIGIT", error("abc"));
        assertEquals("INVALID_FORMAT.WRONG_NUM_TOKEN", error("9.9.9"));
        assertEquals("INVALID_FORMAT.CONT_THOUSANDS_SEPS", error("9,,99"));
        assertEquals("INVALID_FORMAT.THOUSANDS_SEPS_MUST_BEFORE_DEC", error("9.9,9"));
        assertEquals("INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT", error("999$"));
        assertEquals("INVALID_FORMAT.UNEXPECTED_TOKEN", error("$S999"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> NumberFormat.parse("9x9"));
        assertEquals("[INVALID_FORMAT.UNEXPECTED_TOKEN] The format is invalid: '9X9'. Found the unexpected character 'X''"
                + " in the format string; the structure of the format string must match: `[MI|S]` `[$]` `[0|9|G|,]*`"
                + " `[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`.", e.getMessage());
    }

    private static String error(String format) {
        return assertThrows(AnalysisException.class, () -> NumberFormat.parse(format)).getErrorClass();
    }
}
