"""PySpark parity: behaviours and errors checked against PySpark 4 (issue 8, item 6).

Each test mirrors what the same lines do in PySpark: exception types, and messages where
PySpark's own are reproduced. Tests needing a fresh driver run a small script in a subprocess.
"""

import collections
import math
import os
import pickle
import re
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from conftest import subprocess_env
from ember import EmberError, SparkConf, SparkContext, TaskContext
from ember.barrier import BarrierTaskContext
from ember.statcounter import StatCounter

ROOT = Path(__file__).resolve().parent.parent
SUBMIT = ROOT / "launcher" / "bin" / "ember-submit"
LAUNCHER_JAR = ROOT / "launcher" / "target" / "ember-launcher-0.1.0.jar"


def run_script(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=subprocess_env(),
                          capture_output=True, text=True, timeout=timeout)


def wait_for(cond, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not cond() and time.monotonic() < deadline:
        time.sleep(0.02)
    return cond()


# -- zip -----------------------------------------------------------------------------------

def test_zip_pairs_by_position_whatever_the_batching(sc):
    left = sc.parallelize(range(1000), 2).map(lambda x: x)
    right = sc.parallelize([str(x) * 50 for x in range(1000)], 2)   # much bigger records
    pairs = left.zip(right).collect()
    assert pairs == [(x, str(x) * 50) for x in range(1000)]


def test_zip_refuses_unequal_partition_counts_like_pyspark(sc):
    with pytest.raises(ValueError, match="^Can only zip with RDD which has the same number of "
                                         "partitions$"):
        sc.parallelize(range(4), 2).zip(sc.parallelize(range(4), 3))


def test_zip_fails_on_unequal_element_counts(sc):
    with pytest.raises(ValueError, match=re.escape(
            "Can not deserialize PairRDD with different number of items in batches: (2, 3)")):
        sc.parallelize(range(4), 2).zip(sc.parallelize(range(5), 2)).collect()
    with pytest.raises(EmberError, match="same number of elements in each partition"):
        sc.parallelize(range(4), 2).zip(sc.parallelize(range(400), 2)).collect()


# -- errors in user code -------------------------------------------------------------------

STOP = "[STOP_ITERATION_OCCURRED] Caught StopIteration thrown from user's code; failing the task"


@pytest.mark.parametrize("op", ["map", "flatMap", "filter"])
def test_stop_iteration_in_user_code_fails_the_task(sc, op):
    rdd = sc.parallelize([1, 2], 1)
    with pytest.raises(RuntimeError, match=re.escape(STOP)):
        getattr(rdd, op)(lambda x: next(iter(()))).collect()


def test_rdd_inside_a_task_is_refused_like_pyspark(sc):
    other = sc.parallelize([1])
    with pytest.raises(pickle.PicklingError,
                       match=re.escape("[RDD_TRANSFORM_ONLY_VALID_ON_DRIVER]")):
        sc.parallelize([1, 2]).map(lambda x: other.count())
    with pytest.raises(pickle.PicklingError, match="RDD transformations and actions can only be "
                                                   "invoked by the driver"):
        sc.broadcast(other)


def test_context_inside_a_task_is_refused_like_pyspark(sc):
    with pytest.raises(pickle.PicklingError, match=re.escape("[CONTEXT_ONLY_VALID_ON_DRIVER]")):
        sc.parallelize([1, 2]).map(lambda x: sc.version)
    with pytest.raises(RuntimeError, match=re.escape("[CONTEXT_ONLY_VALID_ON_DRIVER]")):
        sc.parallelize([1], 1).map(lambda x: SparkContext("local", "inner").version).collect()


def test_active_spark_context(sc):
    assert SparkContext._active_spark_context is sc


def test_task_failure_has_the_tasks_own_type_and_the_jvm_side(sc):
    class QuotaError(Exception):
        def __init__(self, message, quota):
            super().__init__(message)
            self.quota = quota

    def fail(x):
        raise QuotaError("over quota", 42)
    with pytest.raises(QuotaError) as info:
        sc.parallelize([1], 1).map(fail).collect()
    assert info.value.quota == 42
    assert "over quota" in str(info.value)
    java = info.value.java_exception
    assert java.class_name == "io.ember.core.TaskFailedException"
    assert java.getMessage().startswith("Task for partition 0 in stage ")
    assert "\tat io.ember." in str(java)   # the JVM stack trace

    with pytest.raises(KeyError) as info:
        sc.parallelize([1], 1).map(lambda x: {}[x]).collect()
    assert "KeyError: 1" in info.value.java_exception.getMessage()


@pytest.mark.skipif(not re.fullmatch(r"local\[\d+\]",
                                     os.environ.get("EMBER_TEST_MASTER", "local[2]")),
                    reason="local[N] semantics")
def test_local_mode_runs_a_failing_task_once(sc, tmp_path):
    log = str(tmp_path / "attempts")

    def fail(x):
        with open(log, "a") as f:
            f.write("attempt\n")
        raise ValueError("deterministic")
    with pytest.raises(ValueError, match="deterministic"):
        sc.parallelize([1], 1).map(fail).collect()
    with open(log) as f:
        assert f.read().count("attempt") == 1


# -- argument checks -----------------------------------------------------------------------

@pytest.mark.parametrize("call", [lambda r: r.repartition(0), lambda r: r.coalesce(0),
                                  lambda r: r.coalesce(0, shuffle=True),
                                  lambda r: r.repartition(-1)])
def test_zero_partitions_is_refused(sc, call):
    with pytest.raises(ValueError, match=r"^Number of partitions must be positive\.$"):
        call(sc.parallelize([1, 2]))


def test_histogram_bucket_checks(sc):
    rdd = sc.parallelize([1, 2, 3])
    with pytest.raises(ValueError, match="^buckets should be sorted$"):
        rdd.histogram([3, 1, 2])
    with pytest.raises(ValueError, match="^buckets should not contain duplicated values$"):
        rdd.histogram([1, 1, 2])
    with pytest.raises(ValueError, match="^buckets should have more than one value$"):
        rdd.histogram([1])
    with pytest.raises(ValueError, match="^can not generate buckets from empty RDD$"):
        sc.parallelize([]).histogram(2)
    assert rdd.histogram(1) == ([1, 3], [3])
    assert rdd.histogram((0, 2, 4)) == ((0, 2, 4), [1, 2])


def test_histogram_over_strings_like_pyspark(sc):
    words = sc.parallelize(["ab", "ac", "b", "bd", "ef"])
    with pytest.raises(TypeError, match="^Can not generate buckets with non-number in RDD$"):
        words.histogram(2)
    assert words.histogram(["a", "b", "c"]) == (["a", "b", "c"], [2, 2])
    assert sc.parallelize(["a", "a"]).histogram(2) == (["a", "a"], [2])
    assert sc.parallelize([1.0, float("nan"), None, 4.0]).histogram(2) == ([1.0, 2.5, 4.0], [1, 1])


def test_pickle_file_on_another_file_says_so(sc, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello\nworld\n")
    with pytest.raises(EmberError, match="is not an object file"):
        sc.pickleFile(str(text)).collect()
    saved = str(tmp_path / "saved")
    sc.parallelize(range(5), 2).saveAsPickleFile(saved)
    assert sorted(sc.pickleFile(saved).collect()) == [0, 1, 2, 3, 4]


def test_stat_counter_like_pyspark(sc):
    d = sc.parallelize([1.0, 2.0, 4.0]).stats().asDict()
    assert d["variance"] == pytest.approx(7 / 3) and d["stdev"] == pytest.approx(math.sqrt(7 / 3))
    d = sc.parallelize([1.0, 2.0, 4.0]).stats().asDict(sample=True)
    assert d["variance"] == pytest.approx(14 / 9)
    assert StatCounter().mean() == 0.0 and sc.parallelize([]).mean() == 0.0
    assert StatCounter(None).count() == 0
    assert repr(sc.parallelize([]).stats()) == \
        "(count: 0, mean: 0.0, stdev: nan, max: -inf, min: inf)"


# -- union, records, task context ----------------------------------------------------------

def test_union_of_equally_partitioned_rdds_keeps_the_partitioner(sc):
    a = sc.parallelize([(k, "a") for k in range(10)]).partitionBy(3)
    b = sc.parallelize([(k, "b") for k in range(5, 15)]).partitionBy(3)
    u = a.union(b)
    assert u.partitioner == a.partitioner and u.getNumPartitions() == 3
    for mine, left, right in zip(u.glom().collect(), a.glom().collect(), b.glom().collect()):
        assert mine == left + right
    other = sc.parallelize([(1, "c")], 2)
    assert a.union(other).partitioner is None and a.union(other).getNumPartitions() == 5


def test_objects_of_local_classes_collect(sc):
    Point = collections.namedtuple("Point", "x y")

    class Box:
        def __init__(self, v):
            self.v = v
    assert sc.parallelize([1, 2]).map(lambda i: Point(i, -i)).collect() == \
        [Point(1, -1), Point(2, -2)]
    assert [b.v for b in sc.parallelize([1, 2], 2).map(Box).collect()] == [1, 2]
    # and through a shuffle
    assert sorted(sc.parallelize(range(4)).map(lambda i: (i % 2, Point(i, i))).groupByKey()
                  .mapValues(len).collect()) == [(0, 2), (1, 2)]


def test_task_context_in_a_task(sc):
    def probe(i, it):
        ctx = TaskContext()
        return [(ctx is TaskContext.get(), ctx.partitionId() == i, ctx.cpus(), ctx.resources())]
    assert sc.parallelize(range(2), 2).mapPartitionsWithIndex(probe).collect() == \
        [(True, True, 1, {}), (True, True, 1, {})]


def test_barrier_task_context(sc):
    def probe(it):
        ctx = BarrierTaskContext.get()
        return [(type(ctx).__name__, ctx.partitionId())]
    assert sc.parallelize(range(2), 2).barrier().mapPartitions(probe).collect() == \
        [("BarrierTaskContext", 0), ("BarrierTaskContext", 1)]
    def plain_get(it):
        return [type(TaskContext.get()).__name__]
    assert sc.parallelize(range(2), 2).barrier().mapPartitions(plain_get).collect() == \
        ["BarrierTaskContext"] * 2   # as PySpark: TaskContext.get() gives the barrier context
    assert sc.parallelize(range(2), 2).mapPartitions(plain_get).collect() == ["TaskContext"] * 2
    with pytest.raises(RuntimeError, match=re.escape("[NOT_IN_BARRIER_STAGE]")):
        sc.parallelize([1], 1).mapPartitions(lambda it: [BarrierTaskContext.get()]).collect()


def test_to_local_iterator_prefetches_the_next_partition(sc, tmp_path):
    marks = str(tmp_path)

    def mark(i, it):
        open(os.path.join(marks, "computed-%d" % i), "w").close()
        return it
    it = sc.parallelize(range(6), 3).mapPartitionsWithIndex(mark) \
        .toLocalIterator(prefetchPartitions=True)
    assert next(it) == 0
    # still in partition 0: partition 1's job has been started
    assert wait_for(lambda: os.path.exists(os.path.join(marks, "computed-1")))
    assert list(it) == [1, 2, 3, 4, 5]
    lazy = sc.parallelize(range(4), 2).toLocalIterator(prefetchPartitions=True)
    assert next(lazy) == 0
    lazy.close()   # the prefetched job's stream is closed too
    assert sc.parallelize(range(3)).count() == 3


def test_checkpoint_files_under_a_per_application_directory(sc, tmp_path):
    base = tmp_path / "cp"
    sc.setCheckpointDir(str(base))
    app_dir = Path(sc.getCheckpointDir())
    assert app_dir.parent == base and uuid.UUID(app_dir.name)
    rdd = sc.parallelize(range(4)).map(lambda x: x + 1)
    rdd.checkpoint()
    assert rdd.sum() == 10
    assert Path(rdd.getCheckpointFile().replace("file:", "")) == app_dir / ("rdd-%d" % rdd.id())


@pytest.mark.parametrize("name", ["saveAsSequenceFile", "saveAsHadoopFile",
                                  "saveAsNewAPIHadoopFile"])
def test_hadoop_writers_say_they_are_not_supported(sc, tmp_path, name):
    with pytest.raises(NotImplementedError, match="^%s is not supported by Ember" % name):
        getattr(sc.parallelize([(1, 2)]), name)(str(tmp_path / "out"), "some.OutputFormat")
    with pytest.raises(NotImplementedError, match="^saveAsHadoopDataset is not supported"):
        sc.parallelize([(1, 2)]).saveAsHadoopDataset({})
    with pytest.raises(NotImplementedError, match="^sequenceFile is not supported"):
        sc.sequenceFile(str(tmp_path))


# -- fresh drivers -------------------------------------------------------------------------

def test_fresh_drivers_sizes_memory_limit_retries_and_failed_starts(tmp_path):
    marker = str(tmp_path / "crashed-once")
    r = run_script("""
        import os, resource
        from ember import SparkConf, SparkContext, EmberError

        # a context whose start failed is not left registered
        try:
            SparkContext("local[1]", "a", pyFiles=["/nonexistent/helper.py"])
        except FileNotFoundError:
            print("pyFiles refused")
        assert SparkContext._active_spark_context is None

        # sizes where PySpark takes them; the worker's address space is limited
        conf = SparkConf().set("spark.python.worker.memory", "512m") \\
            .set("spark.executor.pyspark.memory", "300m")
        with SparkContext("local[1]", "b", conf=conf) as sc:
            print("rlimit", sc.parallelize([1], 1).map(
                lambda _: resource.getrlimit(resource.RLIMIT_AS)[0] >> 20).collect())
            try:
                sc.parallelize([1], 1).map(lambda _: len(bytearray(1 << 30))).collect()
            except MemoryError:
                print("MemoryError")
        try:
            SparkContext("local[1]", "c",
                         conf=SparkConf().set("spark.python.worker.memory", "lots"))
        except EmberError as e:
            print("refused:", str(e).splitlines()[0])

        # local[N,F] retries a task F times
        def crash_once(x):
            if not os.path.exists(%r):
                open(%r, "w").close()
                os._exit(3)
            return x * 2
        with SparkContext("local[1,2]", "d") as sc:
            print("retried", sc.parallelize([1, 2, 3], 1).map(crash_once).collect())
        """ % (marker, marker))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "pyFiles refused", "rlimit [300]", "MemoryError",
        "refused: ember.python.worker.memory must be a size like "
        "64k or 512m, got 'lots'",
        "retried [2, 4, 6]"]


@pytest.mark.skipif(not LAUNCHER_JAR.exists(), reason="launcher jar not built (mvn package)")
def test_submit_takes_spark_keys_in_conf_and_defaults_file(tmp_path):
    (tmp_path / "ember-defaults.conf").write_text("spark.app.name=from-defaults\n")
    app = tmp_path / "app.py"
    app.write_text("from ember import SparkContext\nsc = SparkContext.getOrCreate()\n"
                   "print(sc.appName, sc.defaultParallelism,\n"
                   "      sc.getConf().get('spark.executor.memory'))\n"
                   "sc.stop()\n")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, EMBER_CONF_DIR=str(tmp_path))
    r = subprocess.run([str(SUBMIT), "--master", "local[2]",
                        "--conf", "spark.default.parallelism=3",
                        "--conf", "spark.executor.memory=2g", str(app)],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "from-defaults 3 2g"


def test_conf_keeps_the_keys_as_set_and_a_broadcast_is_destroyed_once(sc):
    conf = SparkConf().set("spark.executor.memory", "2g").set("ember.app.name", "x")
    assert sorted(conf.getAll()) == [("ember.app.name", "x"), ("spark.executor.memory", "2g")]
    assert conf.get("ember.executor.memory") == "2g"
    assert conf.copy().getAll() == conf.getAll()
    b = sc.broadcast(5)
    b.destroy()
    with pytest.raises(RuntimeError, match="after it was destroyed"):
        b.destroy()


def test_driver_memory_sizes_the_engine_jvm_heap():
    r = run_script("""
        from ember import SparkConf, SparkContext
        with SparkContext("local[1]", "m", conf=SparkConf().set("spark.driver.memory", "300m")) as sc:
            heap = sc._gateway.jvm.java.lang.Runtime.getRuntime().maxMemory() >> 20
            print("heap below 300m:", 200 < heap <= 300)
        try:
            SparkContext("local[1]", "m", conf=SparkConf().set("spark.driver.memory", "lots"))
        except ValueError as e:
            print(e)
        """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "heap below 300m: True",
        "spark.driver.memory must be a size like 512m or 2g, got 'lots'"]


def test_driver_extra_java_options_reach_the_engine_jvm():
    r = run_script("""
        from ember import SparkConf, SparkContext
        conf = SparkConf().set("spark.driver.extraJavaOptions", "-Dember.test.a=1 '-Dember.test.b=x y'")
        with SparkContext("local[1]", "m", conf=conf) as sc:
            props = sc._gateway.jvm.java.lang.System
            print(props.getProperty("ember.test.a"), props.getProperty("ember.test.b"))
        """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["1 x y"]
