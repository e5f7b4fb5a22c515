"""Spark SQL and DataFrames, mirroring ``pyspark.sql``.

>>> from ember.sql import SparkSession, functions as F   # doctest: +SKIP

Classes load on first access, so workers that unpickle a UDF (``ember.sql.udf``) or convert
rows (``ember.sql.rows``) never import the driver side (py4j, the context).
"""

import importlib

_LAZY = {
    "SparkSession": "ember.sql.session",
    "RuntimeConfig": "ember.sql.session",
    "DataFrame": "ember.sql.dataframe",
    "Column": "ember.sql.column",
    "GroupedData": "ember.sql.group",
    "Window": "ember.sql.window",
    "WindowSpec": "ember.sql.window",
    "DataFrameReader": "ember.sql.readwriter",
    "DataFrameWriter": "ember.sql.readwriter",
    "DataFrameNaFunctions": "ember.sql.dataframe_na",
    "DataFrameStatFunctions": "ember.sql.dataframe_stat",
    "UDFRegistration": "ember.sql.udf",
    "UserDefinedFunction": "ember.sql.udf",
    "Catalog": "ember.sql.catalog",
    "Observation": "ember.sql.observation",
    "Row": "ember.sql.types",
}

__all__ = sorted(_LAZY)


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError("module 'ember.sql' has no attribute %r" % name)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(__all__) | {"functions", "types", "window", "column", "session"})
