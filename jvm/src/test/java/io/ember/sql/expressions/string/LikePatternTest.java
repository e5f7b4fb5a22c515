package io.ember.sql.expressions.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** LIKE by substring search answers as the regular expression it replaces. */
class LikePatternTest {
    private static String random(Random rnd, String alphabet, int maxLen) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(maxLen + 1);
        for (int i = 0; i < n; i++) {
            char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
            b.append(c);
            if (c == '\\') {
                b.append("%ab".charAt(rnd.nextInt(3)));
            }
        }
        return b.toString();
    }

    @Test
    void matchesAsTheRegularExpressionDoes() {
        Random rnd = new Random(3);
        for (int t = 0; t < 20_000; t++) {
            String like = random(rnd, "ab%%\\", 6);
            String s = random(rnd, "ab%\n", 8).replace("\\", "");
            boolean regex = Pattern.compile(PatternFunction.likeToRegex(like), Pattern.DOTALL).matcher(s).matches();
            assertEquals(regex, LikePattern.compile(like).matches(s), "'" + s + "' LIKE '" + like + "'");
        }
    }

    @Test
    void patternsWithOneCharacterWildcardsAreLeftToTheRegex() {
        assertNull(LikePattern.compile("a_c%"));
        assertEquals(true, LikePattern.compile("a\\_c%").matches("a_cd"));
    }
}
