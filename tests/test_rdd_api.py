"""The less common RDD methods (tree aggregation, approximations, stratified sampling,
checkpoint queries, barrier stages, ...) against plain-Python computations."""

import collections
import glob
import math
import operator
import os
import statistics
import time

import pytest

from ember.hashing import portable_hash


def test_tree_aggregate_and_reduce_match_python(sc):
    data = list(range(1, 201))
    rdd = sc.parallelize(data, 16)
    for depth in (1, 2, 3, 5):
        assert rdd.treeReduce(operator.add, depth) == sum(data)
        assert rdd.treeAggregate((0, 0), lambda a, x: (a[0] + x, a[1] + 1),
                                 lambda a, b: (a[0] + b[0], a[1] + b[1]), depth) == \
            (sum(data), len(data))
    assert rdd.treeReduce(max) == 200
    # empty partitions contribute nothing; zero partitions give the zero value
    assert sc.parallelize([3, 4], 8).treeReduce(operator.mul) == 12
    assert sc.emptyRDD().treeAggregate(7, operator.add, operator.add) == 7
    with pytest.raises(ValueError, match="empty"):
        sc.parallelize([], 4).treeReduce(operator.add)
    with pytest.raises(ValueError, match="Depth"):
        rdd.treeReduce(operator.add, 0)


def test_tree_aggregate_merges_in_tasks(sc):
    """With depth 2 and 16 partitions, partial results are merged by a shuffle in tasks;
    plain aggregate merges everything on the driver."""
    def where(a, b):
        from ember import TaskContext
        return a | b | {"task" if TaskContext.get() is not None else "driver"}
    rdd = sc.parallelize(range(64), 16)
    assert "task" in rdd.treeAggregate(set(), lambda a, x: a, where, depth=2)
    assert rdd.aggregate(set(), lambda a, x: a, where) == {"driver"}


def test_approximate_actions_are_exact_when_in_time(sc):
    data = [float(x) for x in range(1, 101)]
    rdd = sc.parallelize(data, 5)
    s = rdd.sumApprox(60000)
    assert isinstance(s, float) and s == sum(data)
    assert (s.confidence, s.low, s.high) == (1.0, sum(data), sum(data))
    m = rdd.meanApprox(60000, 0.9)
    assert m == statistics.mean(data) and m.confidence == 1.0
    c = rdd.countApprox(60000)
    assert c == 100 and isinstance(c, int)


def test_approximate_sum_extrapolates_after_the_timeout(sc):
    def slow_after_two(i, it):
        if i >= 2:
            time.sleep(1.5)
        return it
    rdd = sc.parallelize([1.0] * 100, 4).mapPartitionsWithIndex(slow_after_two)
    start = time.monotonic()
    s = rdd.sumApprox(500, 0.95)
    assert time.monotonic() - start < 1.4
    assert s.confidence == 0.95 and s.low <= 100.0 <= s.high
    assert 90 < s < 110
    assert sc.parallelize(range(10), 2).count() == 10   # the context still works


def test_count_approx_distinct(sc):
    data = [i % 1000 for i in range(20000)] + ["x%d" % i for i in range(500)]
    n = sc.parallelize(data, 4).countApproxDistinct(0.05)
    assert abs(n - 1500) < 0.1 * 1500
    assert sc.parallelize(range(10)).countApproxDistinct(0.01) == 10
    with pytest.raises(ValueError, match="relativeSD"):
        sc.parallelize([1]).countApproxDistinct(0.000001)


def test_sample_by_key(sc):
    pairs = [(k, i) for k in "abc" for i in range(2000)]
    rdd = sc.parallelize(pairs, 4)
    fractions = {"a": 1.0, "b": 0.0, "c": 0.25}
    got = rdd.sampleByKey(False, fractions, seed=11).collect()
    counts = collections.Counter(k for k, _ in got)
    assert counts["a"] == 2000 and counts["b"] == 0 and 400 < counts["c"] < 600
    assert set(got) <= set(pairs)
    assert got == rdd.sampleByKey(False, fractions, seed=11).collect()
    with_repl = rdd.sampleByKey(True, {"a": 2.0, "b": 0.5, "c": 0.0}, seed=3).countByKey()
    assert 3600 < with_repl["a"] < 4400 and 850 < with_repl["b"] < 1150 and "c" not in with_repl
    with pytest.raises(ValueError, match="Negative fraction"):
        rdd.sampleByKey(False, {"a": -1.0})


def test_group_with_three_rdds(sc):
    a = [("x", 1), ("y", 2), ("x", 3)]
    b = [("x", "b")]
    c = [("z", 9.0), ("y", 8.0)]
    got = {k: tuple(sorted(v) for v in vs) for k, vs in
           sc.parallelize(a).groupWith(sc.parallelize(b), sc.parallelize(c)).collect()}
    expect = {}
    for key in {k for k, _ in a + b + c}:
        expect[key] = tuple(sorted(v for k, v in src if k == key) for src in (a, b, c))
    assert got == expect


def test_map_partitions_with_split_is_deprecated_alias(sc):
    rdd = sc.parallelize(range(6), 3)
    with pytest.warns(FutureWarning):
        out = rdd.mapPartitionsWithSplit(lambda i, it: [(i, sum(it))]).collect()
    assert out == [(0, 1), (1, 5), (2, 9)]


def test_sample_statistics(sc):
    data = [2.5, 3.5, 1.0, 8.0, 4.25, 6.0]
    rdd = sc.parallelize(data, 3)
    assert rdd.sampleVariance() == pytest.approx(statistics.variance(data))
    assert rdd.sampleStdev() == pytest.approx(statistics.stdev(data))
    # as PySpark: sample=True gives the population figures
    assert rdd.stats().asDict(sample=True)["stdev"] == pytest.approx(statistics.pstdev(data))


def test_checkpoint_queries(sc, tmp_path):
    sc.setCheckpointDir(str(tmp_path / "cp"))
    rdd = sc.parallelize(range(10), 2).map(lambda x: x * x)
    assert rdd.getCheckpointFile() is None and not rdd.isCheckpointed()
    rdd.checkpoint()
    assert rdd.is_checkpointed and rdd.getCheckpointFile() is None   # written by the next job
    assert rdd.sum() == sum(x * x for x in range(10))
    assert rdd.isCheckpointed() and not rdd.isLocallyCheckpointed()
    path = rdd.getCheckpointFile()
    assert path and os.path.isdir(path.replace("file:", "")) and \
        path.replace("file:", "").startswith(str(tmp_path / "cp"))
    assert rdd.map(lambda x: -x).collect() == [-x * x for x in range(10)]

    local = sc.parallelize(range(5), 2).map(lambda x: x + 1)
    local.localCheckpoint()
    assert local.isLocallyCheckpointed() and not local.isCheckpointed()   # until a job runs
    assert local.collect() == [1, 2, 3, 4, 5]
    assert local.isLocallyCheckpointed() and local.isCheckpointed()
    assert local.getCheckpointFile() is None
    assert local.map(lambda x: x * 2).collect() == [2, 4, 6, 8, 10]


def _shuffle_files(sc):
    roots = [str(p) for p in sc._jsc.diskBlockManager().roots()]
    return {f for r in roots for f in glob.glob(os.path.join(r, "**", "shuffle_*"),
                                                recursive=True)}


def test_clean_shuffle_dependencies(sc):
    from conftest import TEST_MASTER
    local = TEST_MASTER.startswith("local[")   # executors' files are the driver's own
    before = _shuffle_files(sc)
    mapped = sc.accumulator(0)

    def pair(w):
        mapped.add(1)
        return w, 1
    words = sc.parallelize(["a", "b", "a", "c"] * 50, 4)
    counts = words.map(pair).reduceByKey(operator.add, 3)
    assert dict(counts.collect()) == {"a": 100, "b": 50, "c": 50}
    assert dict(counts.collect()) == {"a": 100, "b": 50, "c": 50}
    assert mapped.value == 200, "the second job reused the map outputs"
    made = _shuffle_files(sc) - before
    assert made or not local
    counts.cleanShuffleDependencies()
    assert not (made & _shuffle_files(sc))
    assert dict(counts.collect()) == {"a": 100, "b": 50, "c": 50}
    assert mapped.value == 400, "recomputed from lineage"


def test_resource_profiles(sc):
    from ember.resource import ExecutorResourceRequests, ResourceProfileBuilder, \
        TaskResourceRequests
    rdd = sc.parallelize(range(4), 2)
    assert rdd.getResourceProfile() is None
    profile = ResourceProfileBuilder().require(TaskResourceRequests().cpus(1)) \
        .require(ExecutorResourceRequests().cores(2).memory("1g")).build
    assert rdd.withResources(profile) is rdd
    assert rdd.getResourceProfile() is profile and rdd.has_resource_profile
    assert profile.executorResources["memory"].amount == 1024
    assert rdd.map(lambda x: x + 1).sum() == 10


def test_barrier_stage_syncs_all_tasks(sc):
    def task(i, it):
        from ember import BarrierTaskContext
        ctx = BarrierTaskContext.get()
        if i == 0:
            time.sleep(0.4)
        before = time.time()
        ctx.barrier()
        after = time.time()
        names = ctx.allGather("p%d:%d" % (i, sum(it)))
        return [(i, before, after, names, len(ctx.getTaskInfos()))]
    out = sc.parallelize(range(10), 2).barrier().mapPartitionsWithIndex(task).collect()
    (_, before0, _, names0, infos), (_, _, after1, names1, _) = out
    assert after1 >= before0          # task 1 waited for the sleeping task 0
    assert names0 == names1 == ["p0:10", "p1:35"] and infos == 2
    with pytest.raises(Exception, match="slots"):
        sc.parallelize(range(10), 5).barrier().mapPartitions(lambda it: it)


def test_barrier_task_failure_stops_its_peers(sc):
    def task(i, it):
        from ember import BarrierTaskContext
        if i == 1:
            raise ValueError("peer broke")
        BarrierTaskContext.get().barrier()
        return it
    start = time.monotonic()
    with pytest.raises(Exception, match="peer broke|barrier task"):
        sc.parallelize(range(4), 2).barrier().mapPartitionsWithIndex(task).collect()
    assert time.monotonic() - start < 30
    assert sc.parallelize([1, 2]).sum() == 3


def test_collect_with_job_group_sets_the_group_for_that_job_only(sc):
    sc.setJobGroup("outer", "outer jobs")
    try:
        assert sc.parallelize([1, 2], 1).collectWithJobGroup("once", "one job") == [1, 2]
        assert sc.getLocalProperty("spark.jobGroup.id") == "outer"
        tracker = sc.statusTracker()
        deadline = time.time() + 5
        while not tracker.getJobIdsForGroup("once") and time.time() < deadline:
            time.sleep(0.01)
        assert len(tracker.getJobIdsForGroup("once")) == 1
    finally:
        sc.clearJobGroup()


def test_lookup_reads_only_the_keys_partition(sc):
    pairs = [(k, k * 10) for k in range(40)]
    part = sc.parallelize(pairs, 4).partitionBy(4)
    assert part.partitioner is not None and part.partitioner.numPartitions == 4
    seen = sc.accumulator(0)

    def touch(v):
        seen.add(1)
        return v
    touched = part.mapValues(touch)
    assert touched.partitioner == part.partitioner
    assert touched.lookup(7) == [70]
    assert seen.value == sum(1 for k, _ in pairs if portable_hash(k) % 4 == portable_hash(7) % 4)
    assert part.map(lambda kv: kv).partitioner is None
    assert sc.parallelize(pairs).lookup(3) == [30]


def test_partitioner_attribute(sc):
    rdd = sc.parallelize([("a", 1), ("b", 2)]).reduceByKey(operator.add, 3)
    assert rdd.partitioner.numPartitions == 3
    assert rdd.mapValues(str).partitioner == rdd.partitioner
    assert rdd.map(lambda kv: kv).partitioner is None
    assert rdd.partitionBy(3) is rdd     # already partitioned that way: no shuffle


def test_key_by_and_math(sc):
    words = ["ant", "bee", "cat", "dingo"]
    assert sc.parallelize(words).keyBy(len).collect() == [(len(w), w) for w in words]
    assert sc.parallelize(words).keyBy(len).countByKey() == collections.Counter(map(len, words))
    assert math.isclose(sc.parallelize([1, 2, 3, 4]).stdev(), statistics.pstdev([1, 2, 3, 4]))


def test_modules_whose_functions_tasks_run_import_no_py4j():
    import subprocess
    import sys
    import textwrap
    from conftest import subprocess_env
    code = textwrap.dedent("""
        import sys
        import ember.rdd, ember.rdd_pairs, ember.rdd_numeric, ember.rdd_actions, ember.approx
        import ember.inputs, ember.closures
        import ember.barrier, ember.resource, ember.statcounter, ember.storagelevel
        print(sorted(m for m in sys.modules if m.split(".")[0] == "py4j"
                     or m in ("ember.context", "ember.java_gateway")))
    """)
    out = subprocess.check_output([sys.executable, "-c", code], env=subprocess_env())
    assert out.decode().strip() == "[]"


def test_barrier_sync_times_out_when_a_peer_never_comes(tmp_path):
    from ember.barrier import BarrierTaskContext, run_barrier_task

    def lonely(i, it):
        BarrierTaskContext.get().barrier()
        return it
    start = time.monotonic()
    with pytest.raises(RuntimeError, match="timed out after 0 s waiting for 1 of 2 tasks"):
        list(run_barrier_task(lonely, 0, iter([1]), str(tmp_path), 2, timeout=0.3))
    assert 0.3 <= time.monotonic() - start < 5
    assert os.path.exists(os.path.join(str(tmp_path), "stage-0", "failed"))
