package io.ember.sql.expressions;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code IN} over a list of constants (looked up in a set built once, dictionary-encoded values
 * answered per entry) answers as {@code IN} over columns holding the same values, with SQL's
 * null semantics, over plain, dictionary-encoded and empty inputs; a batch over another
 * dictionary is not answered from the previous one.
 */
class InConstantsTest {
    private final Random random = new Random(3);

    @Test
    void stringsPlainAndDictionaryEncoded() {
        StringVector dictionary = new StringVector(new String[] {"AIR", "AIR REG", null, "MAIL", "SHIP", ""});
        Object[] pool = {"AIR", "AIR REG", "MAIL", "SHIP", "", null};
        for (Object[] consts : List.of(new Object[] {"AIR", "AIR REG"}, new Object[] {"MAIL", null}, new Object[] {"x"},
                new Object[] {null})) {
            int n = 400;
            int[] codes = new int[n];
            Object[] plain = new Object[n];
            for (int i = 0; i < n; i++) {
                codes[i] = random.nextInt(dictionary.size() + 1) - 1;
                plain[i] = pool[random.nextInt(pool.length)];
            }
            check(DataTypes.StringType, new DictionaryVector(codes, dictionary), consts);
            check(DataTypes.StringType, vec(DataTypes.StringType, plain), consts);
            check(DataTypes.StringType, new StringVector(new String[0]), consts);
        }
    }

    @Test
    void integers() {
        Object[] v = new Object[300];
        for (int i = 0; i < v.length; i++) v[i] = i % 13 == 0 ? null : random.nextInt(20);
        check(DataTypes.IntegerType, vec(DataTypes.IntegerType, v), new Object[] {3, 5, 19});
        check(DataTypes.IntegerType, vec(DataTypes.IntegerType, v), new Object[] {3, null});
    }

    @Test
    void anotherDictionaryIsNotAnsweredFromTheFirst() {
        In in = new In(col(0, DataTypes.StringType), List.of(lit("b", DataTypes.StringType)));
        ColumnVector first = new DictionaryVector(new int[] {0, 1}, new StringVector(new String[] {"a", "b"}));
        ColumnVector second = new DictionaryVector(new int[] {0, 1}, new StringVector(new String[] {"b", "a"}));
        assertEquals(list(false, true), eval(in, batch(first)));
        assertEquals(list(true, false), eval(in, batch(second)));
    }

    private void check(DataType t, ColumnVector v, Object[] consts) {
        int n = v.size();
        ColumnVector[] cols = new ColumnVector[consts.length + 1];
        cols[0] = v;
        List<Expression> lits = new ArrayList<>();
        List<Expression> refs = new ArrayList<>();
        for (int i = 0; i < consts.length; i++) {
            cols[i + 1] = ColumnVectors.constant(t, consts[i], n);
            lits.add(lit(consts[i], t));
            refs.add(col(i + 1, t));
        }
        ColumnBatch b = new ColumnBatch(cols, n);
        In constant = new In(col(0, t), lits);
        List<Object> want = eval(new In(col(0, t), refs), b);
        assertEquals(want, eval(constant, b), Arrays.toString(consts));
        assertEquals(want, eval(constant, b), "again: " + Arrays.toString(consts));
    }
}
