"""A real worker process over a real socket: handshake, tasks, reuse, errors, broadcasts,
accumulators, and replays of the protocol transcripts."""

import linecache
import os
import pickle
import subprocess
import sys
import textwrap

import cloudpickle
import pytest

from conftest import subprocess_env
from ember import shuffle, wire
from ember.accumulators import INT_ACCUMULATOR_PARAM, Accumulator
from ember.broadcast import Broadcast
from ember.hashing import partition_of
from worker_client import WorkerProcess, parse_replies, read_reply

from protocol import make_transcripts as mt

# Functions defined here travel by value, as a driver script's functions do.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture
def worker():
    w = WorkerProcess()
    reply = w.conn.handshake()
    assert reply.accepted, reply.message
    assert reply.worker_pid == w.proc.pid
    yield w
    w.close()


def user_function_that_divides(i, it):
    for x in it:
        yield 10 // (x - 3)  # the user's failing line


def test_map_task_over_two_batches(worker):
    reply = worker.conn.run(lambda i, it: (x * 2 for x in it), [1, 2, 3, 4], batch_size=2,
                            stage_id=4, partition_id=1)
    assert reply.error is None
    assert reply.output == [2, 4, 6, 8]
    assert reply.updates == []
    t = reply.timing
    assert 0 < t.start_ms <= t.command_loaded_ms <= t.end_ms
    assert reply.events[-1] == ("END_OF_STREAM",)


def test_partition_index_is_passed(worker):
    assert worker.conn.run(lambda i, it: [i], partition_id=7).output == [7]


def test_user_exception_is_structured_and_worker_stays_healthy(worker):
    reply = worker.conn.run(user_function_that_divides, [1, 2, 3, 4, 5], partition_id=6)
    e = reply.error
    assert e is not None
    assert e.type_name == "ZeroDivisionError"
    assert e.message == "integer division or modulo by zero"
    assert e.partition_id == 6
    assert "test_worker.py" in e.traceback
    assert "yield 10 // (x - 3)  # the user's failing line" in e.traceback
    assert e.traceback.rstrip().endswith("ZeroDivisionError: integer division or modulo by zero")
    assert "test_worker.py" in e.traceback.split("\n")[1]  # starts at the user's code
    assert isinstance(pickle.loads(e.pickled), ZeroDivisionError)
    assert reply.output == [-5]  # output before the failure was delivered
    # the same process serves the next task on the same socket
    assert worker.conn.run(lambda i, it: (x + 1 for x in it), [1, 2, 3]).output == [2, 3, 4]
    assert worker.proc.poll() is None


def test_traceback_shows_source_the_worker_cannot_read(worker):
    # A notebook cell or a file on the driver's machine only: the source lines travel with
    # the function, so the worker's traceback still shows the user's failing line.
    filename = "/nonexistent/notebook_cell_7.py"
    source = "def cell(i, it):\n    total = 0\n    return [1 / total]  # divides by zero\n"
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    try:
        namespace = {}
        exec(compile(source, filename, "exec"), namespace)
        e = worker.conn.run(namespace["cell"], [1]).error
    finally:
        del linecache.cache[filename]
    assert 'File "%s", line 3, in cell' % filename in e.traceback
    assert "return [1 / total]  # divides by zero" in e.traceback


def test_user_defined_exception_type_and_sys_exit(worker):
    class QuotaExceeded(Exception):
        pass

    def fail(i, it):
        raise QuotaExceeded("too many rows")

    e = worker.conn.run(fail, range(10)).error
    assert e.type_name.endswith("QuotaExceeded")
    assert e.message == "too many rows"
    assert "raise QuotaExceeded" in e.traceback

    e = worker.conn.run(lambda i, it: sys.exit(3), range(10)).error
    assert e.type_name == "SystemExit"
    assert worker.conn.run(lambda i, it: [1], []).output == [1]


def test_unpicklable_output_and_bad_command_are_task_errors(worker):
    import threading
    e = worker.conn.run(lambda i, it: [threading.Lock()], [1]).error
    assert e.type_name == "TypeError" and "lock" in e.message
    e = worker.conn.run(b"not a pickle", [1, 2]).error
    assert e.type_name == "_pickle.UnpicklingError"
    assert worker.conn.run(lambda i, it: it, [5]).output == [5]


def test_function_that_stops_early_leaves_the_socket_in_step(worker):
    reply = worker.conn.run(lambda i, it: [next(iter(it))], range(1000), batch_size=10)
    assert reply.output == [0]
    assert worker.conn.run(lambda i, it: it, ["next"]).output == ["next"]


def test_large_input_streams_both_ways(worker):
    n = 300000
    reply = worker.conn.run(lambda i, it: ((x, str(x)) for x in it), range(n), batch_size=1000)
    assert len(reply.output) == n
    assert reply.output[-1] == (n - 1, str(n - 1))


def test_utf8_input_and_output_modes(worker):
    reply = worker.conn.run(lambda i, it: (None if s is None else s.upper() for s in it),
                            ["\u00e9t\u00e9", None, "x"], input_mode=wire.MODE_UTF8_STRINGS,
                            output_mode=wire.MODE_UTF8_STRINGS)
    assert reply.output == ["\u00c9T\u00c9", None, "X"]


def test_shuffle_map_task_writes_partitioned_batches(worker):
    pairs = [("k%d" % (i % 40), i) for i in range(2000)]
    reply = worker.conn.run(lambda i, it: shuffle.partition_pairs(it, 3, batch_records=100),
                            pairs, batch_size=500, output_mode=wire.MODE_PARTITIONED_BATCHES)
    assert reply.error is None
    got = []
    for pid, batch in reply.output:
        assert 0 < len(batch) <= 100
        assert all(partition_of(k, 3) == pid for k, _ in batch)
        got.extend(batch)
    assert sorted(got) == sorted(pairs)


def test_reduce_task_spills_under_the_task_memory_limit(worker, tmp_path):
    pairs = [("key-%d" % (i % 50000), 1) for i in range(200000)]
    command = lambda i, it: shuffle.merge_values(  # noqa: E731
        it, shuffle.Aggregator(lambda v: v, lambda c, v: c + v, lambda a, b: a + b))
    reply = worker.conn.run(command, pairs, batch_size=1000, memory_limit_mb=1,
                            spill_dir=str(tmp_path))
    assert reply.error is None
    assert dict(reply.output) == {"key-%d" % i: 4 for i in range(50000)}
    assert reply.timing.disk_bytes_spilled > 0
    assert os.listdir(tmp_path) == []


def test_task_context_and_properties(worker):
    def info(i, it):
        from ember.taskcontext import TaskContext
        c = TaskContext.get()
        return [(c.stageId(), c.partitionId(), c.attemptNumber(), c.taskAttemptId(),
                 c.getLocalProperty("job"), c.memory_limit_mb)]

    reply = worker.conn.run(info, stage_id=2, partition_id=3, attempt_number=1,
                            task_attempt_id=99, properties={"job": "nightly"},
                            memory_limit_mb=64)
    assert reply.output == [(2, 3, 1, 99, "nightly", 64)]
    assert worker.conn.run(lambda i, it: [__import__("ember.taskcontext").taskcontext
                                          .TaskContext.get() is not None]).output == [True]


def test_python_includes_are_importable(worker, tmp_path):
    (tmp_path / "helper_mod_xyz.py").write_text("def triple(x):\n    return 3 * x\n")

    def use_helper(i, it):
        import helper_mod_xyz
        return map(helper_mod_xyz.triple, it)

    reply = worker.conn.run(use_helper, [1, 2], python_includes=[str(tmp_path)])
    assert reply.output == [3, 6]


def test_accumulator_updates_are_sent_per_task(worker):
    acc = Accumulator(41, 100, INT_ACCUMULATOR_PARAM)
    other = Accumulator(42, 0, INT_ACCUMULATOR_PARAM)

    def count(i, it):
        for x in it:
            acc.add(x)
            other.__iadd__(1)
            yield x

    reply = worker.conn.run(count, [1, 2, 3])
    assert sorted(reply.updates) == [(41, 6), (42, 3)]  # starts from zero, not from 100
    reply = worker.conn.run(count, [10])
    assert sorted(reply.updates) == [(41, 10), (42, 1)]  # nothing carried over
    assert worker.conn.run(lambda i, it: [len(it.__class__.__name__)], [1]).updates == []

    e = worker.conn.run(lambda i, it: [acc.value], [1]).error
    assert e.type_name == "RuntimeError" and "inside tasks" in e.message
    assert acc.value == 100  # merging is the driver's job


def test_failed_task_sends_no_accumulator_updates(worker):
    acc = Accumulator(43, 0, INT_ACCUMULATOR_PARAM)

    def add_then_fail(i, it):
        acc.add(5)
        raise ValueError("after adding")

    reply = worker.conn.run(add_then_fail, [1])
    assert reply.error.type_name == "ValueError"
    assert reply.updates is None
    assert worker.conn.run(lambda i, it: [1]).updates == []


def test_broadcasts_are_loaded_once_and_kept_until_removed(worker, tmp_path):
    b = Broadcast(9, {"a": 1, "b": 2})
    path = tmp_path / "broadcast_9"
    with open(path, "wb") as f:
        Broadcast.dump(b.value, f)

    def lookup(i, it):
        return (b.value[k] for k in it)

    assert worker.conn.run(lookup, ["a", "b"],
                           broadcast_additions=[(9, str(path))]).output == [1, 2]
    os.unlink(path)  # the worker keeps the loaded value; the file is not read again
    assert worker.conn.run(lookup, ["b"]).output == [2]
    e = worker.conn.run(lookup, ["a"], broadcast_removals=[9]).error
    assert e.type_name == "RuntimeError" and "broadcast 9 is not loaded" in e.message
    e = worker.conn.run(lookup, ["a"], broadcast_additions=[(10, str(path))]).error
    assert e.type_name == "FileNotFoundError"
    assert worker.conn.run(lambda i, it: [1]).output == [1]


def test_shutdown_ends_the_worker(worker):
    worker.conn.shutdown()
    assert worker.wait() == 0


def test_wrong_secret_is_refused():
    w = WorkerProcess()
    try:
        reply = w.conn.handshake(secret="guess")
        assert not reply.accepted
        assert reply.message == "bad secret"
        assert w.conn.read_all() == b""  # then the worker hangs up
        assert w.wait() == 0
    finally:
        w.close()


def test_python_version_mismatch_is_refused_with_a_clear_message():
    w = WorkerProcess()
    try:
        reply = w.conn.handshake(python_version="2.7")
        assert not reply.accepted
        assert reply.message == "Python version mismatch: worker %d.%d, driver 2.7" \
            % sys.version_info[:2]
    finally:
        w.close()


def test_bad_magic_and_protocol_version_are_refused():
    for kw, text in (({"magic": 0x01020304}, "bad magic number 0x01020304"),
                     ({"version": 99}, "protocol version mismatch: worker %d, executor 99"
                      % wire.PROTOCOL_VERSION)):
        w = WorkerProcess()
        try:
            reply = w.conn.handshake(**kw)
            assert not reply.accepted and text in reply.message
        finally:
            w.close()


def test_crash_is_reported_by_faulthandler():
    w = WorkerProcess()
    try:
        assert w.conn.handshake().accepted

        def crash(i, it):
            import faulthandler
            faulthandler._sigsegv()

        with pytest.raises(wire.ConnectionLost):
            w.conn.run(crash, [1])
        assert w.wait() != 0
        err = w.stderr_text()
        assert "Fatal Python error: Segmentation fault" in err
        assert "in crash" in err
    finally:
        w.close()


def test_worker_side_modules_do_not_import_py4j():
    code = textwrap.dedent("""
        import sys
        import ember.worker, ember.daemon, ember.serializers, ember.wire, ember.shuffle
        import ember.hashing, ember.accumulators, ember.broadcast, ember.taskcontext
        bad = sorted(m for m in sys.modules if m.split(".")[0] == "py4j"
                     or m in ("ember.context", "ember.rdd"))
        print(bad)
    """)
    out = subprocess.check_output([sys.executable, "-c", code], env=subprocess_env())
    assert out.decode().strip() == "[]"


# -- transcript replays --------------------------------------------------------------------

def replay(task_names, secret=mt.SECRET):
    """Sends the accepted handshake and the tasks' to_worker bytes, then SHUTDOWN; returns
    the worker's whole output."""
    w = WorkerProcess(secret=secret)
    try:
        w.conn.send(mt.TRANSCRIPTS["handshake_accepted.to_worker"][1].data()
                    + b"".join(mt.TRANSCRIPTS[n + ".to_worker"][1].data() for n in task_names)
                    + wire.INT32.pack(wire.SHUTDOWN))
        return w.conn.read_all()
    finally:
        w.close()


def expected(name, output_mode):
    return read_reply(__import__("io").BytesIO(mt.TRANSCRIPTS[name + ".from_worker"][1].data()),
                      output_mode).events


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="transcripts are of Python 3.11")
def test_replay_task_transcripts_on_one_worker():
    names = ["map_task", "utf8_task", "utf8_batches_task", "shuffle_map_task", "task_exception",
             "map_task"]
    modes = [wire.MODE_PICKLED_BATCHES, wire.MODE_PICKLED_BATCHES, wire.MODE_PICKLED_BATCHES,
             wire.MODE_PARTITIONED_BATCHES, wire.MODE_PICKLED_BATCHES,
             wire.MODE_PICKLED_BATCHES]
    handshake, replies = parse_replies(replay(names), modes)
    assert handshake.accepted
    for name, mode, got in zip(names, modes, replies):
        assert got == expected(name, mode), name


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="transcripts are of Python 3.11")
@pytest.mark.parametrize("name", ["handshake_refused", "handshake_version_mismatch"])
def test_replay_refused_handshakes(name):
    w = WorkerProcess(secret=mt.SECRET)
    try:
        w.conn.send(mt.TRANSCRIPTS[name + ".to_worker"][1].data())
        assert w.conn.read_all() == mt.TRANSCRIPTS[name + ".from_worker"][1].data()
    finally:
        w.close()


def test_replay_accepted_handshake_differs_only_in_pid():
    w = WorkerProcess(secret=mt.SECRET)
    try:
        w.conn.send(mt.TRANSCRIPTS["handshake_accepted.to_worker"][1].data())
        got = w.conn.rfile.read(8)
        want = mt.TRANSCRIPTS["handshake_accepted.from_worker"][1].data()
        assert got[:4] == want[:4]
        assert wire.INT32.unpack(got[4:])[0] == w.proc.pid
    finally:
        w.close()
