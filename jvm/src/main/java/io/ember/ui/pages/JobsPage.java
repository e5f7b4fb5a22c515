package io.ember.ui.pages;

import io.ember.ui.store.JobData;
import java.util.List;

/** The Jobs tab: every retained job, newest first, with its status, timings and progress. */
final class JobsPage {
    private JobsPage() {}

    static String html(PageContext c) {
        List<JobData> jobs = c.store().jobs();
        long running = jobs.stream().filter(j -> j.status().equals("RUNNING")).count();
        long failed = jobs.stream().filter(j -> j.status().equals("FAILED")).count();
        StringBuilder b = new StringBuilder();
        b.append("<dl><dt>Started</dt><dd>").append(Html.time(c.store().application().startTime()))
                .append("</dd><dt>Jobs</dt><dd id=\"job-counts\">").append(jobs.size()).append(" (")
                .append(running).append(" running, ").append(failed).append(" failed)</dd></dl>");
        b.append(EventTimeline.forJobs(c, jobs));
        b.append(table(c, jobs));
        return c.page("Jobs", "jobs/", b.toString());
    }

    /** The jobs table (also used by nothing else yet, kept separate for readability). */
    static String table(PageContext c, List<JobData> jobs) {
        if (jobs.isEmpty()) {
            return "<p>No jobs yet.</p>";
        }
        StringBuilder b = new StringBuilder("<table id=\"jobs\">");
        b.append(Html.head("Job Id (Job Group)", "Status", "Description", "Submitted", "Duration",
                "Stages: Succeeded/Total", "Tasks (for all stages): Succeeded/Total"));
        for (JobData j : jobs) {
            String href = c.base() + "jobs/job/?id=" + j.jobId();
            String group = j.jobGroup() == null || j.jobGroup().isEmpty() ? "" : " (" + Html.esc(j.jobGroup()) + ")";
            String text = j.description() != null && !j.description().isEmpty() ? j.description() : j.name();
            int stages = j.stageIds().size() - j.numSkippedStages();
            int tasks = j.numTasks() - j.numSkippedTasks();
            b.append("<tr id=\"job-").append(j.jobId()).append("\">")
                    .append(Html.cell(Html.link(href, String.valueOf(j.jobId())) + group))
                    .append(Html.td(j.status()))
                    .append(Html.cell(Html.link(href, text)))
                    .append(Html.td(Html.time(j.submissionTime())))
                    .append(Html.td(Html.duration(duration(j))))
                    .append(Html.cell(Html.bar(j.numCompletedStages(), j.numFailedStages(), stages,
                            j.numSkippedStages() > 0 ? " (" + j.numSkippedStages() + " skipped)" : "")))
                    .append(Html.cell(Html.bar(j.numCompletedTasks(), j.numFailedTasks(), tasks,
                            j.numFailedTasks() > 0 ? " (" + j.numFailedTasks() + " failed)" : "")))
                    .append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** Submission to completion, or to now while running; -1 when not submitted. */
    static long duration(JobData j) {
        if (j.submissionTime() < 0) {
            return -1;
        }
        long end = j.completionTime() >= 0 ? j.completionTime() : System.currentTimeMillis();
        return end - j.submissionTime();
    }
}
