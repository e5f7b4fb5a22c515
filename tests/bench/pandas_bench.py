#!/usr/bin/env python3
"""pandas and Arrow function throughput, Ember against PySpark in the same run, local[2].

Every path runs over the same generated rows (``spark.range(N)`` with a group key ``g = id %
groups``, a double ``v`` and a string ``s``), and its result is summed on the JVM, so rows do
not travel to the driver:

    scalar       pandas_udf(lambda v: v * 2 + 1, "double")
    iterator     the same as an iterator-of-Series UDF
    grouped_agg  groupBy("g").agg(pandas_udf mean)
    map          mapInPandas (adds a column)
    map_arrow    mapInArrow (adds a column with pyarrow.compute)
    apply        groupBy("g").applyInPandas (v minus the group's mean)
    apply_arrow  groupBy("g").applyInArrow (the group's row count per row)
    cogroup      cogroup with a second DataFrame on "g", applyInPandas (a merge per group)

    pandas_bench.py [--rows 1000000] [--groups 1000] [--runs 3] [--paths scalar,apply,...]
                    [--engines ember,pyspark] [--ember-conf k=v ...]
                    [--pyspark-python /work/pyspark-venv/bin/python]

Each engine runs in its own process; a warm-up pass over small data starts the Python workers
(and their pandas imports) first. The best of ``--runs`` timings per path is printed with the
checksum, which must agree between engines. ``--ember-conf ember.sql.pandas.arrowStreams=false``
measures Ember's pickled-rows path.
"""
import argparse
import os
import subprocess
import sys

PATHS = ["scalar", "iterator", "grouped_agg", "map", "map_arrow", "apply", "apply_arrow",
         "cogroup"]

PROGRAM = r"""
import sys, time
from typing import Iterator
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from {engine}.sql import SparkSession, functions as F
from {engine}.sql.functions import pandas_udf
b = SparkSession.builder.master("local[2]").appName("pandas-bench") \
    .config("spark.sql.shuffle.partitions", "8")
for kv in {conf!r}:
    k, v = kv.split("=", 1)
    b = b.config(k, v)
spark = b.getOrCreate()

@pandas_udf("double")
def scale(v: pd.Series) -> pd.Series:
    return v * 2 + 1

@pandas_udf("double")
def scale_iter(it: Iterator[pd.Series]) -> Iterator[pd.Series]:
    for v in it:
        yield v * 2 + 1

@pandas_udf("double")
def mean(v: pd.Series) -> float:
    return v.mean()

def add_col(frames):
    for pdf in frames:
        yield pdf.assign(w=pdf.v * 2)

def add_col_arrow(batches):
    for rb in batches:
        yield pa.RecordBatch.from_arrays(rb.columns + [pc.multiply(rb.column(2), 2)],
                                         names=rb.schema.names + ["w"])

def center(pdf):
    return pdf.assign(v=pdf.v - pdf.v.mean())

def count_arrow(t):
    return pa.table({{"g": t.column("g"), "n": pa.array([t.num_rows] * t.num_rows, pa.int64())}})

def merge(l, r):
    return pd.DataFrame({{"g": l.g, "v": l.v.values + r.v.values}})

def data(n):
    return spark.range(n).select(F.col("id"), (F.col("id") % {groups}).alias("g"),
                                 (F.col("id") * 0.5).alias("v"),
                                 F.concat(F.lit("s"), F.col("id").cast("string")).alias("s"))

def query(path, df):
    if path == "scalar":
        return df.select(scale("v").alias("x")).agg(F.sum("x"))
    if path == "iterator":
        return df.select(scale_iter("v").alias("x")).agg(F.sum("x"))
    if path == "grouped_agg":
        return df.groupBy("g").agg(mean("v").alias("x")).agg(F.sum("x"))
    if path == "map":
        return df.mapInPandas(add_col, "id long, g long, v double, s string, w double") \
            .agg(F.sum("w"))
    if path == "map_arrow":
        return df.mapInArrow(add_col_arrow, "id long, g long, v double, s string, w double") \
            .agg(F.sum("w"))
    if path == "apply":
        return df.groupBy("g").applyInPandas(center, "id long, g long, v double, s string") \
            .agg(F.sum(F.abs("v")))
    if path == "apply_arrow":
        return df.groupBy("g").applyInArrow(count_arrow, "g long, n long").agg(F.sum("n"))
    if path == "cogroup":
        other = df.select("g", (F.col("v") + 1).alias("v"))
        return df.groupBy("g").cogroup(other.groupBy("g")).applyInPandas(merge, "g long, v double") \
            .agg(F.sum("v"))
    raise SystemExit("unknown path " + path)

for path in {paths!r}:
    query(path, data(20000)).collect()
    df = data({rows})
    for _ in range({runs}):
        t0 = time.perf_counter()
        total = query(path, df).collect()[0][0]
        print("RUN %s %.3f %r" % (path, time.perf_counter() - t0, round(float(total), 3)),
              flush=True)
spark.stop()
"""


def run(engine, python, a):
    env = dict(os.environ)
    if engine == "ember":
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in [os.path.join(os.path.dirname(__file__), "..", "..", "python"),
                        env.get("PYTHONPATH")] if p)
    conf = a.ember_conf if engine == "ember" else []
    program = PROGRAM.format(engine=engine, rows=a.rows, runs=a.runs, groups=a.groups,
                             paths=a.paths.split(","), conf=conf)
    out = subprocess.run([python, "-c", program], env=env, capture_output=True, text=True)
    results = {}
    for line in out.stdout.splitlines():
        if line.startswith("RUN "):
            _, path, t, total = line.split(" ", 3)
            results.setdefault(path, []).append((float(t), total))
    if out.returncode != 0:
        print("%s failed: %s" % (engine, "\n".join(out.stderr.strip().splitlines()[-5:])),
              file=sys.stderr)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--groups", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--paths", default=",".join(PATHS))
    ap.add_argument("--engines", default="ember,pyspark")
    ap.add_argument("--ember-conf", nargs="*", default=[])
    ap.add_argument("--pyspark-python", default="/work/pyspark-venv/bin/python")
    a = ap.parse_args()
    engines = a.engines.split(",")
    found = {}
    for engine in engines:
        python = a.pyspark_python if engine == "pyspark" else sys.executable
        found[engine] = run(engine, python, a)
    print("pandas paths over %d rows, %d groups, local[2], best of %d (seconds)"
          % (a.rows, a.groups, a.runs))
    print("%-12s" % "path" + "".join("%10s" % e for e in engines) + "   checksum")
    for path in a.paths.split(","):
        cells, sums = [], set()
        for engine in engines:
            runs = found[engine].get(path)
            cells.append("%10.2f" % min(t for t, _ in runs) if runs else "%10s" % "failed")
            sums.update(s for _, s in runs or [])
        print("%-12s" % path + "".join(cells) + "   " + " / ".join(sorted(sums)), flush=True)


if __name__ == "__main__":
    main()
