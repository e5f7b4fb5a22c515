#!/usr/bin/env python3
"""A groupBy with many distinct keys in a small driver heap: it must finish by spilling.

    spill_bench.py [--keys 50000000] [--heap 1g] [--engine ember|pyspark]

Groups spark.range(keys) by id (every key distinct) and counts, in local[2] with the given
driver heap; prints the time, the number of groups and whether the answer is right.
"""
import argparse
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keys", type=int, default=50_000_000)
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--engine", default="ember", choices=["ember", "pyspark"])
    a = ap.parse_args()
    sql = __import__(a.engine + ".sql", fromlist=["SparkSession", "functions"])
    F = sql.functions
    spark = (sql.SparkSession.builder.master("local[2]").appName("spill-bench")
             .config("spark.driver.memory", a.heap).config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    t = time.perf_counter()
    counts = spark.range(a.keys).groupBy((F.col("id") * 7).alias("k")).count()
    groups, rows = counts.agg(F.count("*"), F.sum("count")).collect()[0]
    elapsed = time.perf_counter() - t
    ok = groups == a.keys and rows == a.keys
    print(f"{a.engine}: {a.keys:,} distinct keys in a {a.heap} heap: {elapsed:.1f} s, "
          f"{groups:,} groups, {'right' if ok else 'WRONG'}")
    spark.stop()


if __name__ == "__main__":
    main()
