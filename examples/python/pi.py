"""Estimates pi by throwing random darts at the unit square.

    python examples/python/pi.py [partitions]
"""

import random
import sys
from operator import add

from ember import SparkContext


def main(partitions: int) -> None:
    n = 100000 * partitions

    def inside(_: int) -> int:
        x, y = random.random() * 2 - 1, random.random() * 2 - 1
        return 1 if x * x + y * y <= 1 else 0

    with SparkContext(appName="PythonPi") as sc:
        count = sc.parallelize(range(1, n + 1), partitions).map(inside).reduce(add)
        print("Pi is roughly %f" % (4.0 * count / n))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
