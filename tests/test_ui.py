"""The live UI's REST API (/api/v1, Spark's paths and shapes) against what the jobs did, and the
event log round trip: the history server replaying a log answers as the live UI did."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, subprocess_env


def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        assert r.headers["Content-Type"].startswith("application/json")
        return json.loads(r.read().decode())


def poll(fn, what, timeout=60):
    deadline = time.time() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.1)


def job_of_group(base, group):
    jobs = [j for j in get(base + "/jobs") if j.get("jobGroup") == group]
    return jobs if jobs and all(j["status"] != "RUNNING" for j in jobs) else None


@pytest.fixture(scope="module")
def api(sc):
    assert sc.uiWebUrl.startswith("http://127.0.0.1:")
    return sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId


def test_application_and_version(sc, api):
    apps = get(sc.uiWebUrl + "/api/v1/applications")
    assert [a["id"] for a in apps] == [sc.applicationId]
    app = get(api)
    assert app["name"] == "ember-tests"
    attempt = app["attempts"][0]
    assert attempt["completed"] is False and attempt["startTimeEpoch"] == sc.startTime
    assert attempt["startTime"].endswith("GMT")
    assert get(sc.uiWebUrl + "/api/v1/version") == {"spark": sc.version}


def test_job_stages_and_tasks_match_what_ran(sc, api):
    sc.setJobGroup("ui-shuffle", "a <b>shuffle</b>")
    try:
        pairs = sc.parallelize(range(1000), 4).map(lambda x: (x % 10, x))
        assert len(pairs.reduceByKey(lambda a, b: a + b, 3).collect()) == 10
    finally:
        sc.setJobGroup("none", "")
    [job] = poll(lambda: job_of_group(api, "ui-shuffle"), "the job to end")
    assert job["status"] == "SUCCEEDED" and job["description"] == "a <b>shuffle</b>"
    assert job["numTasks"] == 7 and job["numCompletedTasks"] == 7 and job["numFailedTasks"] == 0
    assert job["numCompletedStages"] == 2 and job["numSkippedStages"] == 0
    assert get(api + "/jobs/%d" % job["jobId"]) == job
    stages = {s["stageId"]: s for s in get(api + "/stages") if s["stageId"] in job["stageIds"]}
    assert sorted(s["numTasks"] for s in stages.values()) == [3, 4]
    mapper = next(s for s in stages.values() if s["numTasks"] == 4)
    reducer = next(s for s in stages.values() if s["numTasks"] == 3)
    assert mapper["status"] == reducer["status"] == "COMPLETE"
    # records are what the JVM moves (batches of pickled pairs, as in PySpark); readers get them all
    assert mapper["shuffleWriteRecords"] == reducer["shuffleReadRecords"] >= 4
    assert mapper["shuffleWriteBytes"] == reducer["shuffleReadBytes"] > 0
    tasks = get(api + "/stages/%d/0/taskList?length=100" % mapper["stageId"])
    assert sorted(t["index"] for t in tasks) == [0, 1, 2, 3]
    assert all(t["status"] == "SUCCESS" for t in tasks)
    assert sum(t["taskMetrics"]["shuffleWriteMetrics"]["recordsWritten"] for t in tasks) == mapper[
        "shuffleWriteRecords"]
    assert sum(t["taskMetrics"]["executorRunTime"] for t in tasks) == mapper["executorRunTime"]
    assert len(get(api + "/stages/%d/0/taskList?offset=1&length=2" % mapper["stageId"])) == 2
    summary = get(api + "/stages/%d/0/taskSummary?quantiles=0,1" % mapper["stageId"])
    durations = sorted(t["duration"] for t in tasks)
    assert summary["quantiles"] == [0.0, 1.0]
    assert summary["duration"] == [float(durations[0]), float(durations[-1])]
    written = sorted(t["taskMetrics"]["shuffleWriteMetrics"]["bytesWritten"] for t in tasks)
    assert summary["shuffleWriteMetrics"]["writeBytes"] == [float(written[0]), float(written[-1])]


def test_failed_job_and_executors(sc, api):
    before = {e["id"]: e for e in get(api + "/executors")}
    sc.setJobGroup("ui-fail", "fails")
    try:
        with pytest.raises(Exception):
            sc.parallelize([1, 2], 2).map(lambda x: 1 // 0).collect()
    finally:
        sc.setJobGroup("none", "")
    [job] = poll(lambda: job_of_group(api, "ui-fail"), "the failed job to end")
    assert job["status"] == "FAILED" and job["numFailedStages"] == 1
    [stage] = get(api + "/stages/%d" % job["stageIds"][0])
    assert stage["status"] == "FAILED" and "ZeroDivisionError" in stage["failureReason"]
    tasks = get(api + "/stages/%d/0/taskList" % stage["stageId"])
    assert tasks and all(t["status"] == "FAILED" and "ZeroDivisionError" in t["errorMessage"] for t in tasks)
    assert [j["jobId"] for j in get(api + "/jobs?status=failed") if j["jobId"] == job["jobId"]] == [job["jobId"]]
    after = {e["id"]: e for e in get(api + "/executors")}
    failed = sum(e["failedTasks"] for e in after.values()) - sum(e["failedTasks"] for e in before.values())
    assert failed == len(tasks)
    assert sum(e["totalCores"] for e in after.values()) == sc.defaultParallelism


@pytest.mark.parametrize("path, message", [
    ("/jobs/999999", "unknown job: 999999"),
    ("/stages/999999", "unknown stage: 999999"),
    ("/stages/abc", "unknown stage: abc"),
    ("/nothing", "unknown path: applications/%s/nothing"),
])
def test_unknown_ids_answer_404_json(sc, api, path, message):
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(api + path, timeout=30)
    assert e.value.code == 404
    assert e.value.headers["Content-Type"] == "application/json"
    body = json.loads(e.value.read().decode())
    assert body == {"status": 404, "message": message.replace("%s", sc.applicationId)}


def test_unknown_application_is_404(sc):
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(sc.uiWebUrl + "/api/v1/applications/nope/jobs", timeout=30)
    assert e.value.code == 404 and json.loads(e.value.read())["message"] == "no such app: nope"


def test_environment_redacts_secrets(sc, api):
    env = get(api + "/environment")
    settings = dict(env["sparkProperties"])
    assert settings["ember.app.name"] == "ember-tests"
    assert env["runtime"]["javaVersion"]
    assert all(v == "*********(redacted)" for k, v in settings.items()
               if any(w in k.lower() for w in ("secret", "password", "token")))


APP = r"""
import json, sys, time, urllib.request
from ember import SparkConf, SparkContext
conf = (SparkConf().setMaster("local[2]").setAppName("round trip")
        .set("spark.eventLog.enabled", "true").set("spark.eventLog.dir", sys.argv[1])
        .set("ember.ui.secret.token", "hunter2"))
sc = SparkContext(conf=conf)
sc.setJobGroup("g", "round trip")
sc.parallelize(range(200), 4).map(lambda x: (x % 7, 1)).reduceByKey(lambda a, b: a + b).collect()
try:
    sc.parallelize([0], 1).map(lambda x: 1 // x).collect()
except Exception:
    pass
base = sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId
def ended():
    jobs = json.load(urllib.request.urlopen(base + "/jobs"))
    return len(jobs) == 2 and all(j["status"] != "RUNNING" for j in jobs)
deadline = time.time() + 60
while not ended() and time.time() < deadline:
    time.sleep(0.1)
answers = {"appId": sc.applicationId}
paths = ["/jobs", "/stages", "/executors", "/environment"]
for s in json.load(urllib.request.urlopen(base + "/stages")):
    paths.append("/stages/%d/%d/taskList?length=50" % (s["stageId"], s["attemptId"]))
    paths.append("/stages/%d/%d/taskSummary" % (s["stageId"], s["attemptId"]))
for p in paths:
    answers[p] = json.load(urllib.request.urlopen(base + p))
print("ANSWERS " + json.dumps(answers))
sc.stop()
"""


def test_history_server_replays_the_same_answers(tmp_path):
    logs = tmp_path / "events"
    logs.mkdir()
    out = subprocess.run([sys.executable, "-c", APP, str(logs)], capture_output=True, text=True,
                         env=subprocess_env(), timeout=180)
    assert out.returncode == 0, out.stderr
    live = json.loads(next(l for l in out.stdout.splitlines() if l.startswith("ANSWERS "))[8:])
    app_id = live.pop("appId")
    [logdir] = os.listdir(logs)
    assert logdir == "eventlog_v2_" + app_id
    assert "appstatus_" + app_id in os.listdir(logs / logdir)   # ended cleanly: no .inprogress
    server = subprocess.Popen([os.path.join(ROOT, "launcher", "bin", "ember-history-server"),
                               "--dir", str(logs), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        line = server.stdout.readline()
        assert "history server" in line, line + server.stderr.read()
        url = line.split(" at ")[-1].strip()
        base = url + "/api/v1/applications/" + app_id
        for path, answer in live.items():
            assert get(base + path) == answer, path
        [app] = get(url + "/api/v1/applications")
        assert app["id"] == app_id and app["attempts"][0]["completed"] is True
        assert dict(live["/environment"]["sparkProperties"])["ember.ui.secret.token"] == "*********(redacted)"
    finally:
        server.kill()
        server.wait()
