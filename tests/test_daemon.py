"""The fork server: warm workers per request, authentication before forking, pid reports,
reaping, and exit when the executor goes away."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest

from conftest import subprocess_env
from worker_client import SECRET, TIMEOUT_S, ExecutorSide


def children_of(pid: int):
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry))
    return out


def wait_until(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


class Daemon:
    def __init__(self, *args: str):
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "ember.daemon", *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=subprocess_env())
        self.proc.stdin.write((SECRET + "\n").encode())
        self.proc.stdin.flush()
        self.address = self.proc.stdout.readline().decode().strip()
        assert self.address, "daemon printed no address: " + self.stderr_text()

    def connect(self) -> ExecutorSide:
        if self.address.isdigit():
            return ExecutorSide(socket.create_connection(("127.0.0.1", int(self.address))))
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(self.address)
        return ExecutorSide(sock)

    def worker(self) -> "tuple[ExecutorSide, int]":
        conn = self.connect()
        reply = conn.handshake()
        assert reply.accepted, reply.message
        return conn, reply.worker_pid

    def stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")

    def stop(self) -> int:
        if self.proc.stdin and not self.proc.stdin.closed:
            self.proc.stdin.close()
        try:
            return self.proc.wait(TIMEOUT_S)
        finally:
            self.proc.stdout.close()
            self.stderr.close()


@pytest.fixture
def daemon():
    d = Daemon()
    yield d
    if d.proc.poll() is None:
        d.proc.kill()
        d.proc.wait()


def test_each_request_gets_its_own_forked_worker(daemon):
    (a, pid_a), (b, pid_b) = daemon.worker(), daemon.worker()
    assert len({pid_a, pid_b, daemon.proc.pid}) == 3
    assert {pid_a, pid_b} <= children_of(daemon.proc.pid)
    assert a.run(lambda i, it: (x * 10 for x in it), [1, 2]).output == [10, 20]
    assert b.run(lambda i, it: [os.getpid()]).output == [pid_b]
    # workers are reused: a second task on the same connection, same process
    assert a.run(lambda i, it: [os.getpid()]).output == [pid_a]
    e = a.run(lambda i, it: [1 / 0]).error
    assert e.type_name == "ZeroDivisionError"
    assert a.run(lambda i, it: it, ["still here"]).output == ["still here"]
    a.close()
    b.close()


def test_bad_secret_is_refused_before_forking(daemon):
    before = children_of(daemon.proc.pid)
    conn = daemon.connect()
    reply = conn.handshake(secret="guess")
    assert not reply.accepted and reply.message == "bad secret"
    assert conn.read_all() == b""
    conn.close()
    assert children_of(daemon.proc.pid) == before
    good, _ = daemon.worker()  # the daemon keeps serving
    assert good.run(lambda i, it: [1]).output == [1]


def test_garbage_connection_is_dropped_and_daemon_survives(daemon):
    conn = daemon.connect()
    conn.send(b"GET / HTTP/1.0\r\n\r\n")
    assert b"bad magic number" in conn.read_all()
    conn.close()
    worker, _ = daemon.worker()
    assert worker.run(lambda i, it: [2]).output == [2]


def test_dead_workers_are_reaped(daemon):
    conn, pid = daemon.worker()
    os.kill(pid, signal.SIGKILL)
    assert wait_until(lambda: not os.path.exists("/proc/%d" % pid)), "zombie not reaped"
    assert wait_until(lambda: "worker %d exited with status -9" % pid in daemon.stderr_text())
    conn.close()


def test_finished_worker_exits_cleanly(daemon):
    conn, pid = daemon.worker()
    conn.shutdown()
    assert conn.read_all() == b""
    assert wait_until(lambda: not os.path.exists("/proc/%d" % pid))
    assert "exited with status" not in daemon.stderr_text()


def test_closing_stdin_stops_the_daemon_and_its_workers(daemon):
    conn, pid = daemon.worker()  # idle worker waiting for a task
    assert daemon.stop() == 0
    assert wait_until(lambda: not os.path.exists("/proc/%d" % pid))
    conn.close()


def test_worker_prints_go_to_stderr_not_stdout(daemon):
    conn, _ = daemon.worker()
    assert conn.run(lambda i, it: [print("hello-from-worker", flush=True)]).output == [None]
    conn.shutdown()
    conn.close()
    stdout_after_address = daemon.proc.stdout
    assert wait_until(lambda: "hello-from-worker" in daemon.stderr_text())
    daemon.proc.stdin.close()
    daemon.proc.wait(TIMEOUT_S)
    assert stdout_after_address.read() == b""


def test_unix_socket_mode(tmp_path):
    path = str(tmp_path / "daemon.sock")
    d = Daemon("--unix-socket", path)
    try:
        assert d.address == path
        assert os.stat(path).st_mode & 0o077 == 0  # only the owner may connect
        conn, pid = d.worker()
        assert conn.run(lambda i, it: [os.getpid()]).output == [pid]
        conn.close()
    finally:
        assert d.stop() == 0
    assert not os.path.exists(path)
