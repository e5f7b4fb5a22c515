package io.ember.ui.pages;

import io.ember.ui.store.SqlExecutionData;
import io.ember.ui.store.SqlPlanGraph;

/**
 * One query run ({@code SQL/execution/?id=N}): its description, status, times and jobs, the
 * physical plan drawn as a graph with each operator's metrics, and the plan's text.
 */
final class SqlExecutionPage {
    private SqlExecutionPage() {}

    static String html(PageContext c) {
        int id = c.intParam("id");
        SqlExecutionData e = c.store().sqlExecution(id)
                .orElseThrow(() -> new PageNotFound("unknown query execution id: " + id));
        StringBuilder b = new StringBuilder();
        b.append("<dl><dt>Description</dt><dd id=\"sql-description\">").append(Html.esc(e.description()))
                .append("</dd><dt>Status</dt><dd id=\"sql-status\">").append(Html.esc(e.status()))
                .append("</dd><dt>Submitted Time</dt><dd>").append(Html.time(e.submissionTime()))
                .append("</dd><dt>Duration</dt><dd>").append(Html.duration(SqlPage.duration(e)))
                .append("</dd><dt>Jobs</dt><dd id=\"sql-jobs\">").append(SqlPage.jobLinks(c, e)).append("</dd></dl>");
        if (e.errorMessage() != null) {
            b.append("<p class=\"err\" id=\"sql-error\">").append(Html.esc(e.errorMessage())).append("</p>");
        }
        b.append("<h2>Plan</h2>").append(PlanGraphSvg.svg(SqlPlanGraph.of(e)));
        b.append("<h2>Physical Plan</h2><pre id=\"plan-text\">").append(Html.esc(e.planDescription())).append("</pre>");
        b.append("<details><summary>Details</summary><pre id=\"sql-details\">").append(Html.esc(e.details()))
                .append("</pre></details>");
        return c.page("Details for Query " + id, "SQL/", b.toString());
    }
}
