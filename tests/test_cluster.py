"""Cluster mode from Python: PythonRDDs on executor JVMs (local-cluster), and the standalone
daemons (launcher/bin/ember-master, ember-worker, ember-status) with a shared secret.
Each driver runs in its own process, apart from the session's local context (needs `mvn package`)."""
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, subprocess_env

BIN = Path(ROOT) / "launcher" / "bin"
ENGINE_JAR = Path(os.environ.get("EMBER_ENGINE_JAR", Path(ROOT) / "jvm" / "target" / "ember-engine-0.1.0-all.jar"))
LAUNCHER_JAR = Path(ROOT) / "launcher" / "target" / "ember-launcher-0.1.0.jar"

pytestmark = pytest.mark.skipif(not ENGINE_JAR.exists(), reason="engine jar not built (mvn package)")

APP = textwrap.dedent("""
    import collections, operator, os, sys
    from ember import SparkContext
    sc = SparkContext.getOrCreate()
    lines = ["the quick brown fox", "jumps over the lazy dog", "", "the end the end"] * 20
    counts = dict(sc.parallelize(lines, 4).flatMap(str.split).map(lambda w: (w, 1))
                  .reduceByKey(operator.add).collect())
    assert counts == collections.Counter(" ".join(lines).split()), counts
    table = sc.broadcast({"the": 1})
    acc = sc.accumulator(0)
    sc.parallelize(lines, 3).foreach(lambda l: acc.add(sum(table.value.get(w, 0) for w in l.split())))
    pids = set(sc.parallelize(range(8), 8).map(lambda x: os.getppid()).collect())
    print(sc.master, sc.applicationId, counts["the"], acc.value, len(pids))
    sc.stop()
""")


def run_app(tmp_path, env, *submit_args):
    app = tmp_path / "app.py"
    app.write_text(APP)
    return subprocess.run([str(BIN / "ember-submit")] + list(submit_args) + [str(app)], capture_output=True,
                          text=True, timeout=180, env=env)


def test_python_word_count_on_local_cluster(tmp_path):
    """Python workers forked by two executor JVMs (their parents) run the job."""
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    env = subprocess_env(PYSPARK_PYTHON=sys.executable, EMBER_ENGINE_JAR=str(ENGINE_JAR))
    r = run_app(tmp_path, env, "--master", "local-cluster[2,1,512]")
    assert r.returncode == 0, r.stderr
    master, app_id, the, acc, parents = r.stdout.split()
    assert (master, the, acc) == ("local-cluster[2,1,512]", "80", "80")
    assert app_id.startswith("app-")
    assert parents == "2"   # one Python daemon per executor JVM


def start_daemon(args, env, log):
    """Starts a daemon; returns it and the first line it prints. Its stderr goes to ``log``."""
    with open(log, "w") as err:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        proc.stdout.close()
        raise AssertionError("%s exited: %s" % (args[0], Path(log).read_text()))
    return proc, line.strip()


def test_standalone_daemons_with_a_secret(tmp_path):
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    secret_file = tmp_path / "secret"
    secret_file.write_text("e2e-secret-%d\n" % os.getpid())
    env = subprocess_env(EMBER_ENGINE_JAR=str(ENGINE_JAR))
    env.pop("EMBER_AUTH_SECRET", None)
    daemons = []
    try:
        master, line = start_daemon([str(BIN / "ember-master"), "--port", "0", "--secret-file", str(secret_file)],
                                    env, tmp_path / "master.err")
        daemons.append(master)
        assert line.startswith("Ember master listening on ember://127.0.0.1:"), line
        url = line.split()[-1]
        worker, line = start_daemon([str(BIN / "ember-worker"), url, "--cores", "2", "--memory", "1g",
                                     "--work-dir", str(tmp_path / "work"), "--secret-file", str(secret_file)],
                                    env, tmp_path / "worker.err")
        daemons.append(worker)
        assert line.startswith("Ember worker worker-"), line

        status = subprocess.run([str(BIN / "ember-status"), url, "--secret-file", str(secret_file)],
                                capture_output=True, text=True, timeout=60, env=env)
        assert status.returncode == 0, status.stderr
        state = json.loads(status.stdout)
        assert [(w["cores"], w["memoryMb"]) for w in state["workers"]] == [(2, 1024)]

        refused = subprocess.run([str(BIN / "ember-status"), url], capture_output=True, text=True, timeout=60,
                                 env=env)
        assert refused.returncode == 1 and "requires authentication" in refused.stderr, refused.stderr

        app_env = dict(env, PYSPARK_PYTHON=sys.executable, EMBER_AUTH_SECRET=secret_file.read_text().strip())
        r = run_app(tmp_path, app_env, "--master", url, "--conf", "ember.executor.memory=512m")
        assert r.returncode == 0, r.stderr
        master_url, app_id, the, acc, parents = r.stdout.split()
        assert (master_url, the, acc, parents) == (url, "80", "80", "1")

        deadline = time.time() + 30
        while True:
            state = json.loads(subprocess.run([str(BIN / "ember-status"), url, "--secret-file", str(secret_file)],
                                              capture_output=True, text=True, timeout=60, env=env).stdout)
            done = [a for a in state["completedApps"] if a["id"] == app_id]
            if done and state["workers"][0]["coresUsed"] == 0:
                break
            assert time.time() < deadline, state
            time.sleep(0.5)
        assert done[0]["state"] == "FINISHED" and done[0]["executorFailures"] == 0
        executor_err = (tmp_path / "work" / app_id / "0" / "stderr").read_text()
        # a normal stop is no loss of the driver or the worker
        assert [l for l in executor_err.splitlines() if l.startswith("ERROR")] == [], executor_err
    finally:
        for d in reversed(daemons):
            d.terminate()
            d.wait(timeout=30)
            d.stdout.close()


SHIPPING_APP = textwrap.dedent("""
    import os, zipfile
    from ember import SparkContext, SparkFiles
    sc = SparkContext.getOrCreate()
    driver_root = SparkFiles.getRootDirectory()
    archive = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bundle.zip")
    sc.addArchive(archive + "#bundle")

    def probe(_):
        import shiplib                              # from --py-files, imported on the executor
        with open(SparkFiles.get("data.txt")) as f:
            data = f.read().strip()
        with open(os.path.join(SparkFiles.get("bundle"), "inner.txt")) as f:
            inner = f.read().strip()
        return (SparkFiles.getRootDirectory(), shiplib.VALUE, data, inner,
                os.path.exists(SparkFiles.get("app.py")))

    results = set(sc.parallelize(range(4), 4).map(probe).collect())
    roots = {r[0] for r in results}
    assert {r[1:] for r in results} == {("from-shiplib", "from-data", "from-zip", True)}, results
    assert driver_root not in roots and len(roots) == 2, (driver_root, roots)
    print("ok", len(roots))
    sc.stop()
""")


def test_files_py_files_archives_and_the_script_reach_executors(tmp_path):
    """--py-files, --files, addArchive and the script itself are fetched by each executor JVM
    into its own work dir, where SparkFiles finds them (not the driver's copies)."""
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    (tmp_path / "shiplib.py").write_text("VALUE = 'from-shiplib'\n")
    (tmp_path / "data.txt").write_text("from-data\n")
    import zipfile
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as z:
        z.writestr("inner.txt", "from-zip\n")
    (tmp_path / "app.py").write_text(SHIPPING_APP)
    env = subprocess_env(PYSPARK_PYTHON=sys.executable, EMBER_ENGINE_JAR=str(ENGINE_JAR))
    r = subprocess.run([str(BIN / "ember-submit"), "--master", "local-cluster[2,1,512]",
                        "--py-files", str(tmp_path / "shiplib.py"), "--files", str(tmp_path / "data.txt"),
                        str(tmp_path / "app.py")], capture_output=True, text=True, timeout=180, env=env,
                       cwd=str(tmp_path.parent))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["ok", "2"]


KILL_WORKER_APP = textwrap.dedent("""
    import os, signal, sys, threading, time
    from ember import SparkContext
    sc = SparkContext.getOrCreate()
    pid_file = sys.argv[1]

    def slow_first_attempt(index, it):
        if index == 0 and not os.path.exists(pid_file):   # partition 0's first attempt: wait to be killed
            with open(pid_file + ".tmp", "w") as f:
                f.write(str(os.getpid()))
            os.rename(pid_file + ".tmp", pid_file)
            time.sleep(60)
        return [sum(it)]

    def killer():
        while not os.path.exists(pid_file):
            time.sleep(0.05)
        os.kill(int(open(pid_file).read()), signal.SIGKILL)

    threading.Thread(target=killer, daemon=True).start()
    start = time.time()
    sums = sc.parallelize(range(100), 4).mapPartitionsWithIndex(slow_first_attempt).collect()
    assert sum(sums) == 4950 and len(sums) == 4, sums
    print("ok", round(time.time() - start))
    sc.stop()
""")


def test_killing_a_python_worker_inside_an_executor(tmp_path):
    """A Python worker of an executor JVM killed with SIGKILL mid-task: the task is retried
    (the daemon forks a new worker) and the job's answer is unchanged."""
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    (tmp_path / "app.py").write_text(KILL_WORKER_APP)
    env = subprocess_env(PYSPARK_PYTHON=sys.executable, EMBER_ENGINE_JAR=str(ENGINE_JAR))
    r = subprocess.run([str(BIN / "ember-submit"), "--master", "local-cluster[2,1,512]", str(tmp_path / "app.py"),
                        str(tmp_path / "worker.pid")], capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 0, r.stderr
    status, seconds = r.stdout.split()
    assert status == "ok" and int(seconds) < 50, r.stdout   # not the 60 s sleep: the kill ended the attempt


FETCH_FAILURE_APP = textwrap.dedent("""
    import os, signal, sys, time
    from ember import SparkContext
    sc = SparkContext.getOrCreate()
    marks = sys.argv[1]
    MAPS, BLOBS, BLOB = 4, 100, 100_000   # 10 MB per map output for reduce partition 0

    def executor_pid():
        # Python worker -> its executor's daemon -> the executor JVM
        with open("/proc/%d/stat" % os.getppid()) as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])

    deadline = time.time() + 60
    while len(set(sc.parallelize(range(4), 4).map(lambda _: (time.sleep(0.2), executor_pid())[1]).collect())) < 2:
        assert time.time() < deadline, "two executors never both ran tasks"

    def map_side(index, it):
        list(it)
        with open(os.path.join(marks, "map-%d" % index), "w") as f:
            f.write(str(executor_pid()))
        time.sleep(0.5)   # keeps both single-core executors busy, so each holds map outputs
        blob = "x" * BLOB
        for j in range(BLOBS):
            yield 2 * (index * BLOBS + j), blob
        yield 2 * index + 1, "odd"

    def reduce_side(index, it):
        killed = os.path.join(marks, "killed")
        if index == 0 and not os.path.exists(killed):
            # First attempt of reduce partition 0: the JVM's writer thread is still feeding this
            # worker the first map outputs (more than a socket holds). Kill the other executor,
            # which holds a later map output the writer thread has not fetched yet.
            own = executor_pid()
            holders = {m: int(open(os.path.join(marks, "map-%d" % m)).read()) for m in range(MAPS)}
            later = [m for m in range(MAPS) if holders[m] != own]
            assert later and max(later) >= 2, "map outputs not spread over both executors: %r" % holders
            with open(killed, "w") as f:
                f.write(str(holders[max(later)]))
            os.kill(holders[max(later)], signal.SIGKILL)
        n = size = 0
        for k, v in it:
            assert k % 2 == index
            n += 1
            size += len(v)
        yield index, n, size

    sc.setJobGroup("reduce", "reduce with a killed executor")
    pairs = sc.parallelize(range(MAPS), MAPS).mapPartitionsWithIndex(map_side).partitionBy(2, lambda k: k % 2)
    got = sorted(pairs.mapPartitionsWithIndex(reduce_side).collect())
    assert got == [(0, MAPS * BLOBS, MAPS * BLOBS * BLOB), (1, MAPS, MAPS * 3)], got
    tracker = sc.statusTracker()
    [job] = tracker.getJobIdsForGroup("reduce")
    attempts = sorted((s, tracker.getStageInfo(s).currentAttemptId) for s in tracker.getJobInfo(job).stageIds)
    print("ok", " ".join("%d:%d" % a for a in attempts))
    sc.stop()
""")


def test_python_reduce_with_its_map_outputs_executor_killed(tmp_path):
    """A Python reduce task on local-cluster whose input comes partly from an executor killed
    while the task's writer thread streams shuffle data to the Python worker: the writer
    thread's fetch failure fails the attempt as a fetch failure (the reduce stage gets a new
    attempt, the map stage recomputes the lost outputs) and the answer is right."""
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    (tmp_path / "app.py").write_text(FETCH_FAILURE_APP)
    marks = tmp_path / "marks"
    marks.mkdir()
    env = subprocess_env(PYSPARK_PYTHON=sys.executable, EMBER_ENGINE_JAR=str(ENGINE_JAR))
    r = subprocess.run([str(BIN / "ember-submit"), "--master", "local-cluster[2,1,1024]", str(tmp_path / "app.py"),
                        str(marks)], capture_output=True, text=True, timeout=240, env=env)
    assert r.returncode == 0, r.stderr[-5000:]
    assert (marks / "killed").exists()
    status, map_stage, reduce_stage = r.stdout.split()
    assert status == "ok"
    assert int(map_stage.split(":")[1]) >= 1, r.stdout    # the lost map outputs were recomputed
    assert reduce_stage.split(":")[1] == "1", r.stdout     # exactly one fetch failure resubmitted the reduce stage
