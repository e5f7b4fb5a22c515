"""The Python worker: runs the tasks a JVM executor sends over one socket (see ``wire``).

A worker answers the handshake, then serves tasks one after another on the same socket
(reuse) until SHUTDOWN or the socket closes. For each task it reads the header, applies the
python includes and broadcast changes (broadcast values stay loaded across tasks), unpickles
the command ``f(partition_index, iterator) -> iterator`` with cloudpickle, runs it over the
input and writes the output in the requested mode, then accumulator updates and timing.
Anything the task raises becomes a structured EXCEPTION message, after which the worker is
ready for the next task; only a broken connection ends it.

Started directly (``python -m ember.worker --port PORT``) it reads the secret from the first
line of stdin and connects to the executor on 127.0.0.1:PORT; the daemon (``ember.daemon``)
instead forks workers on connections it has accepted and authenticated.
"""

import argparse
import faulthandler
import importlib
import os
import pickle
import signal
import socket
import sys
import time
import traceback
from typing import Any, BinaryIO, Iterable, Optional

import cloudpickle

from ember import accumulators, broadcast, shuffle, wire
from ember.errors import PortableException
from ember.serializers import (AutoBatchedSerializer, PartitionedBatchSerializer, TaskInput,
                               UTF8Serializer)
from ember.taskcontext import TaskContext

PYTHON_VERSION = "%d.%d" % sys.version_info[:2]
SOCKET_BUFFER = 1 << 16
MAX_PICKLED_EXCEPTION = 1 << 20
MEMORY_LIMIT_ENV = "EMBER_PYSPARK_MEMORY_MB"
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

_WRITERS = {
    wire.MODE_PICKLED_BATCHES: AutoBatchedSerializer(),
    wire.MODE_UTF8_STRINGS: UTF8Serializer(),
    wire.MODE_PARTITIONED_BATCHES: PartitionedBatchSerializer(),
}


def identity_command(partition_index: int, iterator: Iterable[Any]) -> Iterable[Any]:
    """A command that returns its input: converts between input and output modes (e.g.
    UTF-8 lines to pickled batches) and is the command of the protocol transcripts."""
    return iterator


def _now_ms() -> int:
    return int(time.time() * 1000)


# -- handshake -----------------------------------------------------------------------------

def handshake(infile: BinaryIO, outfile: BinaryIO, secret: str,
              python_version: str = PYTHON_VERSION) -> bool:
    """Reads the executor's handshake and answers it; True if it was accepted."""
    try:
        refusal = wire.check_handshake(wire.read_handshake(infile), secret, python_version)
    except wire.HandshakeRefused as e:
        refusal = str(e)
    if refusal is None:
        wire.write_handshake_reply(outfile, wire.HandshakeReply(True, os.getpid()))
    else:
        wire.write_handshake_reply(outfile, wire.HandshakeReply(False, message=refusal))
    outfile.flush()
    return refusal is None


# -- tasks ---------------------------------------------------------------------------------

def serve_tasks(infile: BinaryIO, outfile: BinaryIO) -> int:
    """Runs tasks until SHUTDOWN or end of stream; returns how many ran."""
    count = 0
    while True:
        code = wire.read_int_or_eof(infile)
        if code is None or code == wire.SHUTDOWN:
            return count
        if code != wire.START_TASK:
            raise wire.ProtocolError("expected START_TASK or SHUTDOWN, got %s"
                                     % wire.control_name(code))
        run_task(wire.read_task_header(infile), infile, outfile)
        count += 1


def run_task(header: wire.TaskHeader, infile: BinaryIO, outfile: BinaryIO) -> bool:
    """Runs one task whose header has been read; True if it succeeded. Raises only when the
    connection is unusable (wire.ProtocolError)."""
    start = _now_ms()
    task_input = TaskInput(infile, header.input_mode)
    accumulators.begin_task()
    shuffle.metrics.reset()
    TaskContext._set(TaskContext(header.stage_id, header.partition_id, header.attempt_number,
                                 header.task_attempt_id, header.memory_limit_mb,
                                 header.spill_dir, header.files_dir, header.properties))
    try:
        _prepare(header)
        func = cloudpickle.loads(header.command)
        loaded = _now_ms()
        _WRITERS[header.output_mode].dump_stream(func(header.partition_id, iter(task_input)),
                                                 outfile)
        task_input.drain()
        wire.write_int(outfile, wire.END_OF_DATA)
        wire.write_accumulators(outfile, pickle.dumps(accumulators.task_updates(),
                                                      wire.PICKLE_PROTOCOL))
        wire.write_timing(outfile, wire.Timing(start, loaded, _now_ms(),
                                               shuffle.metrics.memory_bytes_spilled,
                                               shuffle.metrics.disk_bytes_spilled))
        wire.write_int(outfile, wire.END_OF_STREAM)
        outfile.flush()
        return True
    except wire.ProtocolError:
        raise
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # noqa: B902 - user code may raise anything, even SystemExit
        _report_failure(e, header.partition_id, outfile)
        # Sent before draining: an executor that paces its input by our output (the Python
        # UDF operator) learns of the failure instead of waiting for results.
        outfile.flush()
        task_input.drain()
        wire.write_int(outfile, wire.END_OF_STREAM)
        outfile.flush()
        return False
    finally:
        accumulators.begin_task()
        TaskContext._set(None)


def _prepare(header: wire.TaskHeader) -> None:
    added = False
    root = header.files_dir
    for path in ([root] if root else []) + [os.path.join(root, p) for p in header.python_includes if p]:
        if path not in sys.path:
            sys.path.insert(1, path)
            added = True
    if added:
        importlib.invalidate_caches()
    for bid in header.broadcast_removals:
        broadcast.worker_remove(bid)
    for bid, path in header.broadcast_additions:
        broadcast.worker_add(bid, path)


def _report_failure(e: BaseException, partition_id: int, outfile: BinaryIO) -> None:
    """Writes EXCEPTION; if even that fails the connection is gone (ConnectionLost)."""
    try:
        wire.write_exception(outfile, describe_exception(e, partition_id))
    except OSError as io_error:
        raise wire.ConnectionLost("cannot report task failure: %s" % io_error) from e


def describe_exception(e: BaseException, partition_id: int) -> wire.WorkerException:
    """The EXCEPTION body for ``e``; the traceback starts at the first frame outside Ember's
    package (the worker loop and serializers that called the user's code), unless every frame
    is Ember's own."""
    cls = type(e)
    name = cls.__qualname__ if cls.__module__ == "builtins" else \
        "%s.%s" % (cls.__module__, cls.__qualname__)
    try:
        message = str(e)
    except Exception:  # a broken __str__ must not hide the failure
        message = "<unprintable %s>" % name
    tb = e.__traceback__
    while tb is not None and _in_package(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    text = "".join(traceback.format_exception(cls, e, tb or e.__traceback__))
    return wire.WorkerException(name, message, text, partition_id, _pickle_exception(e))


def _in_package(filename: str) -> bool:
    """True for a file of Ember's package or its sub-packages (``ember.sql``'s UDF loop)."""
    directory = os.path.dirname(os.path.abspath(filename))
    return directory == _PACKAGE_DIR or directory.startswith(_PACKAGE_DIR + os.sep)


def _pickle_exception(e: BaseException) -> Optional[bytes]:
    """The exception pickled so that it loads again (the driver raises its type): as is when
    that works, else rebuilt from its class, args and attributes (PortableException)."""
    for obj in (e, PortableException(e)):
        for dumps in (pickle.dumps, cloudpickle.dumps):
            try:
                data = dumps(obj, wire.PICKLE_PROTOCOL)
                pickle.loads(data)
            except Exception:
                continue
            return data if len(data) <= MAX_PICKLED_EXCEPTION else None
    return None


# -- entry points --------------------------------------------------------------------------

def hang_up(sock: socket.socket, linger_s: float = 0.5) -> None:
    """Closes our sending side and discards what the peer still sends (briefly), so that a
    refusal is not lost to a TCP reset caused by unread handshake bytes."""
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(linger_s)
        deadline = time.monotonic() + linger_s
        while sock.recv(1 << 16) and time.monotonic() < deadline:
            pass
    except OSError:
        pass


def limit_memory(environ=os.environ) -> Optional[int]:
    """Applies ember.executor.pyspark.memory (env EMBER_PYSPARK_MEMORY_MB, set by the
    executor) as this process's address-space limit, as PySpark's workers do; returns the
    limit in bytes, or None when there is none (or the platform has no RLIMIT_AS)."""
    mb = environ.get(MEMORY_LIMIT_ENV)
    if not mb:
        return None
    try:
        import resource
    except ImportError:   # not on this platform
        return None
    limit = int(mb) << 20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY and hard < limit:
        limit = hard   # may only be lowered
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return limit


def serve_socket(sock: socket.socket, secret: Optional[str]) -> int:
    """Serves one executor connection. With ``secret`` None the handshake was already
    checked (by the daemon) and only HANDSHAKE_OK is sent. Returns tasks run."""
    limit_memory()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    infile = sock.makefile("rb", SOCKET_BUFFER)
    outfile = sock.makefile("wb", SOCKET_BUFFER)
    try:
        if secret is None:
            wire.write_handshake_reply(outfile, wire.HandshakeReply(True, os.getpid()))
            outfile.flush()
        elif not handshake(infile, outfile, secret):
            hang_up(sock)
            return 0
        return serve_tasks(infile, outfile)
    finally:
        for f in (outfile, infile):
            try:
                f.close()
            except OSError:
                pass


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ember.worker",
                                     description="Connects to an executor and serves tasks; "
                                                 "the secret is the first line of stdin.")
    parser.add_argument("--port", type=int, required=True, help="executor port on 127.0.0.1")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the driver's (see ember.daemon)
    faulthandler.enable(file=sys.stderr)
    secret = sys.stdin.readline().rstrip("\r\n")
    with socket.create_connection((args.host, args.port)) as sock:
        try:
            serve_socket(sock, secret)
        except (wire.ProtocolError, OSError) as e:
            print("ember worker %d: connection lost: %s" % (os.getpid(), e), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
