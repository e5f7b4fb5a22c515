package io.ember.sql.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.core.ErrorCondition;
import io.ember.core.ErrorKind;
import io.ember.core.TaskFailedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error conditions of runtime expression failures: SQLSTATE and kind as Spark 4.3 reports them. */
class ExpressionEvalExceptionTest {

    @Test
    void malformedCastKindFollowsTheTargetType() {
        assertEquals(ErrorKind.NUMBER_FORMAT, ExpressionEvalException.invalidInput("x", "STRING", "INT").errorKind());
        assertEquals(ErrorKind.NUMBER_FORMAT,
                ExpressionEvalException.invalidInput("x", "STRING", "DECIMAL(10,2)").errorKind());
        assertEquals(ErrorKind.DATE_TIME, ExpressionEvalException.invalidInput("x", "STRING", "DATE").errorKind());
        assertEquals(ErrorKind.DATE_TIME,
                ExpressionEvalException.invalidInput("x", "STRING", "TIMESTAMP").errorKind());
        ExpressionEvalException bool = ExpressionEvalException.invalidInput("x", "STRING", "BOOLEAN");
        assertEquals(ErrorKind.RUNTIME, bool.errorKind());
        assertEquals("22018", bool.getSqlState());
        assertEquals("\"spark.sql.ansi.enabled\"", bool.getMessageParameters().get("ansiConfig"));
    }

    @Test
    void subClassesAreLookedUpWholeThenByTheirMainClass() {
        ExpressionEvalException start = new ExpressionEvalException("INVALID_PARAMETER_VALUE.START", "m", Map.of());
        assertEquals(ErrorKind.RUNTIME, start.errorKind());
        assertEquals("22023", start.getSqlState());
        ExpressionEvalException charset = new ExpressionEvalException("INVALID_PARAMETER_VALUE.CHARSET", "m", Map.of());
        assertEquals(ErrorKind.ILLEGAL_ARGUMENT, charset.errorKind());
        ExpressionEvalException div = new ExpressionEvalException("DIVIDE_BY_ZERO", "m", Map.of());
        assertEquals(ErrorKind.ARITHMETIC, div.errorKind());
        assertEquals("22012", div.getSqlState());
        ExpressionEvalException unknown = new ExpressionEvalException("NOT_A_CLASS", "m", Map.of());
        assertEquals(ErrorKind.RUNTIME, unknown.errorKind());
        assertNull(unknown.getSqlState());
    }

    @Test
    void castOverflowWritesTheValueAsASqlLiteral() {
        assertEquals("3000000000L", ExpressionEvalException.overflow(3000000000L, "BIGINT", "INT")
                .getMessageParameters().get("value"));
        assertEquals("1000S", ExpressionEvalException.overflow((short) 1000, "SMALLINT", "TINYINT")
                .getMessageParameters().get("value"));
        assertEquals("1000", ExpressionEvalException.overflow(1000, "INT", "TINYINT").getMessageParameters().get("value"));
    }

    @Test
    void conditionIsFoundBelowATaskFailure() {
        ExpressionEvalException cause = new ExpressionEvalException("DIVIDE_BY_ZERO", "m", Map.of());
        assertSame(cause, ErrorCondition.find(new TaskFailedException(1, 0, 1, new RuntimeException(cause))));
        assertNull(ErrorCondition.find(new TaskFailedException(1, 0, 1, new RuntimeException("plain"))));
    }
}
