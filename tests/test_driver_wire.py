"""The driver's data plane (ember.driver_wire): names shared with Java, transcripts, and the
result stream and parallelize writer that use it."""

import io
import os
import pickle
import re
import socket
import threading

import pytest

from ember import driver_wire, sources, wire
from ember.errors import JobCancelledError, PythonTaskError
from ember.results import ResultStream
from ember.sources import DataSources

from protocol import make_transcripts as mt

HERE = os.path.dirname(os.path.abspath(__file__))
JAVA_PROTOCOL = os.path.join(HERE, "..", "jvm", "src", "main", "java", "io", "ember", "python",
                             "DriverDataProtocol.java")


def transcript(name: str) -> bytes:
    with open(os.path.join(HERE, "protocol", name + ".hex"), encoding="utf-8") as f:
        return mt.parse_hex(f.read())


def encoded(*writes) -> bytes:
    buf = io.BytesIO()
    for fn, *args in writes:
        fn(buf, *args)
    return buf.getvalue()


# -- the Java twin -------------------------------------------------------------------------

def test_java_declares_the_same_constants_and_functions():
    with open(JAVA_PROTOCOL, encoding="utf-8") as f:
        source = f.read()
    java_constants = {m.group(1): int(m.group(2)) for m in re.finditer(
        r"public static final int ([A-Z0-9_]+) = (-?\d+);", source)}
    python_constants = {name: getattr(driver_wire, name) for name in driver_wire.__all__
                        if re.fullmatch(r"[A-Z][A-Z0-9_]*", name)}
    assert java_constants == python_constants == {"MAX_SECRET_BYTES": 4096}
    java_functions = set(re.findall(r"public static \S+(?:<.*>)? (\w+)\(", source))
    python_functions = {re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)
                        for name in driver_wire.__all__ if name[0].islower()}
    assert java_functions == python_functions
    assert "public record ResultError(" in source


# -- result stream -------------------------------------------------------------------------

ERROR = driver_wire.ResultError(
    "TypeError", mt.DIVIDE_ERROR, mt.SAMPLE_TRACEBACK, pickle.dumps(TypeError(mt.DIVIDE_ERROR), 5),
    "io.ember.core.JobFailedException", mt.JOB_ABORTED, mt.JAVA_TRACE)
CANCELLED = driver_wire.ResultError(
    "JobCancelledException", mt.CANCELLED, "", None, "io.ember.core.JobCancelledException",
    mt.CANCELLED, mt.CANCELLED_TRACE)


def test_writers_reproduce_result_transcripts():
    assert encoded((driver_wire.write_result_secret, mt.SECRET)) == \
        transcript("result_stream.to_engine")
    assert encoded((driver_wire.write_result_batch, pickle.dumps([1, 2, 3], 5)),
                   (driver_wire.write_result_batch, pickle.dumps([4, 5], 5)),
                   (driver_wire.write_result_end,)) == transcript("result_stream.from_engine")
    assert encoded((driver_wire.write_result_batch, pickle.dumps([1], 5)),
                   (driver_wire.write_result_error, ERROR)) == \
        transcript("result_error.from_engine")
    assert encoded((driver_wire.write_result_error, CANCELLED)) == \
        transcript("result_cancelled.from_engine")


def test_readers_parse_result_transcripts():
    assert driver_wire.read_result_secret(io.BytesIO(transcript("result_stream.to_engine"))) \
        == mt.SECRET.encode("utf-8")
    stream = io.BytesIO(transcript("result_error.from_engine"))
    assert pickle.loads(wire.read_frame(stream)) == [1]
    wire.expect_control(stream, wire.EXCEPTION)
    assert driver_wire.read_result_error(stream) == ERROR
    assert stream.read() == b""
    stream = io.BytesIO(transcript("result_cancelled.from_engine"))
    wire.expect_control(stream, wire.EXCEPTION)
    assert driver_wire.read_result_error(stream) == CANCELLED


def test_result_secret_reader_refuses_without_reading_past_a_bad_length():
    for first in (encoded((wire.write_string, None)),
                  encoded((wire.write_int, driver_wire.MAX_SECRET_BYTES + 1))):
        stream = io.BytesIO(first + b"x" * 5000)
        assert driver_wire.read_result_secret(stream) is None
        assert stream.tell() == 4
    assert driver_wire.read_result_secret(io.BytesIO(b"")) is None


class ReplayServer:
    """A one-shot loopback server standing in for the engine's result server: records what
    the client sends first, then replies with ``reply``."""

    def __init__(self, reply: bytes):
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.received = b""
        self._reply = reply
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        with self._server, self._server.accept()[0] as conn:
            with conn.makefile("rb") as rfile:
                self.received = encoded((driver_wire.write_result_secret,
                                         wire.read_string(rfile)))
            conn.sendall(self._reply)
            conn.shutdown(socket.SHUT_WR)
            conn.recv(1)   # until the client closes

    def join(self):
        self._thread.join(30)


def _replay(name: str):
    server = ReplayServer(transcript(name))
    stream = ResultStream(server.port, mt.SECRET)
    try:
        return server, list(stream)
    finally:
        stream.close()
        server.join()
        assert server.received == transcript("result_stream.to_engine")


def test_result_stream_reads_the_batches_transcript():
    _, batches = _replay("result_stream.from_engine")
    assert batches == [[1, 2, 3], [4, 5]]


def test_result_stream_raises_the_task_error_with_its_java_side():
    with pytest.raises(TypeError) as info:
        _replay("result_error.from_engine")
    e = info.value
    assert isinstance(e, PythonTaskError)
    assert (e.type_name, e.message, e.traceback) == \
        ("TypeError", mt.DIVIDE_ERROR, mt.SAMPLE_TRACEBACK)
    assert (e.java_exception.class_name, e.java_exception.message,
            e.java_exception.stack_trace) == \
        ("io.ember.core.JobFailedException", mt.JOB_ABORTED, mt.JAVA_TRACE)


def test_result_stream_raises_an_engine_failure_as_its_python_twin():
    with pytest.raises(JobCancelledError, match="JobCancelledException: " + mt.CANCELLED) as info:
        _replay("result_cancelled.from_engine")
    assert info.value.java_exception.class_name == "io.ember.core.JobCancelledException"
    assert info.value.java_exception.stack_trace == mt.CANCELLED_TRACE


# -- parallelize file ----------------------------------------------------------------------

SLICES = [["a", "b", "c"], [], ["d\u00e9"]]


class CapturingSources(DataSources):
    """DataSources without a JVM: its engine reads the parallelize file it is handed."""

    def __init__(self):
        self.engine = self
        self.file_bytes = None

    def parallelize_file(self, path, n):
        assert n == len(SLICES)
        with open(path, "rb") as f:
            self.file_bytes = f.read()
        os.unlink(path)
        return "jrdd"


def test_parallelize_writes_the_transcript_file(monkeypatch):
    monkeypatch.setattr(sources, "BATCH_RECORDS", 2)
    capture = CapturingSources()
    assert capture._write_slices(SLICES, len(SLICES)) == "jrdd"
    assert capture.file_bytes == transcript("parallelize.file")


def test_parallelize_file_round_trip_and_bad_index():
    slices = driver_wire.read_parallelize_file(io.BytesIO(transcript("parallelize.file")), 3)
    assert [[x for batch in s for x in pickle.loads(batch)] for s in slices] == SLICES
    assert [len(s) for s in slices] == [2, 0, 1]
    rewritten = encoded(*[(driver_wire.write_parallelize_batch, i, batch)
                          for i, s in enumerate(slices) for batch in s])
    assert rewritten == transcript("parallelize.file")
    with pytest.raises(wire.ProtocolError, match="slice index 3 out of range 0..2"):
        driver_wire.read_parallelize_file(
            io.BytesIO(encoded((driver_wire.write_parallelize_batch, 3, b"x"))), 3)
    with pytest.raises(wire.ConnectionLost):
        driver_wire.read_parallelize_file(io.BytesIO(transcript("parallelize.file")[:-1]), 3)
