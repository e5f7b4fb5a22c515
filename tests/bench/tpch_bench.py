"""TPC-H's 22 queries (tests/bench/tpch/qNN.sql) on one engine over Parquet files.

  python tpch_bench.py --engine ember|pyspark|duckdb [--runs N] [--only 1,3,5] DATA_DIR

DATA_DIR holds one `<table>.parquet` per table as `tpchgen-cli parquet` writes them. Every
query's rows are collected; the best of N runs is printed per query with a checksum of the
answer, so engines can be compared line by line. `--write-answers DIR` saves each answer as
JSON lines (normalized by `normalize_row`), the form tests/test_tpch.py checks Ember against.
Peers run from their own virtual environments (tpch_bench.sh picks them); none is an Ember
dependency.
"""
import argparse
import datetime
import decimal
import hashlib
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
QUERIES = os.path.join(HERE, "tpch")
TABLES = ["lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"]


def query_text(number, scale_factor):
    """Query `number` with its validation parameters; Q11's fraction is 0.0001 / SF by the spec."""
    with open(os.path.join(QUERIES, "q%02d.sql" % number)) as f:
        text = f.read()
    return text.replace(":FRACTION", repr(0.0001 / scale_factor))


def normalize_value(v):
    if isinstance(v, (float, decimal.Decimal)):
        return round(float(v), 2)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v


def normalize_row(row):
    return [normalize_value(v) for v in row]


def checksum(rows):
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps(normalize_row(r)).encode())
    return h.hexdigest()[:12]


class EmberEngine:
    def __init__(self, data_dir, module="ember"):
        sql = __import__(module + ".sql", fromlist=["SparkSession"])
        self.spark = (sql.SparkSession.builder.master("local[2]").appName("tpch")
                      .config("spark.driver.memory", "6g").getOrCreate())
        for t in TABLES:
            self.spark.read.parquet(os.path.join(data_dir, t + ".parquet")).createOrReplaceTempView(t)

    def run(self, text):
        return [tuple(r) for r in self.spark.sql(text).collect()]

    def close(self):
        self.spark.stop()


class DuckDbEngine:
    def __init__(self, data_dir):
        import duckdb
        self.con = duckdb.connect()
        self.con.execute("SET threads TO 2")
        for t in TABLES:
            path = os.path.join(data_dir, t + ".parquet")
            self.con.execute("CREATE VIEW %s AS SELECT * FROM read_parquet('%s')" % (t, path))

    def run(self, text):
        return self.con.execute(text).fetchall()

    def close(self):
        self.con.close()


def make_engine(name, data_dir):
    if name == "ember":
        return EmberEngine(data_dir)
    if name == "pyspark":
        return EmberEngine(data_dir, module="pyspark")
    if name == "duckdb":
        return DuckDbEngine(data_dir)
    raise SystemExit("unknown engine %r (ember, pyspark, duckdb)" % name)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", required=True)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--only", default="", help="comma list of query numbers")
    p.add_argument("--sf", type=float, default=1.0, help="the data's scale factor (for Q11)")
    p.add_argument("--write-answers", metavar="DIR")
    p.add_argument("data_dir")
    args = p.parse_args()
    numbers = [int(n) for n in args.only.split(",") if n] or list(range(1, 23))
    start = time.perf_counter()
    engine = make_engine(args.engine, args.data_dir)
    print("%s: started in %.2f s; load average %s" % (
        args.engine, time.perf_counter() - start, " ".join(open("/proc/loadavg").read().split()[:3])))
    total = 0.0
    for n in numbers:
        text = query_text(n, args.sf)
        best, rows, error = None, None, None
        for _ in range(args.runs):
            t0 = time.perf_counter()
            try:
                rows = engine.run(text)
            except Exception as e:  # a failing query is reported and the run goes on
                error = str(e).splitlines()[0][:160]
                break
            took = time.perf_counter() - t0
            best = took if best is None else min(best, took)
        if error is not None:
            print("%s q%02d FAILED %s" % (args.engine, n, error), flush=True)
            continue
        total += best
        print("%s q%02d %8.2f s  rows=%-5d checksum=%s" % (args.engine, n, best, len(rows), checksum(rows)),
              flush=True)
        if args.write_answers:
            os.makedirs(args.write_answers, exist_ok=True)
            with open(os.path.join(args.write_answers, "q%02d.jsonl" % n), "w") as f:
                for r in rows:
                    f.write(json.dumps(normalize_row(r)) + "\n")
    print("%s total %.2f s" % (args.engine, total))
    engine.close()


if __name__ == "__main__":
    sys.exit(main())
