"""Bad input and failure paths: each gives a clear Python exception, and the context stays
usable afterwards. Checks that need a fresh driver (master URL, environment, Ctrl-C) run a
small script in a subprocess."""

import pickle
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from conftest import subprocess_env
from ember import EmberError, InputPathError, PythonTaskError


def run_script(code: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    full_env = subprocess_env(**env)
    for key, value in env.items():
        if value is None:
            full_env.pop(key, None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def assert_usable(sc):
    assert sc.parallelize(range(10), 2).map(lambda x: x * 2).sum() == 90


# -- in the shared context -----------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda sc, p: sc.textFile(p),
    lambda sc, p: sc.wholeTextFiles(p),
    lambda sc, p: sc.pickleFile(p),
    lambda sc, p: sc.binaryFiles(p),
    lambda sc, p: sc.binaryRecords(p, 4),
])
def test_missing_input_names_the_path(sc, make, tmp_path):
    missing = str(tmp_path / "no-such-input.txt")
    with pytest.raises(InputPathError, match="Input path does not exist: .*no-such-input.txt"):
        make(sc, missing).collect()
    assert issubclass(InputPathError, FileNotFoundError) and issubclass(InputPathError, EmberError)
    assert_usable(sc)


@pytest.mark.parametrize("op", [
    lambda r: r.reduceByKey(lambda a, b: a + b),
    lambda r: r.groupByKey(),
    lambda r: r.mapValues(str),
    lambda r: r.flatMapValues(list),
    lambda r: r.partitionBy(2),
    lambda r: r.sortByKey(),
    lambda r: r.join(r),
    lambda r: r.sampleByKey(False, {1: 1.0}),
])
def test_pair_operation_on_non_pairs_names_the_operation(sc, op):
    rdd = sc.parallelize([1, 2, 3], 2)
    with pytest.raises(TypeError, match=r"needs an RDD of \(key, value\) pairs; got element \d "
                                        r"of type int"):
        op(rdd).collect()
    assert_usable(sc)


@pytest.mark.parametrize("op", [
    lambda r, f: r.map(f),
    lambda r, f: r.filter(f),
    lambda r, f: r.flatMap(f),
    lambda r, f: r.mapPartitions(f),
    lambda r, f: r.foreach(f),
    lambda r, f: r.reduce(lambda a, b: f(a)),
    lambda r, f: r.keyBy(f),
    lambda r, f: r.sortBy(f),
])
def test_unpicklable_closure_fails_at_the_call(sc, op):
    lock = threading.Lock()
    with pytest.raises(pickle.PicklingError, match="Could not serialize the function passed to"):
        op(sc.parallelize([1, 2]), lambda x: (lock, x))
    assert_usable(sc)


def test_raising_lambda_reports_type_message_and_users_line(sc):
    def parse(s):
        return int(s)   # the failing line
    line = parse.__code__.co_firstlineno + 1
    with pytest.raises(ValueError) as info:
        sc.parallelize(["1", "2", "three"], 2).map(parse).collect()
    err = info.value
    assert isinstance(err, PythonTaskError)
    assert err.type_name == "ValueError"
    assert err.message == "invalid literal for int() with base 10: 'three'"
    assert 'test_errors.py", line %d, in parse' % line in err.traceback
    assert "return int(s)   # the failing line" in err.traceback
    assert "invalid literal" in str(err)
    assert_usable(sc)


def test_exception_in_shuffle_and_in_a_lambda_keeps_its_type(sc):
    with pytest.raises(ZeroDivisionError) as info:
        sc.parallelize(range(5), 2).map(lambda x: (x % 2, 1 / (x - 3))) \
            .reduceByKey(lambda a, b: a + b).collect()
    assert info.value.message == "division by zero"
    assert info.value.traceback.splitlines()[-1] == "ZeroDivisionError: division by zero"
    with pytest.raises(KeyError, match="'missing'"):
        sc.parallelize([{}]).map(lambda d: d["missing"]).collect()
    assert_usable(sc)


def test_context_survives_many_failed_jobs(sc):
    for i in range(5):
        with pytest.raises(RuntimeError, match="boom %d" % i):
            sc.parallelize(range(4), 2).foreach(
                lambda x, i=i: (_ for _ in ()).throw(RuntimeError("boom %d" % i)))
    assert_usable(sc)
    assert sc.parallelize(["a", "b", "a"]).countByValue() == {"a": 2, "b": 1}


def test_bad_arguments(sc):
    with pytest.raises(ValueError, match="numSlices"):
        sc.parallelize([1], 0)
    with pytest.raises(ValueError, match="fraction"):
        sc.parallelize([1]).sample(False, -0.5)
    with pytest.raises(ValueError, match="empty"):
        sc.parallelize([]).reduce(lambda a, b: a)
    with pytest.raises(ValueError, match="empty"):
        sc.parallelize([]).first()
    with pytest.raises(ValueError, match="Cannot run multiple SparkContexts"):
        type(sc)("local[1]", "second")
    assert_usable(sc)


# -- fresh drivers in subprocesses ---------------------------------------------------------

def test_wrong_master_url_names_it_then_a_good_one_works():
    r = run_script("""
        import os
        from ember import SparkContext, EmberError
        try:
            SparkContext("bogus://nowhere:7077", "bad")
        except EmberError as e:
            print("ERROR", e)
        def children():
            me = str(os.getpid())
            out = []
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    stat = open("/proc/%s/stat" % pid).read().split(") ")[1].split()
                except OSError:
                    continue
                if stat[1] == me and stat[0] != "Z":
                    out.append(pid)
            return out
        print("CHILDREN", len(children()))
        with SparkContext("local[1]", "good") as sc:
            print("COUNT", sc.parallelize([1, 2, 3]).count())
        try:
            sc.parallelize([1])
        except EmberError as e:
            print("STOPPED", e)
    """)
    assert r.returncode == 0, r.stderr
    assert "ERROR Invalid master URL 'bogus://nowhere:7077'" in r.stdout
    assert "CHILDREN 0" in r.stdout          # the JVM of the failed start did not linger
    assert "COUNT 3" in r.stdout
    assert "STOPPED This SparkContext was stopped" in r.stdout


def test_ember_master_env_is_honoured():
    r = run_script("""
        from ember import SparkContext, SparkConf
        with SparkContext(appName="env") as sc:
            print(sc.master, sc.defaultParallelism)
        with SparkContext(conf=SparkConf().setMaster("local[1]")) as sc:
            print(sc.master)
    """, EMBER_MASTER="local[3]")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[:2] == ["local[3] 3", "local[1]"]


def test_missing_engine_jar_says_where_it_looked(tmp_path):
    missing = str(tmp_path / "nowhere" / "ember-engine.jar")
    r = run_script("""
        from ember import SparkContext
        SparkContext("local[1]", "nojar")
    """, EMBER_ENGINE_JAR=missing, EMBER_CLASSPATH=None)
    assert r.returncode != 0
    assert "Ember engine jar not found at %s" % missing in r.stderr
    assert "GatewayError" in r.stderr


def test_missing_java_says_so(tmp_path):
    r = run_script("""
        from ember import SparkContext
        SparkContext("local[1]", "nojava")
    """, PATH=str(tmp_path), JAVA_HOME=None)
    assert r.returncode != 0
    assert "java not found" in r.stderr


CTRL_C_SCRIPT = """
    import sys, threading, time
    from ember import SparkContext
    sc = SparkContext("local[2]", "ctrl-c")
    tracker = sc.statusTracker()
    print("READY", flush=True)

    def report_running():
        while not tracker.getActiveStageIds():
            time.sleep(0.02)
        print("RUNNING", flush=True)
    threading.Thread(target=report_running, daemon=True).start()
    start = time.time()
    try:
        # 200 tasks of 0.2 s on 2 cores: about 20 s if nothing stops it
        sc.parallelize(range(400), 200).map(lambda x: time.sleep(0.1) or x).count()
        print("FINISHED", flush=True)
    except KeyboardInterrupt:
        print("INTERRUPTED after %.1f s" % (time.time() - start), flush=True)
    deadline = time.time() + 10
    while tracker.getActiveJobsIds() and time.time() < deadline:
        time.sleep(0.05)
    job = max(tracker.getJobIdsForGroup(None))
    print("JOB", tracker.getJobInfo(job).status, "ACTIVE", tracker.getActiveJobsIds(), flush=True)
    print("AFTER", sc.parallelize(range(10), 2).sum(), "%.1f" % (time.time() - start), flush=True)
    sc.stop()
"""


def test_ctrl_c_cancels_the_job_and_raises_keyboard_interrupt():
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(CTRL_C_SCRIPT)],
                            env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "READY"
        assert proc.stdout.readline().strip() == "RUNNING"   # the job's stage is running
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("INTERRUPTED after"), out
    assert float(lines[0].split()[2]) < 5
    assert lines[1] == "JOB FAILED ACTIVE []", out
    assert lines[2].startswith("AFTER 45 ")
    assert float(lines[2].split()[2]) < 10     # far less than the job's 20 s
