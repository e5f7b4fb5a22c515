package io.ember.sql.plans;

import io.ember.sql.AnalysisException;
import java.util.Locale;
import java.util.Map;

/** The kinds of join, with the {@code how} strings PySpark accepts for each. */
public enum JoinType {
    INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
    LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross");

    private final String planName;

    JoinType(String planName) {
        this.planName = planName;
    }

    /** Parses a {@code how} string: {@code inner}, {@code left}, {@code left_outer}, {@code leftouter}, {@code full}, {@code semi}, {@code anti}, ... */
    public static JoinType parse(String how) {
        String key = how.toLowerCase(Locale.ROOT).replace("_", "");
        JoinType t = switch (key) {
            case "inner" -> INNER;
            case "outer", "full", "fullouter" -> FULL_OUTER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "leftsemi", "semi" -> LEFT_SEMI;
            case "leftanti", "anti" -> LEFT_ANTI;
            case "cross" -> CROSS;
            default -> null;
        };
        if (t == null) {
            throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", "Unsupported join type '" + how
                    + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter',"
                    + " 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi',"
                    + " 'leftanti', 'left_anti', 'anti', 'cross'.", Map.of("typ", how));
        }
        return t;
    }

    /** True if the join's output has the right side's columns. */
    public boolean keepsRightColumns() {
        return this != LEFT_SEMI && this != LEFT_ANTI;
    }

    @Override
    public String toString() {
        return planName;
    }
}
