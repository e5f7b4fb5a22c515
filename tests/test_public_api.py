"""Public API that had no test: cancelAllJobs, getCheckpointDir, SparkConf's bulk methods,
Broadcast.unpersist/destroy, a custom AccumulatorParam, pipe's env and checkCode. Each
behaves as in PySpark (checked against a PySpark install) unless noted."""

import os
import pickle
import threading
import time

import pytest

from ember import AccumulatorParam, EmberError, SparkConf


def _wait_until(cond, timeout: float = 30) -> bool:
    deadline = time.time() + timeout
    while not cond():
        if time.time() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_cancel_all_jobs_cancels_jobs_of_every_thread(sc, tmp_path):
    def slow(x):
        open(os.path.join(str(tmp_path), "%d-%d" % (os.getpid(), x)), "w").close()
        time.sleep(30)
    errors = []

    def run(group):
        if group:
            sc.setJobGroup(group, "cancelled by cancelAllJobs")
        try:
            sc.parallelize(range(1), 1).map(slow).collect()
        except Exception as e:
            errors.append(e)
    threads = [threading.Thread(target=run, args=(g,)) for g in ("some-group", None)]
    for t in threads:
        t.start()
    try:
        assert _wait_until(lambda: len(list(tmp_path.iterdir())) == 2), "both jobs should be running"
        start = time.time()
        sc.cancelAllJobs()
    finally:
        for t in threads:
            t.join(60)
    assert time.time() - start < 25, "the tasks were not stopped"
    assert len(errors) == 2 and all(isinstance(e, EmberError) for e in errors), errors
    messages = sorted(str(e).split(": ", 1)[1] for e in errors)
    assert all(m.startswith("Job ") and m.endswith(" cancelled (all jobs cancelled)") for m in messages), messages
    # the tracker hears of the jobs' ends on the listener bus, a moment later
    assert _wait_until(lambda: sc.statusTracker().getActiveJobsIds() == []), sc.statusTracker().getActiveJobsIds()
    assert sc.parallelize(range(4), 2).sum() == 6


def test_get_checkpoint_dir(sc, tmp_path):
    # PySpark answers a directory inside the one given (None before any is set; the session
    # context may already have one from another test, so that is not checked here).
    target = tmp_path / "checkpoints"
    sc.setCheckpointDir(str(target))
    got = sc.getCheckpointDir()
    path = got[len("file:"):] if got.startswith("file:") else got
    assert os.path.realpath(path).startswith(os.path.realpath(str(target))), got
    assert os.path.isdir(path)
    rdd = sc.parallelize(range(10), 2).map(lambda x: x * 2)
    rdd.checkpoint()
    assert rdd.sum() == 90
    assert rdd.isCheckpointed()
    assert any(files for _, _, files in os.walk(path)), "checkpoint files are under getCheckpointDir()"


def test_spark_conf_bulk_methods():
    conf = SparkConf(loadDefaults=False)
    assert conf.getAll() == []
    assert conf.setAll([("a.key", "1"), ("b.key", 2)]) is conf
    assert sorted(conf.getAll()) == [("a.key", "1"), ("b.key", "2")]
    assert conf.setIfMissing("a.key", "9") is conf
    assert conf.get("a.key") == "1"
    assert conf.setIfMissing("c.key", "3").get("c.key") == "3"
    copy = conf.copy()
    copy.set("a.key", "changed").set("d.key", "4")
    assert conf.get("a.key") == "1" and not conf.contains("d.key"), "a copy is independent"
    assert sorted(copy.getAll()) == [("a.key", "changed"), ("b.key", "2"), ("c.key", "3"), ("d.key", "4")]
    assert conf.setAll([]) is conf and len(conf.getAll()) == 3


def test_broadcast_unpersist_then_reuse_and_destroy(sc):
    b = sc.broadcast({"k": 41})
    assert sc.parallelize(range(4), 2).map(lambda x: b.value["k"] + 1).collect() == [42] * 4
    b.unpersist(blocking=True)
    assert b.value == {"k": 41}, "the driver keeps the value"
    assert sc.parallelize(range(4), 2).map(lambda x: b.value["k"]).collect() == [41] * 4, "sent again after unpersist"
    b.destroy()
    # PySpark fails the call too ("Task not serializable"); here the pickling error says why.
    with pytest.raises(pickle.PicklingError, match="broadcast %d was destroyed and cannot be used" % b.id):
        sc.parallelize(range(2), 1).map(lambda x: b.value).collect()
    with pytest.raises(RuntimeError):
        b.value
    assert sc.parallelize(range(3)).count() == 3


def test_custom_accumulator_param(sc):
    class VectorParam(AccumulatorParam):   # local: pickled by value for the workers
        def zero(self, value):
            return [0.0] * len(value)

        def addInPlace(self, a, b):
            for i in range(len(a)):
                a[i] += b[i]
            return a

    acc = sc.accumulator([1.0, 2.0], VectorParam())
    sc.parallelize(range(4), 2).foreach(lambda x: acc.add([x, 1.0]))
    assert acc.value == [7.0, 6.0]
    acc += [1.0, 1.0]
    assert acc.value == [8.0, 7.0]
    with pytest.raises(RuntimeError, match="Accumulator.value cannot be accessed inside tasks"):
        sc.parallelize([1], 1).map(lambda x: acc.value).collect()


def test_pipe_with_env_and_check_code(sc):
    piped = sc.parallelize(["a", "b"], 1).pipe("sh -c 'echo $GREETING; cat'", env={"GREETING": "hello"})
    assert piped.collect() == ["hello", "a", "b"]
    assert sc.parallelize(["x"], 1).pipe("sh -c 'cat; exit 3'").collect() == ["x"], "exit status ignored by default"
    with pytest.raises(RuntimeError, match="exited with status 3"):
        sc.parallelize(["x"], 1).pipe("sh -c 'cat; exit 3'", checkCode=True).collect()


def test_to_debug_string_shows_partitions_stages_names_and_storage(sc):
    import operator
    import re
    pairs = sc.parallelize(range(10), 2).map(lambda x: (x % 3, x)).setName("pairs")
    sums = pairs.reduceByKey(operator.add, 3).cache()
    assert sums.count() == 3
    text = sums.toDebugString()
    assert isinstance(text, bytes)
    lines = text.decode("utf-8").splitlines()
    assert lines[0].startswith("(3) PythonRDD[%d] [Memory " % sums.id()), lines
    assert lines[0].endswith(" 1x Replicated]"), lines
    stage_starts = [l for l in lines if re.match(r"^\s*\+-\(\d+\) ", l)]
    assert len(stage_starts) == 1 and "+-(2) " in stage_starts[0], lines   # one shuffle, from 2 partitions
    assert any(re.search(r"ShuffledRDD\[\d+\]", l) for l in lines), lines
    assert all(re.search(r"RDD\[\d+\]", l) for l in lines), lines
    both = sums.union(pairs)
    lines = both.toDebugString().decode("utf-8").splitlines()
    assert lines[0].startswith("(5) "), lines   # 3 + 2 partitions
    assert any(("pairs PythonRDD[%d]" % pairs.id()) in l for l in lines), lines
    assert sum(1 for l in lines if ("PythonRDD[%d]" % sums.id()) in l) == 1, lines
