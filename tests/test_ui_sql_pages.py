"""The SQL tab's pages in headless Chromium: the list of query runs and a query's page with its
physical plan drawn as a graph, for a known query whose per-operator numbers are known (the
REST answers are checked against the events in test_ui_sql.py). A hostile job description must
show as text. Screenshots go to target/ui-screenshots/."""

import pytest

from test_ui import get, poll
from test_ui_pages import By, DESCRIPTION, browser, text, visit  # noqa: F401  (browser is a fixture)


@pytest.fixture(scope="module")
def query(sc, spark):
    api = sc.uiWebUrl + "/api/v1/applications/" + sc.applicationId
    before = {r["id"] for r in get(api + "/sql?length=100000")}
    sc.setJobDescription(DESCRIPTION)
    try:
        df = spark.range(0, 100, 1, 4).selectExpr("id % 3 as k", "id").filter("id > 10").groupBy("k").count()
        assert len(df.collect()) == 3
    finally:
        sc.setJobDescription(None)

    def done():
        runs = [r for r in get(api + "/sql?length=100000") if r["id"] not in before]
        return runs if runs and all(r["status"] != "RUNNING" for r in runs) else None

    [run] = poll(done, "the query run to end")
    return {"ui": sc.uiWebUrl, "run": run}


def test_sql_list_shows_the_run_with_its_jobs_and_escapes_its_description(browser, query):
    run = query["run"]
    visit(browser, query["ui"] + "/SQL/", "sql")
    row = browser.find_element(By.ID, "sql-%d" % run["id"])
    cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
    assert cells[0] == str(run["id"])
    assert cells[1] == "COMPLETED"
    assert cells[2] == DESCRIPTION
    assert browser.execute_script("return window.__pwned") is None
    assert row.find_elements(By.TAG_NAME, "b") == []
    links = row.find_elements(By.CSS_SELECTOR, "a.sql-job")
    assert [int(a.text) for a in links] == run["successJobIds"]
    links[0].click()
    assert browser.current_url.endswith("/jobs/job/?id=%d" % run["successJobIds"][0])


def test_query_page_draws_the_plan_with_its_metrics(browser, query):
    run = query["run"]
    visit(browser, query["ui"] + "/SQL/", "sql")
    browser.find_element(By.ID, "sql-%d" % run["id"]).find_element(By.LINK_TEXT, DESCRIPTION).click()
    assert browser.current_url.endswith("/SQL/execution/?id=%d" % run["id"])
    visit(browser, browser.current_url, "sql-query")
    assert text(browser, "#sql-description") == DESCRIPTION
    assert text(browser, "#sql-status") == "COMPLETED"
    assert browser.execute_script("return window.__pwned") is None
    boxes = browser.find_elements(By.CSS_SELECTOR, "#plan-graph g.plan-node")
    assert len(boxes) == len(run["nodes"])
    drawn = {}
    for box in boxes:
        node_id = int(box.get_attribute("id").split("-")[-1])
        name = box.find_element(By.CSS_SELECTOR, ".plan-node-name").text
        metrics = [m.text for m in box.find_elements(By.CSS_SELECTOR, ".plan-metric")]
        drawn[node_id] = (name, metrics)
    for node in run["nodes"]:
        name, metrics = drawn[node["nodeId"]]
        assert name == node["nodeName"]
        assert metrics == ["%s: %s" % (m["name"], m["value"]) for m in node["metrics"]]
    by_name = {name: metrics for name, metrics in drawn.values()}
    assert "number of output rows: 100" in by_name["Range"]
    assert "number of output rows: 89" in by_name["Filter"]
    assert "number of output rows: 3" in drawn[0][1]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#plan-graph line.plan-edge")) == len(run["edges"])
    # data flows down: each child is drawn above its parent
    for edge in run["edges"]:
        child = browser.find_element(By.ID, "plan-node-%d" % edge["fromId"]).rect
        parent = browser.find_element(By.ID, "plan-node-%d" % edge["toId"]).rect
        assert child["y"] + child["height"] <= parent["y"]
    assert text(browser, "#plan-text").startswith("== Physical Plan ==")
    browser.find_element(By.ID, "sql-jobs").find_element(By.TAG_NAME, "a").click()
    assert browser.current_url.endswith("/jobs/job/?id=%d" % run["successJobIds"][0])
    sql_link = browser.find_element(By.ID, "job-sql").find_element(By.TAG_NAME, "a")
    assert sql_link.text == str(run["id"])
    sql_link.click()
    assert browser.current_url.endswith("/SQL/execution/?id=%d" % run["id"])


def test_unknown_query_is_a_404_page(browser, query):
    browser.get(query["ui"] + "/SQL/execution/?id=987654")   # the 404 itself is logged as a console error
    assert text(browser, "#error") == "unknown query execution id: 987654"
