"""Runs the cases under PySpark and prints, per family, (code, column name, type, values):
``/work/pyspark-venv/bin/python tests/functions_a/reference.py math``. A case PySpark rejects
prints its error class instead."""

import sys

from pyspark.sql import SparkSession, functions as F

import cases


def main(family):
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false") \
        .config("spark.sql.session.timeZone", "UTC").config("spark.sql.ansi.enabled", "false").getOrCreate()
    df = spark.createDataFrame(cases.rows(), cases.COLUMNS).coalesce(1)
    for code in cases.FAMILIES[family]:
        try:
            out = df.select(eval(code))
            values = [r[0] for r in out.collect()]
            print(repr((code, out.columns[0], out.schema[0].dataType.simpleString(), values)) + ",")
        except Exception as e:  # noqa: BLE001
            print(repr((code, "ERROR", type(e).__name__, str(e).splitlines()[0][:200])) + ",")


if __name__ == "__main__":
    main(sys.argv[1])
