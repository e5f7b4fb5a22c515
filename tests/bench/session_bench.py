#!/usr/bin/env python3
"""Seconds from a fresh Python process to a SparkSession and its first tiny show().

    session_bench.py [--engine ember|pyspark] [--runs 5]

Each run is a new process (the JVM starts each time), timed from before the import; the
median is printed with every run's figure. Compare with PySpark by running this script with a
Python that has pyspark installed and --engine pyspark.
"""
import argparse
import statistics
import subprocess
import sys
import time

PROGRAM = """
import time
t0 = time.perf_counter()
from {engine}.sql import SparkSession
spark = SparkSession.builder.master("local[2]").appName("start").getOrCreate()
t1 = time.perf_counter()
spark.createDataFrame([(1, "a"), (2, "b")], ["id", "name"]).show()
t2 = time.perf_counter()
print(f"TIMES {{t1 - t0:.3f}} {{t2 - t0:.3f}}")
spark.stop()
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", default="ember", choices=["ember", "pyspark"])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    sessions, shows = [], []
    for _ in range(a.runs):
        out = subprocess.run([sys.executable, "-c", PROGRAM.format(engine=a.engine)], capture_output=True,
                             text=True, check=True).stdout
        line = next(x for x in out.splitlines() if x.startswith("TIMES "))
        s, t = map(float, line.split()[1:])
        sessions.append(s)
        shows.append(t)
    print(f"{a.engine}: session ready {statistics.median(sessions):.2f} s, first show() done "
          f"{statistics.median(shows):.2f} s (median of {a.runs}; runs: {', '.join(f'{x:.2f}' for x in shows)})")


if __name__ == "__main__":
    main()
