"""Spark SQL and DataFrames, mirroring ``pyspark.sql``."""
