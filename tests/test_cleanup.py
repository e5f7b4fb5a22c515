"""Finished work is cleaned up: once Python drops its RDDs and broadcasts, the engine's cleaner
removes their shuffle files, scheduler state and broadcast files, so a long-running driver
stays flat. Python objects are handles on engine objects; dropping them releases the engine's
references (Py4J's garbage collection of its proxies), which the cleaner then finds."""

import gc
import os
import tempfile
import time
from operator import add

JOBS = 300


def _shuffle_files(sc) -> int:
    """Shuffle files under the driver's local dirs (the local executor's, in local mode)."""
    count = 0
    for root in sc._jsc.diskBlockManager().roots():
        for _dirpath, _dirs, files in os.walk(str(root.toString())):
            count += sum(1 for f in files if f.startswith("shuffle_"))
    return count


def _settle(sc, done, timeout: float = 60.0) -> bool:
    """Collects garbage on both sides until ``done()`` holds; False after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        gc.collect()
        sc._jvm.java.lang.System.gc()
        if done():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _footprint(sc):
    f = sc._jsc.footprint()
    return {"stages": f.stages(), "shuffleStages": f.shuffleStages(), "mapOutputShuffles": f.mapOutputShuffles(),
            "blocks": f.blocks(), "broadcasts": f.broadcasts(), "cleanerTracked": f.cleanerTracked()}


def _one_job(sc, i: int) -> None:
    rdd = sc.parallelize(range(10), 2).map(lambda x: (x % 3, x + i))
    assert sorted(rdd.reduceByKey(add, 2).collect()) == [
        (0, 18 + 4 * i), (1, 12 + 3 * i), (2, 15 + 3 * i)]


def test_many_shuffle_jobs_leave_driver_state_and_shuffle_files_flat(sc):
    for i in range(10):
        _one_job(sc, i)
    assert _settle(sc, lambda: _footprint(sc)["shuffleStages"] == 0)
    start, start_files = _footprint(sc), _shuffle_files(sc)
    for i in range(JOBS):
        _one_job(sc, i)
    assert _settle(sc, lambda: _footprint(sc)["mapOutputShuffles"] <= start["mapOutputShuffles"]
                   and _shuffle_files(sc) <= start_files), (start, _footprint(sc), _shuffle_files(sc))
    end = _footprint(sc)
    print("[cleanup] %d Python shuffle jobs: start %s, %d shuffle files; end %s, %d shuffle files"
          % (JOBS, start, start_files, end, _shuffle_files(sc)))
    assert end["stages"] == 0 and end["shuffleStages"] == 0
    assert end["cleanerTracked"] <= start["cleanerTracked"]


def test_cached_python_rdd_blocks_go_when_the_rdd_is_dropped(sc):
    before = _footprint(sc)["blocks"]
    rdd = sc.parallelize(range(100), 2).map(lambda x: x * 2).cache()
    assert rdd.count() == 100
    if _footprint(sc)["blocks"] == before:
        return   # blocks live on executor JVMs (EMBER_TEST_MASTER=local-cluster): nothing to see here
    del rdd
    assert _settle(sc, lambda: _footprint(sc)["blocks"] <= before), _footprint(sc)


def _broadcast_in(sc, tmp_path, monkeypatch, value):
    """A broadcast whose driver-side file is created in ``tmp_path``; returns it and the file."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    b = sc.broadcast(value)
    monkeypatch.undo()
    files = [p for p in tmp_path.iterdir() if p.name.startswith("ember-broadcast-")]
    assert len(files) == 1
    return b, files[0]


def test_destroy_removes_the_broadcast_file(sc, tmp_path, monkeypatch):
    b, path = _broadcast_in(sc, tmp_path, monkeypatch, {"a": 1})
    assert sc.parallelize(["a"], 1).map(lambda k: b.value[k]).collect() == [1]
    b.destroy()
    assert not path.exists()


def test_unpersist_keeps_the_broadcast_usable(sc, tmp_path, monkeypatch):
    b, path = _broadcast_in(sc, tmp_path, monkeypatch, [1, 2, 3])
    assert sc.parallelize([0, 1], 2).map(lambda i: b.value[i]).collect() == [1, 2]
    b.unpersist()
    assert path.exists()
    assert sc.parallelize([2], 1).map(lambda i: b.value[i]).collect() == [3]
    b.destroy()


def test_a_garbage_collected_broadcast_loses_its_file(sc, tmp_path, monkeypatch):
    count = sc._bridge.broadcastFileCount()
    b, path = _broadcast_in(sc, tmp_path, monkeypatch, list(range(1000)))
    rdd = sc.parallelize(range(4), 2).map(lambda i: b.value[i])
    assert rdd.collect() == [0, 1, 2, 3]
    gc.collect()
    sc._jvm.java.lang.System.gc()
    time.sleep(0.3)
    assert path.exists(), "the RDD still uses the broadcast"
    del b, rdd
    assert _settle(sc, lambda: not path.exists()), "the broadcast file was not removed"
    assert sc._bridge.broadcastFileCount() <= count


def test_a_reused_worker_keeps_only_the_broadcasts_its_task_reads(sc):
    # As PySpark: values of broadcasts a task does not read leave the worker's memory, so a
    # long-running application's workers do not accumulate every broadcast they ever loaded.
    def held_broadcasts(i, it):
        from ember import broadcast as worker_broadcasts   # the worker's own registry
        return [(os.getpid(), sorted(worker_broadcasts.worker_ids()))]

    n = 2 * sc.defaultParallelism
    big = sc.broadcast(list(range(10_000)))
    loaded = sc.parallelize(range(n), n).mapPartitionsWithIndex(
        lambda i, it: [(os.getpid(), len(big.value))]).collect()
    assert {size for _, size in loaded} == {10_000}
    held = sc.parallelize(range(n), n).mapPartitionsWithIndex(held_broadcasts).collect()
    loaders = {pid for pid, _ in loaded}
    assert loaders & {pid for pid, _ in held}, "no worker was reused"
    assert all(big.id not in ids for _, ids in held), held
