"""Task metrics that used to stay zero, the event and task timelines, and killing from the UI.

Metrics are checked through the REST API against what the job did (bytes of the input file,
lines, output files); the timelines and the kill button in headless Chromium, as in
test_ui_pages.py, with screenshots in target/ui-screenshots/."""

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import subprocess_env
from test_ui import get, poll, job_of_group
from test_ui_pages import SHOTS, browser, text, visit  # noqa: F401 (browser is a fixture)

from selenium.webdriver.common.by import By


def _stage_tasks(api, job):
    out = {}
    for stage_id in job["stageIds"]:
        out[stage_id] = get(api + "/stages/%d/0/taskList?length=1000" % stage_id)
    return out


@pytest.fixture(scope="module")
def api(sc):
    return sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId


def test_input_output_and_result_metrics_match_the_job(sc, api, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("".join("line %d\n" % i for i in range(3000)))
    out = tmp_path / "out"
    sc.setJobGroup("metrics-io", "read, write")
    try:
        sc.textFile(str(src), 2).map(lambda l: l.upper()).saveAsTextFile(str(out))
    finally:
        sc.setJobGroup("none", "")
    [job] = poll(lambda: job_of_group(api, "metrics-io"), "the job to end")
    [tasks] = _stage_tasks(api, job).values()
    metrics = [t["taskMetrics"] for t in tasks]
    assert sum(m["inputMetrics"]["bytesRead"] for m in metrics) == src.stat().st_size
    assert sum(m["inputMetrics"]["recordsRead"] for m in metrics) == 3000
    written = sum(p.stat().st_size for p in out.iterdir() if p.name.startswith("part-"))
    assert sum(m["outputMetrics"]["bytesWritten"] for m in metrics) == written
    assert sum(m["outputMetrics"]["recordsWritten"] for m in metrics) == 3000
    for m in metrics:
        assert 0 < m["resultSize"] < 100_000        # a Boolean and the counters, not the data
        assert m["executorDeserializeCpuTime"] > 0
        assert m["resultSerializationTime"] <= m["executorRunTime"] + 1000


def test_collect_result_size_grows_with_the_result(sc, api):
    sc.setJobGroup("metrics-result", "collect 200 KB")
    try:
        rows = sc.parallelize(range(2), 2).flatMap(lambda i: ["%04d" % j + "x" * 996 for j in range(100)])
        assert len(rows.collect()) == 200
    finally:
        sc.setJobGroup("none", "")
    [job] = poll(lambda: job_of_group(api, "metrics-result"), "the job to end")
    [tasks] = _stage_tasks(api, job).values()
    for t in tasks:
        assert t["taskMetrics"]["resultSize"] > 100 * 1000   # each task returns 100 distinct strings of 1000 chars


@pytest.fixture(scope="module")
def slow_python_job(sc, api):
    """Two tasks that each spend 300 ms in their Python worker."""
    def slow(it):
        time.sleep(0.3)
        return [sum(it)]
    sc.setJobGroup("timeline", "slow python")
    try:
        assert sorted(sc.parallelize(range(10), 2).mapPartitions(slow).collect()) == [10, 35]
    finally:
        sc.setJobGroup("none", "")
    [job] = poll(lambda: job_of_group(api, "timeline"), "the job to end")
    return job


def test_task_timeline_shows_python_worker_time(browser, sc, api, slow_python_job):  # noqa: F811
    [stage_id] = slow_python_job["stageIds"]
    tasks = get(api + "/stages/%d/0/taskList" % stage_id)
    visit(browser, sc.uiWebUrl + "/stages/stage/?id=%d&attempt=0" % stage_id, "stage-timeline")
    rows = {r.find_element(By.TAG_NAME, "td").text: [c.text for c in r.find_elements(By.TAG_NAME, "td")[1:]]
            for r in browser.find_elements(By.CSS_SELECTOR, "#summary tr")[1:]}
    low = rows["Python Worker Time"][0]
    assert low.endswith(" ms") and 300 <= int(low.split()[0]) < 60_000, rows["Python Worker Time"]
    timeline = browser.find_element(By.ID, "task-timeline")
    for t in tasks:
        lane = timeline.find_element(By.ID, "timeline-task-%d" % t["taskId"])
        python = lane.find_elements(By.CSS_SELECTOR, "rect.python-worker-time")
        assert len(python) == 1
        whole = sum(float(r.get_attribute("width")) for r in lane.find_elements(By.CSS_SELECTOR, "rect.phase"))
        # 300 of the task's milliseconds were spent waiting on Python: most of its bar
        assert float(python[0].get_attribute("width")) > 0.3 * whole
    legend = browser.find_element(By.CSS_SELECTOR, "#task-timeline ~ .legend").text
    for phase in ("Scheduler Delay", "Task Deserialization Time", "Shuffle Fetch Wait Time", "Python Worker Time",
                  "Executor Computing Time", "Result Serialization Time"):
        assert phase in legend


def test_event_timelines_show_executors_jobs_and_stages(browser, sc, api, slow_python_job):  # noqa: F811
    job_id = slow_python_job["jobId"]
    visit(browser, sc.uiWebUrl + "/jobs/", "jobs-timeline")
    timeline = browser.find_element(By.ID, "jobs-timeline")
    for e in get(api + "/executors"):
        lane = timeline.find_element(By.ID, "timeline-executor-%s" % e["id"])
        assert len(lane.find_elements(By.CSS_SELECTOR, ".executor-added")) == 1
    bar = timeline.find_element(By.CSS_SELECTOR, "#timeline-job-%d rect.span" % job_id)
    assert "succeeded" in bar.get_attribute("class")
    assert float(bar.get_attribute("width")) >= 1
    timeline.find_element(By.CSS_SELECTOR, "#timeline-job-%d a" % job_id).click()
    assert browser.current_url.endswith("/jobs/job/?id=%d" % job_id)
    visit(browser, browser.current_url, "job-timeline")
    [stage_id] = slow_python_job["stageIds"]
    browser.find_element(By.CSS_SELECTOR, "#job-timeline #timeline-stage-%d-0 rect.span" % stage_id)
    assert browser.find_elements(By.CSS_SELECTOR, "form.kill") == []   # killing is off by default


KILL_APP = r"""
import sys, threading, time
from ember import SparkConf, SparkContext
conf = SparkConf().setMaster("local[2]").setAppName("kill me").set("ember.ui.killEnabled", "true")
sc = SparkContext(conf=conf)
def slow(x):
    time.sleep(600)
    return x
result = {}
def run():
    sc.setJobGroup("victim", "a job that sleeps")
    try:
        sc.parallelize(range(2), 2).map(slow).collect()
        result["error"] = None
    except Exception as e:
        result["error"] = str(e)
t = threading.Thread(target=run, daemon=True)
t.start()
print("UI " + sc.uiWebUrl, flush=True)
t.join(120)
print("ERROR " + str(result.get("error", "still running")).splitlines()[0], flush=True)
sys.stdin.readline()   # the test looks at the pages before the context stops
sc.stop()
"""


def test_kill_button_cancels_the_job_with_a_reason(browser, tmp_path):  # noqa: F811
    proc = subprocess.Popen([sys.executable, "-c", KILL_APP], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        line = proc.stdout.readline()
        assert line.startswith("UI "), line + proc.stderr.read()
        ui = line[3:].strip()
        base = ui + "/api/v1/applications/"
        app_id = get(base)[0]["id"]
        api = base + app_id
        [job] = poll(lambda: [j for j in get(api + "/jobs") if j["status"] == "RUNNING"
                              and j["numActiveTasks"] == 2], "the job to run")
        visit(browser, ui + "/jobs/job/?id=%d" % job["jobId"], "kill-before")
        button = browser.find_element(By.CSS_SELECTOR, "#kill-job button")
        browser.save_screenshot(os.path.join(SHOTS, "kill-button.png"))
        button.click()
        assert "Kill requested for job %d" % job["jobId"] in text(browser, "#kill-result")
        error = proc.stdout.readline()
        assert error.startswith("ERROR ") and "killed via the Web UI" in error, error
        [ended] = poll(lambda: [j for j in get(api + "/jobs") if j["jobId"] == job["jobId"]
                                and j["status"] == "FAILED"], "the job to fail")
        visit(browser, ui + "/jobs/job/?id=%d" % job["jobId"], "kill-after")
        assert text(browser, "#job-status") == "FAILED"
        assert "cancelled: killed via the Web UI" in text(browser, "#job-error")
        assert browser.find_elements(By.CSS_SELECTOR, "form.kill") == []   # nothing left to kill
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
