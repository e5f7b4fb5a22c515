package io.ember.sql.expressions;

/**
 * Recognizes predicates that cannot raise an error whatever row they see: comparisons of
 * columns and literals of one type, {@code IN} lists of such literals and null tests of
 * columns, combined by AND/OR/NOT. Such a predicate may be evaluated earlier or on other rows
 * than the plan says (a scan's late filter, a runtime filter placed below it) without making a
 * query fail that would not have failed. Stateless.
 */
public final class FailFreePredicates {
    private FailFreePredicates() {}

    public static boolean cannotFail(Expression e) {
        if (e instanceof AttributeReference || e instanceof Literal) {
            return true;
        }
        if (e instanceof BinaryComparison c) {
            return c.children().stream().allMatch(k -> k instanceof AttributeReference || k instanceof Literal)
                    && c.children().get(0).dataType().equals(c.children().get(1).dataType());
        }
        if (e instanceof In in) {
            return in.value() instanceof AttributeReference
                    && in.list().stream().allMatch(k -> k instanceof Literal && k.dataType().equals(in.value().dataType()));
        }
        if (e instanceof IsNull || e instanceof IsNotNull) {
            return e.children().get(0) instanceof AttributeReference;
        }
        if (e instanceof And || e instanceof Or || e instanceof Not) {
            return e.children().stream().allMatch(FailFreePredicates::cannotFail);
        }
        return false;
    }
}
