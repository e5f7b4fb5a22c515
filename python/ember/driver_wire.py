"""The driver's data plane with its own JVM, declared once for Python.

Two exchanges carry data (not control) between the Python driver and the engine; Py4J only
hands over their ports and paths. The Java twin is ``io.ember.python.DriverDataProtocol``:
same constant and function names, same layouts. Both build on the encoding of ``ember.wire``
(big-endian int32, frames, strings, NULL) and reuse its control codes. Byte transcripts live
in ``tests/protocol/`` (``result_*.hex``, ``parallelize.file.hex``) and both languages test
against them.

Result stream (one job's results, on a one-shot loopback socket; D = driver, J = JVM)::

    D: secret (string, at most MAX_SECRET_BYTES)   -- J closes the socket on a wrong secret
    J: batch frames..., END_OF_DATA                 -- each frame one pickled list of records,
                                                       in partition order
       -- or, when the job fails (possibly after some batches): EXCEPTION, ResultError body

Parallelize file (D writes it, J reads it once and deletes it)::

    (int32 slice index, frame holding one pickled list of records)*  until end of file

Batches of a slice appear in order; slices may be empty. Nothing else is in the file.
"""

from dataclasses import dataclass
from typing import BinaryIO, List, Optional, Tuple

from ember.wire import (END_OF_DATA, EXCEPTION, ProtocolError, read_exact,
                        read_frame, read_frame_or_null, read_int, read_int_or_eof, read_string,
                        write_frame, write_frame_or_null, write_int, write_string)

__all__ = ["MAX_SECRET_BYTES", "ResultError", "write_result_secret", "read_result_secret",
           "write_result_batch", "write_result_end", "write_result_error", "read_result_error",
           "write_parallelize_batch", "read_parallelize_file"]

MAX_SECRET_BYTES = 4096
"""Longest secret the result server reads before the client is authenticated."""


# -- result stream -------------------------------------------------------------------------

def write_result_secret(out: BinaryIO, secret: str) -> None:
    """D->J, first on a result connection."""
    write_string(out, secret)


def read_result_secret(inp: BinaryIO) -> Optional[bytes]:
    """The secret's UTF-8 bytes, or None when the client sent NULL, a control code or more
    than MAX_SECRET_BYTES (nothing past the length is read then)."""
    n = read_int_or_eof(inp)
    if n is None or n < 0 or n > MAX_SECRET_BYTES:
        return None
    return read_exact(inp, n)


def write_result_batch(out: BinaryIO, pickled_batch: bytes) -> None:
    """J->D: one frame holding a pickled list of records."""
    write_frame(out, pickled_batch)


def write_result_end(out: BinaryIO) -> None:
    """J->D: the job succeeded and every batch has been sent."""
    write_int(out, END_OF_DATA)


@dataclass(frozen=True)
class ResultError:
    """Body of the result stream's EXCEPTION message, in this order.

    The Python side of the failure, as the worker reported it (``WorkerException`` without
    the partition): string type_name, string message, string traceback ("" when the failure
    did not come from Python code, e.g. a cancelled job; type_name is then the Java class's
    simple name), frame-or-NULL pickled exception. Then the JVM side: string java_class
    (fully qualified), string java_message, string java_stack_trace (printed, with causes).
    Then Spark's error condition of the failure when its cause chain carries one, else NULL for
    each: string error_class, string sql_state (NULL when the class has none), string
    error_kind (the ``ember.errors`` class's name), int32 count of message parameters (0
    without a condition), then count x (string key, string value).
    """
    type_name: Optional[str]
    message: str
    traceback: str
    pickled: Optional[bytes]
    java_class: str
    java_message: str
    java_stack_trace: str
    error_class: Optional[str] = None
    sql_state: Optional[str] = None
    error_kind: Optional[str] = None
    message_parameters: Tuple[Tuple[str, str], ...] = ()


def write_result_error(out: BinaryIO, e: ResultError) -> None:
    """J->D: writes EXCEPTION and its body; the stream ends there."""
    write_int(out, EXCEPTION)
    write_string(out, e.type_name)
    write_string(out, e.message)
    write_string(out, e.traceback)
    write_frame_or_null(out, e.pickled)
    write_string(out, e.java_class)
    write_string(out, e.java_message)
    write_string(out, e.java_stack_trace)
    write_string(out, e.error_class)
    write_string(out, e.sql_state)
    write_string(out, e.error_kind)
    write_int(out, len(e.message_parameters))
    for key, value in e.message_parameters:
        write_string(out, key)
        write_string(out, value)


def read_result_error(inp: BinaryIO) -> ResultError:
    """Reads the body that follows EXCEPTION (None strings other than the type become "")."""
    type_name = read_string(inp)
    message = read_string(inp) or ""
    tb = read_string(inp) or ""
    pickled = read_frame_or_null(inp)
    java = (read_string(inp) or "", read_string(inp) or "", read_string(inp) or "")
    error_class, sql_state, error_kind = read_string(inp), read_string(inp), read_string(inp)
    n = read_int(inp)
    if n < 0:
        raise ProtocolError("negative message parameter count %d" % n)
    params = tuple((read_string(inp) or "", read_string(inp) or "") for _ in range(n))
    return ResultError(type_name, message, tb, pickled, *java, error_class, sql_state,
                       error_kind, params)


# -- parallelize file ----------------------------------------------------------------------

def write_parallelize_batch(out: BinaryIO, slice_index: int, pickled_batch: bytes) -> None:
    """Appends one batch of slice ``slice_index`` to a parallelize file."""
    write_int(out, slice_index)
    write_frame(out, pickled_batch)


def read_parallelize_file(inp: BinaryIO, num_slices: int) -> List[List[bytes]]:
    """The batches of each of ``num_slices`` slices, read to the end of the file."""
    slices: List[List[bytes]] = [[] for _ in range(num_slices)]
    while True:
        index = read_int_or_eof(inp)
        if index is None:
            return slices
        if not 0 <= index < num_slices:
            raise ProtocolError("slice index %d out of range 0..%d" % (index, num_slices - 1))
        slices[index].append(read_frame(inp))
