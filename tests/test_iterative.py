"""Iterative jobs: each round built from the previous round's cached RDD used twice, and
pipelines thousands of transformations long. Work per round must not grow with the number of
rounds (a lineage walk that revisits shared ancestors doubles every round and would not reach
round 40), and nothing may recurse once per RDD or per transformation."""

import random

ROUNDS = 40


def _graph(seed, vertices=20, edges=30):
    rng = random.Random(seed)
    return sorted({(rng.randrange(vertices), rng.randrange(vertices)) for _ in range(edges)})


def _closure(graph):
    tc = set(graph)
    while True:
        grown = tc | {(a, d) for a, b in tc for c, d in graph if b == c}
        if len(grown) == len(tc):
            return tc
        tc = grown


def test_transitive_closure_loop_runs_forty_rounds(sc):
    graph = _graph(5)
    tc = sc.parallelize(graph, 4).cache()
    edges = tc.map(lambda xy: (xy[1], xy[0])).cache()
    counts = []
    for _ in range(ROUNDS):
        tc = tc.union(tc.join(edges, 4).map(lambda kv: (kv[1][1], kv[1][0]))).distinct(4).cache()
        counts.append(tc.count())
    expected = _closure(graph)
    assert counts[-1] == len(expected)
    assert set(tc.collect()) == expected
    lines = tc.toDebugString().decode("utf-8").splitlines()
    assert len(lines) < 20 * ROUNDS, "toDebugString stays linear in the rounds"
    assert sum(1 for line in lines if line.endswith("(lineage shown above)")) >= ROUNDS


def test_a_pipeline_of_thousands_of_maps_runs(sc):
    rdd = sc.parallelize(range(10), 2)
    for _ in range(3000):
        rdd = rdd.map(lambda x: x + 1)
    assert rdd.collect() == list(range(3000, 3010))
    assert rdd.filter(lambda x: x % 2 == 0).count() == 5
