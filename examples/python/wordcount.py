"""Word count: prints `word: count` lines for the words of a text file, most frequent first.

    python examples/python/wordcount.py [FILE]      (default: examples/data/words.txt)
"""

import os
import sys
from operator import add

from ember import SparkContext

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                             "words.txt")


def main(path: str) -> None:
    with SparkContext(appName="PythonWordCount") as sc:
        counts = (sc.textFile(path)
                  .flatMap(lambda line: line.split())
                  .map(lambda word: (word, 1))
                  .reduceByKey(add))
        for word, count in sorted(counts.collect(), key=lambda wc: (-wc[1], wc[0])):
            print("%s: %i" % (word, count))


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print("Usage: wordcount.py [file]", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1] if len(sys.argv) == 2 else DEFAULT_INPUT)
