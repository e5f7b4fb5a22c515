"""ember.sql.conversion: Python values to internal values by schema (with PySpark's
verification errors) and back to Rows."""

import datetime
import decimal

import pytest

from ember.errors import PySparkTypeError, PySparkValueError
from ember.sql.conversion import internal_converter, row_converter, rows_converter
from ember.sql.types import (ArrayType, BinaryType, DateType, DecimalType, DoubleType, IntegerType,
                             LongType, MapType, Row, StringType, StructField, StructType,
                             TimestampNTZType, TimestampType, _parse_datatype_string)

SCHEMA = StructType([StructField("a", IntegerType(), False), StructField("b", ArrayType(StringType())),
                     StructField("c", StructType([StructField("x", LongType())])),
                     StructField("m", MapType(StringType(), DoubleType()))])


def test_every_kind_of_value_round_trips():
    s = _parse_datatype_string("i int, s string, d date, t timestamp, n timestamp_ntz, "
                               "dec decimal(5,2), bin binary, arr array<date>, m map<string, struct<y: date>>, "
                               "st struct<q: timestamp_ntz, r: array<int>>")
    d = datetime.date(2021, 3, 4)
    t = datetime.datetime(2021, 3, 4, 5, 6, 7, 890123)
    value = (1, "x", d, t, t, decimal.Decimal("1.25"), b"\x00\xff", [d, None],
             {"k": Row(y=d)}, (t, [1, None]))
    internal = internal_converter(s)(value)
    days = (d - datetime.date(1970, 1, 1)).days
    assert internal[2] == days and internal[7] == [days, None]
    assert internal[4] == int((t - datetime.datetime(1970, 1, 1)).total_seconds()) * 1000000 + 890123
    assert internal[5] == decimal.Decimal("1.25") and internal[6] == b"\x00\xff"
    assert internal[8] == {"k": (days,)} and internal[9][1] == [1, None]
    back = row_converter(s)(internal)
    assert back == (1, "x", d, t, t, decimal.Decimal("1.25"), b"\x00\xff", [d, None],
                    {"k": (d,)}, (t, [1, None]))
    assert back.st.q == t and back.m["k"].y == d and back.__fields__[0] == "i"
    assert repr(back).startswith("Row(i=1, s='x', d=datetime.date(2021, 3, 4)")


def test_timestamps_are_local_time_and_aware_ones_are_converted():
    s = StructType([StructField("t", TimestampType())])
    aware = datetime.datetime(2020, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)
    assert internal_converter(s)((aware,)) == (1577880000000000,)
    local = datetime.datetime.fromtimestamp(1577880000)
    assert internal_converter(s)((local,)) == (1577880000000000,)
    assert row_converter(s)((1577880000000001,)).t == local.replace(microsecond=1)
    ntz = StructType([StructField("t", TimestampNTZType())])
    assert row_converter(ntz)((1577880000000000,)).t == datetime.datetime(2020, 1, 1, 12, 0)


def test_rows_dicts_and_lists_fill_a_struct():
    to = internal_converter(SCHEMA)
    assert to((1, ["a"], Row(x=2), {"k": 1.0})) == (1, ["a"], (2,), {"k": 1.0})
    assert to({"a": 1, "b": None, "c": {"x": 3}, "m": None}) == (1, None, (3,), None)
    assert to([1, [5, True], None, None]) == (1, ["5", "true"], None, None)


@pytest.mark.parametrize("row, error, message", [
    ((None, [], None, None), PySparkValueError,
     "[FIELD_NOT_NULLABLE_WITH_NAME] field a: This field is not nullable, but got None."),
    (("x", [], None, None), PySparkTypeError,
     "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field a: IntegerType() can not accept object 'x' in type <class 'str'>."),
    ((2 ** 31, [], None, None), PySparkValueError,
     "[VALUE_OUT_OF_BOUNDS] Value for `obj` must be between -2147483648 and 2147483647 (inclusive), got 2147483648"),
    ((1, [], (1, 2), None), PySparkValueError,
     "[FIELD_STRUCT_LENGTH_MISMATCH_WITH_NAME] field c: Length of object (2) does not match with length of fields (1)."),
    ((1, [], ("q",), None), PySparkTypeError,
     "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field x in field c: LongType() can not accept object 'q' in type <class 'str'>."),
    ((1, [], None, {"k": 1}), PySparkTypeError,
     "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] value of map field m: DoubleType() can not accept object 1 in type <class 'int'>."),
    ((1,), PySparkValueError,
     "[FIELD_STRUCT_LENGTH_MISMATCH] Length of object (1) does not match with length of fields (4)."),
    ((1, "ab", None, None), PySparkTypeError,
     "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field b: ArrayType(StringType(), True) can not accept object 'ab' in type <class 'str'>."),
])
def test_verification_errors_are_pysparks(row, error, message):
    with pytest.raises(error) as e:
        internal_converter(SCHEMA)(row)
    assert str(e.value) == message


def test_a_non_row_is_refused_with_the_schema_named():
    with pytest.raises(PySparkTypeError, match=r"^\[FIELD_DATA_TYPE_UNACCEPTABLE\] StructType\(\[StructField\('a'"):
        internal_converter(SCHEMA)(5)


def test_flat_batches_convert_without_touching_values():
    s = StructType([StructField("a", LongType()), StructField("b", StringType()), StructField("c", DecimalType(5, 2))])
    rows = rows_converter(s)([(1, "x", decimal.Decimal("1.00")), (2, None, None)])
    assert rows == [(1, "x", decimal.Decimal("1.00")), (2, None, None)]
    assert [r.b for r in rows] == ["x", None] and isinstance(rows[0], Row)
    assert rows[0].asDict() == {"a": 1, "b": "x", "c": decimal.Decimal("1.00")}
    dated = StructType([StructField("d", DateType()), StructField("bin", BinaryType())])
    assert rows_converter(dated)([(0, b"x"), (None, None)]) == [(datetime.date(1970, 1, 1), b"x"), (None, None)]
