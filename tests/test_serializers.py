"""Batched pickle, string and partitioned streams, and a task's input section."""

import io
import pickle

import pytest

from ember import wire
from ember.serializers import (AutoBatchedSerializer, BatchedSerializer,
                               PartitionedBatchSerializer, PickleSerializer, TaskInput,
                               UTF8BatchSerializer, UTF8Deserializer, UTF8Serializer)
from protocol import make_transcripts as mt


def frame_sizes(data: bytes):
    """Payload sizes of the frames in ``data`` (no control codes expected)."""
    stream, sizes = io.BytesIO(data), []
    while True:
        n = wire.read_int_or_eof(stream)
        if n is None:
            return sizes
        assert n >= 0
        stream.seek(n, io.SEEK_CUR)
        sizes.append(n)


def dumped(serializer, records) -> bytes:
    buf = io.BytesIO()
    serializer.dump_stream(records, buf)
    return buf.getvalue()


def ended(data: bytes) -> io.BytesIO:
    return io.BytesIO(data + wire.INT32.pack(wire.END_OF_DATA))


def test_batched_round_trip_and_frame_count():
    records = [("k%d" % i, i, None, 1.5) for i in range(2500)]
    data = dumped(BatchedSerializer(1000), records)
    assert len(frame_sizes(data)) == 3
    assert list(BatchedSerializer().load_stream(ended(data))) == records
    assert [len(b) for b in BatchedSerializer().load_batches(ended(data))] == [1000, 1000, 500]


def test_each_frame_is_one_pickled_list():
    data = dumped(AutoBatchedSerializer(), range(3))
    stream = io.BytesIO(data)
    assert pickle.loads(wire.read_frame(stream)) == [0]
    assert pickle.loads(wire.read_frame(stream)) == [1, 2]
    assert data[4:6] == b"\x80\x05"  # pickle protocol 5


def test_auto_batches_grow_until_min_bytes():
    records = ["%05d" % i + "x" * 95 for i in range(20000)]  # distinct: pickle memoizes
    data = dumped(AutoBatchedSerializer(min_bytes=64 * 1024, max_bytes=1 << 20), records)
    sizes = frame_sizes(data)
    # 1, 2, 4, ... records (about ten small frames), then every frame >= 64KB but the last
    growing = [s for s in sizes[:-1] if s < 64 * 1024]
    assert 5 <= len(growing) <= 11
    assert sizes[:len(growing)] == growing
    assert len(sizes) < 35
    assert list(AutoBatchedSerializer().load_stream(ended(data))) == records


def test_auto_batches_shrink_when_records_get_big():
    small = [i.to_bytes(4, "big") for i in range(5000)]  # the count grows on small records
    big = [i.to_bytes(4, "big") * 1250 for i in range(2000)]  # ...then halves under max
    data = dumped(AutoBatchedSerializer(min_bytes=1000, max_bytes=200000), small + big)
    sizes = frame_sizes(data)
    assert max(sizes) > 200000       # the first batch with big records overshoots
    assert all(s <= 200000 for s in sizes[-5:])
    assert list(AutoBatchedSerializer().load_stream(ended(data))) == small + big


def test_huge_records_travel_one_per_frame():
    records = [bytes([i]) * (2 << 20) for i in range(3)]
    sizes = frame_sizes(dumped(AutoBatchedSerializer(), records))
    assert len(sizes) == 3


def test_unexpected_control_code_in_pickled_stream():
    data = wire.INT32.pack(wire.NULL)
    with pytest.raises(wire.ProtocolError, match="NULL"):
        list(BatchedSerializer().load_stream(io.BytesIO(data)))
    with pytest.raises(wire.ConnectionLost):
        list(BatchedSerializer().load_stream(io.BytesIO(b"")))


def test_utf8_round_trip_with_null():
    lines = ["hello", None, "", "w\u00f6rld \U0001F600"]
    data = dumped(UTF8Serializer(), lines)
    assert data[9:13] == wire.INT32.pack(wire.NULL)
    assert list(UTF8Deserializer().load_stream(ended(data))) == lines
    assert list(UTF8Deserializer().load_stream(ended(dumped(UTF8Serializer(), [b"raw"])))) == \
        ["raw"]
    with pytest.raises(TypeError, match="int"):
        dumped(UTF8Serializer(), [1])


def test_utf8_batches_round_trip_newlines_nulls_and_empty_strings():
    lines = ["hello", "", "w\u00f6rld \U0001F600", None, "two\nlines", "", "\n", "last", ""]
    data = dumped(UTF8BatchSerializer(), lines)
    assert list(UTF8BatchSerializer().load_stream(ended(data))) == lines
    assert list(TaskInput(ended(data), wire.MODE_UTF8_BATCHES)) == lines
    assert list(UTF8BatchSerializer().load_stream(ended(dumped(UTF8BatchSerializer(), [""])))) \
        == [""]


def test_utf8_batches_fill_frames_up_to_the_batch_size():
    lines = ["line %d" % i for i in range(10000)]
    data = dumped(UTF8BatchSerializer(batch_bytes=4096), lines)
    sizes = frame_sizes(data)
    assert len(sizes) > 10 and all(4096 <= n < 4096 + 16 for n in sizes[:-1])
    assert list(UTF8BatchSerializer().load_stream(ended(data))) == lines


def test_utf8_batches_writer_reproduces_the_transcript():
    records = ["hello", "", "w\u00f6rld", None, "two\nlines"]
    to_worker = mt.TRANSCRIPTS["utf8_batches_task.to_worker"][1].data()
    body = dumped(UTF8BatchSerializer(), records) + dumped(UTF8BatchSerializer(), ["last"])
    assert to_worker.endswith(body + wire.INT32.pack(wire.END_OF_DATA))


def test_task_input_drains_utf8_batches():
    data = dumped(UTF8BatchSerializer(batch_bytes=8), ["a" * 10, "two\nlines", None, "b" * 10])
    stream = io.BytesIO(data + wire.INT32.pack(wire.END_OF_DATA) + b"NEXT")
    task_input = TaskInput(stream, wire.MODE_UTF8_BATCHES)
    assert next(iter(task_input)) == "a" * 10
    task_input.drain()
    assert stream.read() == b"NEXT"


def test_partitioned_batches_of_big_records_are_split_into_bounded_frames():
    groups = [("k%d" % i, ["%d %s" % (j, "x" * 100) for j in range(50)])
              for i in range(300)]   # ~5 KB pickled each
    data = dumped(PartitionedBatchSerializer(max_bytes=64 * 1024), [(1, groups), (0, groups[:3])])
    frames = list(PartitionedBatchSerializer().load_stream(ended(data)))
    assert [pid for pid, _ in frames].count(1) > 10
    assert all(len(pickle.dumps(batch, wire.PICKLE_PROTOCOL)) < 80 * 1024 for _, batch in frames)
    assert [kv for pid, b in frames if pid == 1 for kv in b] == groups
    assert [kv for pid, b in frames if pid == 0 for kv in b] == groups[:3]


def test_partitioned_round_trip_and_validation():
    items = [(3, [("a", 1)]), (0, [("b", 2), ("c", 3)])]
    data = dumped(PartitionedBatchSerializer(), items)
    assert data[:4] == wire.INT32.pack(3)
    assert list(PartitionedBatchSerializer().load_stream(ended(data))) == items
    class NumpyLikeInt:
        def __index__(self):
            return 2

    assert dumped(PartitionedBatchSerializer(), [(NumpyLikeInt(), [])])[:4] == wire.INT32.pack(2)
    for bad in (-1, "1", 1.0, True):
        with pytest.raises(ValueError):
            dumped(PartitionedBatchSerializer(), [(bad, [])])


def test_pickle_serializer():
    s = PickleSerializer()
    assert s.loads(s.dumps({"a": [1, 2]})) == {"a": [1, 2]}


def _task_stream(batches, after: bytes) -> io.BytesIO:
    buf = io.BytesIO()
    BatchedSerializer(2).dump_stream([x for b in batches for x in b], buf)
    wire.write_int(buf, wire.END_OF_DATA)
    buf.write(after)
    buf.seek(0)
    return buf


def test_task_input_drain_after_partial_read():
    stream = _task_stream([[1, 2], [3, 4], [5]], b"NEXT")
    task_input = TaskInput(stream, wire.MODE_PICKLED_BATCHES)
    it = iter(task_input)
    assert [next(it), next(it), next(it)] == [1, 2, 3]
    assert not task_input.finished
    task_input.drain()
    assert task_input.finished
    assert stream.read() == b"NEXT"


def test_task_input_fully_read_needs_no_drain():
    stream = _task_stream([[1]], b"NEXT")
    task_input = TaskInput(stream, wire.MODE_PICKLED_BATCHES)
    assert list(task_input) == [1]
    task_input.drain()
    assert stream.read() == b"NEXT"


def test_task_input_strings_and_broken_stream():
    buf = io.BytesIO()
    UTF8Serializer().dump_stream(["a", None], buf)
    wire.write_int(buf, wire.END_OF_DATA)
    assert list(TaskInput(io.BytesIO(buf.getvalue()), wire.MODE_UTF8_STRINGS)) == ["a", None]

    broken = TaskInput(io.BytesIO(wire.INT32.pack(wire.EXCEPTION)), wire.MODE_PICKLED_BATCHES)
    with pytest.raises(wire.ProtocolError):
        list(broken)
    assert broken.broken
    with pytest.raises(wire.ProtocolError):
        broken.drain()
