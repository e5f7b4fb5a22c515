"""Transitive closure of a random directed graph: the number of (a, c) pairs such that c can
be reached from a.

    python examples/python/transitive_closure.py [PARTITIONS] [EDGES] [VERTICES]
        (defaults: 2, 200, 100)

Repeatedly joins the paths found so far with the edges until no new path appears.
"""

import random
import sys
from typing import Set, Tuple

from ember import SparkContext


def generate_graph(num_edges: int, num_vertices: int, seed: int = 42) -> Set[Tuple[int, int]]:
    """``num_edges`` distinct random edges without self-loops (the same for a given seed)."""
    rng = random.Random(seed)
    edges: Set[Tuple[int, int]] = set()
    while len(edges) < num_edges:
        src, dst = rng.randrange(num_vertices), rng.randrange(num_vertices)
        if src != dst:
            edges.add((src, dst))
    return edges


def main(partitions: int, num_edges: int, num_vertices: int) -> None:
    with SparkContext(appName="PythonTransitiveClosure") as sc:
        tc = sc.parallelize(sorted(generate_graph(num_edges, num_vertices)), partitions).cache()
        # Each round joins the paths (k, y) with the edges (x, k), keyed by k, and adds the
        # paths (x, y): an edge into a path's start makes a longer path.
        edges = tc.map(lambda xy: (xy[1], xy[0]))
        old_count, next_count = 0, tc.count()
        rounds = 0
        while next_count != old_count:
            old_count = next_count
            new_edges = tc.join(edges, partitions).map(lambda y_zx: (y_zx[1][1], y_zx[1][0]))
            tc = tc.union(new_edges).distinct(partitions).cache()
            next_count = tc.count()
            rounds += 1
        print("TC has %i edges (after %i rounds)" % (tc.count(), rounds))


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    if len(args) > 3:
        print("Usage: transitive_closure.py [partitions] [edges] [vertices]", file=sys.stderr)
        sys.exit(2)
    main(*(args + [2, 200, 100][len(args):]))
