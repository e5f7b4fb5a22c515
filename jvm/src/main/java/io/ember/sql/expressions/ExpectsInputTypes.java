package io.ember.sql.expressions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression that names the type each child must have; the implicit-cast coercion rule
 * casts children to fit (string to double for a numeric input, numbers to string for a string
 * input, ...), and {@link #check} reports what still does not fit, in Spark's words.
 */
public interface ExpectsInputTypes {
    /** One entry per child, in order (a shorter list leaves later children unchecked). */
    List<InputType> inputTypes();

    /** Spark's {@code UNEXPECTED_INPUT_TYPE} for the first child whose type is not accepted. */
    static TypeCheckResult check(Expression self, List<InputType> types) {
        List<Expression> kids = self.children();
        for (int i = 0; i < Math.min(kids.size(), types.size()); i++) {
            Expression c = kids.get(i);
            InputType t = types.get(i);
            if (!t.accepts(c.dataType())) {
                return unexpected(i, c, t.quoted());
            }
        }
        return TypeCheckResult.success();
    }

    /** {@code The first parameter requires the "BOOLEAN" type, however "a" has the type "INT"}. */
    static TypeCheckResult unexpected(int index, Expression input, String requiredQuoted) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("paramIndex", TypeCheckResult.ordinal(index));
        p.put("requiredType", requiredQuoted);
        p.put("inputSql", TypeCheckResult.quote(input.sql()));
        p.put("inputType", TypeCheckResult.quoteType(input.dataType()));
        String word = TypeCheckResult.ordinal(index);
        return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE",
                "The " + word + " parameter requires the " + requiredQuoted + " type, however "
                        + p.get("inputSql") + " has the type " + p.get("inputType"), p);
    }

    /** Spark's {@code DATA_DIFF_TYPES}: inputs to {@code fn} must share one type. */
    static TypeCheckResult differentTypes(String fn, List<Expression> inputs) {
        StringBuilder types = new StringBuilder("(");
        for (int i = 0; i < inputs.size(); i++) {
            types.append(i == 0 ? "" : " or ").append(TypeCheckResult.quoteType(inputs.get(i).dataType()));
        }
        types.append(')');
        return TypeCheckResult.mismatch("DATA_DIFF_TYPES",
                "Input to `" + fn + "` should all be the same type, but it's " + types,
                Map.of("functionName", "`" + fn + "`", "dataType", types.toString()));
    }
}
