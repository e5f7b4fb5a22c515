"""Python-side benchmarks: Ember against PySpark and against the plain-Python floor.

    python tests/bench/python_bench.py [--only wordcount,join] [--no-pyspark] [--runs 5]

Every workload runs in its own process per engine (bench_jobs.py), so engines never share
memory or a warm JIT; PySpark runs only when ``import pyspark`` works (it is not a dependency
of Ember). The floor is the same computation in plain Python, one process per core
(bench_floor.py). All engines run local[2] on the same data files:

- tests/bench/data/text200.txt (200 MB of text; tests/bench/gen/gen_text.py)
- tests/bench/data/pairs5m.txt (5 million "key value" lines; gen_pairs.py)

Printed: one table of seconds with PySpark/Ember ratios and the issue's targets, met or
missed, and the Python workers' peak memory in the groupByKey-under-a-limit run. Timings are
wall clock of one run after a warm-up job (startup: the median of --runs whole-app runs), so
run it on an otherwise idle machine; the load average is printed alongside.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")
JAVA17 = "/usr/lib/jvm/java-17-openjdk-amd64"
RECORDS = 10_000_000

SHUFFLES = ["reduceByKey", "groupByKey", "sortByKey", "join"]
WORKLOADS = ["wordcount"] + SHUFFLES + ["pymap"]


def have_pyspark():
    return subprocess.run([sys.executable, "-c", "import pyspark"],
                          capture_output=True).returncode == 0


def engine_env(engine):
    env = dict(os.environ)
    if engine == "ember":
        env["PYTHONPATH"] = os.path.join(ROOT, "python") + (
            os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env.setdefault("EMBER_ENGINE_JAR",
                       os.path.join(ROOT, "jvm", "target", "ember-engine-0.1.0-all.jar"))
    else:
        if os.path.isdir(JAVA17):
            env["JAVA_HOME"] = JAVA17
        env["PYSPARK_PYTHON"] = env["PYSPARK_DRIVER_PYTHON"] = sys.executable
        env.pop("PYTHONPATH", None)
    return env


def run_json(cmd, env=None, timeout=900):
    """Runs ``cmd``; returns the JSON object on its last stdout line, or {"error": ...}."""
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                              cwd=HERE)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after %d s" % timeout}
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["exit code %d" % proc.returncode])[-1]
        return {"error": tail[:160]}
    return json.loads(lines[-1])


def job(engine, workload, args):
    cmd = [sys.executable, os.path.join(HERE, "bench_jobs.py"), engine, workload,
           "--text", args.text, "--pairs", args.pairs, "--records", str(args.records),
           "--group-mb", str(args.group_mb), "--worker-memory-mb", str(args.worker_memory_mb)]
    return run_json(cmd, engine_env(engine))


def floor(workload, args):
    cmd = [sys.executable, os.path.join(HERE, "bench_floor.py"), workload,
           "--text", args.text, "--pairs", args.pairs, "--records", str(args.records)]
    return run_json(cmd)


def startup_times(engine, runs):
    """Seconds from `python app.py` process start to the first tiny job's result."""
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = run_json([sys.executable, os.path.join(HERE, "bench_jobs.py"), engine, "startup"],
                       engine_env(engine), timeout=120)
        if "error" in out:
            return out
        times.append(out["result_at"] - t0)
    return {"seconds": statistics.median(times), "all": times}


# -- the table -----------------------------------------------------------------------------

def fmt(x, digits=2):
    return "-" if x is None else "%.*f" % (digits, x)


def with_cpu(result):
    """"wall (cpu)" seconds: cpu is the process tree's CPU time, a steadier figure under load."""
    s = secs(result)
    if s is None or "cpu_seconds" not in result:
        return fmt(s)
    return "%s (%s)" % (fmt(s), fmt(result["cpu_seconds"], 1))


def secs(result):
    return None if result is None or "error" in result else result["seconds"]


def judge(name, e, p, f, args):
    """(target text, met?) for one row; met is None when a needed figure is missing."""
    ratio = p / e if e and p else None
    if name == "startup":
        met = None if e is None or ratio is None else (e <= 1.0 and ratio >= 4)
        return "<= 1.0 s and >= 4x PySpark", met
    if name == "wordcount":
        met = None if ratio is None or f is None else (ratio >= 2 and e <= 2 * f)
        return ">= 2x PySpark, <= 2x floor", met
    if name in SHUFFLES:
        return ">= 1.5x PySpark", None if ratio is None else ratio >= 1.5
    if name == "pymap":
        rate = args.records / e / 2 if e else None
        return ">= 2M rec/s/core (%s M)" % fmt(rate and rate / 1e6), \
            None if rate is None else rate >= 2e6
    return "", None


def print_table(rows, args):
    head = ("workload", "Ember s (cpu)", "PySpark s (cpu)", "ratio", "floor s (cpu)", "target",
            "status")
    lines = []
    for name, e, p, f, check in rows:
        es, ps, fs = secs(e), secs(p), secs(f)
        target, met = judge(name, es, ps, fs, args)
        status = "n/a" if met is None else ("met" if met else "MISSED")
        if check:
            status += " " + check
        errors = [r["error"] for r in (e, p, f) if r and "error" in r]
        if errors:
            status += " (error: %s)" % errors[0]
        lines.append((name, with_cpu(e), with_cpu(p), fmt(ps / es if es and ps else None) + "x"
                      if es and ps else "-", with_cpu(f), target, status))
    widths = [max(len(str(r[i])) for r in lines + [head]) for i in range(len(head))]
    for r in [head, tuple("-" * w for w in widths)] + lines:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())


def results_agree(*results):
    values = [r["result"] for r in results if r and "result" in r]
    if len(values) < 2:
        return ""
    return "(results agree)" if all(v == values[0] for v in values) else "(RESULTS DIFFER)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated workloads (default: all, plus startup "
                                   "and groupMemory)")
    ap.add_argument("--no-pyspark", action="store_true")
    ap.add_argument("--no-floor", action="store_true")
    ap.add_argument("--runs", type=int, default=5, help="startup runs per engine")
    ap.add_argument("--text", default=os.path.join(DATA, "text200.txt"))
    ap.add_argument("--pairs", default=os.path.join(DATA, "pairs5m.txt"))
    ap.add_argument("--records", type=int, default=RECORDS)
    ap.add_argument("--group-mb", type=int, default=400)
    ap.add_argument("--worker-memory-mb", type=int, default=64)
    ap.add_argument("--memory-margin-mb", type=int, default=32,
                    help="allowed worker peak above ember.python.worker.memory")
    args = ap.parse_args()
    for path in (args.text, args.pairs):
        if not os.path.exists(path):
            sys.exit("missing %s: generate it with tests/bench/gen/gen_text.py / "
                     "gen_pairs.py (see tests/bench/engine_bench.sh)" % path)
    selected = args.only.split(",") if args.only else ["startup"] + WORKLOADS + ["groupMemory"]
    pyspark = not args.no_pyspark and have_pyspark()
    engines = ["ember"] + (["pyspark"] if pyspark else [])
    print("Python benchmarks, local[2]; engines: %s; load average at start: %s"
          % (", ".join(engines), os.getloadavg()[0]))
    started = time.time()
    rows = []
    memory = {}
    for name in selected:
        print("  running %s ..." % name, file=sys.stderr, flush=True)
        if name == "startup":
            res = {e: startup_times(e, args.runs) for e in engines}
            rows.append((name, res["ember"], res.get("pyspark"), None, ""))
        elif name == "groupMemory":
            memory = {e: job(e, name, args) for e in engines}
        else:
            f = None if args.no_floor else floor(name, args)
            res = {e: job(e, name, args) for e in engines}
            rows.append((name, res["ember"], res.get("pyspark"), f,
                         results_agree(res["ember"], res.get("pyspark"), f)))
    print()
    print_table(rows, args)
    if memory:
        limit = args.worker_memory_mb
        print()
        print("groupByKey of ~%d MB with the worker memory limit at %d MB (peak RSS of the "
              "Python workers; target <= %d MB):" % (args.group_mb, limit,
                                                    limit + args.memory_margin_mb))
        for engine, r in memory.items():
            if "error" in r:
                print("  %-8s error: %s" % (engine, r["error"]))
                continue
            ok = r["worker_peak_mb"] <= limit + args.memory_margin_mb
            print("  %-8s peak %6.1f MB over %d workers, %.2f s  %s" % (
                engine, r["worker_peak_mb"], r["workers"], r["seconds"],
                ("met" if ok else "MISSED") if engine == "ember" else ""))
    print()
    print("total %.0f s; load average at end: %s" % (time.time() - started, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
