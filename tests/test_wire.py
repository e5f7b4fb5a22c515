"""The protocol module: primitives, messages, constants shared with Java, transcripts."""

import io
import os
import re

import pytest

from ember import wire

from protocol import make_transcripts as mt

HERE = os.path.dirname(os.path.abspath(__file__))
JAVA_PROTOCOL = os.path.join(HERE, "..", "jvm", "src", "main", "java", "io", "ember", "python",
                             "PythonWorkerProtocol.java")


def transcript(name: str) -> bytes:
    with open(os.path.join(HERE, "protocol", name + ".hex"), encoding="utf-8") as f:
        return mt.parse_hex(f.read())


def encoded(fn, *args) -> bytes:
    buf = io.BytesIO()
    fn(buf, *args)
    return buf.getvalue()


class TrickleReader(io.RawIOBase):
    """A raw stream that returns at most one byte per read, like a slow socket."""

    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)

    def readable(self):
        return True

    def read(self, n=-1):
        return self._data.read(min(n, 1) if n >= 0 else 1)


# -- constants -----------------------------------------------------------------------------

def _python_constants():
    return {name: value for name, value in vars(wire).items()
            if re.fullmatch(r"[A-Z][A-Z0-9_]*", name) and type(value) is int}


def test_control_codes_are_negative_distinct_and_named():
    codes = {name: value for name, value in _python_constants().items()
             if value < 0}
    assert len(codes) == 11
    assert len(set(codes.values())) == len(codes)
    assert wire.CONTROL_NAMES == {value: name for name, value in codes.items()}
    assert wire.control_name(wire.END_OF_STREAM) == "END_OF_STREAM"
    assert wire.control_name(12) == "length 12"


def test_java_declares_the_same_constants():
    with open(JAVA_PROTOCOL, encoding="utf-8") as f:
        source = f.read()
    java = {m.group(1): int(m.group(2), 0) for m in re.finditer(
        r"public static final int ([A-Z0-9_]+) = (-?(?:0x[0-9A-Fa-f]+|\d+));", source)}
    assert java == _python_constants()
    # each control code's Java name is spelled out in controlName() too
    for name in wire.CONTROL_NAMES.values():
        assert 'case %s: return "%s";' % (name, name) in source


# -- primitives ----------------------------------------------------------------------------

def test_frames_and_strings_round_trip():
    buf = io.BytesIO()
    wire.write_frame(buf, b"abc")
    wire.write_string(buf, "h\u00e9")
    wire.write_string(buf, None)
    wire.write_long(buf, -(2 ** 40))
    assert buf.getvalue()[:7] == b"\x00\x00\x00\x03abc"
    buf.seek(0)
    assert wire.read_frame(buf) == b"abc"
    assert wire.read_string(buf) == "h\u00e9"
    assert wire.read_string(buf) is None
    assert wire.read_long(buf) == -(2 ** 40)
    assert wire.read_int_or_eof(buf) is None


def test_read_frame_rejects_control_codes_and_limits():
    with pytest.raises(wire.ProtocolError, match="END_OF_DATA"):
        wire.read_frame(io.BytesIO(encoded(wire.write_int, wire.END_OF_DATA)))
    with pytest.raises(wire.ProtocolError, match="exceeds"):
        wire.read_frame(io.BytesIO(encoded(wire.write_frame, b"x" * 10)), max_len=5)


def test_short_reads_are_completed_and_truncation_detected():
    data = encoded(wire.write_frame, b"hello world")
    assert wire.read_frame(TrickleReader(data)) == b"hello world"
    with pytest.raises(wire.ConnectionLost):
        wire.read_frame(io.BytesIO(data[:-1]))
    with pytest.raises(wire.ConnectionLost):
        wire.read_int_or_eof(io.BytesIO(b"\x00\x01"))


# -- handshake -----------------------------------------------------------------------------

def test_handshake_checks_in_order():
    def refusal(hs, secret="s", version="3.11"):
        try:
            parsed = wire.read_handshake(io.BytesIO(encoded(wire.write_handshake, hs)))
        except wire.HandshakeRefused as e:
            return str(e)
        return wire.check_handshake(parsed, secret, version)

    assert refusal(wire.Handshake("s", "3.11")) is None
    assert refusal(wire.Handshake("x", "3.10")) == "bad secret"  # secret checked first
    assert refusal(wire.Handshake("s", "3.10")) == \
        "Python version mismatch: worker 3.11, driver 3.10"
    assert "bad magic number 0x12345678" in refusal(wire.Handshake("s", "3.11", magic=0x12345678))
    assert refusal(wire.Handshake("s", "3.11", version=9)) == \
        "protocol version mismatch: worker %d, executor 9" % wire.PROTOCOL_VERSION


def test_handshake_stops_at_bad_magic_and_bounds_the_secret():
    stream = io.BytesIO(encoded(wire.write_int, 0x01020304) + b"\xff" * 100)
    with pytest.raises(wire.HandshakeRefused):
        wire.read_handshake(stream)
    assert stream.tell() == 4  # nothing after the magic number was read
    huge = encoded(wire.write_handshake, wire.Handshake("s" * 10000, "3.11"))
    with pytest.raises(wire.HandshakeRefused, match="malformed handshake"):
        wire.read_handshake(io.BytesIO(huge))


def test_handshake_reply_round_trip():
    for reply in (wire.HandshakeReply(True, 99), wire.HandshakeReply(False, 0, "bad secret")):
        assert wire.read_handshake_reply(
            io.BytesIO(encoded(wire.write_handshake_reply, reply))) == reply


# -- task messages -------------------------------------------------------------------------

def test_task_header_round_trip():
    h = wire.TaskHeader(3, 4, 2, b"\x80\x05cmd", task_attempt_id=2 ** 40, memory_limit_mb=7,
                        spill_dir="/s", files_dir="/f", python_includes=["/a", "/b.zip"],
                        broadcast_additions=[(1, "/p1"), (2 ** 35, "/p2")],
                        broadcast_removals=[5, 6], properties={"k": "v", "n": None},
                        input_mode=wire.MODE_UTF8_STRINGS,
                        output_mode=wire.MODE_PARTITIONED_BATCHES)
    stream = io.BytesIO(encoded(wire.write_task_header, h))
    wire.expect_control(stream, wire.START_TASK)
    assert wire.read_task_header(stream) == h
    assert stream.read() == b""


def test_task_header_rejects_bad_modes():
    h = wire.TaskHeader(0, 0, 0, b"", output_mode=7)
    stream = io.BytesIO(encoded(wire.write_task_header, h))
    wire.expect_control(stream, wire.START_TASK)
    with pytest.raises(wire.ProtocolError, match="output mode 7"):
        wire.read_task_header(stream)


def test_exception_and_timing_round_trip():
    e = wire.WorkerException("mod.Err", "boom", "Traceback...", 3, None)
    stream = io.BytesIO(encoded(wire.write_exception, e) + encoded(
        wire.write_timing, wire.Timing(1, 2, 3, 4, 5)))
    wire.expect_control(stream, wire.EXCEPTION)
    assert wire.read_exception(stream) == e
    wire.expect_control(stream, wire.TIMING)
    assert wire.read_timing(stream) == wire.Timing(1, 2, 3, 4, 5)


# -- transcripts ---------------------------------------------------------------------------

def test_stored_transcripts_are_current():
    for filename, text in mt.render_all().items():
        with open(os.path.join(HERE, "protocol", filename), encoding="utf-8") as f:
            stored = f.read()
        assert mt.parse_hex(stored) == mt.parse_hex(text), (
            "%s is stale: run python tests/protocol/make_transcripts.py" % filename)


def test_writers_reproduce_handshake_transcripts():
    assert encoded(wire.write_handshake, wire.Handshake(mt.SECRET, "3.11")) == \
        transcript("handshake_accepted.to_worker")
    assert encoded(wire.write_handshake_reply, wire.HandshakeReply(True, mt.WORKER_PID)) == \
        transcript("handshake_accepted.from_worker")
    assert encoded(wire.write_handshake_reply,
                   wire.HandshakeReply(False, 0, "bad secret")) == \
        transcript("handshake_refused.from_worker")
    parsed = wire.read_handshake(io.BytesIO(transcript("handshake_version_mismatch.to_worker")))
    assert wire.check_handshake(parsed, mt.SECRET, "3.11") == \
        wire.read_handshake_reply(io.BytesIO(
            transcript("handshake_version_mismatch.from_worker"))).message


def test_readers_and_writers_agree_with_full_header_transcript():
    data = transcript("full_header.to_worker")
    stream = io.BytesIO(data)
    wire.expect_control(stream, wire.START_TASK)
    h = wire.read_task_header(stream)
    wire.expect_control(stream, wire.END_OF_DATA)
    assert stream.read() == b""
    assert h.python_includes == ["/tmp/ember/files/deps.zip", "/tmp/ember/files/lib"]
    assert h.broadcast_additions == [(7, "/tmp/ember/broadcast_7")]
    assert h.broadcast_removals == [3]
    assert h.properties == {"spark.job.description": "nightly \u00e9t\u00e9 run"}
    assert (h.task_attempt_id, h.memory_limit_mb, h.spill_dir) == \
        (1234567890123, 64, "/tmp/ember/spill")
    assert encoded(wire.write_task_header, h) + encoded(wire.write_int, wire.END_OF_DATA) == data


def test_writers_reproduce_task_reply_transcripts():
    data = transcript("task_exception.from_worker")
    stream = io.BytesIO(data)
    wire.expect_control(stream, wire.EXCEPTION)
    e = wire.read_exception(stream)
    assert (e.type_name, e.partition_id) == ("TypeError", 5)
    assert encoded(wire.write_exception, e) + encoded(wire.write_int, wire.END_OF_STREAM) == data

    tail = io.BytesIO()
    wire.write_int(tail, wire.END_OF_DATA)
    wire.write_accumulators(tail, b"\x80\x05]\x94.")
    wire.write_timing(tail, wire.Timing(1700000000000, 1700000000002, 1700000000005))
    wire.write_int(tail, wire.END_OF_STREAM)
    assert transcript("map_task.from_worker").endswith(tail.getvalue())
