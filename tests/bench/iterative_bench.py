"""Iterative-lineage benchmark: the transitive-closure loop, one count per round.

    python tests/bench/iterative_bench.py [--rounds 60] [--pyspark] [--seed 7]

Each round builds the next RDD from the previous round's cached RDD used twice::

    tc = tc.union(tc.join(edges, 4).map(lambda kv: (kv[1][1], kv[1][0]))).distinct(4).cache()
    tc.count()

so the lineage is a diamond that deepens every round. Work that walks the lineage without
remembering what it visited doubles every round; with each RDD visited once a round costs about
the same as the one before. Printed: every round's seconds, rounds 5 and N, their ratio and
whether it meets the target (round N at most 2x round 5). ``--pyspark`` runs the same loop on
PySpark (installed in the Python that runs this script) in its own process, for comparison.

The graph is small and random (fixed seed) so the data per round stays tiny: what is timed is
the engine's per-job overhead as the lineage grows, not computation.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

from python_bench import engine_env, have_pyspark

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TARGET_RATIO = 2.0


def random_graph(seed, vertices=40, edges=60):
    rng = random.Random(seed)
    return sorted({(rng.randrange(vertices), rng.randrange(vertices)) for _ in range(edges)})


def run_loop(engine, rounds, seed):
    """Runs the loop in this process; returns per-round seconds and the final count."""
    if engine == "pyspark":
        from pyspark import SparkConf, SparkContext
    else:
        from ember import SparkConf, SparkContext
    conf = SparkConf().setMaster("local[2]").setAppName("iterative-bench")
    if engine == "pyspark":
        conf.set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        graph = random_graph(seed)
        tc = sc.parallelize(graph, 4).cache()
        # Reversed edges, keyed by the join key, as in PySpark's transitive_closure example.
        edges = tc.map(lambda xy: (xy[1], xy[0])).cache()
        edges.count()
        times = []
        count = 0
        for _ in range(rounds):
            start = time.perf_counter()
            tc = tc.union(tc.join(edges, 4).map(lambda kv: (kv[1][1], kv[1][0]))).distinct(4).cache()
            count = tc.count()
            times.append(time.perf_counter() - start)
        return times, count
    finally:
        sc.stop()


def run_child(engine, rounds, seed):
    """Runs the loop for ``engine`` in its own process; returns (times, count)."""
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", engine,
                           "--rounds", str(rounds), "--seed", str(seed)],
                          env=engine_env(engine), capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise SystemExit("%s run failed (exit %d):\n%s" % (engine, proc.returncode, proc.stderr[-3000:]))
    result = json.loads(lines[-1])
    return result["times"], result["count"]


def report(engine, times, count):
    print("== %s: %d rounds, final closure size %d" % (engine, len(times), count))
    for i, t in enumerate(times, 1):
        print("round %3d  %8.3f s" % (i, t))
    if len(times) >= 5:
        first, last = times[4], times[-1]
        ratio = last / first if first > 0 else float("inf")
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        print("%s: round 5 %.3f s, round %d %.3f s, ratio %.2f (target <= %.1f: %s)"
              % (engine, first, len(times), last, ratio, TARGET_RATIO, verdict))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pyspark", action="store_true", help="also run the loop on PySpark")
    parser.add_argument("--child", choices=["ember", "pyspark"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        times, count = run_loop(args.child, args.rounds, args.seed)
        print(json.dumps({"times": times, "count": count}))
        return
    if args.pyspark and not have_pyspark():
        raise SystemExit("--pyspark: this Python has no pyspark (pip install pyspark in a virtual environment)")
    engines = ["ember"] + (["pyspark"] if args.pyspark else [])
    for engine in engines:
        times, count = run_child(engine, args.rounds, args.seed)
        report(engine, times, count)


if __name__ == "__main__":
    main()
