"""Record streams over wire frames.

Data records travel as *batches*: one frame holds one pickled ``list`` of records (pickle
protocol ``wire.PICKLE_PROTOCOL``), so the per-record cost is a list append, not a syscall
or a frame. cloudpickle is only for functions (the task command); data uses plain pickle.

>>> import io
>>> buf = io.BytesIO()
>>> AutoBatchedSerializer().dump_stream(range(5), buf)  # batches [0], [1, 2], [3, 4]
3
>>> wire.write_int(buf, wire.END_OF_DATA)
>>> list(AutoBatchedSerializer().load_stream(io.BytesIO(buf.getvalue())))
[0, 1, 2, 3, 4]
"""

import pickle
from itertools import chain, islice
from typing import Any, BinaryIO, Iterable, Iterator, List, Optional, Tuple

from ember import wire


def dumps_records(obj: Any, protocol: int = wire.PICKLE_PROTOCOL) -> bytes:
    """Pickles records with the fast C pickler, falling back to cloudpickle for what plain
    pickle cannot reach by name (instances of classes defined inside functions, such as a
    local namedtuple), as PySpark, which pickles data with cloudpickle, accepts them. Either
    output loads with plain ``pickle.loads`` where cloudpickle is installed."""
    try:
        return pickle.dumps(obj, protocol)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        import cloudpickle
        try:
            return cloudpickle.dumps(obj, protocol)
        except Exception:
            raise e from None

_INT32 = wire.INT32
_TWO_INT32 = wire.TWO_INT32


class PickleSerializer:
    """Pickles single objects (broadcast values, accumulator updates) with the data protocol."""

    def dumps(self, obj: Any) -> bytes:
        return dumps_records(obj, wire.PICKLE_PROTOCOL)

    def loads(self, data: bytes) -> Any:
        return pickle.loads(data)


def _read_batches(inp: BinaryIO) -> Iterator[bytes]:
    """Yields the payload of each frame up to END_OF_DATA (the only control code allowed)."""
    read = inp.read
    unpack = _INT32.unpack
    while True:
        head = read(4)
        if len(head) != 4:
            head = wire.complete_read(inp, head, 4)
        n = unpack(head)[0]
        if n < 0:
            if n == wire.END_OF_DATA:
                return
            raise wire.ProtocolError("unexpected %s in a pickled stream" % wire.control_name(n))
        data = read(n)
        if len(data) != n:
            data = wire.complete_read(inp, data, n)
        yield data


class BatchedSerializer:
    """Writes records as pickled lists of ``batch_size`` records each."""

    def __init__(self, batch_size: int = 1024):
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        self.batch_size = batch_size

    def dump_stream(self, iterator: Iterable[Any], out: BinaryIO) -> int:
        """Writes the records as frames (no END_OF_DATA); returns the number of frames."""
        it = iter(iterator)
        write, pack, dumps, protocol = out.write, _INT32.pack, dumps_records, wire.PICKLE_PROTOCOL
        frames = 0
        while True:
            batch = list(islice(it, self.batch_size))
            if not batch:
                return frames
            data = dumps(batch, protocol)
            write(pack(len(data)))
            write(data)
            frames += 1

    def load_batches(self, inp: BinaryIO) -> Iterator[List[Any]]:
        """Yields each batch (list) up to END_OF_DATA."""
        loads = pickle.loads
        for data in _read_batches(inp):
            yield loads(data)

    def load_stream(self, inp: BinaryIO) -> Iterator[Any]:
        """Yields each record up to END_OF_DATA."""
        loads = pickle.loads
        for data in _read_batches(inp):
            yield from loads(data)


class AutoBatchedSerializer(BatchedSerializer):
    """Batches adaptively: the record count per batch starts at 1 and doubles while a pickled
    batch is under ``min_bytes``, and halves when one is over ``max_bytes``, so small records
    travel in large batches and huge records do not make huge frames."""

    def __init__(self, min_bytes: int = 64 * 1024, max_bytes: int = 1024 * 1024):
        super().__init__(1)
        if not 0 < min_bytes <= max_bytes:
            raise ValueError("need 0 < min_bytes <= max_bytes")
        self.min_bytes = min_bytes
        self.max_bytes = max_bytes

    def dump_stream(self, iterator: Iterable[Any], out: BinaryIO) -> int:
        it = iter(iterator)
        write, pack, dumps, protocol = out.write, _INT32.pack, dumps_records, wire.PICKLE_PROTOCOL
        lo, hi = self.min_bytes, self.max_bytes
        count = 1
        frames = 0
        while True:
            batch = list(islice(it, count))
            if not batch:
                return frames
            data = dumps(batch, protocol)
            size = len(data)
            write(pack(size))
            write(data)
            frames += 1
            if size < lo:
                count *= 2
            elif size > hi and count > 1:
                count //= 2


def _partition_index(pid: Any) -> int:
    if isinstance(pid, (bool, float)) or not hasattr(pid, "__index__"):
        raise ValueError("partition id must be a non-negative int, got %r" % (pid,))
    return pid.__index__()  # e.g. a numpy integer from a user's partition function


class PartitionedBatchSerializer:
    """Shuffle map output: items are (partition id, list of records); each is written as an
    int32 partition id followed by a frame holding the pickled list.

    A list whose pickle would pass ``max_bytes`` (e.g. map-side groups) is written as several
    frames of consecutive records, so no pickle much bigger than that exists at once. The
    records per frame are learned from the frames written so far: the first frame holds one
    record, and each may hold at most four times as many as the one before.
    """

    def __init__(self, max_bytes: int = 1 << 20):
        self.max_bytes = max_bytes

    def dump_stream(self, iterator: Iterable[Tuple[int, List[Any]]], out: BinaryIO) -> int:
        write, pack, dumps = out.write, _TWO_INT32.pack, dumps_records
        protocol = wire.PICKLE_PROTOCOL
        max_bytes = self.max_bytes
        per_frame = 0   # records per frame; 0: not learned yet
        frames = 0
        for pid, batch in iterator:
            if pid.__class__ is not int:
                pid = _partition_index(pid)
            if pid < 0:
                raise ValueError("partition id must be a non-negative int, got %r" % (pid,))
            n = len(batch)
            if n <= per_frame:
                data = dumps(batch, protocol)
                write(pack(pid, len(data)))
                write(data)
                frames += 1
                if n:
                    per_frame = max(1, min(max_bytes * n // len(data), 4 * per_frame))
            else:
                start = 0
                while start < n:
                    part = batch[start:start + max(per_frame, 1)]
                    data = dumps(part, protocol)
                    write(pack(pid, len(data)))
                    write(data)
                    frames += 1
                    start += len(part)
                    per_frame = max(1, min(max_bytes * len(part) // len(data), 4 * len(part)))
                part = None
            # Drop the references before the iterator runs again: a map side that frees its
            # memory (e.g. after a flush) must not find its last batch still held here.
            batch = data = None
        return frames

    def load_stream(self, inp: BinaryIO) -> Iterator[Tuple[int, List[Any]]]:
        """Yields (partition id, batch) pairs up to END_OF_DATA."""
        while True:
            pid = wire.read_int(inp)
            if pid < 0:
                if pid == wire.END_OF_DATA:
                    return
                raise wire.ProtocolError("unexpected %s in a partitioned stream"
                                         % wire.control_name(pid))
            yield pid, pickle.loads(wire.read_frame(inp))


class UTF8Serializer:
    """One string per frame; None is NULL. bytes are sent as they are (assumed UTF-8)."""

    def dump_stream(self, iterator: Iterable[Optional[str]], out: BinaryIO) -> int:
        write, pack = out.write, _INT32.pack
        null = pack(wire.NULL)
        frames = 0
        for s in iterator:
            if s is None:
                write(null)
            else:
                if s.__class__ is not bytes:
                    if not isinstance(s, str):
                        raise TypeError("UTF-8 output needs str, bytes or None, got %s"
                                        % type(s).__name__)
                    s = s.encode("utf-8")
                write(pack(len(s)))
                write(s)
            frames += 1
        return frames

    def load_stream(self, inp: BinaryIO) -> Iterator[Optional[str]]:
        return UTF8Deserializer().load_stream(inp)


class UTF8Deserializer:
    """Reads one string per frame up to END_OF_DATA; NULL gives None."""

    def load_stream(self, inp: BinaryIO) -> Iterator[Optional[str]]:
        read, unpack = inp.read, _INT32.unpack
        while True:
            head = read(4)
            if len(head) != 4:
                head = wire.complete_read(inp, head, 4)
            n = unpack(head)[0]
            if n >= 0:
                data = read(n)
                if len(data) != n:
                    data = wire.complete_read(inp, data, n)
                yield data.decode("utf-8")
            elif n == wire.NULL:
                yield None
            elif n == wire.END_OF_DATA:
                return
            else:
                raise wire.ProtocolError("unexpected %s in a string stream" % wire.control_name(n))


class UTF8BatchSerializer:
    """MODE_UTF8_BATCHES: many strings per frame, joined by "\n" (decoding and splitting a
    frame is two C calls, where one frame per string costs several calls per string). None
    is NULL; a string holding "\n" is sent alone after SINGLE_STRING. The executor writes
    this mode for text input; the Python writer here serves tests and tools."""

    def __init__(self, batch_bytes: int = 64 * 1024):
        self.batch_bytes = batch_bytes

    def dump_stream(self, iterator: Iterable[Optional[str]], out: BinaryIO) -> int:
        write, pack = out.write, _INT32.pack
        batch: List[bytes] = []
        size = 0
        frames = 0

        def flush() -> None:
            nonlocal size, frames
            data = b"\n".join(batch)
            write(pack(len(data)))
            write(data)
            batch.clear()
            size = 0
            frames += 1

        for s in iterator:
            if s is None or "\n" in s:
                if batch:
                    flush()
                if s is None:
                    write(pack(wire.NULL))
                else:
                    write(pack(wire.SINGLE_STRING))
                    wire.write_string(out, s)
                frames += 1
                continue
            b = s.encode("utf-8")
            batch.append(b)
            size += len(b) + 1
            if size >= self.batch_bytes:
                flush()
        if batch:
            flush()
        return frames

    def load_batches(self, inp: BinaryIO) -> Iterator[List[Optional[str]]]:
        """Yields the strings of each frame (a list) up to END_OF_DATA."""
        read, unpack = inp.read, _INT32.unpack
        while True:
            head = read(4)
            if len(head) != 4:
                head = wire.complete_read(inp, head, 4)
            n = unpack(head)[0]
            if n >= 0:
                data = read(n)
                if len(data) != n:
                    data = wire.complete_read(inp, data, n)
                yield data.decode("utf-8").split("\n")
            elif n == wire.NULL:
                yield [None]
            elif n == wire.SINGLE_STRING:
                yield [wire.read_frame(inp).decode("utf-8")]
            elif n == wire.END_OF_DATA:
                return
            else:
                raise wire.ProtocolError("unexpected %s in a string batch stream"
                                         % wire.control_name(n))

    def load_stream(self, inp: BinaryIO) -> Iterator[Optional[str]]:
        return chain.from_iterable(self.load_batches(inp))


class TaskInput:
    """One task's input section, read lazily in the given mode.

    Remembers whether END_OF_DATA was reached, so that after the task (finished early or
    failed) ``drain()`` can skip the unread rest and leave the socket at a message boundary.
    ``broken`` is set when the stream itself failed; the connection is then unusable.
    """

    def __init__(self, inp: BinaryIO, mode: int):
        self._inp = inp
        self._mode = mode
        self.finished = False
        self.broken = False

    def __iter__(self) -> Iterator[Any]:
        # Records come out of each batch's list in C (chain), not through a generator.
        return chain.from_iterable(self._batches())

    def _batches(self) -> Iterator[List[Any]]:
        if self._mode == wire.MODE_UTF8_BATCHES:
            source = UTF8BatchSerializer().load_batches(self._inp)
        elif self._mode == wire.MODE_UTF8_STRINGS:
            source = ([s] for s in UTF8Deserializer().load_stream(self._inp))
        else:
            source = BatchedSerializer().load_batches(self._inp)
        try:
            yield from source
        except wire.ProtocolError:
            self.broken = True
            raise
        self.finished = True

    def drain(self) -> None:
        """Discards frames up to END_OF_DATA, unless already there."""
        if self.finished:
            return
        if self.broken:
            raise wire.ProtocolError("input stream is broken; cannot resynchronise")
        inp = self._inp
        while True:
            n = wire.read_int(inp)
            if n >= 0:
                wire.read_exact(inp, n)
            elif n == wire.END_OF_DATA:
                self.finished = True
                return
            elif n != wire.NULL and n != wire.SINGLE_STRING:   # (its frame is skipped next)
                self.broken = True
                raise wire.ProtocolError("unexpected %s in task input" % wire.control_name(n))
