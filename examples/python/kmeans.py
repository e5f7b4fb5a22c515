"""K-means clustering of points in plain Python (no numpy).

    python examples/python/kmeans.py [FILE] [K] [CONVERGE_DIST]
        (defaults: points generated around 3 centers, 3, 0.001)

FILE has one point per line, coordinates separated by spaces. Prints `center: x y ...` for
each final center. This is the textbook iteration, for learning the API; use a machine
learning library for real work.
"""

import random
import sys
from typing import List, Sequence, Tuple

from ember import SparkContext

Point = Tuple[float, ...]
TRUE_CENTERS = [(1.0, 1.0), (8.0, 2.0), (4.0, 9.0)]


def generate_points(n: int = 300, seed: int = 7) -> List[Point]:
    """``n`` points scattered (sd 0.5) around TRUE_CENTERS."""
    rng = random.Random(seed)
    return [tuple(c + rng.gauss(0, 0.5) for c in TRUE_CENTERS[i % len(TRUE_CENTERS)])
            for i in range(n)]


def parse_point(line: str) -> Point:
    return tuple(float(x) for x in line.split())


def squared_distance(a: Sequence[float], b: Sequence[float]) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b))


def closest(p: Point, centers: List[Point]) -> int:
    return min(range(len(centers)), key=lambda i: squared_distance(p, centers[i]))


def add_points(a: Tuple[Point, int], b: Tuple[Point, int]) -> Tuple[Point, int]:
    return tuple(x + y for x, y in zip(a[0], b[0])), a[1] + b[1]


def main(path: str, k: int, converge_dist: float) -> None:
    with SparkContext(appName="PythonKMeans") as sc:
        lines = sc.textFile(path) if path else sc.parallelize(generate_points(), 4)
        points = (lines.map(parse_point) if path else lines).cache()
        centers = points.takeSample(False, k, seed=1)
        shift = float("inf")
        while shift > converge_dist:
            # (closest center, (point, 1)) summed per center gives each cluster's mean
            sums = points.map(lambda p: (closest(p, centers), (p, 1))) \
                .reduceByKey(add_points).collectAsMap()
            new_centers = list(centers)
            for i, (total, count) in sums.items():
                new_centers[i] = tuple(x / count for x in total)
            shift = sum(squared_distance(a, b) for a, b in zip(centers, new_centers))
            centers = new_centers
        for c in sorted(centers):
            print("center: " + " ".join("%.4f" % x for x in c))


if __name__ == "__main__":
    if len(sys.argv) > 4:
        print("Usage: kmeans.py [file] [k] [convergeDist]", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "-" else "",
         int(sys.argv[2]) if len(sys.argv) > 2 else 3,
         float(sys.argv[3]) if len(sys.argv) > 3 else 0.001)
