package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import java.util.Locale;
import java.util.Map;

/** What a write does when its path exists ({@code df.write.mode(...)}). */
public enum SaveMode {
    ERROR_IF_EXISTS, OVERWRITE, APPEND, IGNORE;

    public static SaveMode of(String mode) {
        String m = mode == null ? "errorifexists" : mode.toLowerCase(Locale.ROOT);
        switch (m) {
            case "error", "errorifexists", "default": return ERROR_IF_EXISTS;
            case "overwrite": return OVERWRITE;
            case "append": return APPEND;
            case "ignore": return IGNORE;
            default:
                throw new AnalysisException("INVALID_SAVE_MODE", "The specified save mode \"" + mode + "\" is invalid."
                        + " Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\","
                        + " and \"default\".", Map.of("mode", mode));
        }
    }
}
