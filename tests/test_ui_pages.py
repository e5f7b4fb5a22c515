"""The web UI's HTML pages in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium. Each page must show the numbers the REST API (itself
checked against the listener events in test_ui.py) gives for a known job, links and sorting
and pagination must work, the console must stay clean and user text must show as text.
Screenshots of every page visited go to target/ui-screenshots/ at the repository root."""

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, subprocess_env
from test_ui import APP, get, poll, job_of_group

try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip("selenium is not installed (python/requirements-dev.txt)", allow_module_level=True)

SHOTS = os.path.join(ROOT, "target", "ui-screenshots")
DESCRIPTION = "<script>window.__pwned = 1</script><b>bold</b> & co"


def _units(n):
    """Bytes as the pages show them (Spark's format): 512.0 B, 1.5 KiB."""
    units = ["B", "KiB", "MiB", "GiB", "TiB"]
    v, u = float(n), 0
    while abs(v) >= 1024 and u < len(units) - 1:
        v, u = v / 1024, u + 1
    return "%.1f %s" % (v, units[u])


@pytest.fixture(scope="module")
def browser():
    driver_path = shutil.which("chromedriver")
    if not (shutil.which("chromium") and driver_path):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver must be installed (.ci/run installs them)")
        pytest.skip("chromium or chromedriver not installed")
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    os.makedirs(SHOTS, exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def known(sc):
    """A two-stage job (8 map tasks, 3 reduce tasks) with a hostile description, run once."""
    api = sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId
    sc.setJobGroup("ui-pages", DESCRIPTION)
    try:
        pairs = sc.parallelize(range(2000), 8).map(lambda x: (x % 7, x))
        assert len(pairs.reduceByKey(lambda a, b: a + b, 3).collect()) == 7
    finally:
        sc.setJobGroup("none", "")
    [job] = poll(lambda: job_of_group(api, "ui-pages"), "the job to end")
    stages = {s["stageId"]: s for s in get(api + "/stages") if s["stageId"] in job["stageIds"]}
    mapper = next(s for s in stages.values() if s["numTasks"] == 8)
    reducer = next(s for s in stages.values() if s["numTasks"] == 3)
    return {"ui": sc.uiWebUrl, "api": api, "job": job, "mapper": mapper, "reducer": reducer}


def visit(browser, url, shot):
    browser.get(url)
    browser.save_screenshot(os.path.join(SHOTS, shot + ".png"))
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    return browser


def text(browser, css):
    return browser.find_element(By.CSS_SELECTOR, css).text


def test_jobs_page_shows_the_job_and_escapes_its_description(browser, known):
    job = known["job"]
    visit(browser, known["ui"] + "/", "jobs")
    row = browser.find_element(By.ID, "job-%d" % job["jobId"])
    cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
    assert cells[0] == "%d (ui-pages)" % job["jobId"]
    assert cells[1] == "SUCCEEDED"
    assert cells[2] == DESCRIPTION  # shown as text, not run or rendered
    assert cells[5] == "2/2" and cells[6] == "11/11"
    assert browser.execute_script("return window.__pwned") is None
    assert row.find_elements(By.TAG_NAME, "b") == row.find_elements(By.CSS_SELECTOR, ".bar b")
    row.find_element(By.LINK_TEXT, DESCRIPTION).click()
    assert browser.current_url.endswith("/jobs/job/?id=%d" % job["jobId"])


def test_job_page_lists_its_stages_with_sizes(browser, known):
    job, mapper, reducer = known["job"], known["mapper"], known["reducer"]
    visit(browser, known["ui"] + "/jobs/job/?id=%d" % job["jobId"], "job")
    assert text(browser, "#job-status") == "SUCCEEDED"
    assert text(browser, "#job-description") == DESCRIPTION
    assert text(browser, "#job-tasks") == "11/11 succeeded, 0 failed"
    m = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#stage-%d-0 td" % mapper["stageId"])]
    r = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#stage-%d-0 td" % reducer["stageId"])]
    assert m[1] == r[1] == "COMPLETE"
    assert m[5] == "8/8" and r[5] == "3/3"
    assert m[9] == _units(mapper["shuffleWriteBytes"]) and r[8] == _units(reducer["shuffleReadBytes"])
    assert m[8] == "" and r[9] == ""  # nothing read by the map side, nothing written by the reduce side
    dag = browser.find_element(By.ID, "dag")
    assert len(dag.find_elements(By.CSS_SELECTOR, "g.stage")) == 2
    for stage in (mapper, reducer):
        drawn = dag.find_elements(By.CSS_SELECTOR, "#dag-stage-%d g.rdd" % stage["stageId"])
        assert sorted(int(g.get_attribute("data-rdd")) for g in drawn) == sorted(stage["rddIds"])
    assert len(dag.find_elements(By.CSS_SELECTOR, "line.shuffle")) == 1
    browser.find_element(By.CSS_SELECTOR, "#stage-%d-0 td a" % reducer["stageId"]).click()
    assert "/stages/stage/?id=%d&attempt=0" % reducer["stageId"] in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "Details for Stage %d (Attempt 0)" % reducer["stageId"]


def test_stage_page_quantiles_match_the_task_list(browser, known):
    mapper = known["mapper"]
    tasks = get(known["api"] + "/stages/%d/0/taskList?length=100" % mapper["stageId"])
    visit(browser, known["ui"] + "/stages/stage/?id=%d&attempt=0" % mapper["stageId"], "stage")
    assert text(browser, "#stage-tasks") == "8/8 succeeded, 0 failed"
    rows = {r.find_element(By.TAG_NAME, "td").text: [c.text for c in r.find_elements(By.TAG_NAME, "td")[1:]]
            for r in browser.find_elements(By.CSS_SELECTOR, "#summary tr")[1:]}
    written = sorted(t["taskMetrics"]["shuffleWriteMetrics"]["bytesWritten"] for t in tasks)
    assert rows["Shuffle Write Size"][0] == _units(written[0])
    assert rows["Shuffle Write Size"][2] == _units(written[4])  # nearest rank round(0.5 * 7) = 4
    assert rows["Shuffle Write Size"][4] == _units(written[-1])
    durations = sorted(t["duration"] for t in tasks)
    assert rows["Duration"][0].split()[0] in (str(durations[0]), "%.1f" % (durations[0] / 1000))
    assert rows["Spill (Disk)"] == ["0.0 B"] * 5


def test_task_table_sorts_and_pages(browser, known):
    mapper = known["mapper"]
    tasks = get(known["api"] + "/stages/%d/0/taskList?length=100" % mapper["stageId"])
    visit(browser, known["ui"] + "/stages/stage/?id=%d&attempt=0&task.pageSize=3" % mapper["stageId"], "tasks-p1")
    assert text(browser, "#task-range") == "Tasks 1 to 3 of 8"

    def ids():
        return [int(r.find_elements(By.TAG_NAME, "td")[1].text)
                for r in browser.find_elements(By.CSS_SELECTOR, "#tasks tr")[1:]]

    by_index = [t["taskId"] for t in sorted(tasks, key=lambda t: t["index"])]
    assert ids() == by_index[:3]
    browser.find_element(By.CSS_SELECTOR, "#task-pager a[data-page='3']").click()
    assert text(browser, "#task-range") == "Tasks 7 to 8 of 8"
    assert ids() == by_index[6:]
    browser.find_element(By.CSS_SELECTOR, "#tasks th a[data-sort='shuffleWrite']").click()
    written = sorted(tasks, key=lambda t: (t["taskMetrics"]["shuffleWriteMetrics"]["bytesWritten"], t["taskId"]))
    assert ids() == [t["taskId"] for t in written[:3]]
    browser.find_element(By.CSS_SELECTOR, "#tasks th a[data-sort='shuffleWrite']").click()  # again: descending
    assert ids() == [t["taskId"] for t in reversed(written)][:3]
    browser.find_element(By.CSS_SELECTOR, "#task-pager a[data-page='2']").click()
    assert ids() == [t["taskId"] for t in reversed(written)][3:6]
    browser.save_screenshot(os.path.join(SHOTS, "tasks-sorted.png"))


def test_executors_storage_and_environment(browser, sc, known):
    executors = get(known["api"] + "/executors")
    visit(browser, known["ui"] + "/executors/", "executors")
    for e in executors:
        cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#executor-%s td" % e["id"])]
        assert cells[0] == e["id"] and cells[3] == str(e["totalCores"])
        assert e["executorLogs"] == {} and cells[-1] == ""  # local mode: no worker serves its logs
    cached = sc.parallelize(range(100), 4).setName("<i>cached</i>").cache()
    try:
        assert cached.count() == 100
        rdd = poll(lambda: [r for r in get(known["api"] + "/storage/rdd") if r["id"] == cached.id()
                            and r["numCachedPartitions"] == 4], "the RDD to be cached")[0]
        visit(browser, known["ui"] + "/storage/", "storage")
        cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#rdd-%d td" % rdd["id"])]
        assert cells[1] == "<i>cached</i>" and cells[3] == "4" and cells[4] == "100%"
        assert cells[5] == _units(rdd["memoryUsed"])
        browser.find_element(By.LINK_TEXT, "<i>cached</i>").click()
        assert len(browser.find_elements(By.CSS_SELECTOR, "#blocks tr")) == 5
    finally:
        cached.unpersist()
    visit(browser, known["ui"] + "/environment/", "environment")
    props = {r.find_elements(By.TAG_NAME, "td")[0].text: r.find_elements(By.TAG_NAME, "td")[1].text
             for r in browser.find_elements(By.CSS_SELECTOR, "#env-sparkProperties tr")[1:]}
    assert props["ember.app.name"] == "ember-tests"
    assert all(v == "*********(redacted)" for k, v in props.items()
               if any(w in k.lower() for w in ("secret", "password", "token")))
    runtime = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#env-runtime td")]
    assert "javaVersion" in runtime
    browser.find_element(By.LINK_TEXT, "Jobs").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Jobs"


def test_unknown_job_is_a_404_page(browser, known):
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(known["ui"] + "/jobs/job/?id=99999", timeout=30)
    assert e.value.code == 404 and b"unknown job: 99999" in e.value.read()
    browser.get(known["ui"] + "/jobs/job/?id=99999")
    assert text(browser, "#error") == "unknown job: 99999"
    browser.get_log("browser")  # the 404 itself is logged; drop it


def test_history_server_serves_the_pages_of_a_logged_application(browser, tmp_path):
    logs = tmp_path / "events"
    logs.mkdir()
    out = subprocess.run([sys.executable, "-c", APP, str(logs)], capture_output=True, text=True,
                         env=subprocess_env(), timeout=180)
    assert out.returncode == 0, out.stderr
    app_id = json.loads(next(l for l in out.stdout.splitlines() if l.startswith("ANSWERS "))[8:])["appId"]
    server = subprocess.Popen([os.path.join(ROOT, "launcher", "bin", "ember-history-server"),
                               "--dir", str(logs), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        line = server.stdout.readline()
        assert "history server" in line, line + server.stderr.read()
        url = line.split(" at ")[-1].strip()
        jobs = get(url + "/api/v1/applications/%s/jobs" % app_id)
        visit(browser, url + "/", "history-applications")
        browser.find_element(By.LINK_TEXT, app_id).click()
        assert browser.current_url == url + "/history/%s/jobs/" % app_id
        rows = browser.find_elements(By.CSS_SELECTOR, "#jobs tr")[1:]
        assert [r.get_attribute("id") for r in rows] == ["job-%d" % j["jobId"] for j in jobs]
        statuses = [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows]
        assert statuses == [j["status"] for j in jobs]
        browser.find_element(By.LINK_TEXT, "Stages").click()
        assert browser.current_url == url + "/history/%s/stages/" % app_id
        browser.save_screenshot(os.path.join(SHOTS, "history-stages.png"))
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        server.kill()
        server.wait()
