"""PageRank over a link graph given as `source destination` lines (`#` starts a comment).

    python examples/python/pagerank.py [FILE] [ITERATIONS]
        (defaults: examples/data/pagerank_edges.txt, 10)

Prints `<page> has rank: <rank>.` for every page. This is the textbook algorithm (each page
keeps 15% of a unit of rank and receives 85% of its in-links' shares); for real graphs use a
graph library.
"""

import os
import sys
from operator import add
from typing import Iterable, Tuple

from ember import SparkContext

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                             "pagerank_edges.txt")


def contributions(urls: Iterable[str], rank: float) -> Iterable[Tuple[str, float]]:
    """Shares the page's rank equally among the pages it links to."""
    urls = list(urls)
    for url in urls:
        yield url, rank / len(urls)


def parse_edge(line: str) -> Tuple[str, str]:
    src, dst = line.split()[:2]
    return src, dst


def main(path: str, iterations: int) -> None:
    with SparkContext(appName="PythonPageRank") as sc:
        lines = sc.textFile(path).filter(lambda s: s.strip() and not s.lstrip().startswith("#"))
        # (page, its out-links), kept in memory: every iteration joins against it
        links = lines.map(parse_edge).distinct().groupByKey().cache()
        ranks = links.mapValues(lambda _: 1.0)
        for _ in range(iterations):
            contribs = links.join(ranks).flatMap(
                lambda page_links_rank: contributions(*page_links_rank[1]))
            ranks = contribs.reduceByKey(add).mapValues(lambda rank: 0.15 + 0.85 * rank)
        for page, rank in sorted(ranks.collect()):
            print("%s has rank: %s." % (page, rank))


if __name__ == "__main__":
    if len(sys.argv) > 3:
        print("Usage: pagerank.py [file] [iterations]", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT,
         int(sys.argv[2]) if len(sys.argv) > 2 else 10)
