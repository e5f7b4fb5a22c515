"""Writes the protocol transcripts in this directory: executor <-> worker (``ember.wire``) and
the driver's data plane with its JVM (``ember.driver_wire``).

    python tests/protocol/make_transcripts.py

Each transcript is spelled field by field here, with a comment per field, deliberately not
through ember.wire's or ember.driver_wire's message writers: the Python and Java tests check their writers and
readers against this independent spelling, and tests/test_wire.py checks that the stored
.hex files are what this script writes.

File format (.hex): two hex digits per byte separated by whitespace; '#' starts a comment
that runs to the end of the line.
"""

import operator
import os
import pickle
import struct
import sys
from typing import Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python"))

from ember import wire  # noqa: E402
from ember.worker import identity_command  # noqa: E402

SECRET = "s3cr3t-token"
PYTHON = "3.11"
WORKER_PID = 4242
P = wire.PICKLE_PROTOCOL


class Transcript:
    """Bytes of one direction of an exchange, with a comment per field."""

    def __init__(self) -> None:
        self.chunks: List[Tuple[bytes, str]] = []

    def raw(self, data: bytes, comment: str) -> "Transcript":
        self.chunks.append((data, comment))
        return self

    def i32(self, value: int, comment: str) -> "Transcript":
        return self.raw(struct.pack(">i", value), comment)

    def i64(self, value: int, comment: str) -> "Transcript":
        return self.raw(struct.pack(">q", value), comment)

    def code(self, name: str) -> "Transcript":
        return self.i32(getattr(wire, name), name)

    def frame(self, data: bytes, comment: str) -> "Transcript":
        self.i32(len(data), "length %d: %s" % (len(data), comment))
        return self.raw(data, "")

    def string(self, text, comment: str) -> "Transcript":
        if text is None:
            return self.i32(wire.NULL, "NULL: %s" % comment)
        return self.frame(text.encode("utf-8"), "%s %r" % (comment, text))

    def data(self) -> bytes:
        return b"".join(d for d, _ in self.chunks)

    def render(self, title: str) -> str:
        lines = ["# " + line for line in title.strip().splitlines()]
        for data, comment in self.chunks:
            if not data:
                continue
            if len(comment) > 72:
                comment = comment[:69] + "..."
            rows = [data[i:i + 16] for i in range(0, len(data), 16)]
            for n, row in enumerate(rows):
                text = " ".join("%02x" % b for b in row)
                note = "  # " + comment if comment and n == 0 else ""
                lines.append((text.ljust(47) + note).rstrip())
        return "\n".join(lines) + "\n"


def handshake(secret: str, python: str) -> Transcript:
    return (Transcript()
            .i32(wire.MAGIC, "MAGIC 0x%08X" % wire.MAGIC)
            .i32(wire.PROTOCOL_VERSION, "PROTOCOL_VERSION")
            .string(secret, "secret")
            .string(python, "driver Python version"))


def task_header(t: Transcript, stage: int, partition: int, command: bytes,
                input_mode: str, output_mode: str) -> Transcript:
    return (t.code("START_TASK")
            .i32(stage, "stage id")
            .i32(partition, "partition id")
            .i32(0, "attempt number")
            .i64(17, "task attempt id")
            .i32(512, "memory limit MB")
            .string("", "spill dir")
            .string("", "files dir")
            .i32(0, "python includes: 0")
            .i32(0, "broadcast additions: 0")
            .i32(0, "broadcast removals: 0")
            .i32(0, "properties: 0")
            .i32(getattr(wire, input_mode), "input mode " + input_mode)
            .i32(getattr(wire, output_mode), "output mode " + output_mode)
            .frame(command, "command (pickled)"))


def task_end(t: Transcript) -> Transcript:
    return (t.code("END_OF_DATA")
            .code("ACCUMULATORS")
            .frame(pickle.dumps([], P), "pickled [] (no accumulator updates)")
            .code("TIMING")
            .i64(1700000000000, "start ms")
            .i64(1700000000002, "command loaded ms")
            .i64(1700000000005, "end ms")
            .i64(0, "memory bytes spilled")
            .i64(0, "disk bytes spilled")
            .code("END_OF_STREAM"))


IDENTITY = pickle.dumps(identity_command, P)
DIVIDE = pickle.dumps(operator.truediv, P)
DIVIDE_ERROR = "unsupported operand type(s) for /: 'int' and 'itertools.chain'"
SAMPLE_TRACEBACK = ("Traceback (most recent call last):\n"
                    "  File \"/usr/lib/python3/ember/worker.py\", line 90, in run_task\n"
                    "TypeError: " + DIVIDE_ERROR + "\n")

TRANSCRIPTS: Dict[str, Tuple[str, Transcript]] = {
    "handshake_accepted.to_worker": (
        "Handshake the worker accepts (secret %r, driver Python %s)." % (SECRET, PYTHON),
        handshake(SECRET, PYTHON)),
    "handshake_accepted.from_worker": (
        "Reply to handshake_accepted: OK and the worker's pid (%d here)." % WORKER_PID,
        Transcript().code("HANDSHAKE_OK").i32(WORKER_PID, "worker pid")),
    "handshake_refused.to_worker": (
        "Handshake with a wrong secret.",
        handshake("wrong-token", PYTHON)),
    "handshake_refused.from_worker": (
        "Reply to handshake_refused: REFUSED and the reason; then the worker closes.",
        Transcript().code("HANDSHAKE_REFUSED").string("bad secret", "message")),
    "handshake_version_mismatch.to_worker": (
        "Handshake from a driver on Python 3.10 to a worker on %s." % PYTHON,
        handshake(SECRET, "3.10")),
    "handshake_version_mismatch.from_worker": (
        "Reply to handshake_version_mismatch.",
        Transcript().code("HANDSHAKE_REFUSED").string(
            "Python version mismatch: worker %s, driver 3.10" % PYTHON, "message")),
    "map_task.to_worker": (
        "A task (after an accepted handshake): identity command over two input batches\n"
        "[1, 2, 3] and [4, 5].",
        task_header(Transcript(), 1, 3, IDENTITY, "MODE_PICKLED_BATCHES", "MODE_PICKLED_BATCHES")
        .frame(pickle.dumps([1, 2, 3], P), "batch [1, 2, 3]")
        .frame(pickle.dumps([4, 5], P), "batch [4, 5]")
        .code("END_OF_DATA")),
    "map_task.from_worker": (
        "Output of map_task, re-batched adaptively (1, 2, 4... records per batch);\n"
        "timing values are samples.",
        task_end(Transcript()
                 .frame(pickle.dumps([1], P), "batch [1]")
                 .frame(pickle.dumps([2, 3], P), "batch [2, 3]")
                 .frame(pickle.dumps([4, 5], P), "batch [4, 5]"))),
    "utf8_task.to_worker": (
        "UTF-8 string input (one string per frame, NULL for None) to pickled output.",
        task_header(Transcript(), 1, 0, IDENTITY, "MODE_UTF8_STRINGS", "MODE_PICKLED_BATCHES")
        .string("hello", "line")
        .string(None, "line")
        .string("w\u00f6rld", "line")
        .code("END_OF_DATA")),
    "utf8_task.from_worker": (
        "Output of utf8_task.",
        task_end(Transcript()
                 .frame(pickle.dumps(["hello"], P), "batch ['hello']")
                 .frame(pickle.dumps([None, "w\u00f6rld"], P), "batch [None, 'w\u00f6rld']"))),
    "utf8_batches_task.to_worker": (
        "UTF-8 batches (what the executor sends for text input): strings joined by \\n, many\n"
        "to a frame; NULL is one None; a string holding a newline comes alone after\n"
        "SINGLE_STRING. Records: 'hello', '', 'w\u00f6rld', None, 'two\\nlines', 'last'.",
        task_header(Transcript(), 1, 0, IDENTITY, "MODE_UTF8_BATCHES", "MODE_PICKLED_BATCHES")
        .frame("hello\n\nw\u00f6rld".encode("utf-8"), "batch 'hello', '', 'w\u00f6rld'")
        .code("NULL")
        .code("SINGLE_STRING")
        .string("two\nlines", "the string")
        .frame(b"last", "batch 'last'")
        .code("END_OF_DATA")),
    "utf8_batches_task.from_worker": (
        "Output of utf8_batches_task.",
        task_end(Transcript()
                 .frame(pickle.dumps(["hello"], P), "batch ['hello']")
                 .frame(pickle.dumps(["", "w\u00f6rld"], P), "batch ['', 'w\u00f6rld']")
                 .frame(pickle.dumps([None, "two\nlines", "last"], P),
                        "batch [None, 'two\\nlines', 'last']"))),
    "shuffle_map_task.to_worker": (
        "Shuffle map side: the command yields (partition id, batch) pairs (here the identity\n"
        "command over input that already holds such pairs).",
        task_header(Transcript(), 4, 1, IDENTITY, "MODE_PICKLED_BATCHES",
                    "MODE_PARTITIONED_BATCHES")
        .frame(pickle.dumps([(2, [("a", 1)]), (0, [("b", 2), ("c", 3)])], P),
               "batch [(2, [('a', 1)]), (0, [('b', 2), ('c', 3)])]")
        .code("END_OF_DATA")),
    "shuffle_map_task.from_worker": (
        "Output of shuffle_map_task: int32 partition id, then a frame with the pickled batch.",
        task_end(Transcript()
                 .i32(2, "partition 2")
                 .frame(pickle.dumps([("a", 1)], P), "batch [('a', 1)]")
                 .i32(0, "partition 0")
                 .frame(pickle.dumps([("b", 2), ("c", 3)], P), "batch [('b', 2), ('c', 3)]"))),
    "full_header.to_worker": (
        "A task header using every field (not replayed: it names files that do not exist):\n"
        "includes, a broadcast addition and a removal, a property, spill and files dirs, and\n"
        "no input.",
        Transcript().code("START_TASK")
        .i32(6, "stage id")
        .i32(2, "partition id")
        .i32(1, "attempt number")
        .i64(1234567890123, "task attempt id")
        .i32(64, "memory limit MB")
        .string("/tmp/ember/spill", "spill dir")
        .string("/tmp/ember/files", "files dir")
        .i32(2, "python includes: 2")
        .string("/tmp/ember/files/deps.zip", "include")
        .string("/tmp/ember/files/lib", "include")
        .i32(1, "broadcast additions: 1")
        .i64(7, "broadcast id")
        .string("/tmp/ember/broadcast_7", "broadcast path")
        .i32(1, "broadcast removals: 1")
        .i64(3, "broadcast id")
        .i32(1, "properties: 1")
        .string("spark.job.description", "key")
        .string("nightly \u00e9t\u00e9 run", "value")
        .i32(wire.MODE_UTF8_STRINGS, "input mode MODE_UTF8_STRINGS")
        .i32(wire.MODE_UTF8_STRINGS, "output mode MODE_UTF8_STRINGS")
        .frame(IDENTITY, "command (pickled)")
        .code("END_OF_DATA")),
    "task_exception.to_worker": (
        "A task whose function raises: the command is operator.truediv, so calling it with\n"
        "(partition, iterator) raises TypeError. Its input batch [1, 2] is drained unread.",
        task_header(Transcript(), 2, 5, DIVIDE, "MODE_PICKLED_BATCHES", "MODE_PICKLED_BATCHES")
        .frame(pickle.dumps([1, 2], P), "batch [1, 2]")
        .code("END_OF_DATA")),
    "task_exception.from_worker": (
        "Reply to task_exception: EXCEPTION (type, message, traceback, partition, pickled\n"
        "exception), then END_OF_STREAM; the worker then takes the next task. The traceback\n"
        "text is a sample (a real one names real files and lines).",
        Transcript().code("EXCEPTION")
        .string("TypeError", "type")
        .string(DIVIDE_ERROR, "message")
        .string(SAMPLE_TRACEBACK, "traceback")
        .i32(5, "partition id")
        .frame(pickle.dumps(TypeError(DIVIDE_ERROR), P), "pickled exception")
        .code("END_OF_STREAM")),
}

# -- the driver's data plane (ember.driver_wire / DriverDataProtocol) ---------------------

JOB_ABORTED = "Job aborted: task 2 of stage 1 failed"
JAVA_TRACE = ("io.ember.core.JobFailedException: " + JOB_ABORTED + "\n"
              "\tat io.ember.scheduler.DAGScheduler.failJob(DAGScheduler.java:300)\n"
              "Caused by: io.ember.python.PythonException: TypeError: " + DIVIDE_ERROR + "\n")
CANCELLED = "Job 4 cancelled: cancelJobGroup"
DIVIDE_BY_ZERO = ("Task for partition 0 in stage 2 failed 1 time; last failure: "
                  "io.ember.sql.expressions.ExpressionEvalException: [DIVIDE_BY_ZERO] Division by zero.")
DIVIDE_BY_ZERO_TRACE = ("io.ember.core.TaskFailedException: " + DIVIDE_BY_ZERO + "\n"
                        "\tat io.ember.scheduler.JobWaiter.await(JobWaiter.java:69)\n")
CANCELLED_TRACE = ("io.ember.core.JobCancelledException: " + CANCELLED + "\n"
                   "\tat io.ember.scheduler.DAGScheduler.failJob(DAGScheduler.java:300)\n")

TRANSCRIPTS.update({
    "result_stream.to_engine": (
        "A result stream's first bytes, driver to JVM: the job's secret (a string).",
        Transcript().string(SECRET, "secret")),
    "result_stream.from_engine": (
        "A successful job's results, JVM to driver: one frame per pickled batch, in partition\n"
        "order, then END_OF_DATA.",
        Transcript()
        .frame(pickle.dumps([1, 2, 3], P), "batch [1, 2, 3]")
        .frame(pickle.dumps([4, 5], P), "batch [4, 5]")
        .code("END_OF_DATA")),
    "result_error.from_engine": (
        "A job that fails in Python code after one batch arrived: EXCEPTION, the worker's\n"
        "type, message, traceback and pickled exception, then the JVM side (class, message,\n"
        "stack trace). Traceback and stack trace are samples.",
        Transcript()
        .frame(pickle.dumps([1], P), "batch [1]")
        .code("EXCEPTION")
        .string("TypeError", "type")
        .string(DIVIDE_ERROR, "message")
        .string(SAMPLE_TRACEBACK, "traceback")
        .frame(pickle.dumps(TypeError(DIVIDE_ERROR), P), "pickled exception")
        .string("io.ember.core.JobFailedException", "Java class")
        .string(JOB_ABORTED, "Java message")
        .string(JAVA_TRACE, "Java stack trace")
        .code("NULL").code("NULL").code("NULL").i32(0, "no error condition")),
    "result_cancelled.from_engine": (
        "A job that fails outside Python code (cancelled): the type is the Java class's simple\n"
        "name, the traceback is empty and no exception is pickled.",
        Transcript()
        .code("EXCEPTION")
        .string("JobCancelledException", "type")
        .string(CANCELLED, "message")
        .string("", "traceback: none")
        .code("NULL")
        .string("io.ember.core.JobCancelledException", "Java class")
        .string(CANCELLED, "Java message")
        .string(CANCELLED_TRACE, "Java stack trace")
        .code("NULL").code("NULL").code("NULL").i32(0, "no error condition")),
    "result_condition.from_engine": (
        "A job that fails with Spark's error condition (ANSI division by zero): no Python side;\n"
        "the JVM side, then the error class, SQLSTATE, the Python class's name and the message\n"
        "parameters.",
        Transcript()
        .code("EXCEPTION")
        .string("TaskFailedException", "type")
        .string(DIVIDE_BY_ZERO, "message")
        .string("", "traceback: none")
        .code("NULL")
        .string("io.ember.core.TaskFailedException", "Java class")
        .string(DIVIDE_BY_ZERO, "Java message")
        .string(DIVIDE_BY_ZERO_TRACE, "Java stack trace")
        .string("DIVIDE_BY_ZERO", "error class")
        .string("22012", "SQLSTATE")
        .string("ArithmeticException", "error kind")
        .i32(1, "one message parameter")
        .string("config", "key")
        .string('"spark.sql.ansi.enabled"', "value")),
    "parallelize.file": (
        "A parallelize file for 3 slices holding ['a', 'b', 'c'], [] and ['d\u00e9'], at most\n"
        "two records per batch: int32 slice index, then a frame holding one pickled batch,\n"
        "to the end of the file (an empty slice has no entry).",
        Transcript()
        .i32(0, "slice 0")
        .frame(pickle.dumps(["a", "b"], P), "batch ['a', 'b']")
        .i32(0, "slice 0")
        .frame(pickle.dumps(["c"], P), "batch ['c']")
        .i32(2, "slice 2")
        .frame(pickle.dumps(["d\u00e9"], P), "batch ['d\u00e9']")),
})


def parse_hex(text: str) -> bytes:
    """Bytes of a .hex transcript."""
    tokens = []
    for line in text.splitlines():
        tokens.extend(line.split("#", 1)[0].split())
    return bytes(int(t, 16) for t in tokens)


def render_all() -> Dict[str, str]:
    return {name + ".hex": t.render(title) for name, (title, t) in TRANSCRIPTS.items()}


def main() -> None:
    for filename, text in render_all().items():
        with open(os.path.join(HERE, filename), "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", filename)


if __name__ == "__main__":
    main()
