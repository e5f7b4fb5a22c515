"""Failures, security and process lifetime of the Python <-> JVM bridge."""

import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from conftest import subprocess_env
from ember import wire


def test_task_error_keeps_type_message_and_traceback(sc):
    def explode(x):
        if x == 3:
            raise ValueError("bad value %d" % x)
        return x

    with pytest.raises(ValueError) as info:
        sc.parallelize(range(5), 2).map(explode).collect()
    err = info.value
    from ember import PythonTaskError
    assert isinstance(err, PythonTaskError)
    assert err.type_name == "ValueError" and err.message == "bad value 3"
    assert 'raise ValueError("bad value %d" % x)' in err.traceback
    assert "in explode" in err.traceback
    assert "java." not in str(err)
    assert sc.parallelize([1, 2]).map(lambda x: x + 1).collect() == [2, 3]


def test_custom_exception_type_name(sc):
    class Oops(Exception):
        pass

    def f(x):
        raise Oops("custom")
    from ember import PythonTaskError
    with pytest.raises(PythonTaskError) as info:
        sc.parallelize([1]).map(f).count()
    assert info.value.type_name.endswith("Oops") and info.value.message == "custom"


def test_pair_operation_on_non_pairs(sc):
    with pytest.raises(TypeError, match="reduceByKey needs an RDD of \\(key, value\\) pairs; "
                                        "got element 5 of type int"):
        sc.parallelize([5, 6], 1).reduceByKey(lambda a, b: a + b).collect()


def test_unpicklable_closure_fails_at_the_call(sc):
    lock = threading.Lock()
    with pytest.raises(pickle.PicklingError, match=r"Could not serialize the function passed "
                                                  r"to map\(\): .*lock"):
        sc.parallelize([1]).map(lambda x: (lock, x))


def test_collect_socket_refuses_wrong_secret(sc):
    jrdd = sc.parallelize([1, 2, 3], 1)._jrdd
    port, secret = sc._bridge.collectAndServe(jrdd, None, None)
    with socket.create_connection(("127.0.0.1", int(port)), timeout=5) as bad:
        f = bad.makefile("wb")
        wire.write_string(f, "0" * len(secret))
        f.flush()
        assert bad.recv(16) == b""          # refused: closed without data
    with socket.create_connection(("127.0.0.1", int(port)), timeout=5) as good:
        wf, rf = good.makefile("wb"), good.makefile("rb")
        wire.write_string(wf, secret)
        wf.flush()
        n = wire.read_int(rf)
        assert pickle.loads(wire.read_exact(rf, n)) == [1, 2, 3]
        assert wire.read_int(rf) == wire.END_OF_DATA


def test_gateway_refuses_wrong_auth_token(sc):
    from py4j.java_gateway import GatewayParameters, JavaGateway
    from py4j.protocol import Py4JError
    port = sc._gateway.gateway_parameters.port
    intruder = JavaGateway(gateway_parameters=GatewayParameters(port=port, auth_token="wrong"))
    try:
        with pytest.raises(Py4JError):
            intruder.entry_point.context()
    finally:
        intruder.close()
    assert sc.parallelize([1]).count() == 1


def test_worker_that_always_dies_is_reported(sc):
    from ember import EmberError
    with pytest.raises(EmberError, match="exited unexpectedly \\(exit code 7\\)"):
        sc.parallelize([1], 1).map(lambda x: os._exit(7)).collect()
    assert sc.parallelize([1, 2]).sum() == 3


def test_cancelling_a_job_kills_its_python_workers(sc, tmp_path):
    """A cancelled task's Python worker is killed, not left computing until its partition ends."""
    def slow(it):
        with open(os.path.join(str(tmp_path), "%d.pid" % os.getpid()), "w") as f:
            f.write("started")
        time.sleep(60)
        return it
    errors = []

    def run():
        sc.setJobGroup("doomed", "sleeps")
        try:
            sc.parallelize(range(2), 2).mapPartitions(slow).collect()
        except Exception as e:
            errors.append(e)
    t = threading.Thread(target=run)
    t.start()
    assert _wait_until(lambda: len(list(tmp_path.glob("*.pid"))) == 2, 30)
    pids = [int(p.stem) for p in tmp_path.glob("*.pid")]
    start = time.time()
    sc.cancelJobGroup("doomed")
    t.join(30)
    assert errors, "the job was not cancelled"
    assert _wait_until(lambda: not any(_pid_alive(p) for p in pids), 10), "workers still running"
    assert time.time() - start < 20
    assert sc.parallelize(range(3)).map(lambda x: x + 1).collect() == [1, 2, 3]


def _wait_until(cond, timeout: float) -> bool:
    deadline = time.time() + timeout
    while not cond():
        if time.time() > deadline:
            return False
        time.sleep(0.05)
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:   # a zombie counts as gone
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def test_no_orphan_jvm_after_driver_is_killed():
    script = ("import sys, time\n"
              "from ember import SparkContext\n"
              "sc = SparkContext('local[1]', 'orphan')\n"
              "sc.parallelize([1]).collect()\n"
              "print(sc._proc.pid, flush=True)\n"
              "time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            env=subprocess_env())
    try:
        jvm_pid = int(proc.stdout.readline())
        assert _pid_alive(jvm_pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.time() + 10
        while _pid_alive(jvm_pid) and time.time() < deadline:
            time.sleep(0.1)
        assert not _pid_alive(jvm_pid), "JVM %d outlived its Python driver" % jvm_pid
    finally:
        if proc.poll() is None:
            proc.kill()


def test_job_group_cancellation(sc, tmp_path):
    errors = []

    def slow(x):
        open(os.path.join(str(tmp_path), "started-%d" % x), "w").close()
        time.sleep(5)

    def run():
        try:
            sc.parallelize(range(4), 2).map(slow).collect()
        except Exception as e:
            errors.append(e)
    # the job group is per thread: set it in the thread that runs the job
    t = threading.Thread(target=lambda: (sc.setJobGroup("slow-group", "x"), run()))
    t.start()
    try:
        assert _wait_until(lambda: any(tmp_path.glob("started-*")), 30), "the job never started a task"
        [job] = sc.statusTracker().getJobIdsForGroup("slow-group")
        sc.cancelJobGroup("slow-group")
    finally:
        t.join(30)
    from ember import EmberError
    assert len(errors) == 1 and isinstance(errors[0], EmberError), errors
    assert str(errors[0]).endswith("Job %d cancelled as part of job group slow-group" % job), str(errors[0])
    assert sc.statusTracker().getJobInfo(job).status == "FAILED"
    assert sc.parallelize([1]).count() == 1
