package io.ember.sql.execution;

/**
 * A leaf scan that hands the filters of {@link ExecutionContext#runtimeFilters()} meant for it
 * to its reader, which may use them to skip rows early (as it does its pushed filters). Rows a
 * runtime filter rejects are ones the operator that made it drops anyway, so a scan may also
 * ignore them.
 */
public interface RuntimeFilteredScan {
    /** Whether the reader uses runtime filters at all (planning one costs nothing otherwise). */
    boolean takesRuntimeFilters();
}
