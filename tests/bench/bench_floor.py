"""The plain-Python floor: each workload of bench_jobs.py computed with no engine, one process
per core (multiprocessing), reading the same files. What an engine adds on top of this is
its overhead.

    python bench_floor.py WORKLOAD [--text PATH] [--pairs PATH] [--records N] [--procs 2]

The last stdout line is JSON: {"seconds": ..., "result": ...} (results match bench_jobs.py).
"""

import argparse
import bisect
import json
import os
import time
from collections import Counter, defaultdict
from multiprocessing import Pool


def byte_ranges(path, parts):
    size = os.path.getsize(path)
    return [(path, size * i // parts, size * (i + 1) // parts) for i in range(parts)]


BLOCK = 8 << 20


def read_blocks(path, start, end):
    """The text of the lines whose first byte lies in [start, end) (the engines' split
    rule), in blocks of about BLOCK bytes that end at line ends."""
    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            f.readline()
        pos = f.tell()
        while pos < end:
            block = f.read(min(BLOCK, end - pos))
            if not block:
                return
            if not block.endswith(b"\n"):
                block += f.readline()   # finish the last line, even past end
            pos += len(block)
            yield block.decode("utf-8")


def read_lines(path, start, end):
    for block in read_blocks(path, start, end):
        lines = block.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        yield from lines


def _count_words(rng):
    c = Counter()
    for block in read_blocks(*rng):
        c.update(block.split())
    return c


def _sum_pairs(rng):
    d = {}
    for line in read_lines(*rng):
        k, v = line.split()
        k = int(k)
        d[k] = d.get(k, 0) + int(v)
    return d


def _group_pairs(rng):
    d = defaultdict(list)
    for line in read_lines(*rng):
        k, v = line.split()
        d[int(k)].append(int(v))
    return d


def _range_split(args):
    rng, bounds = args
    out = [[] for _ in range(len(bounds) + 1)]
    for line in read_lines(*rng):
        k, v = line.split()
        k = int(k)
        out[bisect.bisect_left(bounds, k)].append((k, int(v)))
    return out


def _sort_run(chunks):
    run = sorted((p for chunk in chunks for p in chunk), key=lambda kv: kv[0])
    return (len(run), run[0][0], run[-1][0]) if run else (0, None, None)


def _join_count(rng):
    dim = {k: k % 7 for k in range(100_000)}
    n = 0
    for line in read_lines(*rng):
        k, v = line.split()
        k = int(k)
        if k in dim:
            n += 1
    return n


def _map_sum(bounds):
    f = lambda x: (x & 1023, x)          # noqa: E731 - the same lambdas as bench_jobs
    g = lambda kv: kv[0] + kv[1] * 3     # noqa: E731
    return sum(map(g, map(f, range(*bounds))))


def wordcount(pool, args):
    total = Counter()
    for c in pool.map(_count_words, byte_ranges(args.text, args.procs)):
        total.update(c)
    return [len(total), sum(total.values())]


def reduce_by_key(pool, args):
    total = {}
    for d in pool.map(_sum_pairs, byte_ranges(args.pairs, args.procs)):
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    return [len(total), sum(total.values())]


def group_by_key(pool, args):
    total = defaultdict(list)
    for d in pool.map(_group_pairs, byte_ranges(args.pairs, args.procs)):
        for k, vs in d.items():
            total[k].extend(vs)
    return [len(total), sum(len(vs) for vs in total.values())]


def sort_by_key(pool, args):
    n = args.procs
    bounds = [100_000 * (i + 1) // n for i in range(n - 1)]   # keys are 0..99999
    splits = pool.map(_range_split, [(r, bounds) for r in byte_ranges(args.pairs, n)])
    runs = pool.map(_sort_run, [[s[i] for s in splits] for i in range(n)])
    return [sum(r[0] for r in runs), all(a[2] <= b[1] for a, b in zip(runs, runs[1:]))]


def join(pool, args):
    return sum(pool.map(_join_count, byte_ranges(args.pairs, args.procs)))


def python_map(pool, args):
    n, p = args.records, args.procs
    return sum(pool.map(_map_sum, [(n * i // p, n * (i + 1) // p) for i in range(p)]))


WORKLOADS = {
    "wordcount": wordcount,
    "reduceByKey": reduce_by_key,
    "groupByKey": group_by_key,
    "sortByKey": sort_by_key,
    "join": join,
    "pymap": python_map,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workload", choices=sorted(WORKLOADS))
    ap.add_argument("--text")
    ap.add_argument("--pairs")
    ap.add_argument("--records", type=int, default=10_000_000)
    ap.add_argument("--procs", type=int, default=2)
    args = ap.parse_args()
    c0 = os.times()
    t0 = time.perf_counter()
    with Pool(args.procs) as pool:
        result = WORKLOADS[args.workload](pool, args)
    seconds = time.perf_counter() - t0
    c1 = os.times()
    cpu = sum(c1[:4]) - sum(c0[:4])   # this process and its (reaped) pool processes
    print(json.dumps({"seconds": seconds, "result": result, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
