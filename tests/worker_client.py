"""A test double of the executor side: starts real worker processes and talks ``wire`` to them.

Kept in Python so the worker is tested over a real socket before the JVM side exists; the
JVM's PythonRunner should behave like ``ExecutorSide`` (input on its own thread).
"""

import io
import pickle
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Iterable, List, Optional, Tuple


from conftest import subprocess_env
from ember import closures, wire
from ember.serializers import BatchedSerializer, UTF8Serializer

SECRET = "test-secret"
PYTHON_VERSION = "%d.%d" % sys.version_info[:2]
TIMEOUT_S = 30


@dataclass
class TaskReply:
    output: List[Any] = field(default_factory=list)
    updates: Optional[List[Tuple[int, Any]]] = None
    timing: Optional[wire.Timing] = None
    error: Optional[wire.WorkerException] = None
    events: List[tuple] = field(default_factory=list)


def read_reply(rfile, output_mode: int = wire.MODE_PICKLED_BATCHES) -> TaskReply:
    """Reads one task's reply up to END_OF_STREAM. ``events`` lists everything in order with
    timing values left out, so replies can be compared with transcripts."""
    reply = TaskReply()
    ev = reply.events
    in_output = True
    while True:
        n = wire.read_int(rfile)
        if n == wire.EXCEPTION:
            reply.error = wire.read_exception(rfile)
            e = reply.error
            ev.append(("EXCEPTION", e.type_name, e.message, e.partition_id, e.pickled))
        elif n == wire.END_OF_STREAM:
            ev.append(("END_OF_STREAM",))
            return reply
        elif n == wire.END_OF_DATA:
            ev.append(("END_OF_DATA",))
            in_output = False
        elif n == wire.ACCUMULATORS:
            data = wire.read_frame(rfile)
            reply.updates = pickle.loads(data)
            ev.append(("ACCUMULATORS", data))
        elif n == wire.TIMING:
            reply.timing = wire.read_timing(rfile)
            ev.append(("TIMING",))
        elif in_output and output_mode == wire.MODE_PARTITIONED_BATCHES and n >= 0:
            data = wire.read_frame(rfile)
            reply.output.append((n, pickle.loads(data)))
            ev.append(("PARTITION", n, data))
        elif in_output and output_mode == wire.MODE_UTF8_STRINGS and n == wire.NULL:
            reply.output.append(None)
            ev.append(("NULL",))
        elif in_output and n >= 0:
            data = wire.read_exact(rfile, n)
            if output_mode == wire.MODE_UTF8_STRINGS:
                reply.output.append(data.decode("utf-8"))
            else:
                reply.output.extend(pickle.loads(data))
            ev.append(("FRAME", data))
        else:
            raise wire.ProtocolError("unexpected %s in a reply" % wire.control_name(n))


class ExecutorSide:
    """One connection to a worker, as an executor would drive it."""

    def __init__(self, sock: socket.socket):
        sock.settimeout(TIMEOUT_S)
        self.sock = sock
        self.rfile = sock.makefile("rb")
        self.wfile = sock.makefile("wb")

    def handshake(self, secret: str = SECRET, python_version: str = PYTHON_VERSION,
                  **kw: int) -> wire.HandshakeReply:
        wire.write_handshake(self.wfile, wire.Handshake(secret, python_version, **kw))
        self.wfile.flush()
        return wire.read_handshake_reply(self.rfile)

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def run(self, func, records: Iterable[Any] = (), batch_size: int = 2,
            **header: Any) -> TaskReply:
        """Runs ``func(partition, iterator)`` over ``records``; input is written on a thread
        while the reply is read, like the executor does."""
        command = func if isinstance(func, bytes) else closures.serialize_command(func, "run")[0]
        h = wire.TaskHeader(header.pop("stage_id", 0), header.pop("partition_id", 0),
                            header.pop("attempt_number", 0), command, **header)
        wire.write_task_header(self.wfile, h)

        def write_input():
            try:
                if h.input_mode == wire.MODE_UTF8_STRINGS:
                    UTF8Serializer().dump_stream(records, self.wfile)
                else:
                    BatchedSerializer(batch_size).dump_stream(records, self.wfile)
                wire.write_int(self.wfile, wire.END_OF_DATA)
                self.wfile.flush()
            except OSError:
                pass  # the reply says why

        writer = threading.Thread(target=write_input, daemon=True)
        writer.start()
        reply = read_reply(self.rfile, h.output_mode)
        writer.join(TIMEOUT_S)
        return reply

    def shutdown(self) -> None:
        wire.write_int(self.wfile, wire.SHUTDOWN)
        self.wfile.flush()

    def read_all(self) -> bytes:
        chunks = []
        while True:
            chunk = self.sock.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def close(self) -> None:
        for f in (self.wfile, self.rfile):
            try:
                f.close()
            except OSError:
                pass
        self.sock.close()


class WorkerProcess:
    """``python -m ember.worker`` started the way an executor starts one without the daemon:
    it connects back to our port and reads the secret from stdin."""

    def __init__(self, secret: str = SECRET, **env: str):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(TIMEOUT_S)
        port = self.listener.getsockname()[1]
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ember.worker", "--port", str(port)],
            stdin=subprocess.PIPE, stderr=self.stderr, env=subprocess_env(**env))
        self.proc.stdin.write((secret + "\n").encode())
        self.proc.stdin.close()
        sock, _ = self.listener.accept()
        self.listener.close()
        self.conn = ExecutorSide(sock)

    def wait(self, timeout: float = TIMEOUT_S) -> int:
        return self.proc.wait(timeout)

    def stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")

    def close(self) -> None:
        self.conn.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()


def parse_replies(data: bytes, output_modes: List[int]) -> Tuple[wire.HandshakeReply, List[list]]:
    """Splits a worker's whole output (handshake reply, then one reply per task)."""
    stream = io.BytesIO(data)
    handshake = wire.read_handshake_reply(stream)
    replies = [read_reply(stream, mode).events for mode in output_modes]
    assert stream.read() == b"", "bytes after the last reply"
    return handshake, replies


def pid_alive(pid: int) -> bool:
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False
    except IndexError:
        return True
