package io.ember.sql.expressions.string;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.misc.KernelSignature;
import io.ember.sql.expressions.misc.ScalarKernel;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * String functions computed row by row from their arguments, with Spark's semantics (see each
 * helper in {@link StringOps}). Argument types list the cast target of each argument; the last
 * one repeats for variadic functions.
 */
public enum StringKernel implements ScalarKernel {
    ASCII("ascii", 1, 1, DataTypes.IntegerType, types(T.S), a -> s(a[0]).isEmpty() ? 0 : s(a[0]).codePointAt(0)),
    BIT_LENGTH("bit_length", 1, 1, DataTypes.IntegerType, types(T.SB), a -> bytes(a[0]).length * 8),
    OCTET_LENGTH("octet_length", 1, 1, DataTypes.IntegerType, types(T.SB), a -> bytes(a[0]).length),
    CHARACTER_LENGTH("character_length", 1, 1, DataTypes.IntegerType, types(T.S), a -> s(a[0]).codePointCount(0, s(a[0]).length())),
    CHAR_LENGTH("char_length", 1, 1, DataTypes.IntegerType, types(T.S), a -> s(a[0]).codePointCount(0, s(a[0]).length())),
    UCASE("ucase", 1, 1, DataTypes.StringType, types(T.S), a -> s(a[0]).toUpperCase(Locale.ROOT)),
    LCASE("lcase", 1, 1, DataTypes.StringType, types(T.S), a -> s(a[0]).toLowerCase(Locale.ROOT)),
    LEFT("left", 2, 2, DataTypes.StringType, types(T.S, T.I), a -> (Integer) a[1] <= 0 ? "" : StringFunction.substring(s(a[0]), 1, (Integer) a[1])),
    RIGHT("right", 2, 2, DataTypes.StringType, types(T.S, T.I),
            a -> (Integer) a[1] <= 0 ? "" : StringFunction.substring(s(a[0]), -(Integer) a[1], Integer.MAX_VALUE)),
    SUBSTR("substr", 2, 3, DataTypes.StringType, types(T.S, T.I, T.I),
            a -> StringFunction.substring(s(a[0]), (Integer) a[1], a.length > 2 ? (Integer) a[2] : Integer.MAX_VALUE)),
    POSITION("position", 2, 3, DataTypes.IntegerType, types(T.S, T.S, T.I), a -> {
        int pos = (Integer) a[2];
        return pos < 1 ? 0 : s(a[1]).indexOf(s(a[0]), pos - 1) + 1;
    }) {
        @Override
        public Expression defaultArg(int i) {
            return new Literal(1, DataTypes.IntegerType);
        }
    },
    SUBSTRING_INDEX("substring_index", 3, 3, DataTypes.StringType, types(T.S, T.S, T.I), a -> StringOps.substringIndex(s(a[0]), s(a[1]), (Integer) a[2])),
    SOUNDEX("soundex", 1, 1, DataTypes.StringType, types(T.S), a -> StringOps.soundex(s(a[0]))),
    LEVENSHTEIN("levenshtein", 2, 3, DataTypes.IntegerType, types(T.S, T.S, T.I), a -> {
        int d = StringOps.levenshtein(s(a[0]), s(a[1]));
        return a.length > 2 && d > (Integer) a[2] ? -1 : d;
    }),
    BTRIM("btrim", 1, 2, DataTypes.StringType, types(T.S, T.S), a -> StringOps.trimChars(s(a[0]), a.length > 1 ? s(a[1]) : " ")),
    CHAR("char", 1, 1, DataTypes.StringType, types(T.L), a -> StringOps.chr((Long) a[0])),
    CHR("chr", 1, 1, DataTypes.StringType, types(T.L), a -> StringOps.chr((Long) a[0])),
    ELT("elt", 2, Integer.MAX_VALUE, DataTypes.StringType, types(T.I, T.S), a -> {
        if (a[0] == null) return null;
        int i = (Integer) a[0];
        return i < 1 || i >= a.length ? null : a[i];
    }) {
        @Override
        public boolean nullSafe() {
            return true;
        }

        @Override
        public boolean ansiAware() {
            return true;
        }

        @Override
        public Object applyAnsi(Object[] a, List<DataType> argTypes) {
            if (a[0] != null && ((Integer) a[0] < 1 || (Integer) a[0] >= a.length)) {
                throw new ExpressionEvalException("INVALID_ARRAY_INDEX", "The index " + a[0] + " is out of bounds. "
                        + "The array has " + (a.length - 1) + " elements. Use the SQL function `get()` to tolerate "
                        + "accessing element at invalid index and return NULL instead.",
                        Map.of("indexValue", String.valueOf(a[0]), "arraySize", String.valueOf(a.length - 1)));
            }
            return apply(a, argTypes);
        }
    },
    FIND_IN_SET("find_in_set", 2, 2, DataTypes.IntegerType, types(T.S, T.S), a -> StringOps.findInSet(s(a[0]), s(a[1]))),
    OVERLAY("overlay", 3, 4, DataTypes.StringType, types(T.S, T.S, T.I, T.I), a -> StringOps.overlay(s(a[0]), s(a[1]), (Integer) a[2], (Integer) a[3])) {
        @Override
        public Expression defaultArg(int i) {
            return new Literal(-1, DataTypes.IntegerType);
        }
    },
    REPLACE("replace", 2, 3, DataTypes.StringType, types(T.S, T.S, T.S), a -> s(a[1]).isEmpty() ? s(a[0]) : s(a[0]).replace(s(a[1]), s(a[2]))) {
        @Override
        public Expression defaultArg(int i) {
            return new Literal("", DataTypes.StringType);
        }
    },
    SPLIT_PART("split_part", 3, 3, DataTypes.StringType, types(T.S, T.S, T.I), a -> StringOps.splitPart(s(a[0]), s(a[1]), (Integer) a[2])),
    MASK("mask", 1, 5, DataTypes.StringType, types(T.S, T.S, T.S, T.S, T.S), a -> a[0] == null ? null : StringOps.mask(s(a[0]), s(a[1]), s(a[2]), s(a[3]), s(a[4]))) {
        @Override
        public boolean nullSafe() {
            return true;
        }

        @Override
        public Expression defaultArg(int i) {
            return new Literal(i == 1 ? "X" : i == 2 ? "x" : i == 3 ? "n" : null, DataTypes.StringType);
        }
    },
    QUOTE("quote", 1, 1, DataTypes.StringType, types(T.S), a -> "'" + s(a[0]).replace("\\", "\\\\").replace("'", "\\'") + "'"),
    IS_VALID_UTF8("is_valid_utf8", 1, 1, DataTypes.BooleanType, types(T.S), a -> true),
    MAKE_VALID_UTF8("make_valid_utf8", 1, 1, DataTypes.StringType, types(T.S), a -> a[0]),
    VALIDATE_UTF8("validate_utf8", 1, 1, DataTypes.StringType, types(T.S), a -> a[0]),
    TRY_VALIDATE_UTF8("try_validate_utf8", 1, 1, DataTypes.StringType, types(T.S), a -> a[0]),
    JARO_WINKLER_SIMILARITY("jaro_winkler_similarity", 2, 2, DataTypes.DoubleType, types(T.S, T.S), a -> StringOps.jaroWinkler(s(a[0]), s(a[1]))),
    SENTENCES("sentences", 1, 3, DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType)), types(T.S, T.S, T.S),
            a -> StringOps.sentences(s(a[0]), s(a[1]), s(a[2]))) {
        @Override
        public Expression defaultArg(int i) {
            return new Literal("", DataTypes.StringType);
        }
    },
    STR_TO_MAP("str_to_map", 1, 3, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), types(T.S, T.S, T.S),
            a -> StringOps.strToMap(s(a[0]), s(a[1]), s(a[2]))) {
        @Override
        public Expression defaultArg(int i) {
            return new Literal(i == 1 ? "," : ":", DataTypes.StringType);
        }
    },
    PRINTF("printf", 1, Integer.MAX_VALUE, DataTypes.StringType, types(T.S, InputType.ANY),
            a -> a[0] == null ? null : String.format(Locale.US, s(a[0]), java.util.Arrays.copyOfRange(a, 1, a.length))) {
        @Override
        public boolean nullSafe() {
            return true;
        }
    };

    /** Argument types, in a holder so the constants above can name them. */
    private static final class T {
        static final InputType S = InputType.STRING;
        static final InputType I = InputType.INT;
        static final InputType L = InputType.LONG;
        static final InputType SB = InputType.oneOf(InputType.STRING, InputType.BINARY);
    }

    private final KernelSignature signature;
    private final InputType[] types;
    private final Function<Object[], Object> fn;

    StringKernel(String name, int min, int max, DataType result, InputType[] types, Function<Object[], Object> fn) {
        this.signature = new KernelSignature(name, min, max, result);
        this.types = types;
        this.fn = fn;
    }

    private static InputType[] types(InputType... t) {
        return t;
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static byte[] bytes(Object o) {
        return o instanceof String str ? str.getBytes(StandardCharsets.UTF_8) : (byte[]) o;
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public InputType inputType(int i, List<DataType> argTypes) {
        return types[Math.min(i, types.length - 1)];
    }

    @Override
    public Object apply(Object[] values, List<DataType> argTypes) {
        return fn.apply(values);
    }
}
