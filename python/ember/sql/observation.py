"""``Observation``: named aggregate metrics of a DataFrame (PySpark's
``pyspark.sql.Observation``), used with :meth:`DataFrame.observe`.

Spark folds the metrics into the first action's job; Ember computes them with one aggregate
over the observed DataFrame when ``get`` is first read, and keeps them. For deterministic
input the values are the same; ``get`` before ``observe`` raises as in PySpark.

>>> obs = Observation("stats")
>>> df = spark.range(5).observe(obs, F.count(F.lit(1)).alias("n"), F.max("id").alias("mx"))
>>> df.count(), obs.get
(5, {'n': 5, 'mx': 4})
"""

import threading
from typing import Any, Dict, Optional

from ember.errors import PySparkAssertionError, PySparkTypeError, not_expected_type

__all__ = ["Observation"]


class Observation:
    """Metrics of one observed DataFrame; thread-safe (``get`` computes once)."""

    def __init__(self, name: Optional[str] = None):
        if name is not None and (not isinstance(name, str) or not name):
            raise PySparkTypeError("`name` should be a non-empty str, got %r." % (name,),
                                   "NOT_STR", {"arg_name": "name"})
        self._name = name
        self._lock = threading.Lock()
        self._observed: Any = None
        self._metrics: Optional[Dict[str, Any]] = None

    def _on(self, df: Any, exprs: tuple) -> Any:
        from ember.sql.column import Column
        if not exprs:
            raise PySparkTypeError("[CANNOT_BE_EMPTY] At least one expression must be given.",
                                   "CANNOT_BE_EMPTY", {"item": "exprs"})
        for e in exprs:
            if not isinstance(e, Column):
                raise not_expected_type("exprs", "list of Column", e)
        df.agg(*exprs)   # an expression that is not a named aggregate fails now, as in Spark
        with self._lock:
            if self._observed is not None:
                raise PySparkAssertionError("An Observation can be used with a DataFrame "
                                            "only once.", "REUSE_OBSERVATION", {})
            self._observed = (df, exprs)
        return df

    @property
    def get(self) -> Dict[str, Any]:
        """The metrics by name (computed on first use)."""
        with self._lock:
            if self._observed is None:
                raise PySparkAssertionError("Should observe by calling `DataFrame.observe` "
                                            "before `get`.", "NO_OBSERVE_BEFORE_GET", {})
            if self._metrics is None:
                df, exprs = self._observed
                self._metrics = df.agg(*exprs).head().asDict(recursive=True)
            return dict(self._metrics)
