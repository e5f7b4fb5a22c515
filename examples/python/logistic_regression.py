"""Logistic regression by batch gradient descent, in plain Python (no numpy).

    python examples/python/logistic_regression.py [FILE] [ITERATIONS]
        (defaults: 400 generated points, 100 iterations)

FILE has one point per line: a label (0 or 1) then the features, separated by spaces.
Prints the final weights and the training accuracy. This is the textbook algorithm, for
learning the API; use a machine learning library for real work.
"""

import math
import random
import sys
from typing import List, Tuple

from ember import SparkContext

Point = Tuple[float, List[float]]   # (label -1 or +1, features with a trailing 1.0 bias)


def generate_points(n: int = 400, seed: int = 3) -> List[str]:
    """Lines of two noisy classes: label 1 around (2, 2), label 0 around (-2, -2)."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        label = i % 2
        center = 2.0 if label else -2.0
        lines.append("%d %f %f" % (label, center + rng.gauss(0, 1.2), center + rng.gauss(0, 1.2)))
    return lines


def parse_point(line: str) -> Point:
    values = [float(x) for x in line.split()]
    return (1.0 if values[0] > 0 else -1.0), values[1:] + [1.0]


def dot(a: List[float], b: List[float]) -> float:
    return sum(x * y for x, y in zip(a, b))


def gradient(p: Point, w: List[float]) -> List[float]:
    """The log-loss gradient of one point: (1 / (1 + exp(-y w.x)) - 1) * y * x."""
    y, x = p
    margin = max(min(y * dot(w, x), 30.0), -30.0)
    scale = (1.0 / (1.0 + math.exp(-margin)) - 1.0) * y
    return [scale * xi for xi in x]


def main(path: str, iterations: int) -> None:
    with SparkContext(appName="PythonLR") as sc:
        lines = sc.textFile(path) if path else sc.parallelize(generate_points(), 4)
        points = lines.map(parse_point).cache()
        n = points.count()
        dims = len(points.first()[1])
        w = [0.0] * dims
        for _ in range(iterations):
            grad = points.map(lambda p, w=w: gradient(p, w)) \
                .reduce(lambda a, b: [x + y for x, y in zip(a, b)])
            w = [wi - 1.0 * g / n for wi, g in zip(w, grad)]
        accuracy = points.filter(lambda p: (dot(w, p[1]) > 0) == (p[0] > 0)).count() / n
        print("Final w: [%s]" % ", ".join("%.4f" % x for x in w))
        print("Training accuracy: %.3f" % accuracy)


if __name__ == "__main__":
    if len(sys.argv) > 3:
        print("Usage: logistic_regression.py [file] [iterations]", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "-" else "",
         int(sys.argv[2]) if len(sys.argv) > 2 else 100)
