package io.ember.sql.planning;

import io.ember.sql.execution.SparkPlan;

/**
 * A scan that reads a bucketed table a bucket per partition, reporting the table's bucket
 * placement so joins and aggregates on the bucket columns need no exchange. The planner turns it
 * into an ordinary scan (files split and packed by size) when bucketing is off or no operator
 * above makes use of the placement ({@link DisableUnnecessaryBucketedScan}).
 */
public interface BucketedScan {
    /** True while the scan reads by bucket and reports the bucket placement. */
    boolean bucketed();

    /** The same scan reading its files split and packed by size, with no placement to report. */
    SparkPlan withoutBucketing();
}
