"""The thin slice of issue 9 against a real engine: CSV -> filter -> groupBy -> show, with
expected answers written by hand and show() compared to PySpark's exact output."""

import pytest

from ember.errors import AnalysisException
from ember.sql import functions as F


def test_csv_filter_group_by_show(spark, tmp_path, capsys):
    path = tmp_path / "sales.csv"
    path.write_text("k,x,v\na,1,10\nb,2,20\na,3,30\nb,0,99\nc,5,1\n")
    df = spark.read.csv(str(path), header=True, inferSchema=True)
    out = df.filter(F.col("x") > 1).groupBy("k").agg(F.sum("v"), F.count("*")).orderBy("k")
    out.show()
    assert capsys.readouterr().out == (
        "+---+------+--------+\n"
        "|  k|sum(v)|count(1)|\n"
        "+---+------+--------+\n"
        "|  a|    30|       1|\n"
        "|  b|    20|       1|\n"
        "|  c|     1|       1|\n"
        "+---+------+--------+\n"
        "\n")
    assert [tuple(r) for r in out.collect()] == [("a", 30, 1), ("b", 20, 1), ("c", 1, 1)]


def test_range_select_with_column_count_print_schema(spark, capsys):
    df = spark.range(5).withColumn("sq", F.col("id") * F.col("id")).select("id", "sq")
    assert df.columns == ["id", "sq"]
    assert df.count() == 5
    assert [r.sq for r in df.filter(F.col("sq") > 4).collect()] == [9, 16]
    df.printSchema()
    assert capsys.readouterr().out == ("root\n"
                                       " |-- id: long (nullable = false)\n"
                                       " |-- sq: long (nullable = false)\n"
                                       "\n")


def test_unknown_column_raises_when_the_frame_is_built(spark):
    df = spark.range(3)
    with pytest.raises(AnalysisException) as info:
        df.select("nope")
    assert info.value.getErrorClass() == "UNRESOLVED_COLUMN.WITH_SUGGESTION"
    assert "`nope`" in str(info.value) and "`id`" in str(info.value)


def test_a_frame_combined_with_itself(spark):
    df = spark.createDataFrame([(1, "x"), (2, "y")], ["id", "k"])
    assert sorted(tuple(r) for r in df.union(df).collect()) == [(1, "x"), (1, "x"), (2, "y"), (2, "y")]
    assert df.crossJoin(df).count() == 4


def test_window_functions_and_explode_in_select(spark):
    from ember.sql import Window
    df = spark.createDataFrame([(1, "x", 10.0), (2, "y", None), (3, "x", 5.0)], ["id", "k", "v"])
    w = Window.partitionBy("k").orderBy("id")
    got = df.withColumn("rn", F.row_number().over(w)).withColumn("s", F.sum("v").over(w)) \
        .withColumn("prev", F.lag("id").over(w)).orderBy("id").collect()
    assert [tuple(r) for r in got] == [(1, "x", 10.0, 1, 10.0, None), (2, "y", None, 1, None, None),
                                       (3, "x", 5.0, 2, 15.0, 1)]
    exploded = df.select("id", F.explode(F.array("id", F.lit(9))).alias("e")).orderBy("id", "e")
    assert exploded.columns == ["id", "e"]
    assert [tuple(r) for r in exploded.collect()] == [(1, 1), (1, 9), (2, 2), (2, 9), (3, 3), (3, 9)]
    assert df.select(F.posexplode(F.array("id"))).columns == ["pos", "col"]
