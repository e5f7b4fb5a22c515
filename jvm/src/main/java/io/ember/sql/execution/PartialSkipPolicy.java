package io.ember.sql.execution;

import io.ember.sql.SqlConf;
import java.io.Serializable;

/**
 * When a partial aggregate stops hashing (as DataFusion's and newer Spark's adaptive partial
 * aggregation): once a task has folded {@code probeRows} rows since its last flush, if the
 * groups found are more than {@code ratio} of those rows the partial step is reducing almost
 * nothing, so it hands the rest of its input straight on as one partial row per input row and
 * lets the final aggregate do the work once. Immutable.
 */
record PartialSkipPolicy(long probeRows, double ratio) implements Serializable {
    static final String PROBE_ROWS_CONF = "ember.sql.aggregate.skipPartial.probeRows";
    static final String RATIO_CONF = "ember.sql.aggregate.skipPartial.ratio";

    /** Never skips. */
    static final PartialSkipPolicy NEVER = new PartialSkipPolicy(Long.MAX_VALUE, Double.POSITIVE_INFINITY);

    /** The session's policy: 100,000 probe rows and a ratio of 0.8 unless set (as DataFusion: 100,000 uniform rows over as many keys give 0.63, still worth hashing); a ratio above 1 never skips. */
    static PartialSkipPolicy of(SqlConf conf) {
        return new PartialSkipPolicy(Long.parseLong(conf.get(PROBE_ROWS_CONF, "100000")),
                Double.parseDouble(conf.get(RATIO_CONF, "0.8")));
    }

    /** True once {@code rows} folded rows gave {@code groups} groups and the partial step should stop. */
    boolean skip(long rows, long groups) {
        return rows >= probeRows && groups > ratio * rows;
    }
}
