package io.ember.ui.pages;

import io.ember.ui.store.JobData;
import io.ember.ui.store.StageData;
import java.util.List;

/** One job ({@code ?id=N}): its summary, its stage graph and the table of its stages. */
final class JobPage {
    private JobPage() {}

    static String html(PageContext c) {
        int id = c.intParam("id");
        JobData j = c.store().job(id).orElseThrow(() -> new PageNotFound("unknown job: " + id));
        List<StageData> stages = c.store().stages().stream().filter(s -> s.jobIds().contains(id)).toList();
        StringBuilder b = new StringBuilder("<dl id=\"job-summary\">");
        b.append("<dt>Status</dt><dd id=\"job-status\">").append(Html.esc(j.status())).append("</dd>");
        if (c.kill().enabled() && "RUNNING".equals(j.status())) {
            b.append("<dt>Kill</dt><dd>").append(c.kill().job(id)).append("</dd>");
        }
        b.append("<dt>Description</dt><dd id=\"job-description\">").append(Html.esc(j.description())).append("</dd>");
        if (j.jobGroup() != null && !j.jobGroup().isEmpty()) {
            b.append("<dt>Job group</dt><dd>").append(Html.esc(j.jobGroup())).append("</dd>");
        }
        c.store().sqlExecutionOfJob(id).ifPresent(e -> b.append("<dt>Associated SQL Query</dt><dd id=\"job-sql\">")
                .append(Html.link(c.base() + "SQL/execution/?id=" + e, String.valueOf(e))).append("</dd>"));
        b.append("<dt>Submitted</dt><dd>").append(Html.time(j.submissionTime())).append("</dd>");
        b.append("<dt>Duration</dt><dd>").append(Html.duration(JobsPage.duration(j))).append("</dd>");
        b.append("<dt>Tasks</dt><dd id=\"job-tasks\">").append(j.numCompletedTasks()).append('/')
                .append(j.numTasks() - j.numSkippedTasks()).append(" succeeded, ").append(j.numFailedTasks())
                .append(" failed</dd></dl>");
        if (j.errorMessage() != null) {
            b.append("<h2>Error</h2><pre class=\"err\" id=\"job-error\">").append(Html.esc(j.errorMessage()))
                    .append("</pre>");
        }
        b.append(EventTimeline.forStages(c, j, stages));
        String dag = StageDag.svg(stages);
        if (!dag.isEmpty()) {
            b.append("<h2>DAG Visualization</h2>").append(dag);
        }
        b.append("<h2>Stages (").append(stages.size()).append(")</h2>").append(StagesPage.table(c, stages));
        return c.page("Details for Job " + id, "jobs/", b.toString());
    }
}
