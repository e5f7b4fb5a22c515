"""Word count: prints `word: count` lines for the words of a text file.

    python examples/python/wordcount.py FILE
"""

import sys
from operator import add

from ember import SparkContext


def main(path: str) -> None:
    with SparkContext(appName="PythonWordCount") as sc:
        counts = (sc.textFile(path)
                  .flatMap(lambda line: line.split())
                  .map(lambda word: (word, 1))
                  .reduceByKey(add))
        for word, count in sorted(counts.collect(), key=lambda wc: (-wc[1], wc[0])):
            print("%s: %i" % (word, count))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("Usage: wordcount.py <file>", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
