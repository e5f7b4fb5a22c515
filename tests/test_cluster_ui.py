"""The standalone master's and workers' web UIs in a real browser (headless Chromium, as
test_ui_pages.py), on real daemons (launcher/bin/ember-master and ember-worker with a shared
secret) running an application from another process: the pages show what the master's /json
says, links lead to the worker, the executor's logs and the driver's UI, the token travels
with the links, and an application name with markup shows as text. Screenshots go to
target/ui-screenshots/cluster-*.png."""

import json
import os
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, subprocess_env
from test_ui import get, poll
from test_ui_pages import SHOTS, _units, browser, text, visit  # noqa: F401 (browser is a fixture)
from test_cluster import BIN, ENGINE_JAR, LAUNCHER_JAR, start_daemon

from selenium.webdriver.common.by import By

pytestmark = pytest.mark.skipif(not (ENGINE_JAR.exists() and LAUNCHER_JAR.exists()),
                                reason="engine or launcher jar not built (mvn package)")

APP_NAME = "<script>window.__pwned = 1</script>cluster & <b>co</b>"

DRIVER = textwrap.dedent("""
    import sys
    from ember import SparkConf, SparkContext
    conf = SparkConf().setAppName(sys.argv[1]).set("ember.executor.memory", "512m").set("ember.ui.port", "0")
    sc = SparkContext(conf=conf)
    def shout(x):
        print("executor says <%d>" % x, file=sys.stderr, flush=True)
        return x
    assert sc.parallelize(range(6), 2).map(shout).sum() == 15
    cached = sc.parallelize(range(1000), 4).setName("cached <i>rdd</i>").cache()
    assert cached.count() == 1000
    print(sc.applicationId, sc.uiWebUrl, flush=True)
    sys.stdin.readline()   # run until the test is done with the pages
    sc.stop()
""")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.headers["Content-Type"], r.read().decode()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cluster-ui")
    secret = "cluster-ui-secret-%d" % os.getpid()
    (tmp / "secret").write_text(secret + "\n")
    env = subprocess_env(EMBER_ENGINE_JAR=str(ENGINE_JAR))
    env.pop("EMBER_AUTH_SECRET", None)
    procs = []
    try:
        master, line = start_daemon([str(BIN / "ember-master"), "--port", "0", "--webui-port", "0",
                                     "--secret-file", str(tmp / "secret")], env, tmp / "master.err")
        procs.append(master)
        url = line.split()[-1]
        ui_line = master.stdout.readline().strip()
        assert ui_line.startswith("Ember master web UI at http://127.0.0.1:"), ui_line
        master_ui = ui_line.split()[-1]
        worker, line = start_daemon([str(BIN / "ember-worker"), url, "--cores", "2", "--memory", "1g",
                                     "--webui-port", "0", "--work-dir", str(tmp / "work"),
                                     "--secret-file", str(tmp / "secret")], env, tmp / "worker.err")
        procs.append(worker)
        worker_ui = worker.stdout.readline().strip().split()[-1]
        (tmp / "driver.py").write_text(DRIVER)
        driver = subprocess.Popen([sys.executable, str(tmp / "driver.py"), APP_NAME], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=open(tmp / "driver.err", "w"), text=True,
                                  env=dict(env, PYSPARK_PYTHON=sys.executable, EMBER_AUTH_SECRET=secret,
                                           EMBER_MASTER=url, PYTHONPATH=str(Path(ROOT) / "python")))
        procs.append(driver)
        out = driver.stdout.readline().split()
        assert len(out) == 2, (tmp / "driver.err").read_text()
        token = __import__("hashlib").sha256(("ember-ui:" + secret).encode()).hexdigest()
        yield {"master_ui": master_ui, "worker_ui": worker_ui, "app_id": out[0], "driver_ui": out[1],
               "token": token, "work": tmp / "work", "driver": driver, "url": url}
    finally:
        for p in reversed(procs):
            if p.stdin:
                p.stdin.close()
            else:
                p.terminate()
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
            p.stdout.close()


def state(cluster):
    return json.loads(fetch(cluster["master_ui"] + "/json?token=" + cluster["token"])[2])


def test_the_token_is_required(cluster):
    for url in (cluster["master_ui"] + "/", cluster["master_ui"] + "/json", cluster["worker_ui"] + "/json"):
        with pytest.raises(urllib.error.HTTPError) as e:
            fetch(url)
        assert e.value.code == 401


def test_master_page_shows_workers_and_the_running_application(browser, cluster):
    # the driver reports its UI's address once bound; wait for the master to show it
    app = poll(lambda: [a for a in state(cluster)["activeapps"] if a["id"] == cluster["app_id"]], "the app")[0]
    assert app["name"] == APP_NAME and app["state"] == "RUNNING" and app["cores"] == 2
    s = state(cluster)
    [w] = s["workers"]
    assert (w["cores"], w["coresused"], w["memory"], w["memoryused"]) == (2, 2, 1024, 512)
    assert w["webuiaddress"] == cluster["worker_ui"]

    visit(browser, cluster["master_ui"] + "/?token=" + cluster["token"], "cluster-master")
    assert text(browser, "#cores") == "2 Total, 2 Used"
    assert text(browser, "#memory") == "1.0 GiB Total, 512.0 MiB Used"
    assert text(browser, "#app-counts").startswith("1 Running")
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#workers tr:nth-child(2) td")]
    assert cells == [w["id"], "127.0.0.1:%d" % w["port"], "ALIVE", "2 (2 Used)", "1.0 GiB (512.0 MiB Used)"]
    row = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#running-apps tr:nth-child(2) td")]
    assert row[:3] == [cluster["app_id"], APP_NAME, "2"] and row[6] == "RUNNING"
    assert browser.execute_script("return window.__pwned") is None
    name_link = browser.find_element(By.LINK_TEXT, APP_NAME)
    assert name_link.get_attribute("href").startswith(cluster["driver_ui"])
    browser.find_element(By.LINK_TEXT, cluster["app_id"]).click()
    assert "/app/?appId=" + cluster["app_id"] in browser.current_url
    browser.save_screenshot(os.path.join(SHOTS, "cluster-app.png"))
    assert text(browser, "#app-state") == "RUNNING"
    assert text(browser, "#app-cores") == "Unlimited (2 granted)"
    ex = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executors tr:nth-child(2) td")]
    assert ex == ["0", w["id"], "2", "512.0 MiB", "RUNNING", "stdout stderr"]
    browser.find_element(By.CSS_SELECTOR, "#executors").find_element(By.LINK_TEXT, "stderr").click()
    assert browser.current_url.startswith(cluster["worker_ui"] + "/logPage/?appId=" + cluster["app_id"])
    assert "token=" + cluster["token"] in browser.current_url
    browser.save_screenshot(os.path.join(SHOTS, "cluster-log.png"))
    log = text(browser, "#log")
    for x in range(6):
        assert "executor says <%d>" % x in log, log
    assert text(browser, "#range").startswith("Showing ")  # the tail of the file


def test_log_page_pages_through_the_file(browser, cluster):
    stderr = (cluster["work"] / cluster["app_id"] / "0" / "stderr").read_bytes()
    assert len(stderr) > 40
    base = "%s/logPage/?appId=%s&executorId=0&logType=stderr&token=%s" % (
        cluster["worker_ui"], cluster["app_id"], cluster["token"])
    visit(browser, base + "&offset=0&byteLength=20", "cluster-log-first")
    assert text(browser, "#range").startswith("Showing 20 bytes: 0 - 20 of ")
    assert text(browser, "#log") == stderr[:20].decode("utf-8", "replace").strip()
    browser.find_element(By.ID, "next").click()
    assert text(browser, "#range").startswith("Showing 20 bytes: 20 - 40 of ")
    browser.find_element(By.ID, "prev").click()
    assert text(browser, "#range").startswith("Showing 20 bytes: 0 - 20 of ")
    status, kind, raw = fetch(base.replace("/logPage/", "/log/") + "&offset=20&byteLength=20")
    assert kind.startswith("text/plain") and raw.encode() == stderr[20:40]


def test_worker_page_lists_the_executor_and_links_the_master(browser, cluster):
    visit(browser, cluster["worker_ui"] + "/?token=" + cluster["token"], "cluster-worker")
    assert text(browser, "#cores") == "2 (2 Used)"
    row = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executors tr:nth-child(2) td")]
    assert row[0] == "0" and row[1].startswith(cluster["app_id"]) and APP_NAME in row[1]
    assert row[2:] == ["2", "512.0 MiB", "RUNNING", "stdout stderr"]
    assert browser.execute_script("return window.__pwned") is None
    browser.find_element(By.LINK_TEXT, cluster["url"]).click()
    assert browser.current_url.startswith(cluster["master_ui"])
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ember Master at " + cluster["url"]


def test_storage_of_the_remote_executor_reaches_the_driver_ui(browser, cluster):
    """Block updates from executor JVMs reach the driver's store (they used to be local-mode only)."""
    api = "%s/api/v1/applications/%s" % (cluster["driver_ui"], cluster["app_id"])
    [rdd] = poll(lambda: [r for r in get(api + "/storage/rdd") if r["numCachedPartitions"] == 4], "4 cached blocks")
    assert rdd["name"] == "cached <i>rdd</i>" and rdd["storageLevel"] == "Memory Deserialized 1x Replicated"
    assert rdd["memoryUsed"] > 0 and rdd["diskUsed"] == 0
    detail = get(api + "/storage/rdd/%d" % rdd["id"])
    assert [p["executors"] for p in detail["partitions"]] == [["0"]] * 4
    assert sum(p["memoryUsed"] for p in detail["partitions"]) == rdd["memoryUsed"]
    assert [d["memoryUsed"] for d in detail["dataDistribution"]] == [rdd["memoryUsed"]]
    visit(browser, cluster["driver_ui"] + "/storage/", "cluster-driver-storage")
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#rdd-%d td" % rdd["id"])]
    assert cells[1] == "cached <i>rdd</i>" and cells[3:5] == ["4", "100%"]
    browser.find_element(By.LINK_TEXT, "cached <i>rdd</i>").click()
    executors = [r.find_elements(By.TAG_NAME, "td")[4].text
                 for r in browser.find_elements(By.CSS_SELECTOR, "#blocks tr")[1:]]
    assert executors == ["0"] * 4


def test_executors_show_storage_memory_and_python_workers(browser, cluster):
    api = "%s/api/v1/applications/%s" % (cluster["driver_ui"], cluster["app_id"])
    [rdd] = poll(lambda: [r for r in get(api + "/storage/rdd") if r["numCachedPartitions"] == 4], "4 cached blocks")
    # the storage budget and Python workers come with the executor's heartbeats (every 2 s)
    e = poll(lambda: [x for x in get(api + "/executors") if x["id"] == "0" and x["maxMemory"] > 0
                      and x["pythonWorkers"] > 0], "a heartbeat of executor 0")[0]
    assert (e["rddBlocks"], e["memoryUsed"], e["diskUsed"]) == (4, rdd["memoryUsed"], 0)
    assert rdd["memoryUsed"] < e["maxMemory"] < 512 << 20   # a share of the executor's 512 MB heap
    assert e["memoryMetrics"] == {"usedOnHeapStorageMemory": rdd["memoryUsed"], "usedOffHeapStorageMemory": 0,
                                  "totalOnHeapStorageMemory": e["maxMemory"], "totalOffHeapStorageMemory": 0}
    assert 1 <= e["pythonWorkers"] <= 2   # two cores: at most two workers ran at once, and stay for reuse
    visit(browser, cluster["driver_ui"] + "/executors/", "cluster-driver-executors")
    head = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executors th")]
    cells = dict(zip(head, [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executor-0 td")]))
    assert cells["Storage Memory"] == "%s / %s" % (_units(e["memoryUsed"]), _units(e["maxMemory"]))
    assert cells["RDD Blocks"] == "4" and cells["Python Workers"] == str(e["pythonWorkers"])


def test_driver_executors_page_links_the_executor_logs_on_its_worker(browser, cluster):
    """Issue 11: the worker tells its executor where it serves the logs; the executor tells the driver."""
    api = "%s/api/v1/applications/%s" % (cluster["driver_ui"], cluster["app_id"])
    [e] = [x for x in get(api + "/executors") if x["id"] == "0"]
    page = "%s/logPage/?appId=%s&executorId=0&logType=" % (cluster["worker_ui"], cluster["app_id"])
    assert e["executorLogs"] == {"stdout": page + "stdout", "stderr": page + "stderr"}
    # the worker's UI wants the cluster's token: the links keep the one the viewer came with
    visit(browser, cluster["driver_ui"] + "/executors/?token=" + cluster["token"], "cluster-driver-executor-logs")
    head = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executors th")]
    cells = dict(zip(head, [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executor-0 td")]))
    assert cells["Logs"] == "stdout stderr"
    browser.find_element(By.CSS_SELECTOR, "#executor-0").find_element(By.LINK_TEXT, "stdout").click()
    assert browser.current_url == page + "stdout&token=" + cluster["token"]
    assert browser.find_element(By.TAG_NAME, "h1").text == "stdout log of executor 0 of " + cluster["app_id"]
    shown = int(text(browser, "#range").split()[-1])  # the file's size when the page was served
    assert 0 <= shown <= (cluster["work"] / cluster["app_id"] / "0" / "stdout").stat().st_size
    browser.back()
    browser.find_element(By.CSS_SELECTOR, "#executor-0").find_element(By.LINK_TEXT, "stderr").click()
    assert "executor says <3>" in text(browser, "#log")


def test_local_executor_reports_its_storage_budget_and_python_workers(sc):
    api = "%s/api/v1/applications/%s" % (sc.uiWebUrl, sc.applicationId)
    assert sc.parallelize(range(10), 2).map(lambda x: x + 1).sum() == 55
    e = poll(lambda: [x for x in get(api + "/executors") if x["id"] == "driver" and x["pythonWorkers"] > 0],
             "a heartbeat of the local executor")[0]
    assert 0 < e["maxMemory"] < 1 << 40 and e["memoryMetrics"]["totalOnHeapStorageMemory"] == e["maxMemory"]


def test_driver_ui_link_and_the_completed_application(browser, cluster):
    visit(browser, cluster["master_ui"] + "/app/?appId=%s&token=%s" % (cluster["app_id"], cluster["token"]),
          "cluster-app-running")
    browser.find_element(By.LINK_TEXT, "Application Detail UI").click()
    assert browser.current_url.startswith(cluster["driver_ui"])
    assert browser.find_element(By.TAG_NAME, "h1").text == "Jobs"
    # end the application: it moves to the completed list with its executor, now killed
    cluster["driver"].stdin.close()
    assert cluster["driver"].wait(timeout=120) == 0
    done = poll(lambda: [a for a in state(cluster)["completedapps"] if a["id"] == cluster["app_id"]],
                "the app to complete")[0]
    assert done["state"] == "FINISHED"
    visit(browser, cluster["master_ui"] + "/?token=" + cluster["token"], "cluster-master-completed")
    row = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#completed-apps tr:nth-child(2) td")]
    assert row[0] == cluster["app_id"] and row[6] == "FINISHED"
    assert text(browser, "#cores") == "2 Total, 0 Used"
    browser.find_element(By.LINK_TEXT, cluster["app_id"]).click()
    removed = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#removed-executors tr:nth-child(2) td")]
    assert removed[0] == "0" and removed[4] == "KILLED"
    worker = json.loads(fetch(cluster["worker_ui"] + "/json?token=" + cluster["token"])[2])
    assert worker["executors"] == [] and [e["appid"] for e in worker["finishedexecutors"]] == [cluster["app_id"]]
