"""The executor <-> Python worker protocol, declared once for Python.

The Java twin is ``io.ember.python.PythonWorkerProtocol``: same constant names, same layouts.
Byte transcripts of sample exchanges live in ``tests/protocol/`` and both languages test
against them.

Encoding
    int32 / int64 are big-endian two's complement. A *frame* is an int32 length followed by
    that many bytes. A negative int32 where a frame length is expected is a named control
    code (below); no other negative lengths exist. A *string* is a frame holding UTF-8, or
    NULL for None.

Conversation on one socket (executor = E, worker = W)::

    E: MAGIC, PROTOCOL_VERSION, secret (string), driver Python "major.minor" (string)
    W: HANDSHAKE_OK, worker pid (int32)          -- or HANDSHAKE_REFUSED, message; W closes
    repeat for each task (worker reuse):
      E: START_TASK, task header (see TaskHeader), input frames..., END_OF_DATA
      W: output..., END_OF_DATA, ACCUMULATORS, frame(pickled list of (id, update)),
         TIMING, 5 x int64 (see Timing), END_OF_STREAM
         -- or, on failure at any point (even after some output or after the output's
            END_OF_DATA): EXCEPTION, exception body (see WorkerException), END_OF_STREAM
    E: SHUTDOWN (or close) -- W exits

Input modes: MODE_PICKLED_BATCHES (each frame one pickled list of records),
MODE_UTF8_STRINGS (each frame one string; NULL is None) or MODE_UTF8_BATCHES (each frame one
or more strings, UTF-8, joined by "\n"; NULL is one None; a string that itself holds a "\n"
comes alone, as SINGLE_STRING and a string frame). Output modes: MODE_PICKLED_BATCHES,
MODE_UTF8_STRINGS, or MODE_PARTITIONED_BATCHES where each item is an int32 partition id
(>= 0) followed by a frame holding one pickled list (shuffle map side).

Threading contract for the executor: the worker reads input lazily while it writes output,
so the executor writes input on one thread and reads output on another. Input always ends
with END_OF_DATA: after the worker has reported EXCEPTION (or finished its output early) the
executor may stop at the next frame boundary and send END_OF_DATA; the worker discards any
unread input up to that END_OF_DATA before sending END_OF_STREAM, so the socket stays in step
and the worker can take the next task.
"""

import hmac
import struct
from dataclasses import dataclass, field
from typing import BinaryIO, Dict, List, Optional, Tuple

# -- handshake constants -------------------------------------------------------------------

MAGIC = 0x454D4252
"""First int32 on every worker connection: ASCII "EMBR"."""

PROTOCOL_VERSION = 2
"""Bumped whenever a layout in this module changes."""

MAX_HANDSHAKE_FIELD_BYTES = 4096
"""Longest secret / version string read before authentication (bounds unauthenticated reads)."""

# -- control codes (negative frame lengths) ------------------------------------------------

END_OF_DATA = -1
"""Ends a data section: the input stream (E->W) or the output stream (W->E)."""
EXCEPTION = -2
"""W->E: the task failed; followed by type, message, traceback (strings), partition id (int32)
and the pickled exception (frame, or NULL if it could not be pickled)."""
TIMING = -3
"""W->E: followed by 5 int64: start, command loaded, end (epoch ms), memory and disk bytes
spilled."""
END_OF_STREAM = -4
"""W->E: the task is over; the worker now waits for START_TASK or SHUTDOWN."""
NULL = -5
"""A null string (None) where a string is expected."""
ACCUMULATORS = -6
"""W->E: followed by one frame, a pickled list of (accumulator id, update) pairs."""
HANDSHAKE_OK = -7
"""W->E: the handshake is accepted; followed by the worker's pid (int32)."""
HANDSHAKE_REFUSED = -8
"""W->E: the handshake is refused; followed by a message string saying what differs."""
START_TASK = -9
"""E->W: a task header follows."""
SHUTDOWN = -10
"""E->W: instead of START_TASK, asks the worker to exit (closing the socket does the same)."""
SINGLE_STRING = -11
"""E->W, in MODE_UTF8_BATCHES input: one string frame follows, a record on its own (one that
holds a newline, so it cannot share a newline-joined batch)."""

CONTROL_NAMES: Dict[int, str] = {
    END_OF_DATA: "END_OF_DATA",
    EXCEPTION: "EXCEPTION",
    TIMING: "TIMING",
    END_OF_STREAM: "END_OF_STREAM",
    NULL: "NULL",
    ACCUMULATORS: "ACCUMULATORS",
    HANDSHAKE_OK: "HANDSHAKE_OK",
    HANDSHAKE_REFUSED: "HANDSHAKE_REFUSED",
    START_TASK: "START_TASK",
    SHUTDOWN: "SHUTDOWN",
    SINGLE_STRING: "SINGLE_STRING",
}

# -- data modes ----------------------------------------------------------------------------

MODE_PICKLED_BATCHES = 0
MODE_UTF8_STRINGS = 1
MODE_PARTITIONED_BATCHES = 2
MODE_UTF8_BATCHES = 3

MODE_NAMES: Dict[int, str] = {
    MODE_PICKLED_BATCHES: "PICKLED_BATCHES",
    MODE_UTF8_STRINGS: "UTF8_STRINGS",
    MODE_PARTITIONED_BATCHES: "PARTITIONED_BATCHES",
    MODE_UTF8_BATCHES: "UTF8_BATCHES",
}
INPUT_MODES = (MODE_PICKLED_BATCHES, MODE_UTF8_STRINGS, MODE_UTF8_BATCHES)
OUTPUT_MODES = (MODE_PICKLED_BATCHES, MODE_UTF8_STRINGS, MODE_PARTITIONED_BATCHES)

PICKLE_PROTOCOL = 5
"""Pickle protocol for data batches (fixed, so the JVM's unpickler knows what to expect)."""

INT32 = struct.Struct(">i")
INT64 = struct.Struct(">q")
TWO_INT32 = struct.Struct(">ii")


class ProtocolError(Exception):
    """The peer sent bytes that do not follow this protocol; the connection is unusable."""


class ConnectionLost(ProtocolError):
    """The stream ended in the middle of a message."""


class HandshakeRefused(Exception):
    """The handshake failed; ``str(error)`` is the message sent to the executor."""


def control_name(code: int) -> str:
    return CONTROL_NAMES.get(code, "length %d" % code if code >= 0 else "unknown code %d" % code)


# -- primitive writers ---------------------------------------------------------------------

def write_int(out: BinaryIO, value: int) -> None:
    out.write(INT32.pack(value))


def write_long(out: BinaryIO, value: int) -> None:
    out.write(INT64.pack(value))


def write_frame(out: BinaryIO, data: bytes) -> None:
    out.write(INT32.pack(len(data)))
    out.write(data)


def write_string(out: BinaryIO, text: Optional[str]) -> None:
    if text is None:
        out.write(INT32.pack(NULL))
    else:
        write_frame(out, text.encode("utf-8"))


# -- primitive readers ---------------------------------------------------------------------

def read_exact(inp: BinaryIO, n: int) -> bytes:
    data = inp.read(n)
    if len(data) == n:
        return data
    return complete_read(inp, data, n)


def complete_read(inp: BinaryIO, data: bytes, n: int) -> bytes:
    """Finishes a read that returned fewer than ``n`` bytes (raw streams may do that)."""
    parts = [data]
    got = len(data)
    while got < n:
        more = inp.read(n - got)
        if not more:
            raise ConnectionLost("stream ended: wanted %d bytes, got %d" % (n, got))
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def read_int(inp: BinaryIO) -> int:
    return INT32.unpack(read_exact(inp, 4))[0]


def read_int_or_eof(inp: BinaryIO) -> Optional[int]:
    """Reads an int32 at a message boundary; None if the stream ended cleanly there."""
    data = inp.read(4)
    if not data:
        return None
    if len(data) != 4:
        data = complete_read(inp, data, 4)
    return INT32.unpack(data)[0]


def read_long(inp: BinaryIO) -> int:
    return INT64.unpack(read_exact(inp, 8))[0]


def read_frame(inp: BinaryIO, max_len: Optional[int] = None) -> bytes:
    n = read_int(inp)
    if n < 0:
        raise ProtocolError("expected a frame, got %s" % control_name(n))
    if max_len is not None and n > max_len:
        raise ProtocolError("frame of %d bytes exceeds the limit of %d" % (n, max_len))
    return read_exact(inp, n)


def write_frame_or_null(out: BinaryIO, data: Optional[bytes]) -> None:
    if data is None:
        write_int(out, NULL)
    else:
        write_frame(out, data)


def read_frame_or_null(inp: BinaryIO) -> Optional[bytes]:
    n = read_int(inp)
    if n == NULL:
        return None
    if n < 0:
        raise ProtocolError("expected a frame or NULL, got %s" % control_name(n))
    return read_exact(inp, n)


def read_string(inp: BinaryIO, max_len: Optional[int] = None) -> Optional[str]:
    n = read_int(inp)
    if n == NULL:
        return None
    if n < 0:
        raise ProtocolError("expected a string, got %s" % control_name(n))
    if max_len is not None and n > max_len:
        raise ProtocolError("string of %d bytes exceeds the limit of %d" % (n, max_len))
    return read_exact(inp, n).decode("utf-8")


def expect_control(inp: BinaryIO, code: int) -> None:
    got = read_int(inp)
    if got != code:
        raise ProtocolError("expected %s, got %s" % (control_name(code), control_name(got)))


# -- handshake -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Handshake:
    secret: str
    python_version: str
    magic: int = MAGIC
    version: int = PROTOCOL_VERSION


@dataclass(frozen=True)
class HandshakeReply:
    accepted: bool
    worker_pid: int = 0
    message: Optional[str] = None


def write_handshake(out: BinaryIO, hs: Handshake) -> None:
    write_int(out, hs.magic)
    write_int(out, hs.version)
    write_string(out, hs.secret)
    write_string(out, hs.python_version)


def read_handshake(inp: BinaryIO) -> Handshake:
    """Reads the executor's handshake, stopping early on a wrong magic number or version.

    Raises HandshakeRefused with the message to send back; reads at most
    MAX_HANDSHAKE_FIELD_BYTES per string, since the peer is not authenticated yet.
    """
    magic = read_int(inp)
    if magic != MAGIC:
        raise HandshakeRefused("bad magic number 0x%08X (expected 0x%08X): not an Ember executor"
                               % (magic & 0xFFFFFFFF, MAGIC))
    version = read_int(inp)
    if version != PROTOCOL_VERSION:
        raise HandshakeRefused("protocol version mismatch: worker %d, executor %d"
                               % (PROTOCOL_VERSION, version))
    try:
        secret = read_string(inp, MAX_HANDSHAKE_FIELD_BYTES)
        python_version = read_string(inp, MAX_HANDSHAKE_FIELD_BYTES)
    except (ProtocolError, UnicodeDecodeError) as e:
        if isinstance(e, ConnectionLost):
            raise
        raise HandshakeRefused("malformed handshake: %s" % e) from None
    return Handshake(secret or "", python_version or "", magic, version)


def check_handshake(hs: Handshake, secret: str, python_version: str) -> Optional[str]:
    """Returns None if ``hs`` is acceptable, else the refusal message. The secret is checked
    (in constant time) before anything about this worker is revealed."""
    if not hmac.compare_digest(hs.secret.encode("utf-8"), secret.encode("utf-8")):
        return "bad secret"
    if hs.python_version != python_version:
        return "Python version mismatch: worker %s, driver %s" % (python_version, hs.python_version)
    return None


def write_handshake_reply(out: BinaryIO, reply: HandshakeReply) -> None:
    if reply.accepted:
        write_int(out, HANDSHAKE_OK)
        write_int(out, reply.worker_pid)
    else:
        write_int(out, HANDSHAKE_REFUSED)
        write_string(out, reply.message or "refused")


def read_handshake_reply(inp: BinaryIO) -> HandshakeReply:
    code = read_int(inp)
    if code == HANDSHAKE_OK:
        return HandshakeReply(True, read_int(inp))
    if code == HANDSHAKE_REFUSED:
        return HandshakeReply(False, 0, read_string(inp))
    raise ProtocolError("expected a handshake reply, got %s" % control_name(code))


# -- task header ---------------------------------------------------------------------------

@dataclass
class TaskHeader:
    """What the executor sends after START_TASK. Layout, in order:

    int32 stage_id, int32 partition_id, int32 attempt_number, int64 task_attempt_id,
    int32 memory_limit_mb (ember.python.worker.memory; <= 0 means no limit),
    string spill_dir ("" = system temp dir), string files_dir ("" = none),
    int32 n + n strings python_includes,
    int32 n + n x (int64 id, string path) broadcast_additions,
    int32 n + n x int64 broadcast_removals,
    int32 n + n x (string key, string value) local properties,
    int32 input_mode, int32 output_mode, frame command (cloudpickled f(partition, iterator)).
    """
    stage_id: int
    partition_id: int
    attempt_number: int
    command: bytes
    task_attempt_id: int = 0
    memory_limit_mb: int = 512
    spill_dir: str = ""
    files_dir: str = ""
    python_includes: List[str] = field(default_factory=list)
    broadcast_additions: List[Tuple[int, str]] = field(default_factory=list)
    broadcast_removals: List[int] = field(default_factory=list)
    properties: Dict[str, str] = field(default_factory=dict)
    input_mode: int = MODE_PICKLED_BATCHES
    output_mode: int = MODE_PICKLED_BATCHES


def write_task_header(out: BinaryIO, h: TaskHeader) -> None:
    """Writes START_TASK and the header."""
    write_int(out, START_TASK)
    write_int(out, h.stage_id)
    write_int(out, h.partition_id)
    write_int(out, h.attempt_number)
    write_long(out, h.task_attempt_id)
    write_int(out, h.memory_limit_mb)
    write_string(out, h.spill_dir)
    write_string(out, h.files_dir)
    write_int(out, len(h.python_includes))
    for path in h.python_includes:
        write_string(out, path)
    write_int(out, len(h.broadcast_additions))
    for bid, path in h.broadcast_additions:
        write_long(out, bid)
        write_string(out, path)
    write_int(out, len(h.broadcast_removals))
    for bid in h.broadcast_removals:
        write_long(out, bid)
    write_int(out, len(h.properties))
    for key, value in h.properties.items():
        write_string(out, key)
        write_string(out, value)
    write_int(out, h.input_mode)
    write_int(out, h.output_mode)
    write_frame(out, h.command)


def _read_count(inp: BinaryIO, what: str) -> int:
    n = read_int(inp)
    if n < 0:
        raise ProtocolError("negative %s count %d" % (what, n))
    return n


def read_task_header(inp: BinaryIO) -> TaskHeader:
    """Reads the header that follows START_TASK (the code itself already consumed)."""
    stage_id = read_int(inp)
    partition_id = read_int(inp)
    attempt_number = read_int(inp)
    task_attempt_id = read_long(inp)
    memory_limit_mb = read_int(inp)
    spill_dir = read_string(inp) or ""
    files_dir = read_string(inp) or ""
    includes = [read_string(inp) or "" for _ in range(_read_count(inp, "include"))]
    additions = [(read_long(inp), read_string(inp) or "")
                 for _ in range(_read_count(inp, "broadcast addition"))]
    removals = [read_long(inp) for _ in range(_read_count(inp, "broadcast removal"))]
    properties = {}
    for _ in range(_read_count(inp, "property")):
        key = read_string(inp) or ""
        properties[key] = read_string(inp)
    input_mode = read_int(inp)
    if input_mode not in INPUT_MODES:
        raise ProtocolError("bad input mode %d" % input_mode)
    output_mode = read_int(inp)
    if output_mode not in OUTPUT_MODES:
        raise ProtocolError("bad output mode %d" % output_mode)
    command = read_frame(inp)
    return TaskHeader(stage_id, partition_id, attempt_number, command, task_attempt_id,
                      memory_limit_mb, spill_dir, files_dir, includes, additions, removals,
                      properties, input_mode, output_mode)


# -- task results --------------------------------------------------------------------------

@dataclass(frozen=True)
class WorkerException:
    """Body of an EXCEPTION message: string type_name ("ValueError", "mymod.MyError"),
    string message, string traceback, int32 partition_id, frame-or-NULL pickled exception."""
    type_name: str
    message: str
    traceback: str
    partition_id: int
    pickled: Optional[bytes] = None


def write_exception(out: BinaryIO, e: WorkerException) -> None:
    """Writes EXCEPTION and its body."""
    write_int(out, EXCEPTION)
    write_string(out, e.type_name)
    write_string(out, e.message)
    write_string(out, e.traceback)
    write_int(out, e.partition_id)
    write_frame_or_null(out, e.pickled)


def read_exception(inp: BinaryIO) -> WorkerException:
    """Reads the body that follows EXCEPTION."""
    return WorkerException(read_string(inp) or "", read_string(inp) or "",
                           read_string(inp) or "", read_int(inp), read_frame_or_null(inp))


@dataclass(frozen=True)
class Timing:
    """Body of a TIMING message: 5 int64 in this order."""
    start_ms: int
    command_loaded_ms: int
    end_ms: int
    memory_bytes_spilled: int = 0
    disk_bytes_spilled: int = 0


def write_timing(out: BinaryIO, t: Timing) -> None:
    """Writes TIMING and its body."""
    write_int(out, TIMING)
    for value in (t.start_ms, t.command_loaded_ms, t.end_ms,
                  t.memory_bytes_spilled, t.disk_bytes_spilled):
        write_long(out, value)


def read_timing(inp: BinaryIO) -> Timing:
    """Reads the body that follows TIMING."""
    return Timing(*(read_long(inp) for _ in range(5)))


def write_accumulators(out: BinaryIO, pickled_updates: bytes) -> None:
    """Writes ACCUMULATORS and the frame holding the pickled list of (id, update) pairs."""
    write_int(out, ACCUMULATORS)
    write_frame(out, pickled_updates)
