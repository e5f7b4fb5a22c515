"""Python UDTFs called from DataFrame code (``functions.udtf``), with PySpark 4.3's answers
and error texts for the same classes."""

import pytest

from ember.sql import functions as F
from ember.sql.functions import lit, udtf


@udtf(returnType="c1: int, c2: int")
class PlusOne:
    def eval(self, x: int):
        yield x, x + 1


@udtf(returnType="n: int, s: string")
class Counter:
    def __init__(self):
        self.count = 0

    def eval(self, a, b):
        for i in range(a):
            self.count += 1
            yield i, b

    def terminate(self):
        yield self.count * 100, "end"


def rows(df):
    return [tuple(r) for r in df.collect()]


def test_udtf_call_is_a_data_frame(spark):
    out = PlusOne(lit(1))
    assert out.columns == ["c1", "c2"] and rows(out) == [(1, 2)]
    assert type(PlusOne).__name__ == "UserDefinedTableFunction"


def test_eval_then_terminate_on_one_instance(spark):
    assert rows(Counter(lit(3), lit("x"))) == [(0, "x"), (1, "x"), (2, "x"), (300, "end")]
    assert rows(Counter(lit(1) + 1, F.upper(lit("y")))) == [(0, "Y"), (1, "Y"), (200, "end")]


def test_a_bare_value_is_a_one_column_row(spark):
    @udtf(returnType="a: int")
    class Bare:
        def eval(self):
            yield 1
    assert rows(Bare()) == [(1,)]


def test_udtf_errors(spark):
    @udtf(returnType="a: int, b: int")
    class Narrow:
        def eval(self):
            yield (1,)
    with pytest.raises(RuntimeError, match=r"\[UDTF_RETURN_SCHEMA_MISMATCH\] The number of "
                                           r"columns in the result does not match the "
                                           r"specified schema. Expected column count: 2, "
                                           r"Actual column count: 1."):
        Narrow().collect()

    class NoEval:
        pass
    with pytest.raises(AttributeError, match=r"\[INVALID_UDTF_NO_EVAL\] The UDTF 'NoEval' is "
                                             r"invalid. It does not implement the required"):
        udtf(NoEval, returnType="a: int")
    with pytest.raises(AttributeError, match=r"\[INVALID_UDTF_RETURN_TYPE\] The UDTF 'NoType'"):
        @udtf
        class NoType:
            def eval(self):
                yield 1,
    with pytest.raises(TypeError, match=r"\[NOT_EXPECTED_TYPE\] Argument `col` should be "
                                        r"Column or str, got int."):
        PlusOne(1)

    @udtf(returnType="a: int")
    class Raises:
        def eval(self, x):
            raise KeyError("nope")
    with pytest.raises(KeyError, match="nope"):
        Raises(lit(1)).collect()
