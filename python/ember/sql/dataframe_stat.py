"""``df.stat`` (corr, cov, crosstab, approxQuantile) and ``describe`` / ``summary``, built from
aggregates the JVM computes; only the small results (one row, or one row a statistic) reach
Python."""

from typing import Any, List, Optional, Union

from ember.errors import PySparkValueError, not_expected_type
from ember.sql import functions as F

__all__ = ["DataFrameStatFunctions", "summary"]

_DEFAULT_STATS = ("count", "mean", "stddev", "min", "25%", "50%", "75%", "max")


def _quoted(name: str) -> str:
    return "`%s`" % name.replace("`", "``")


class DataFrameStatFunctions:
    def __init__(self, df: Any):
        self.df = df

    def _two(self, col1: Any, col2: Any, method: Optional[str]) -> None:
        if not isinstance(col1, str):
            raise not_expected_type("col1", "str", col1)
        if not isinstance(col2, str):
            raise not_expected_type("col2", "str", col2)
        if method not in (None, "pearson"):
            raise PySparkValueError("Currently only the calculation of the Pearson "
                                    "Correlation coefficient is supported.",
                                    "VALUE_NOT_PEARSON", {"arg_name": "method",
                                                          "arg_value": str(method)})

    def corr(self, col1: str, col2: str, method: Optional[str] = None) -> Optional[float]:
        """Pearson correlation of two numeric columns."""
        self._two(col1, col2, method)
        return self.df.agg(F.corr(_quoted(col1), _quoted(col2))).head()[0]

    def cov(self, col1: str, col2: str) -> Optional[float]:
        """Sample covariance of two numeric columns."""
        self._two(col1, col2, None)
        return self.df.agg(F.covar_samp(_quoted(col1), _quoted(col2))).head()[0]

    def crosstab(self, col1: str, col2: str) -> Any:
        """Pair counts: one row per value of ``col1`` (column ``col1_col2``), one column per
        value of ``col2``; pairs that never occur count 0."""
        self._two(col1, col2, None)
        key = "%s_%s" % (col1, col2)
        first = F.col(_quoted(col1)).cast("string").alias(key)
        second = F.col(_quoted(col2)).cast("string").alias(col2)
        pairs = self.df.select(first, second)
        counted = pairs.groupBy(_quoted(key)).pivot(_quoted(col2)).agg(F.count(F.lit(1)))
        return counted.na.fill(0).orderBy(_quoted(key))

    def approxQuantile(self, col: Union[str, List[str]], probabilities: List[float],
                       relativeError: float) -> List[Any]:
        """Approximate quantiles (``percentile_approx`` with accuracy 1/relativeError)."""
        single = isinstance(col, str)
        cols = [col] if single else list(col)
        if not isinstance(probabilities, (list, tuple)):
            raise not_expected_type("probabilities", "list or tuple", probabilities)
        for p in probabilities:
            if not isinstance(p, (int, float)) or not 0 <= p <= 1:
                raise PySparkValueError("probabilities should be numerical (float, int) in "
                                        "[0,1].", "NOT_LIST_OF_FLOAT_OR_INT",
                                        {"arg_name": "probabilities"})
        if relativeError < 0:
            raise PySparkValueError(errorClass="NEGATIVE_VALUE", messageParameters={
                "arg_name": "relativeError", "arg_value": str(relativeError)})
        accuracy = 10000 if relativeError == 0 else max(1, int(1.0 / relativeError))
        aggs = [F.percentile_approx(F.col(_quoted(c)).cast("double"), list(probabilities),
                                    accuracy) for c in cols]
        row = self.df.na.drop(subset=cols).agg(*aggs).head()
        result = [list(v) if v is not None else [] for v in row]
        return result[0] if single else result

    def freqItems(self, cols: Any, support: Optional[float] = None) -> Any:
        """One row: per column ``c``, ``c_freqItems``, the values that occur in more than
        ``support`` (default 1%) of the rows. Ember counts exactly, so unlike Spark's
        one-pass sketch the arrays hold no false positives (Spark allows them)."""
        if isinstance(cols, tuple):
            cols = list(cols)
        if not isinstance(cols, list):
            raise not_expected_type("cols", "list or tuple", cols)
        if support is None:
            support = 0.01
        if not 1e-4 <= support <= 1.0:
            raise PySparkValueError("Support (%s) must be greater than 1e-4." % support,
                                    "VALUE_OUT_OF_BOUNDS", {"arg_name": "support"})
        threshold = support * self.df.count()
        result = None
        for c in cols:
            if not isinstance(c, str):
                raise not_expected_type("cols", "list of str", cols)
            name = "%s_freqItems" % c
            items = (self.df.groupBy(F.col(_quoted(c)).alias("v")).count()
                     .filter(F.col("count") > threshold)
                     .agg(F.collect_list("v").alias(name)))
            result = items if result is None else result.crossJoin(items)
        return result

    def sampleBy(self, col: Any, fractions: dict, seed: Optional[int] = None) -> Any:
        """A stratified sample without replacement: each row is kept with the fraction given
        for its ``col`` value (0 for values not listed), drawn from ``rand(seed)``."""
        from ember.sql.column import Column
        if isinstance(col, str):
            col = F.col(_quoted(col))
        elif not isinstance(col, Column):
            raise not_expected_type("col", "Column or str", col)
        if not isinstance(fractions, dict):
            raise not_expected_type("fractions", "dict", fractions)
        fraction = None
        for k, v in fractions.items():
            if not isinstance(k, (float, int, str)):
                raise not_expected_type("fractions", "dict of float, int or str keys", k)
            if not 0.0 <= v <= 1.0:
                raise PySparkValueError("Fractions must be in [0, 1], got %s." % v,
                                        "VALUE_NOT_BETWEEN", {"arg_name": "fractions"})
            branch = (col == F.lit(k))
            fraction = F.when(branch, F.lit(float(v))) if fraction is None \
                else fraction.when(branch, F.lit(float(v)))
        if seed is None:
            import random
            seed = random.randint(0, 2 ** 31 - 1)
        if fraction is None:
            return self.df.limit(0)
        return self.df.filter(F.rand(seed) < fraction.otherwise(F.lit(0.0)))


def summary(df: Any, stats: tuple, cols: Optional[List[str]] = None) -> Any:
    """``describe``/``summary``: a string table with a ``summary`` column naming each
    statistic (count, mean, stddev, min, max, percentiles like ``25%``) and one column per
    numeric or string column."""
    from ember.sql import types as T
    fields = [f for f in df.schema.fields
              if isinstance(f.dataType, (T.NumericType, T.StringType))
              and (cols is None or f.name in cols)]
    stats = stats or _DEFAULT_STATS
    aggs = []
    for s in stats:
        for f in fields:
            c = F.col(_quoted(f.name))
            numeric = isinstance(f.dataType, T.NumericType)
            if s == "count":
                e = F.count(c)
            elif s == "mean":
                e = F.avg(c) if numeric else F.lit(None)
            elif s == "stddev":
                e = F.stddev(c) if numeric else F.lit(None)
            elif s in ("min", "max"):
                e = F.min(c) if s == "min" else F.max(c)
            elif s.endswith("%"):
                p = float(s[:-1]) / 100.0
                e = F.percentile_approx(c, p, 10000) if numeric else F.lit(None)
            elif s == "count_distinct":
                e = F.count_distinct(c)
            else:
                raise PySparkValueError("%s is not a recognised statistic." % s,
                                        "UNKNOWN_SUMMARY_STATISTIC", {"stat": s})
            aggs.append(e.cast("string"))
    if not aggs:
        return df.sparkSession.createDataFrame([(s,) for s in stats], ["summary"])
    one = df.agg(*[e.alias("_s%d" % i) for i, e in enumerate(aggs)])
    rows = None
    for si, s in enumerate(stats):
        row = one.select(F.lit(s).alias("summary"), *[
            F.col("_s%d" % (si * len(fields) + fi)).alias(f.name)
            for fi, f in enumerate(fields)])
        rows = row if rows is None else rows.union(row)
    return rows
