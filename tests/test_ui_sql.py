"""The UI's SQL tab over REST (``applications/{id}/sql`` and ``sql/{executionId}``, Spark's
shapes): each answer compared field by field with the SQL events of the application's event
log, the known per-operator numbers of a small query, and the history server's replay of the
log answering the same."""

import glob
import gzip
import json
import os
import subprocess
import sys

from conftest import ROOT, subprocess_env
from test_ui import get, poll

APP = r"""
import json, sys, time, urllib.request
from ember import SparkConf, SparkContext
from ember.sql import SparkSession
conf = (SparkConf().setMaster("local[2]").setAppName("sql round trip")
        .set("spark.eventLog.enabled", "true").set("spark.eventLog.dir", sys.argv[1]))
sc = SparkContext(conf=conf)
spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.sql.shuffle.partitions", "4")
df = spark.range(0, 100, 1, 4).selectExpr("id % 3 as k", "id").filter("id > 10").groupBy("k").count()
assert sorted(r["count"] for r in df.collect()) == [29, 30, 30]
sc.setJobDescription("<script>window.__pwned = 1</script> sorted")
spark.range(0, 1000, 1, 2).orderBy("id").count()
sc.setJobDescription(None)
try:
    spark.range(0, 10).selectExpr("assert_true(id < 5)").collect()
except Exception:
    pass
base = sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId
def ended():
    runs = json.load(urllib.request.urlopen(base + "/sql"))
    return len(runs) == 3 and all(r["status"] != "RUNNING" for r in runs)
deadline = time.time() + 60
while not ended() and time.time() < deadline:
    time.sleep(0.1)
answers = {"appId": sc.applicationId}
for p in ["/sql", "/sql?details=false", "/sql?planDescription=false", "/sql?offset=1&length=1",
          "/sql/0", "/sql/1", "/sql/2", "/sql/0?details=false", "/jobs"]:
    answers[p] = json.load(urllib.request.urlopen(base + p))
print("ANSWERS " + json.dumps(answers))
sc.stop()
"""


def read_events(logdir):
    events = []
    for path in sorted(glob.glob(os.path.join(logdir, "events_*"))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            events.extend(json.loads(line) for line in f if line.strip())
    return events


def sum_format(v):
    return "{:,}".format(v)


def expected_nodes(plan, values):
    """Spark's nodes and edges from a sparkPlanInfo tree: pre-order ids, highest id first."""
    nodes, edges = [], []

    def walk(p, parent):
        node_id = len(nodes)
        metrics = []
        for m in p["metrics"]:
            v = values.get(m["accumulatorId"])
            if v is None:
                metrics.append({"name": m["name"], "value": ""})
            elif m["metricType"] == "sum":
                metrics.append({"name": m["name"], "value": sum_format(v)})
            else:
                metrics.append({"name": m["name"], "value": None, "raw": v, "type": m["metricType"]})
        nodes.append({"nodeId": node_id, "nodeName": p["nodeName"], "metrics": metrics,
                      "desc": p["simpleString"]})
        if parent is not None:
            edges.append({"fromId": node_id, "toId": parent})
        for c in p["children"]:
            walk(c, node_id)

    walk(plan, None)
    return list(reversed(nodes)), edges


def check_against_events(answer, events, app_jobs):
    start = next(e for e in events if e["Event"] == "SQLExecutionStart" and e["executionId"] == answer["id"])
    end = next(e for e in events if e["Event"] == "SQLExecutionEnd" and e["executionId"] == answer["id"])
    updates = next(e for e in events if e["Event"] == "SQLDriverAccumUpdates" and e["executionId"] == answer["id"])
    values = {pair[0]: pair[1] for pair in updates["accumUpdates"]}
    jobs = [e for e in events if e["Event"] == "JobStart"
            and e["properties"].get("spark.sql.execution.id") == str(answer["id"])]
    ends = {e["jobId"]: e["succeeded"] for e in events if e["Event"] == "JobEnd"}
    assert answer["description"] == start["description"]
    assert answer["planDescription"] == start["physicalPlanDescription"]
    assert answer["duration"] == end["time"] - start["time"]
    assert answer["status"] == ("FAILED" if end["errorMessage"] or not all(ends[j["jobId"]] for j in jobs)
                                else "COMPLETED")
    assert answer["errorMessage"] == (end["errorMessage"] or "")
    assert answer["successJobIds"] == sorted(j["jobId"] for j in jobs if ends[j["jobId"]])
    assert answer["failedJobIds"] == sorted(j["jobId"] for j in jobs if not ends[j["jobId"]])
    assert answer["runningJobIds"] == []
    assert answer["rootExecutionId"] == answer["id"]
    assert {j["jobId"] for j in app_jobs if j["jobId"] in answer["successJobIds"]} == set(answer["successJobIds"])
    nodes, edges = expected_nodes(start["sparkPlanInfo"], values)
    assert answer["edges"] == edges
    assert len(answer["nodes"]) == len(nodes)
    for got, want in zip(answer["nodes"], nodes):
        assert (got["nodeId"], got["nodeName"], got["desc"]) == (want["nodeId"], want["nodeName"], want["desc"])
        assert [m["name"] for m in got["metrics"]] == [m["name"] for m in want["metrics"]]
        for g, w in zip(got["metrics"], want["metrics"]):
            if w["value"] is not None:
                assert g["value"] == w["value"], (got["nodeName"], g)
            elif w["type"] == "size":
                assert g["value"].endswith("B") and (w["raw"] == 0) == (g["value"] == "0.0 B"), g
            else:
                assert g["value"].endswith("ms") or g["value"].endswith(" s"), g
    return values


def metric(answer, node_name, name, nth=0):
    nodes = [n for n in answer["nodes"] if n["nodeName"] == node_name]
    return next(m["value"] for m in nodes[nth]["metrics"] if m["name"] == name)


def test_sql_rest_matches_the_events_and_the_history_server_replays_it(tmp_path):
    logs = tmp_path / "events"
    logs.mkdir()
    out = subprocess.run([sys.executable, "-c", APP, str(logs)], capture_output=True, text=True,
                         env=subprocess_env(), timeout=180)
    assert out.returncode == 0, out.stderr
    live = json.loads(next(l for l in out.stdout.splitlines() if l.startswith("ANSWERS "))[8:])
    app_id = live.pop("appId")
    events = read_events(str(logs / ("eventlog_v2_" + app_id)))
    runs = live["/sql"]
    assert [r["id"] for r in runs] == [0, 1, 2]
    for run in runs:
        check_against_events(run, events, live["/jobs"])
        assert live["/sql/%d" % run["id"]] == run
    # the known query: rows through each operator, as PySpark reports them
    q = runs[0]
    assert q["status"] == "COMPLETED" and q["description"].startswith("collect at <string>:")
    assert metric(q, "Range", "number of output rows") == "100"
    assert metric(q, "Filter", "number of output rows") == "89"
    # nodes are listed highest id first: the root (final aggregate) is the last
    assert q["nodes"][-1]["nodeName"] == "HashAggregate" and q["nodes"][-1]["nodeId"] == 0
    assert metric(q, "HashAggregate", "number of output rows", nth=1) == "3"
    partial_rows = metric(q, "HashAggregate", "number of output rows", nth=0)
    assert metric(q, "Exchange", "shuffle records written") == partial_rows
    assert len(q["successJobIds"]) >= 1
    sort = runs[1]
    assert sort["description"] == "<script>window.__pwned = 1</script> sorted"
    failed = runs[2]
    assert failed["status"] == "FAILED" and failed["errorMessage"] != ""
    # query parameters
    assert all(r["nodes"] == [] and r["edges"] == [] for r in live["/sql?details=false"])
    assert all(r["planDescription"] == "" for r in live["/sql?planDescription=false"])
    assert [r["id"] for r in live["/sql?offset=1&length=1"]] == [1]
    assert live["/sql/0?details=false"]["nodes"] == []
    # the history server replays the log into the same answers
    server = subprocess.Popen([os.path.join(ROOT, "launcher", "bin", "ember-history-server"),
                               "--dir", str(logs), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        line = server.stdout.readline()
        assert "history server" in line, line + server.stderr.read()
        url = line.split(" at ")[-1].strip()
        base = url + "/api/v1/applications/" + app_id
        poll(lambda: get(url + "/api/v1/applications"), "the log to be read")
        for path, answer in live.items():
            assert get(base + path) == answer, path
        page = poll(lambda: _page(url + "/history/%s/SQL/execution/?id=0" % app_id), "the query page")
        assert "number of output rows: 89" in page
    finally:
        server.kill()
        server.wait()


def _page(url):
    import urllib.request
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode()


def test_unknown_query_ids_answer_404_json(sc, spark):
    import urllib.error
    api = sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId
    for path, message in [("/sql/987654", "unknown query execution id: 987654"),
                          ("/sql/abc", "unknown query execution id: abc")]:
        try:
            get(api + path)
            raise AssertionError("no error for " + path)
        except urllib.error.HTTPError as e:
            assert e.code == 404
            assert json.loads(e.read().decode()) == {"status": 404, "message": message}
    try:
        get(api + "/sql?details=maybe")
        raise AssertionError("no error for a bad flag")
    except urllib.error.HTTPError as e:
        assert e.code == 400
