package io.ember.ui.pages;

import io.ember.api.JobControl;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.JobData;
import io.ember.ui.store.StageData;
import java.util.Map;

/**
 * The kill actions behind the kill buttons (the CSRF token was checked by the server): a
 * running job or stage is cancelled through the scheduler with Spark's reason, "killed via the
 * Web UI", which then shows as the job's error and the stage's failure reason. The answer is a
 * short page that returns to the job or stage. Stateless.
 */
final class Kills {
    static final String REASON = "killed via the Web UI";

    /** An answer: HTTP status and page. */
    record Outcome(int status, String page) {}

    private Kills() {}

    static boolean isKillPath(String path) {
        String p = path.endsWith("/") ? path : path + "/";
        return p.equals("/" + KillForms.JOB_PATH) || p.equals("/" + KillForms.STAGE_PATH);
    }

    static Outcome kill(AppStatusStore store, JobControl killer, String path, Map<String, String> form) {
        int id;
        try {
            id = Integer.parseInt(form.getOrDefault("id", "").trim());
        } catch (NumberFormatException e) {
            return new Outcome(400, Html.plain("Bad request", "<p class=\"err\" id=\"error\">bad parameter id: "
                    + Html.esc(form.get("id")) + "</p>"));
        }
        boolean job = (path.endsWith("/") ? path : path + "/").equals("/" + KillForms.JOB_PATH);
        if (job) {
            JobData j = store.job(id).orElse(null);
            if (j == null) {
                return notFound("unknown job: " + id);
            }
            String back = "/jobs/job/?id=" + id;
            if (!"RUNNING".equals(j.status())) {
                return done(409, "Job " + id + " is not running (" + j.status() + ")", back);
            }
            killer.cancelJob(id, REASON);
            return done(200, "Kill requested for job " + id, back);
        }
        StageData s = store.stages().stream().filter(st -> st.stageId() == id).findFirst().orElse(null);
        if (s == null) {
            return notFound("unknown stage: " + id);
        }
        String back = "/stages/stage/?id=" + id + "&amp;attempt=" + s.attemptId();
        if (!"ACTIVE".equals(s.status()) && !"PENDING".equals(s.status())) {
            return done(409, "Stage " + id + " is not running (" + s.status() + ")", back);
        }
        killer.cancelStage(id, REASON);
        return done(200, "Kill requested for stage " + id, back);
    }

    private static Outcome notFound(String message) {
        return new Outcome(404, Html.plain("Not found", "<p class=\"err\" id=\"error\">" + Html.esc(message) + "</p>"));
    }

    /** A page saying what happened that goes back to {@code back} (already safe) after a second. */
    private static Outcome done(int status, String message, String back) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                + "<meta http-equiv=\"refresh\" content=\"1;url=" + back + "\"><title>" + Html.esc(message)
                + "</title></head><body><p id=\"kill-result\">" + Html.esc(message) + ".</p><p><a id=\"back\" href=\""
                + back + "\">Back</a></p></body></html>";
        return new Outcome(status, page);
    }
}
