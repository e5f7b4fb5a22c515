"""One benchmark workload on one engine, in its own process (called by python_bench.py).

    python bench_jobs.py ENGINE WORKLOAD [--text PATH] [--pairs PATH] [--records N] ...

ENGINE is ``ember`` or ``pyspark``: both are driven through the same PySpark API, so the
workload code below is shared word for word. The context runs ``local[2]``; a tiny warm-up
job runs first (it starts the Python workers), then the workload is timed. The last stdout
line is a JSON object: {"seconds": ..., "result": ..., ...}.

The ``startup`` workload is the exception: it is the whole of a tiny ``app.py`` (import,
context, one tiny job) and prints the wall clock when the result is in, so the caller can
time it from process start.
"""

import argparse
import json
import os
import sys
import threading
import time
from operator import add

T_IMPORT = time.time()


def engine_module(name):
    if name == "ember":
        import ember
        return ember
    import pyspark
    return pyspark


def make_context(engine, args, extra=None):
    mod = engine_module(engine)
    conf = mod.SparkConf().setMaster("local[2]").setAppName("python-bench")
    if engine == "pyspark":
        conf.set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
        conf.set("spark.driver.memory", args.jvm_memory)
    for k, v in (extra or {}).items():
        conf.set(k, v)
    sc = mod.SparkContext(conf=conf)
    if engine == "pyspark":
        sc.setLogLevel("ERROR")
    return sc


# -- workloads: f(sc, args) -> a small, checkable result -----------------------------------

def parse_pair(line):
    k, v = line.split()
    return int(k), int(v)


def wordcount(sc, args):
    counts = sc.textFile(args.text).flatMap(lambda line: line.split()) \
        .map(lambda w: (w, 1)).reduceByKey(add).collect()
    return [len(counts), sum(c for _, c in counts)]


def reduce_by_key(sc, args):
    out = sc.textFile(args.pairs).map(parse_pair).reduceByKey(add).collect()
    return [len(out), sum(v for _, v in out)]


def group_by_key(sc, args):
    out = sc.textFile(args.pairs).map(parse_pair).groupByKey().mapValues(len).collect()
    return [len(out), sum(n for _, n in out)]


def _run_summary(it):
    n, first, last, ordered, prev = 0, None, None, True, None
    for k in it:
        if n == 0:
            first = k
        elif k < prev:
            ordered = False
        prev = last = k
        n += 1
    return [(n, first, last, ordered)] if n else []


def sort_by_key(sc, args):
    runs = sc.textFile(args.pairs).map(parse_pair).sortByKey().keys() \
        .mapPartitions(_run_summary).collect()
    ordered = all(r[3] for r in runs) and all(a[2] <= b[1] for a, b in zip(runs, runs[1:]))
    return [sum(r[0] for r in runs), ordered]


def join(sc, args):
    dim = sc.parallelize([(k, k % 7) for k in range(100_000)], 2)
    return sc.textFile(args.pairs).map(parse_pair).join(dim).count()


def python_map(sc, args):
    return sc.range(args.records, numSlices=2) \
        .map(lambda x: (x & 1023, x)).map(lambda kv: kv[0] + kv[1] * 3).sum()


def group_memory(sc, args):
    """groupByKey of ~args.group_mb MB of Python values under a small worker memory limit."""
    width = 100
    n = args.group_mb * (1 << 20) // (width + 60)   # a 100-char str in a list: ~160 bytes
    out = sc.range(n, numSlices=4) \
        .map(lambda i: (i % 2000, str(i).rjust(width, "x"))) \
        .groupByKey(4).mapValues(len).collect()
    return [len(out), sum(c for _, c in out)]


WORKLOADS = {
    "wordcount": wordcount,
    "reduceByKey": reduce_by_key,
    "groupByKey": group_by_key,
    "sortByKey": sort_by_key,
    "join": join,
    "pymap": python_map,
    "groupMemory": group_memory,
}


# -- worker memory -------------------------------------------------------------------------

def _processes():
    """pid -> (ppid, cmdline, cpu ticks incl. reaped children) of every process."""
    procs = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        procs[int(entry)] = (int(fields[1]), cmd, sum(int(x) for x in fields[11:15]))
    return procs


def _descendants(procs):
    mine = {os.getpid()}
    changed = True
    while changed:
        changed = False
        for pid, info in procs.items():
            if info[0] in mine and pid not in mine:
                mine.add(pid)
                changed = True
    return mine


def tree_cpu_seconds():
    """CPU seconds used so far by this process and all its descendants (driver, JVM,
    daemon, workers): under load, a steadier figure than wall time."""
    procs = _processes()
    return sum(procs[p][2] for p in _descendants(procs)) / os.sysconf("SC_CLK_TCK")


def _hwm_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class WorkerMemoryWatch:
    """Polls the peak RSS (VmHWM) of the Python workers: children of ``daemon_module``
    processes (ember.daemon / pyspark.daemon) that descend from this process."""

    def __init__(self, daemon_module, interval=0.5):
        self.daemon_module = daemon_module
        self.interval = interval
        self.peak_kb = 0
        self.workers = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.poll()
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            self.poll()
            self._stop.wait(self.interval)

    def poll(self):
        procs = _processes()
        mine = _descendants(procs)
        daemons = {pid for pid in mine if self.daemon_module in procs[pid][1]
                   and procs.get(procs[pid][0], (0, ""))[1].find(self.daemon_module) < 0}
        for pid in mine:
            if procs[pid][0] in daemons:
                self.workers.add(pid)
                self.peak_kb = max(self.peak_kb, _hwm_kb(pid))


# -- main ----------------------------------------------------------------------------------

def startup(engine):
    sc = make_context(engine, argparse.Namespace(jvm_memory="1g"))
    n = sc.parallelize([1, 2, 3]).count()
    done = time.time()
    print(json.dumps({"result_at": done, "result": n, "imported_at": T_IMPORT}))
    sys.stdout.flush()
    sc.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("engine", choices=["ember", "pyspark"])
    ap.add_argument("workload", choices=sorted(WORKLOADS) + ["startup"])
    ap.add_argument("--text")
    ap.add_argument("--pairs")
    ap.add_argument("--records", type=int, default=10_000_000)
    ap.add_argument("--group-mb", type=int, default=400)
    ap.add_argument("--worker-memory-mb", type=int, default=64)
    ap.add_argument("--jvm-memory", default="4g")
    args = ap.parse_args()
    if args.workload == "startup":
        startup(args.engine)
        return
    extra = {}
    if args.workload == "groupMemory":
        extra["spark.python.worker.memory"] = "%dm" % args.worker_memory_mb if \
            args.engine == "pyspark" else str(args.worker_memory_mb)
    sc = make_context(args.engine, args, extra)
    try:
        sc.parallelize([1, 2, 3, 4], 2).count()   # warm-up: starts the Python workers
        with WorkerMemoryWatch("%s.daemon" % args.engine) as watch:
            cpu0 = tree_cpu_seconds()
            t0 = time.perf_counter()
            result = WORKLOADS[args.workload](sc, args)
            seconds = time.perf_counter() - t0
            cpu = tree_cpu_seconds() - cpu0
        print(json.dumps({"seconds": seconds, "result": result, "cpu_seconds": cpu,
                          "worker_peak_mb": watch.peak_kb / 1024.0,
                          "workers": len(watch.workers)}))
        sys.stdout.flush()
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
