"""Pandas and Arrow interop (PySpark's ``pyspark.sql.pandas``), the ``ember[pandas]`` extra.

``DataFrame.toPandas``/``toArrow``, ``createDataFrame`` of a pandas DataFrame or an Arrow
table, ``mapInPandas``/``mapInArrow``, ``GroupedData.applyInPandas``/``applyInArrow``/``apply``,
``cogroup(...).applyInPandas`` and ``functions.pandas_udf``. pandas and pyarrow are optional:
the core package imports without them, and each entry point names the missing package
(``utils.require_minimum_pandas_version``).

Data reaches user functions the way PySpark hands it over: rows of internal values become
Arrow arrays by the Spark schema (``arrow_values``), Arrow becomes pandas with PySpark's
conversions (``pandas_values``), and results go back the same way, checked against the
declared schema. The modules imported by Python workers (``arrow_values``, ``pandas_values``,
``worker_ops``, ``udf_eval``) never import py4j.
"""
