"""RDD methods against the same computation in plain Python."""

import collections
import operator
import os
import statistics

import pytest

WORDS = "the quick brown fox jumps over the lazy dog the end".split()


def test_word_count_matches_counter(sc, tmp_path):
    path = tmp_path / "words.txt"
    lines = ["the quick brown fox", "jumps over the lazy dog", "", "the end the end"]
    path.write_text("\n".join(lines) + "\n")
    counts = (sc.textFile(str(path)).flatMap(str.split).map(lambda w: (w, 1))
              .reduceByKey(operator.add).collect())
    assert dict(counts) == collections.Counter(" ".join(lines).split())


def test_narrow_transformations(sc):
    data = list(range(100))
    rdd = sc.parallelize(data, 4)
    assert rdd.map(lambda x: x * 2).collect() == [x * 2 for x in data]
    assert rdd.filter(lambda x: x % 3 == 0).collect() == [x for x in data if x % 3 == 0]
    assert rdd.flatMap(lambda x: [x, x]).count() == 200
    assert rdd.mapPartitions(lambda it: [sum(it)]).sum() == sum(data)
    assert rdd.mapPartitionsWithIndex(lambda i, it: [i]).collect() == [0, 1, 2, 3]
    assert [len(p) for p in rdd.glom().collect()] == [25, 25, 25, 25]
    assert rdd.keyBy(lambda x: x % 2).take(2) == [(0, 0), (1, 1)]
    assert (rdd + rdd).count() == 200
    assert rdd.getNumPartitions() == 4


def test_parallelize_range_and_context_range(sc):
    assert sc.parallelize(range(0, 1000, 7), 3).collect() == list(range(0, 1000, 7))
    assert sc.range(5).collect() == [0, 1, 2, 3, 4]
    assert sc.range(2, 10, 3).collect() == [2, 5, 8]
    assert sc.emptyRDD().collect() == []


def test_actions(sc):
    data = [5, 3, 9, 1, 7, 3]
    rdd = sc.parallelize(data, 3)
    assert rdd.count() == 6
    assert rdd.first() == 5
    assert rdd.take(4) == data[:4]
    assert rdd.takeOrdered(2) == [1, 3]
    assert rdd.top(2) == [9, 7]
    assert rdd.reduce(operator.add) == sum(data)
    assert rdd.fold(0, operator.add) == sum(data)
    assert rdd.aggregate((0, 0), lambda a, x: (a[0] + x, a[1] + 1),
                         lambda a, b: (a[0] + b[0], a[1] + b[1])) == (sum(data), 6)
    assert rdd.treeReduce(operator.add) == sum(data)
    assert rdd.max() == 9 and rdd.min() == 1
    assert rdd.max(key=lambda x: -x) == 1
    assert rdd.sum() == sum(data)
    assert rdd.countByValue() == collections.Counter(data)
    assert not rdd.isEmpty() and sc.parallelize([], 2).isEmpty()
    assert list(rdd.toLocalIterator()) == data
    assert rdd.distinct().count() == len(set(data))
    assert sorted(rdd.distinct().collect()) == sorted(set(data))


def test_take_scans_incrementally(sc):
    rdd = sc.parallelize(range(1000), 10).filter(lambda x: x > 900)
    assert rdd.take(5) == [901, 902, 903, 904, 905]
    assert sc.parallelize([1], 4).take(10) == [1]


def test_numeric_stats(sc):
    data = [1.0, 2.0, 4.0, 8.0, 16.0]
    rdd = sc.parallelize(data, 2)
    assert rdd.mean() == pytest.approx(statistics.mean(data))
    assert rdd.variance() == pytest.approx(statistics.pvariance(data))
    assert rdd.stdev() == pytest.approx(statistics.pstdev(data))
    assert rdd.sampleStdev() == pytest.approx(statistics.stdev(data))
    s = rdd.stats()
    assert (s.count(), s.max(), s.min()) == (5, 16.0, 1.0)
    assert rdd.histogram([0, 5, 10, 20]) == ([0, 5, 10, 20], [3, 1, 1])
    assert sc.parallelize(range(10)).histogram(2) == ([0, 4.5, 9], [5, 5])
    assert sc.parallelize(range(51)).histogram(5)[1] == [10, 10, 10, 10, 11]


def test_pair_operations(sc):
    pairs = [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)]
    rdd = sc.parallelize(pairs, 3)
    expect = collections.defaultdict(list)
    for k, v in pairs:
        expect[k].append(v)
    assert dict(rdd.reduceByKey(operator.add).collect()) == {k: sum(v) for k, v in expect.items()}
    assert {k: sorted(v) for k, v in rdd.groupByKey().collect()} == expect
    assert dict(rdd.foldByKey(0, operator.add).collect()) == {k: sum(v) for k, v in expect.items()}
    assert dict(rdd.aggregateByKey(0, lambda a, v: a + 1, operator.add).collect()) == \
        {k: len(v) for k, v in expect.items()}
    assert dict(rdd.combineByKey(lambda v: [v], lambda c, v: c + [v],
                                 lambda a, b: a + b).mapValues(sorted).collect()) == expect
    assert rdd.mapValues(lambda v: v * 10).collect() == [(k, v * 10) for k, v in pairs]
    assert rdd.flatMapValues(lambda v: [v, v]).count() == 10
    assert rdd.keys().collect() == [k for k, _ in pairs]
    assert rdd.values().collect() == [v for _, v in pairs]
    assert rdd.countByKey() == collections.Counter(k for k, _ in pairs)
    assert rdd.collectAsMap() == dict(pairs)
    assert sorted(rdd.lookup("a")) == [1, 3]
    assert sorted(rdd.reduceByKey(operator.add).lookup("b")) == [7]
    assert rdd.reduceByKeyLocally(operator.add) == {k: sum(v) for k, v in expect.items()}
    parts = rdd.partitionBy(2).glom().collect()
    assert len(parts) == 2 and sorted(sum(parts, [])) == sorted(pairs)
    assert {k: sorted(v) for k, v in rdd.groupBy(lambda kv: kv[0]).mapValues(
        lambda vs: [v for _, v in vs]).collect()} == expect


def test_joins(sc):
    left = sc.parallelize([(1, "a"), (2, "b"), (3, "c"), (1, "aa")], 2)
    right = sc.parallelize([(1, "x"), (3, "y"), (4, "z")], 2)
    assert sorted(left.join(right).collect()) == \
        [(1, ("a", "x")), (1, ("aa", "x")), (3, ("c", "y"))]
    assert sorted(left.leftOuterJoin(right).collect()) == \
        [(1, ("a", "x")), (1, ("aa", "x")), (2, ("b", None)), (3, ("c", "y"))]
    assert sorted(left.rightOuterJoin(right).collect()) == \
        [(1, ("a", "x")), (1, ("aa", "x")), (3, ("c", "y")), (4, (None, "z"))]
    assert sorted(left.fullOuterJoin(right).collect()) == \
        [(1, ("a", "x")), (1, ("aa", "x")), (2, ("b", None)), (3, ("c", "y")), (4, (None, "z"))]
    cg = {k: (sorted(a), sorted(b)) for k, (a, b) in left.cogroup(right).collect()}
    assert cg == {1: (["a", "aa"], ["x"]), 2: (["b"], []), 3: (["c"], ["y"]), 4: ([], ["z"])}
    assert sorted(left.subtractByKey(right).collect()) == [(2, "b")]
    a = sc.parallelize([1, 2, 3, 4, 4])
    b = sc.parallelize([3, 4, 5])
    assert sorted(a.subtract(b).collect()) == [1, 2]
    assert sorted(a.intersection(b).collect()) == [3, 4]


def test_sorting(sc):
    import random
    data = [random.Random(1).randint(0, 1000) for _ in range(500)]
    data = [random.Random(i).randint(0, 1000) for i in range(500)]
    rdd = sc.parallelize(data, 4)
    assert rdd.sortBy(lambda x: x).collect() == sorted(data)
    assert rdd.sortBy(lambda x: x, ascending=False, numPartitions=3).collect() == \
        sorted(data, reverse=True)
    pairs = rdd.map(lambda x: (x, str(x)))
    assert pairs.sortByKey().keys().collect() == sorted(data)
    assert pairs.sortByKey(numPartitions=1).keys().collect() == sorted(data)


def test_indexes_cartesian_zip_and_partitions(sc):
    rdd = sc.parallelize(list("abcde"), 3)
    assert rdd.zipWithIndex().collect() == [(c, i) for i, c in enumerate("abcde")]
    ids = [i for _, i in rdd.zipWithUniqueId().collect()]
    assert len(set(ids)) == 5
    assert sorted(sc.parallelize([1, 2]).cartesian(sc.parallelize("xy")).collect()) == \
        [(1, "x"), (1, "y"), (2, "x"), (2, "y")]
    assert rdd.zip(sc.parallelize(range(5), 3)).collect() == list(zip("abcde", range(5)))
    assert rdd.coalesce(1).getNumPartitions() == 1
    assert rdd.coalesce(1).collect() == list("abcde")
    r = rdd.repartition(5)
    assert r.getNumPartitions() == 5 and sorted(r.collect()) == list("abcde")


def test_sample_and_split(sc):
    rdd = sc.parallelize(range(1000), 4)
    s = rdd.sample(False, 0.1, 42).collect()
    assert 40 < len(s) < 200 and set(s) <= set(range(1000))
    assert s == rdd.sample(False, 0.1, 42).collect()
    a, b = rdd.randomSplit([0.5, 0.5], seed=3)
    assert sorted(a.collect() + b.collect()) == list(range(1000))
    assert len(rdd.takeSample(False, 10, 1)) == 10


def test_foreach_and_accumulator(sc):
    acc = sc.accumulator(0)
    sc.parallelize(range(10), 3).foreach(lambda x: acc.add(x))
    assert acc.value == 45
    acc2 = sc.accumulator(0.0)
    sc.parallelize(range(4), 2).foreachPartition(lambda it: acc2.add(float(len(list(it)))))
    assert acc2.value == 4.0


def test_broadcast(sc):
    table = sc.broadcast({"a": 1, "b": 2})
    assert sc.parallelize(["a", "b", "a"]).map(lambda k: table.value[k]).collect() == [1, 2, 1]
    assert sc.parallelize(["b"]).map(lambda k: table.value[k]).collect() == [2]


def test_files(sc, tmp_path):
    from ember import SparkFiles
    f = tmp_path / "lookup.txt"
    f.write_text("hello")
    sc.addFile(str(f))
    assert sc.parallelize([1]).map(lambda _: open(SparkFiles.get("lookup.txt")).read()).collect() \
        == ["hello"]
    mod = tmp_path / "ember_test_helper_mod.py"
    mod.write_text("def triple(x):\n    return 3 * x\n")
    sc.addPyFile(str(mod))

    def use(x):
        import ember_test_helper_mod
        return ember_test_helper_mod.triple(x)
    assert sc.parallelize([1, 2]).map(use).collect() == [3, 6]


def test_text_and_pickle_files(sc, tmp_path):
    out = str(tmp_path / "text")
    sc.parallelize([1, "two", 3.0], 2).saveAsTextFile(out)
    assert sorted(sc.textFile(out).collect()) == sorted(["1", "two", "3.0"])
    pk = str(tmp_path / "pickled")
    data = [("a", [1, 2]), ("b", {"x": 1})]
    sc.parallelize(data, 2).saveAsPickleFile(pk)
    assert sorted(sc.pickleFile(pk).collect()) == sorted(data)
    d = tmp_path / "whole"
    d.mkdir()
    (d / "one.txt").write_text("first")
    (d / "two.txt").write_text("second")
    got = sorted((os.path.basename(p), c) for p, c in sc.wholeTextFiles(str(d)).collect())
    assert got == [("one.txt", "first"), ("two.txt", "second")]
    assert sc.union([sc.textFile(out), sc.parallelize(["x"])]).count() == 4


def test_persistence_and_metadata(sc, tmp_path):
    from ember import StorageLevel
    rdd = sc.parallelize(range(10), 2).map(lambda x: x + 1)
    assert rdd.getStorageLevel() == StorageLevel.NONE
    rdd.cache()
    assert rdd.is_cached and rdd.getStorageLevel() == StorageLevel.MEMORY_ONLY
    assert rdd.sum() == 55 and rdd.map(lambda x: -x).sum() == -55
    rdd.unpersist()
    assert not rdd.is_cached
    sc.setCheckpointDir(str(tmp_path / "cp"))
    cp = sc.parallelize(range(5)).map(lambda x: x * 3)
    cp.checkpoint()
    assert cp.collect() == [0, 3, 6, 9, 12]
    assert cp.isCheckpointed()
    assert isinstance(rdd.id(), int)
    assert rdd.setName("numbers").name() == "numbers"
    assert isinstance(rdd.toDebugString(), bytes)
    assert rdd.context is sc


def test_context_info(sc):
    from conftest import TEST_MASTER, master_cores
    assert sc.defaultParallelism == master_cores(TEST_MASTER)
    assert sc.applicationId.startswith("app-" if TEST_MASTER.startswith("local-cluster") else "local-")
    assert sc.master == TEST_MASTER and sc.getConf().get("spark.master") == TEST_MASTER
    assert sc.version
    sc.setLogLevel("WARN")
    with pytest.raises(ValueError, match="^log level must be one of ALL, DEBUG, ERROR, FATAL, INFO, OFF, TRACE, WARN$"):
        sc.setLogLevel("LOUD")
