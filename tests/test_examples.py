"""Runs each program in examples/python as `python examples/python/X.py [args]` and checks
its output against the same computation in plain Python."""

import collections
import math
import os
import subprocess
import sys

import pytest

from conftest import ROOT, subprocess_env

EXAMPLES = os.path.join(ROOT, "examples", "python")
DATA = os.path.join(ROOT, "examples", "data")


def run_example(name: str, *args: str) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, os.path.join(EXAMPLES, name)] + list(args),
                       env=subprocess_env(EMBER_MASTER="local[2]"), capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r


def load_example(name: str):
    """Imports an example as a module (for its helper functions; main() does not run)."""
    if EXAMPLES not in sys.path:
        sys.path.insert(0, EXAMPLES)
    return __import__(name)


def test_wordcount(tmp_path):
    text = "the cat and the hat\nthe end\n\n  and   more  \n"
    path = tmp_path / "in.txt"
    path.write_text(text)
    lines = run_example("wordcount.py", str(path)).stdout.splitlines()
    counts = collections.Counter(text.split())
    assert sorted(lines) == sorted("%s: %d" % kv for kv in counts.items())
    assert lines[0] == "the: 3"      # most frequent first
    bundled = run_example("wordcount.py").stdout.splitlines()
    with open(os.path.join(DATA, "words.txt")) as f:
        assert len(bundled) == len(set(f.read().split()))


def test_pi():
    out = run_example("pi.py", "2").stdout
    assert abs(float(out.split()[-1]) - math.pi) < 0.1


def test_sort(tmp_path):
    numbers = [5, -3, 12, 0, 7, 7, 100, -50, 3]
    path = tmp_path / "numbers.txt"
    path.write_text("5 -3 12\n0 7\n7 100 -50\n3\n")
    assert [int(x) for x in run_example("sort.py", str(path)).stdout.split()] == sorted(numbers)


def python_pagerank(edges, iterations):
    links = collections.defaultdict(set)
    for src, dst in edges:
        links[src].add(dst)
    ranks = {page: 1.0 for page in links}
    for _ in range(iterations):
        contribs = collections.defaultdict(float)
        for page, outs in links.items():
            for dst in outs:
                contribs[dst] += ranks[page] / len(outs)
        ranks = {page: 0.15 + 0.85 * c for page, c in contribs.items()}
    return ranks


def test_pagerank():
    path = os.path.join(DATA, "pagerank_edges.txt")
    out = run_example("pagerank.py", path, "10").stdout.splitlines()
    ranks = {line.split()[0]: float(line.split()[-1].rstrip(".")) for line in out}
    with open(path) as f:
        edges = [tuple(line.split()) for line in f if line.strip() and not line.startswith("#")]
    expect = python_pagerank(edges, 10)
    assert ranks.keys() == expect.keys()
    assert all(ranks[p] == pytest.approx(expect[p]) for p in ranks)
    assert sum(ranks.values()) == pytest.approx(len(ranks), rel=0.05)   # no dangling pages


def test_transitive_closure():
    tc = load_example("transitive_closure")
    edges = tc.generate_graph(60, 40)
    closure = set(edges)
    while True:
        longer = {(a, d) for a, b in closure for c, d in edges if b == c} | closure
        if longer == closure:
            break
        closure = longer
    out = run_example("transitive_closure.py", "2", "60", "40").stdout
    assert out.startswith("TC has %d edges" % len(closure))


def test_kmeans():
    km = load_example("kmeans")
    out = run_example("kmeans.py", "-", "3").stdout.splitlines()
    centers = sorted(tuple(float(x) for x in line.split()[1:]) for line in out)
    assert len(centers) == 3
    for found, true in zip(centers, sorted(km.TRUE_CENTERS)):
        assert math.dist(found, true) < 0.3


def test_logistic_regression(tmp_path):
    lr = load_example("logistic_regression")
    path = tmp_path / "points.txt"
    path.write_text("\n".join(lr.generate_points(200, seed=5)) + "\n")
    out = run_example("logistic_regression.py", str(path), "20").stdout.splitlines()
    w = [float(x) for x in out[0].split("[")[1].rstrip("]").split(",")]
    assert len(w) == 3 and w[0] > 0 and w[1] > 0      # class 1 lies towards +x, +y
    assert float(out[1].split()[-1]) > 0.9


def test_broadcast_accumulator():
    ba = load_example("broadcast_accumulator")
    out = run_example("broadcast_accumulator.py").stdout.splitlines()
    totals = collections.defaultdict(float)
    for customer, product, quantity in ba.ORDERS:
        if product in ba.PRODUCTS:
            totals[customer] += quantity * ba.PRODUCTS[product][1]
    expect = ["%s spent %.2f" % kv for kv in sorted(totals.items())]
    expect.append("units ordered: %d" % sum(q for _, _, q in ba.ORDERS))
    expect.append("orders with an unknown product: %d"
                  % sum(1 for _, p, _ in ba.ORDERS if p not in ba.PRODUCTS))
    assert out == expect


def test_progress_bar_is_drawn():
    r = run_example("progress.py", "16", "0.12")
    assert r.stdout.strip() == "sum of squares below 16: %d" % sum(x * x for x in range(16))
    assert "[Stage 0:" in r.stderr and "/ 16]" in r.stderr


SALES_REVENUE = """\
+------+------------------+-----+----------+
|region|           revenue|sales|  last_day|
+------+------------------+-----+----------+
| north|             18.35|    4|2026-01-09|
|  east|              15.9|    2|2026-01-09|
| south|12.299999999999999|    3|2026-01-08|
+------+------------------+-----+----------+
"""


def test_dataframe_sales_as_pyspark_prints_it():
    """The table PySpark 4.3 prints for the same program (its imports swapped)."""
    out = run_example("dataframe_sales.py").stdout
    assert " |-- day: date (nullable = true)\n" in out
    assert out.endswith(SALES_REVENUE + "\n")


def test_dataframe_sales_through_ember_submit():
    submit = os.path.join(ROOT, "launcher", "bin", "ember-submit")
    r = subprocess.run([submit, "--master", "local[2]", os.path.join(EXAMPLES, "dataframe_sales.py")],
                       env=subprocess_env(), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.endswith(SALES_REVENUE + "\n")
