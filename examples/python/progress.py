"""A job slow enough to watch Ember's console progress bar on stderr, e.g.
`[Stage 0:=========>             (17 + 2) / 40]`.

    python examples/python/progress.py [TASKS] [SECONDS_PER_TASK]      (defaults: 40, 0.1)

The bar shows for stages running longer than half a second; it is on by default when stderr
is a terminal, and here forced on with ember.ui.showConsoleProgress=true.
"""

import sys
import time

from ember import SparkConf, SparkContext


def main(tasks: int, seconds: float) -> None:
    conf = SparkConf().setAppName("PythonProgress").set("ember.ui.showConsoleProgress", "true")
    with SparkContext(conf=conf) as sc:
        def slow_square(x: int) -> int:
            time.sleep(seconds)
            return x * x
        total = sc.parallelize(range(tasks), tasks).map(slow_square).sum()
        print("sum of squares below %d: %d" % (tasks, total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40,
         float(sys.argv[2]) if len(sys.argv) > 2 else 0.1)
