#!/usr/bin/env python3
"""db-benchmark's groupby questions q1-q5, q7 and q10 on one engine, printing seconds per question.

    groupby_bench.py --engine ember|pyspark|duckdb|polars DATA.csv [--runs 2]

Run each engine in its own virtual environment (PySpark, DuckDB and Polars are never
dependencies of Ember); tests/bench/groupby_bench.sh runs them all on the same data and prints
the table. As db-benchmark does, the table is loaded and cached before timing (Spark and Ember:
read with the schema, cache, count; DuckDB: a table; Polars: an in-memory DataFrame), both
threads are used (local[2], threads=2), and each question is timed until its answer is
computed: every answer is reduced to a checksum row (sums of its columns and its row count),
which is printed so the engines can be compared for correctness too.
"""
import argparse
import os
import sys
import time

QUESTIONS = {
    "q1": (["id1"], [("sum", "v1")]),
    "q2": (["id1", "id2"], [("sum", "v1")]),
    "q3": (["id3"], [("sum", "v1"), ("mean", "v3")]),
    "q4": (["id4"], [("mean", "v1"), ("mean", "v2"), ("mean", "v3")]),
    "q5": (["id6"], [("sum", "v1"), ("sum", "v2"), ("sum", "v3")]),
    "q7": (["id3"], [("range", "v1", "v2")]),
    "q10": (["id1", "id2", "id3", "id4", "id5", "id6"], [("sum", "v3"), ("count",)]),
}
SCHEMA_DDL = "id1 STRING, id2 STRING, id3 STRING, id4 INT, id5 INT, id6 INT, v1 INT, v2 INT, v3 DOUBLE"


def spark_like(module: str, path: str):
    """Questions for Ember or PySpark, which share one API."""
    sql = __import__(module + ".sql", fromlist=["SparkSession", "functions"])
    F = sql.functions
    spark = (sql.SparkSession.builder.master("local[2]").appName("groupby-bench")
             .config("spark.driver.memory", os.environ.get("BENCH_DRIVER_MEMORY", "8g"))
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.extraJavaOptions", os.environ.get("BENCH_JAVA_OPTIONS", ""))
             .getOrCreate())
    x = spark.read.csv(path, header=True, schema=SCHEMA_DDL).cache()
    rows = x.count()

    def agg_column(spec, i):
        name = f"a{i}"
        if spec[0] == "sum":
            return F.sum(spec[1]).alias(name)
        if spec[0] == "mean":
            return F.avg(spec[1]).alias(name)
        if spec[0] == "range":
            return (F.max(spec[1]) - F.min(spec[2])).alias(name)
        return F.count("*").alias(name)

    def run(question):
        keys, aggs = QUESTIONS[question]
        ans = x.groupBy(*keys).agg(*[agg_column(s, i) for i, s in enumerate(aggs)])
        checks = [F.sum(f"a{i}") for i in range(len(aggs))] + [F.count("*")]
        return tuple(ans.agg(*checks).collect()[0])

    sc = spark.sparkContext
    proc = getattr(sc, "_proc", None) or getattr(getattr(sc, "_gateway", None), "proc", None)
    run.cpu_pid = getattr(proc, "pid", None)
    return rows, run, spark.stop


def cpu_seconds(pid):
    """User plus system CPU seconds of process ``pid`` so far (None when unknown): a figure
    that stays comparable when other work loads the machine, unlike elapsed time."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def duckdb_engine(path: str):
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute(f"CREATE TABLE x AS SELECT * FROM read_csv('{path}', header = true, columns = {{"
                "'id1': 'VARCHAR', 'id2': 'VARCHAR', 'id3': 'VARCHAR', 'id4': 'INTEGER', 'id5': 'INTEGER',"
                " 'id6': 'INTEGER', 'v1': 'INTEGER', 'v2': 'INTEGER', 'v3': 'DOUBLE'})")
    rows = con.execute("SELECT count(*) FROM x").fetchone()[0]
    sql_agg = {"sum": "sum({})", "mean": "avg({})", "range": "max({}) - min({})", "count": "count(*)"}

    def run(question):
        keys, aggs = QUESTIONS[question]
        cols = [sql_agg[s[0]].format(*s[1:]) + f" AS a{i}" for i, s in enumerate(aggs)]
        inner = f"SELECT {', '.join(keys)}, {', '.join(cols)} FROM x GROUP BY {', '.join(keys)}"
        checks = ", ".join([f"sum(a{i})" for i in range(len(aggs))] + ["count(*)"])
        return con.execute(f"SELECT {checks} FROM ({inner})").fetchone()

    return rows, run, con.close


def polars_engine(path: str):
    import polars as pl

    dtypes = {"id1": pl.Utf8, "id2": pl.Utf8, "id3": pl.Utf8, "id4": pl.Int32, "id5": pl.Int32,
              "id6": pl.Int32, "v1": pl.Int32, "v2": pl.Int32, "v3": pl.Float64}
    x = pl.read_csv(path, schema_overrides=dtypes)
    x = x.with_columns([pl.col(c).cast(pl.Categorical) for c in ("id1", "id2", "id3")])

    def agg_column(spec, i):
        if spec[0] == "sum":
            return pl.col(spec[1]).sum().alias(f"a{i}")
        if spec[0] == "mean":
            return pl.col(spec[1]).mean().alias(f"a{i}")
        if spec[0] == "range":
            return (pl.col(spec[1]).max() - pl.col(spec[2]).min()).alias(f"a{i}")
        return pl.len().alias(f"a{i}")

    def run(question):
        keys, aggs = QUESTIONS[question]
        ans = x.group_by(keys).agg([agg_column(s, i) for i, s in enumerate(aggs)])
        checks = [pl.col(f"a{i}").sum() for i in range(len(aggs))] + [pl.len()]
        return tuple(ans.select(checks).row(0))

    return x.height, run, lambda: None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", required=True, choices=["ember", "pyspark", "duckdb", "polars"])
    ap.add_argument("--runs", type=int, default=2, help="runs per question; the best is reported")
    ap.add_argument("--questions", default=",".join(QUESTIONS))
    ap.add_argument("data")
    a = ap.parse_args()
    if a.engine == "polars":
        os.environ.setdefault("POLARS_MAX_THREADS", "2")
    t0 = time.perf_counter()
    if a.engine in ("ember", "pyspark"):
        rows, run, stop = spark_like(a.engine, a.data)
    elif a.engine == "duckdb":
        rows, run, stop = duckdb_engine(a.data)
    else:
        rows, run, stop = polars_engine(a.data)
    print(f"{a.engine}: loaded and cached {rows} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    pid = getattr(run, "cpu_pid", None)
    total, total_cpu = 0.0, 0.0
    for q in a.questions.split(","):
        best, best_cpu, check = float("inf"), float("inf"), None
        for _ in range(a.runs):
            t, c = time.perf_counter(), cpu_seconds(pid)
            check = run(q)
            best = min(best, time.perf_counter() - t)
            if c is not None:
                best_cpu = min(best_cpu, cpu_seconds(pid) - c)
        total += best
        shown = ", ".join(f"{v:.6g}" if isinstance(v, float) else str(v) for v in check)
        cpu = f"  (engine cpu {best_cpu:7.2f} s)" if best_cpu != float("inf") else ""
        total_cpu += best_cpu
        print(f"{a.engine} {q:>4}: {best:7.3f} s{cpu}   check ({shown})", flush=True)
    cpu = f" (engine cpu {total_cpu:.2f} s)" if total_cpu != float("inf") else ""
    print(f"{a.engine} total: {total:.2f} s{cpu}; load average {os.getloadavg()[0]:.1f}", flush=True)
    stop()


if __name__ == "__main__":
    sys.exit(main())
