#!/usr/bin/env python3
"""What the web UI's store and the event log cost a job of many small tasks.

    ui_bench.py [--tasks 10000] [--runs 3]

Runs the same job (``sc.range(0, tasks, numSlices=tasks).count()``, one task per element)
in fresh processes with the UI and the event log both off, then both on (the event log in a
temporary directory), after one warm-up job in each process. Prints the median time of the
timed job for each setting, the overhead, and the listener events the bus had to drop.
The issue's bar: at most 5% slower with both on.
"""
import argparse
import statistics
import subprocess
import sys
import tempfile

PROGRAM = r"""
import sys, time
from ember import SparkConf, SparkContext
on, tasks, logdir = sys.argv[1] == "on", int(sys.argv[2]), sys.argv[3]
conf = (SparkConf().setMaster("local[2]").setAppName("ui bench")
        .set("ember.ui.enabled", str(on).lower()).set("ember.eventLog.enabled", str(on).lower())
        .set("ember.eventLog.dir", logdir))
sc = SparkContext(conf=conf)
sc.range(0, 1000, numSlices=200).count()
t0 = time.perf_counter()
assert sc.range(0, tasks, numSlices=tasks).count() == tasks
t1 = time.perf_counter()
print("TIME %.3f DROPPED %d" % (t1 - t0, sc._jsc.listenerBus().droppedEvents()))
sc.stop()
"""


def run(mode, tasks, logdir):
    out = subprocess.run([sys.executable, "-c", PROGRAM, mode, str(tasks), logdir], capture_output=True,
                         text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("TIME "))
    parts = line.split()
    return float(parts[1]), int(parts[3])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    times = {"off": [], "on": []}
    dropped = 0
    with tempfile.TemporaryDirectory() as logdir:
        for _ in range(a.runs):       # interleaved, so load changes hit both settings alike
            for mode in ("off", "on"):
                t, d = run(mode, a.tasks, logdir)
                times[mode].append(t)
                dropped += d
    off, on = statistics.median(times["off"]), statistics.median(times["on"])
    print("%d-task job, UI and event log off: %.2f s (runs: %s)" % (a.tasks, off, ", ".join("%.2f" % x for x in times["off"])))
    print("%d-task job, UI and event log on:  %.2f s (runs: %s)" % (a.tasks, on, ", ".join("%.2f" % x for x in times["on"])))
    print("overhead: %+.1f%% (median of %d); listener events dropped: %d" % ((on / off - 1) * 100, a.runs, dropped))


if __name__ == "__main__":
    main()
