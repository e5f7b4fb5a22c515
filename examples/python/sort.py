"""Sorts the whitespace-separated integers of a text file and prints them, one per line.

    python examples/python/sort.py [FILE]      (default: examples/data/numbers.txt)
"""

import os
import sys

from ember import SparkContext

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                             "numbers.txt")


def main(path: str) -> None:
    with SparkContext(appName="PythonSort") as sc:
        numbers = sc.textFile(path).flatMap(lambda line: line.split()).map(int)
        # sortBy samples the keys to range-partition them, then sorts each partition:
        # the partitions in order hold the numbers in order.
        for n in numbers.sortBy(lambda x: x, numPartitions=2).collect():
            print(n)


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print("Usage: sort.py [file]", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1] if len(sys.argv) == 2 else DEFAULT_INPUT)
