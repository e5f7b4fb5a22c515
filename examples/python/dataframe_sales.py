"""DataFrames: reads a CSV of sales, keeps the rows with units, and shows revenue per region.

    python examples/python/dataframe_sales.py [FILE]      (default: examples/data/sales.csv)
"""

import os
import sys

from ember.sql import SparkSession
from ember.sql import functions as F

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                             "sales.csv")


def main(path: str) -> None:
    spark = SparkSession.builder.appName("PythonDataFrameSales").getOrCreate()
    sales = spark.read.csv(path, header=True, inferSchema=True)
    sales.printSchema()
    revenue = (sales.filter(F.col("units").isNotNull())
               .withColumn("revenue", F.round(F.col("units") * F.col("price"), 2))
               .groupBy("region")
               .agg(F.sum("revenue").alias("revenue"), F.count("*").alias("sales"),
                    F.max("day").alias("last_day"))
               .orderBy(F.desc("revenue")))
    revenue.show()
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print("Usage: dataframe_sales.py [file]", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1] if len(sys.argv) == 2 else DEFAULT_INPUT)
