#!/usr/bin/env python3
"""Python UDF throughput: rows per second of ``F.udf(lambda x: x + 1, "bigint")`` over
``spark.range(N)`` on local[2], summed on the JVM (so rows do not travel to the driver), for
Ember and PySpark in the same run.

    udf_bench.py [--rows 10000000] [--runs 3] [--engines ember,pyspark]
                 [--pyspark-python /work/pyspark-venv/bin/python]

Each engine runs in its own process; a small warm-up query starts the Python workers first.
The best of ``--runs`` timings is printed with every run's figure and the checksum.
"""
import argparse
import os
import subprocess
import sys

PROGRAM = """
import time
from {engine}.sql import SparkSession, functions as F
spark = SparkSession.builder.master("local[2]").appName("udf-bench").getOrCreate()
plus_one = F.udf(lambda x: x + 1, "bigint")
spark.range(10000).select(plus_one("id").alias("y")).agg(F.sum("y")).collect()
for _ in range({runs}):
    t0 = time.perf_counter()
    total = spark.range({rows}).select(plus_one("id").alias("y")).agg(F.sum("y")).collect()[0][0]
    print("RUN %.3f %d" % (time.perf_counter() - t0, total), flush=True)
spark.stop()
"""


def run(engine, python, rows, runs):
    env = dict(os.environ)
    if engine == "ember":
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in [os.path.join(os.path.dirname(__file__), "..", "..", "python"), env.get("PYTHONPATH")] if p)
    out = subprocess.run([python, "-c", PROGRAM.format(engine=engine, rows=rows, runs=runs)], env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        return "%s: failed: %s" % (engine, out.stderr.strip().splitlines()[-1:] or out.returncode)
    times = [(float(t), int(s)) for _, t, s in (line.split() for line in out.stdout.splitlines()
                                                if line.startswith("RUN "))]
    best = min(t for t, _ in times)
    return "%-7s %6.2f s  %5.2f M rows/s  (runs: %s; checksum %d)" % (
        engine, best, rows / best / 1e6, ", ".join("%.2f" % t for t, _ in times), times[0][1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engines", default="ember,pyspark")
    ap.add_argument("--pyspark-python", default="/work/pyspark-venv/bin/python")
    a = ap.parse_args()
    print("UDF lambda x: x + 1 over range(%d), local[2], sum of results" % a.rows)
    for engine in a.engines.split(","):
        python = a.pyspark_python if engine == "pyspark" else sys.executable
        print(run(engine, python, a.rows, a.runs), flush=True)


if __name__ == "__main__":
    main()
