package io.ember.ui.pages;

import io.ember.ui.server.CsrfGuard;

/**
 * The kill buttons of the job and stage pages: small POST forms carrying the browser session's
 * CSRF token, shown only while the job or stage runs and only when killing is enabled
 * ({@code ember.ui.killEnabled}); otherwise every button is empty. Immutable.
 */
record KillForms(boolean enabled, String csrfToken, String base) {
    /** Pages without kill buttons (killing off, the history server, tests). */
    static final KillForms OFF = new KillForms(false, "", "/");

    static final String JOB_PATH = "jobs/job/kill/";
    static final String STAGE_PATH = "stages/stage/kill/";

    String job(int jobId) {
        return form(JOB_PATH, jobId, "kill-job", "Kill job " + jobId + "?");
    }

    String stage(int stageId) {
        return form(STAGE_PATH, stageId, "kill-stage", "Kill stage " + stageId + " and the jobs that need it?");
    }

    private String form(String path, int id, String cssId, String title) {
        if (!enabled) {
            return "";
        }
        return "<form method=\"post\" action=\"" + base + path + "\" id=\"" + cssId + "\" class=\"kill\">"
                + "<input type=\"hidden\" name=\"id\" value=\"" + id + "\">"
                + "<input type=\"hidden\" name=\"" + CsrfGuard.FIELD + "\" value=\"" + Html.esc(csrfToken) + "\">"
                + "<button type=\"submit\" title=\"" + Html.esc(title) + "\">(kill)</button></form>";
    }
}
