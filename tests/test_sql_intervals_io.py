"""Interval leftovers against PySpark 4.3's answers: intervals written to CSV as Spark's
literals, and ``extract(field FROM source)`` named and typed as Spark's ``Extract``."""

import decimal
import glob

import pytest


@pytest.fixture
def utc(spark):
    old = spark.conf.get("spark.sql.session.timeZone", None)
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    yield spark
    if old is None:
        spark.conf.unset("spark.sql.session.timeZone")
    else:
        spark.conf.set("spark.sql.session.timeZone", old)


def test_intervals_written_to_csv_as_spark_literals(spark, tmp_path):
    out = str(tmp_path / "csv")
    spark.sql("select interval '1 02:03:04.5' day to second a, interval '-1-2' year to month b, "
              "interval '3' hour c").write.csv(out, header=True)
    text = "".join(open(f).read() for f in sorted(glob.glob(out + "/part-*")))
    assert text == ("a,b,c\nINTERVAL '1 02:03:04.5' DAY TO SECOND,"
                    "INTERVAL '-1-2' YEAR TO MONTH,INTERVAL '03' HOUR\n")


def test_extract_names_and_types_as_spark(utc):
    df = utc.sql("select extract(SECOND from x), extract(year FROM x), extract(sec from x), "
                 "date_part('SECOND', x), extract(dow from x) "
                 "from values (timestamp'2020-01-01 10:11:12.345678') t(x)")
    assert df.schema.simpleString() == (
        "struct<extract(SECOND FROM x):decimal(8,6),extract(year FROM x):int,"
        "extract(sec FROM x):decimal(8,6),date_part(SECOND, x):decimal(8,6),"
        "extract(dow FROM x):int>")
    s = decimal.Decimal("12.345678")
    assert tuple(df.collect()[0]) == (s, 2020, s, s, 4)


def test_extract_of_intervals_named_as_spark(spark):
    df = spark.sql("select extract(second from x), extract(day from x), date_part('second', x) "
                   "from values (interval '1 02:03:04.5' day to second) t(x)")
    assert df.schema.simpleString() == (
        "struct<extract(second FROM x):decimal(8,6),extract(day FROM x):int,"
        "date_part(second, x):decimal(8,6)>")
    assert tuple(df.collect()[0]) == (decimal.Decimal("4.500000"), 1, decimal.Decimal("4.500000"))
    df = spark.sql("select extract(second from x) from values (date'2020-01-01') t(x)")
    assert df.schema.simpleString() == "struct<extract(second FROM x):decimal(8,6)>"
    assert df.collect()[0][0] == decimal.Decimal("0.000000")
