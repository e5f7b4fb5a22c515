"""Portable hash, map-side partitioning and combining, reduce-side merging with spills."""

import collections
import json
import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest

from conftest import subprocess_env
from ember import shuffle
from ember.hashing import partition_of, portable_hash
from ember.shuffle import (GROUP_AGGREGATOR, Aggregator, ExternalMerger, combine_and_partition,
                           group_by_key, merge_combiners, merge_values, partition_pairs)

SUM = Aggregator(lambda v: v, lambda c, v: c + v, lambda a, b: a + b)


class GrowingMeter:
    """A memory meter whose every reading is 10 MB above the last: always over the threshold,
    so every check spills (the real meter only does that when memory really grows)."""

    def __init__(self):
        self.reading = 1 << 30

    def __call__(self):
        self.reading += 10 << 20
        return self.reading


def always_full():
    return GrowingMeter()


# -- portable hash -------------------------------------------------------------------------

GOLDEN = {  # freezes the definition (on 64-bit CPython): a change moves keys between partitions
    None: 7640891576956012808,
    0: 11744413625523416658,
    1: 13853696998641046955,
    -1: 10129846898394114599,
    2 ** 64: 2359936479437031813,
    "abc": 8760129989931643341,
    b"abc": 5449069144837767757,
    (1, "a"): 5030970496226968434,
    (None, 2.5): 2038660292817731776,
    frozenset(["x", 1]): 15431221555105159704,
}


def test_hash_golden_values():
    assert {k: portable_hash(k) for k in GOLDEN} == GOLDEN


def test_hash_is_the_same_in_processes_with_different_hash_seeds():
    keys = ["spark", "\u00e9t\u00e9", b"raw", ("a", (1, 2.5)), frozenset(["x", "y", "z"]),
            None, -7, 2 ** 70, 3.25]
    code = ("import json, pickle, sys; from ember.hashing import portable_hash; "
            "keys = pickle.loads(bytes.fromhex(sys.argv[1])); "
            "print(json.dumps([portable_hash(k) for k in keys] + [hash('spark')]))")
    import pickle
    arg = pickle.dumps(keys).hex()
    runs = [json.loads(subprocess.check_output(
        [sys.executable, "-c", code, arg], env=subprocess_env(PYTHONHASHSEED=seed)))
        for seed in ("1", "2")]
    assert runs[0][-1] != runs[1][-1]  # the built-in hash really differs between the two
    assert runs[0][:-1] == runs[1][:-1] == [portable_hash(k) for k in keys]


def test_equal_keys_hash_alike():
    Point = collections.namedtuple("Point", "x y")

    class Name(str):
        pass

    same = [(1, 1.0, True, Fraction(1), Decimal(1), 1 + 0j),
            (0, -0.0, False, 0j),
            (1.5, Fraction(3, 2), Decimal("1.5")),
            (2 ** 80, float(2 ** 80)),
            ((1, "a"), (1.0, Name("a")), Point(True, "a")),
            (frozenset([1, 2, 3]), frozenset([3, 2, 1.0]))]
    for group in same:
        assert len({portable_hash(k) for k in group}) == 1, group
        assert len(set(group)) == 1  # sanity: Python agrees they are one dict key


def test_different_keys_hash_differently():
    keys = [None, 0, 1, -1, 2, 0.5, -0.5, "", "a", "b", b"", b"a", (), ("a",), (("a",),),
            frozenset(), frozenset(["a"]), 2 ** 64, -2 ** 64, 2 ** 64 + 1, 1 + 1j,
            float("inf"), float("-inf"), ("a", "b"), ("b", "a")]
    assert len({portable_hash(k) for k in keys}) == len(keys)
    assert all(0 <= portable_hash(k) < 2 ** 64 for k in keys)
    assert portable_hash(float("nan")) == portable_hash(float("nan"))


def test_hash_spreads_keys_over_partitions():
    for keys in (range(20000), ["user-%d" % i for i in range(20000)],
                 [(i % 7, "k%d" % i) for i in range(20000)]):
        counts = collections.Counter(partition_of(k, 16) for k in keys)
        assert len(counts) == 16
        assert max(counts.values()) < 1.15 * 20000 / 16


def test_hash_refuses_identity_hashed_and_unhashable_keys():
    class Opaque:
        pass

    with pytest.raises(TypeError, match="identity"):
        portable_hash(Opaque())
    with pytest.raises(TypeError, match="unhashable"):
        portable_hash([1])

    class Money:
        def __init__(self, cents):
            self.cents = cents

        def __eq__(self, other):
            return self.cents == other.cents

        def __hash__(self):
            return self.cents

    assert portable_hash(Money(5)) == portable_hash(Money(5))


# -- map side ------------------------------------------------------------------------------

def collect(batches):
    out = collections.defaultdict(list)
    for pid, batch in batches:
        out[pid].extend(batch)
    return out


def test_partition_pairs_places_every_pair_by_hash_in_bounded_batches():
    pairs = [("k%d" % (i % 500), i) for i in range(10000)]
    batches = list(partition_pairs(pairs, 7, batch_records=100))
    assert all(0 < len(b) <= 100 for _, b in batches)
    placed = collect(batches)
    assert sorted(p for b in placed.values() for p in b) == sorted(pairs)
    for pid, items in placed.items():
        assert all(partition_of(k, 7) == pid for k, _ in items)


def test_partition_pairs_with_custom_function_and_memory_flush():
    pairs = [(i, i) for i in range(5000)]
    batches = list(partition_pairs(pairs, 2, partition_func=lambda k: k, batch_records=10 ** 6,
                                   memory_limit_mb=1, measure=always_full()))
    assert len(batches) > 2  # flushed at each memory check, not only at the end
    placed = collect(batches)
    assert sorted(v for v, _ in placed[0]) == list(range(0, 5000, 2))


def test_combine_and_partition_without_memory_pressure_emits_one_combiner_per_key():
    pairs = [("k%d" % (i % 50), 1) for i in range(3000)]
    placed = collect(combine_and_partition(pairs, SUM, 4, memory_limit_mb=0))
    combined = [kv for items in placed.values() for kv in items]
    assert sorted(combined) == sorted(("k%d" % i, 60) for i in range(50))


def test_combine_and_partition_under_memory_pressure_still_sums_right():
    pairs = [("k%d" % (i % 50), 1) for i in range(3000)]
    placed = collect(combine_and_partition(pairs, SUM, 4, memory_limit_mb=1,
                                           measure=always_full()))
    combined = [kv for items in placed.values() for kv in items]
    assert len(combined) > 50  # partial combiners were emitted
    for pid, items in placed.items():
        merged = dict(merge_combiners(items, SUM, memory_limit_mb=0))
        assert all(v == 60 and partition_of(k, 4) == pid for k, v in merged.items())


# -- reduce side ---------------------------------------------------------------------------

def expected_sums(pairs):
    out = collections.Counter()
    for k, v in pairs:
        out[k] += v
    return dict(out)


def test_merge_values_in_memory():
    pairs = [(i % 10, i) for i in range(100)]
    assert dict(merge_values(pairs, SUM, memory_limit_mb=0)) == expected_sums(pairs)


def test_forced_spills_give_the_same_answer_and_clean_up(tmp_path):
    pairs = [("key-%d" % (i % 3000), i) for i in range(30000)]
    merger = ExternalMerger(SUM, memory_limit_mb=1, spill_dir=str(tmp_path), measure=always_full())
    merger.merge_values(pairs[:15000])
    merger.merge_combiners((k, v) for k, v in pairs[15000:])
    assert merger.spills >= 20
    assert merger.disk_bytes_spilled > 0
    assert os.listdir(tmp_path)  # spill files exist while merging
    result = dict(merger.items())
    assert result == expected_sums(pairs)
    assert os.listdir(tmp_path) == []


def test_recursive_split_of_big_buckets(tmp_path, monkeypatch):
    depths = []
    real_init = ExternalMerger.__init__

    def recording_init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        depths.append(self.depth)

    monkeypatch.setattr(ExternalMerger, "__init__", recording_init)
    pairs = [(i, 1) for i in range(60000)]  # ~3750 pairs per bucket: over CHECK_EVERY
    merger = ExternalMerger(SUM, memory_limit_mb=1, spill_dir=str(tmp_path),
                            measure=always_full())
    merger.merge_values(pairs + pairs)
    assert dict(merger.items()) == {i: 2 for i in range(60000)}
    assert max(depths) == shuffle.MAX_DEPTH
    assert os.listdir(tmp_path) == []


def test_group_by_key_with_spills_keeps_every_value(tmp_path):
    pairs = [("g%d" % (i % 97), i) for i in range(20000)]
    merger = ExternalMerger(GROUP_AGGREGATOR, 1, str(tmp_path), measure=always_full())
    merger.merge_values(pairs)
    groups = dict(merger.items())
    assert len(groups) == 97
    for k, values in groups.items():
        assert sorted(values) == [v for kk, v in pairs if kk == k]


def test_real_memory_limit_spills_and_merges_correctly(tmp_path):
    # 1 MB is far below the process's RSS, so the real meter forces spills.
    pairs = [("key-%d" % (i % 100000), i) for i in range(300000)]
    merger = ExternalMerger(SUM, memory_limit_mb=1, spill_dir=str(tmp_path))
    merger.merge_values(pairs)
    assert merger.spills >= 1
    assert dict(merger.items()) == expected_sums(pairs)
    assert shuffle.metrics.disk_bytes_spilled > 0


def test_external_sort_spills_runs_and_merges_them_stably(tmp_path):
    import random
    rng = random.Random(7)
    pairs = [(rng.randrange(1000), i) for i in range(50000)]
    sorter = shuffle.ExternalSorter(memory_limit_mb=1, spill_dir=str(tmp_path), measure=always_full())
    out = sorter.sorted(iter(pairs), key=lambda kv: kv[0])
    first = next(out)
    assert len(sorter.runs) >= 5 and os.listdir(tmp_path)   # runs on disk while merging
    assert [first] + list(out) == sorted(pairs, key=lambda kv: kv[0])   # stable, like sorted
    assert os.listdir(tmp_path) == []


def test_external_sort_descending_and_in_memory():
    pairs = [(k, str(k)) for k in (5, 3, 9, 1)]
    assert list(shuffle.sort_pairs(pairs, lambda k: k, ascending=False, memory_limit_mb=0)) == \
        [(9, "9"), (5, "5"), (3, "3"), (1, "1")]
    sorter = shuffle.ExternalSorter(memory_limit_mb=1, measure=always_full())
    assert list(sorter.sorted(iter(pairs), key=lambda kv: kv[0], reverse=True)) == \
        [(9, "9"), (5, "5"), (3, "3"), (1, "1")]


def test_group_by_key_helper_without_spills():
    assert sorted((k, sorted(v)) for k, v in group_by_key([("a", 1), ("b", 2), ("a", 3)], 0)) \
        == [("a", [1, 3]), ("b", [2])]


def test_used_memory_reports_resident_bytes():
    before = shuffle.used_memory()
    blob = bytearray(50 << 20)
    for i in range(0, len(blob), 4096):
        blob[i] = 1
    assert shuffle.used_memory() >= before + (40 << 20)
    del blob


# -- hot loops: pair checks and memory pacing ----------------------------------------------

@pytest.mark.parametrize("run", [
    lambda pairs: list(partition_pairs(pairs, 3, what="partitionBy")),
    lambda pairs: list(combine_and_partition(pairs, SUM, 3, what="partitionBy")),
    lambda pairs: list(combine_and_partition(pairs, GROUP_AGGREGATOR, 3, what="partitionBy")),
])
def test_a_record_that_is_not_a_pair_is_named(run):
    pairs = [("a", 1)] * 1500 + [7] + [("b", 2)]
    with pytest.raises(TypeError, match=r"^partitionBy needs an RDD of \(key, value\) pairs; "
                                        r"got element 7 of type int$"):
        run(pairs)
    with pytest.raises(TypeError, match="got element \\('x', 1, 2\\) of type tuple"):
        run([("x", 1, 2)])


def test_errors_of_the_users_functions_are_not_mistaken_for_bad_pairs():
    def merge(a, b):
        raise TypeError("user's own")
    agg = Aggregator(lambda v: v, merge, merge)
    with pytest.raises(TypeError, match="^user's own$"):
        list(combine_and_partition([("a", 1), ("a", 2)], agg, 2, what="reduceByKey"))


def test_combining_loops_agree_for_new_and_repeated_keys():
    # mostly new keys (the `in` loop), then mostly repeated ones (the try/except loop)
    pairs = [(i, 1) for i in range(5000)] + [(i % 10, 1) for i in range(5000)]
    placed = collect(combine_and_partition(pairs, SUM, 2, memory_limit_mb=0))
    assert dict(kv for items in placed.values() for kv in items) == expected_sums(pairs)


class SteppedMeter:
    """Memory that grows by ``per_call`` at each reading."""

    def __init__(self, start, per_call):
        self.reading, self.per_call, self.calls = start, per_call, 0

    def __call__(self):
        self.calls += 1
        self.reading += self.per_call
        return self.reading


def test_memory_meter_shrinks_chunks_when_memory_grows_fast_and_skips_readings_when_far():
    limit = 64 << 20
    fast = shuffle.MemoryMeter(limit, SteppedMeter(10 << 20, 8 << 20))
    sizes = []
    for chunk in fast.chunks(range(20000)):
        sizes.append(len(chunk))
        if fast.over():
            break
    assert sizes[0] == shuffle.CHECK_EVERY and min(sizes) < shuffle.CHECK_EVERY // 2

    slow_measure = SteppedMeter(10 << 20, 1024)
    slow = shuffle.MemoryMeter(limit, slow_measure)
    chunks = 0
    for chunk in slow.chunks(range(100000)):
        chunks += 1
        assert not slow.over()
    assert chunks == 100 and slow_measure.calls < 20


def test_map_side_flush_hands_memory_back():
    readings = []

    def measure():
        readings.append(shuffle.used_memory())
        return readings[-1]
    values = ("%d %s" % (i, "x" * 100) for i in range(300000))   # ~45 MB of strings
    batches = combine_and_partition(((i % 500, v) for i, v in enumerate(values)),
                                    GROUP_AGGREGATOR, 4, memory_limit_mb=20, measure=measure)
    start = shuffle.used_memory()
    peak = 0
    for pid, batch in batches:
        batch = None
        peak = max(peak, shuffle.used_memory())
    assert peak < start + (40 << 20)   # flushed near the limit, not holding all 45 MB
