"""SparkContext's job properties, status tracker, info properties, files and binary inputs."""

import getpass
import os
import shutil
import threading
import time

import pytest


def _wait_for(cond, timeout=5.0):
    deadline = time.time() + timeout
    while not cond() and time.time() < deadline:
        time.sleep(0.01)
    return cond()


def test_local_properties_are_per_thread_and_reach_the_engine(sc):
    sc.setLocalProperty("spark.scheduler.pool", "reports")
    try:
        assert sc.getLocalProperty("spark.scheduler.pool") == "reports"
        assert sc.getLocalProperty("ember.scheduler.pool") == "reports"
        seen = []
        t = threading.Thread(
            target=lambda: seen.append(sc.getLocalProperty("spark.scheduler.pool")))
        t.start()
        t.join()
        assert seen == [None]
        assert sc.parallelize([1]).count() == 1
        # the job was started with the property set on the engine's side
        assert sc._jsc.getLocalProperty("ember.scheduler.pool") == "reports"
    finally:
        sc.setLocalProperty("spark.scheduler.pool", None)
    assert sc.getLocalProperty("spark.scheduler.pool") is None
    assert sc.parallelize([1]).count() == 1
    assert sc._jsc.getLocalProperty("ember.scheduler.pool") is None


def test_tasks_see_the_jobs_local_properties(sc):
    from ember import TaskContext
    sc.setLocalProperty("spark.job.tag", "nightly")
    try:
        seen = sc.parallelize(range(4), 2).map(
            lambda _: (TaskContext.get().getLocalProperty("spark.job.tag"),
                       TaskContext.get().getLocalProperty("ember.job.tag"))).distinct().collect()
        assert seen == [("nightly", "nightly")]
    finally:
        sc.setLocalProperty("spark.job.tag", None)
    assert sc.parallelize([1]).map(lambda _: TaskContext.get().getLocalProperty("spark.job.tag")).collect() == [None]


def test_a_job_group_keeps_its_description_and_interrupt_flag(sc):
    from ember import TaskContext
    sc.setJobGroup("nightly", "rebuild the index", interruptOnCancel=True)
    try:
        props = sc.parallelize([1], 1).map(lambda _: (
            TaskContext.get().getLocalProperty("spark.jobGroup.id"),
            TaskContext.get().getLocalProperty("spark.job.description"),
            TaskContext.get().getLocalProperty("spark.job.interruptOnCancel"))).collect()
        assert props == [("nightly", "rebuild the index", "true")]
    finally:
        sc.clearJobGroup()


def test_job_description_and_group_properties(sc):
    sc.setJobDescription("nightly totals")
    assert sc.getLocalProperty("spark.job.description") == "nightly totals"
    sc.setJobDescription(None)
    assert sc.getLocalProperty("spark.job.description") is None
    sc.setJobGroup("g1", "first group", interruptOnCancel=True)
    assert sc.getLocalProperty("spark.jobGroup.id") == "g1"
    assert sc.getLocalProperty("spark.job.interruptOnCancel") == "true"
    sc.clearJobGroup()
    assert sc.getLocalProperty("spark.jobGroup.id") is None


def test_status_tracker_reports_jobs_and_stages(sc):
    tracker = sc.statusTracker()
    sc.setJobGroup("tracked", "status test")
    try:
        pairs = sc.parallelize(range(100), 4).map(lambda x: (x % 3, x))
        assert dict(pairs.reduceByKey(lambda a, b: a + b, 2).collect()) == \
            {r: sum(x for x in range(100) if x % 3 == r) for r in range(3)}
    finally:
        sc.clearJobGroup()
    assert _wait_for(lambda: tracker.getJobIdsForGroup("tracked") and
                     tracker.getJobInfo(tracker.getJobIdsForGroup("tracked")[0]).status ==
                     "SUCCEEDED")
    (job,) = tracker.getJobIdsForGroup("tracked")
    info = tracker.getJobInfo(job)
    assert info.jobId == job and len(info.stageIds) == 2
    stages = [tracker.getStageInfo(s) for s in info.stageIds]
    assert sorted(s.numTasks for s in stages) == [2, 4]   # the reduce side and the map side
    assert all(s.numCompletedTasks == s.numTasks and s.numActiveTasks == 0 for s in stages)
    assert job not in tracker.getActiveJobsIds()
    assert tracker.getJobInfo(10 ** 6) is None and tracker.getStageInfo(10 ** 6) is None


def test_status_tracker_sees_a_running_job(sc):
    tracker = sc.statusTracker()
    done = threading.Event()

    def run():
        sc.setJobGroup("running-now", "slow")
        sc.parallelize(range(2), 2).foreach(lambda _: time.sleep(1.0))
        done.set()
    t = threading.Thread(target=run)
    t.start()
    try:
        assert _wait_for(lambda: tracker.getJobIdsForGroup("running-now"))
        (job,) = tracker.getJobIdsForGroup("running-now")
        assert job in tracker.getActiveJobsIds()
        assert tracker.getJobInfo(job).status == "RUNNING"
        assert set(tracker.getJobInfo(job).stageIds) <= set(tracker.getActiveStageIds())
    finally:
        t.join(30)
    assert done.is_set()


def test_info_properties(sc):
    now = int(time.time() * 1000)
    assert now - 3600 * 1000 < sc.startTime <= now
    assert sc.sparkUser() == (os.environ.get("SPARK_USER") or getpass.getuser())
    assert sc.uiWebUrl.startswith("http://127.0.0.1:")   # the web UI is on by default, on loopback
    assert sc.defaultMinPartitions == min(sc.defaultParallelism, 2)
    assert sc.resources == {}


def test_set_system_property_reaches_the_running_jvm_and_is_kept(sc):
    from ember import SparkConf, SparkContext
    SparkContext.setSystemProperty("spark.test.property", "42")
    try:
        assert sc._jvm.java.lang.System.getProperty("spark.test.property") == "42"
        assert SparkContext._system_properties["spark.test.property"] == "42"
        assert SparkConf().get("spark.test.property") == "42"
        assert SparkConf(loadDefaults=False).get("spark.test.property") is None
    finally:
        SparkContext._system_properties.pop("spark.test.property")


def test_list_files_and_archives(sc, tmp_path):
    from ember import SparkFiles
    f = tmp_path / "listed.txt"
    f.write_text("x")
    sc.addFile(str(f))
    assert "file:" + str(f) in sc.listFiles
    src = tmp_path / "pkg"
    src.mkdir()
    (src / "inside.txt").write_text("packed")
    archive = shutil.make_archive(str(tmp_path / "bundle"), "zip", str(src))
    sc.addArchive(archive)
    assert "file:" + archive in sc.listArchives

    def read(_):
        with open(os.path.join(SparkFiles.get("bundle.zip"), "inside.txt")) as fh:
            return fh.read()
    assert sc.parallelize([0]).map(read).collect() == ["packed"]
    with pytest.raises(ValueError, match="archive"):
        sc.addArchive(str(f))


def test_binary_files_and_records(sc, tmp_path):
    d = tmp_path / "bin"
    d.mkdir()
    contents = {"a.bin": bytes(range(12)), "b.bin": b"\xff" * 4, "c.bin": b""}
    for name, data in contents.items():
        (d / name).write_bytes(data)
    (d / "_SUCCESS").write_bytes(b"")
    got = {os.path.basename(k): v for k, v in sc.binaryFiles(str(d)).collect()}
    assert got == contents
    assert all(k.startswith("file:") for k, _ in sc.binaryFiles(str(d / "*.bin")).collect())
    records = sc.binaryRecords(str(d), 4).collect()
    expect = [data[i:i + 4] for name in sorted(contents) for data in [contents[name]]
              for i in range(0, len(data), 4)]
    assert records == expect
    with pytest.raises(ValueError, match="multiple of the record length"):
        sc.binaryRecords(str(d / "a.bin"), 5)


def test_run_job_on_selected_partitions(sc):
    rdd = sc.parallelize(range(10), 5)
    assert sc.runJob(rdd, lambda it: [sum(it)], [1, 3]) == [2 + 3, 6 + 7]
    assert sc.runJob(rdd, lambda it: [len(list(it))]) == [2] * 5
