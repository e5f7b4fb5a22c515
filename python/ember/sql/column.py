"""Column: an expression over a DataFrame's columns (PySpark's ``pyspark.sql.Column``).

A Column is a plain expression tree of the plan protocol (docs/sql.md), built entirely in
Python; nothing reaches the JVM until a DataFrame operation ships it. Operators call the
JVM's function registry by their symbols (``+``, ``==``, ``and``, ...), which is the single
source of truth for their semantics.

>>> from ember.sql import functions as F
>>> (F.col("a") + 1).alias("b")
Column<'(a + 1) AS b'>
"""

from typing import Any, Dict, List, Optional, Union

from ember.errors import PySparkAttributeError, PySparkTypeError, PySparkValueError, \
    not_expected_type
from ember.sql import plan_protocol as P
from ember.sql.literals import literal

__all__ = ["Column", "to_expr", "value_expr", "fn", "col_expr"]


def col_expr(name: str, plan: Any = None) -> Dict[str, Any]:
    """A column by name; ``plan`` is the DataFrame it was taken from (``df["a"]``)."""
    if name == "*":
        return {"kind": P.KIND_STAR}
    if name.endswith(".*") and "`" not in name:
        return {"kind": P.KIND_STAR, "target": name[:-2]}
    e: Dict[str, Any] = {"kind": P.KIND_COL, "name": name}
    if plan is not None:
        e["plan"] = plan
    return e


def to_expr(c: Any, arg_name: str = "col") -> Dict[str, Any]:
    """A Column's expression, or a column by name; PySpark's type error for anything else."""
    if isinstance(c, Column):
        return c._expr
    if isinstance(c, str):
        return col_expr(c)
    raise not_expected_type(arg_name, "Column or str", c)


def value_expr(v: Any) -> Dict[str, Any]:
    """A Column's expression, or a literal of the value (strings are literals here)."""
    return v._expr if isinstance(v, Column) else literal(v)


def fn(name: str, *args: Dict[str, Any], distinct: bool = False) -> "Column":
    """A call of the registry's function ``name`` on argument expressions."""
    return Column({"kind": P.KIND_FN, "name": name, "args": list(args), "distinct": distinct})


def _binary(name: str, doc: str = ""):
    def op(self: "Column", other: Any) -> "Column":
        return fn(name, self._expr, value_expr(other))
    op.__doc__ = doc
    return op


def _reflected(name: str):
    def op(self: "Column", other: Any) -> "Column":
        return fn(name, value_expr(other), self._expr)
    return op


class Column:
    """An expression; build them with ``F.col``, ``df["a"]``, operators and functions."""

    __slots__ = ("_expr",)

    def __init__(self, expr: Dict[str, Any]):
        self._expr = expr

    # -- operators ---------------------------------------------------------------------------
    __add__ = _binary("+")
    __sub__ = _binary("-")
    __mul__ = _binary("*")
    __truediv__ = _binary("/")
    __div__ = __truediv__
    __mod__ = _binary("%")
    __pow__ = _binary("power")
    __radd__ = _reflected("+")
    __rsub__ = _reflected("-")
    __rmul__ = _reflected("*")
    __rtruediv__ = _reflected("/")
    __rdiv__ = __rtruediv__
    __rmod__ = _reflected("%")
    __rpow__ = _reflected("power")
    __eq__ = _binary("==")  # type: ignore[assignment]
    __ne__ = _binary("!=")  # type: ignore[assignment]
    __lt__ = _binary("<")
    __le__ = _binary("<=")
    __gt__ = _binary(">")
    __ge__ = _binary(">=")
    __and__ = _binary("and")
    __or__ = _binary("or")
    __rand__ = _reflected("and")
    __ror__ = _reflected("or")
    eqNullSafe = _binary("<=>", "Equality that treats two nulls as equal (SQL ``<=>``).")
    bitwiseAND = _binary("&", "Bitwise AND.")
    bitwiseOR = _binary("|", "Bitwise OR.")
    bitwiseXOR = _binary("^", "Bitwise XOR.")

    def __invert__(self) -> "Column":
        return fn("not", self._expr)

    def __neg__(self) -> "Column":
        return fn("negative", self._expr)

    __hash__ = None  # type: ignore[assignment]

    def __bool__(self) -> bool:
        raise PySparkValueError(errorClass="CANNOT_CONVERT_COLUMN_INTO_BOOL",
                                messageParameters={})

    __nonzero__ = __bool__

    def __iter__(self):
        raise PySparkTypeError(errorClass="NOT_ITERABLE", messageParameters={"objectName": "Column"})

    def __contains__(self, item: Any) -> bool:
        raise PySparkValueError("Cannot apply 'in' operator against a column: please use "
                                "'contains' in a string column or 'array_contains' function "
                                "for an array column.", "CANNOT_APPLY_IN_FOR_COLUMN", {})

    # -- names and types ---------------------------------------------------------------------

    def alias(self, *alias: str, **kwargs: Any) -> "Column":
        """Names the column (several names for a generator such as ``posexplode``)."""
        metadata = kwargs.pop("metadata", None)
        if kwargs:
            raise PySparkValueError("Unexpected kwargs where only 'metadata' is expected",
                                    "ONLY_ALLOWED_FOR_SINGLE_COLUMN", {"arg_name": "metadata"})
        e: Dict[str, Any] = {"kind": P.KIND_ALIAS, "expr": self._expr, "names": list(alias)}
        if metadata is not None:
            if len(alias) != 1:
                raise PySparkValueError(errorClass="ONLY_ALLOWED_FOR_SINGLE_COLUMN",
                                        messageParameters={"arg_name": "metadata"})
            e["metadata"] = metadata
        return Column(e)

    name = alias

    def cast(self, dataType: Any) -> "Column":
        """Converts to ``dataType`` (a DataType or a type string such as ``"int"``)."""
        if isinstance(dataType, str):
            type_string = dataType
        elif hasattr(dataType, "simpleString"):
            type_string = dataType.simpleString()
        else:
            raise not_expected_type("dataType", "DataType or str", dataType)
        return Column({"kind": P.KIND_CAST, "expr": self._expr, "type": type_string})

    astype = cast

    def try_cast(self, dataType: Any) -> "Column":
        """As :meth:`cast`, but null where the conversion fails (malformed or out of range),
        even with ANSI mode on."""
        c = self.cast(dataType)
        return Column(dict(c._expr, **{"try": True}))

    # -- predicates --------------------------------------------------------------------------

    def isNull(self) -> "Column":
        return fn("isnull", self._expr)

    def isNotNull(self) -> "Column":
        return fn("isnotnull", self._expr)

    def isNaN(self) -> "Column":
        return fn("isnan", self._expr)

    def isin(self, *cols: Any) -> "Column":
        """True where the value equals one of ``cols`` (values or Columns, or one list)."""
        if len(cols) == 1 and isinstance(cols[0], (list, set, tuple)):
            cols = tuple(cols[0])
        if len(cols) == 1 and hasattr(cols[0], "_jdf"):
            # an IN subquery: the DataFrame's one column (PySpark 4's ``col.isin(df)``)
            return Column({"kind": P.KIND_IN_SUBQUERY, "values": [self._expr], "plan": cols[0]})
        return fn("in", self._expr, *[value_expr(c) for c in cols])

    def outer(self) -> "Column":
        """This expression's columns as the outer query's, inside a subquery.

        >>> from ember.sql import functions as F
        >>> F.col("t.k").outer()
        Column<'outer(t.k)'>
        """
        return Column({"kind": P.KIND_OUTER, "expr": self._expr})

    def between(self, lowerBound: Any, upperBound: Any) -> "Column":
        """``lowerBound <= self <= upperBound``."""
        return fn("between", self._expr, value_expr(lowerBound), value_expr(upperBound))

    def like(self, other: str) -> "Column":
        return fn("like", self._expr, value_expr(other))

    def rlike(self, other: str) -> "Column":
        return fn("rlike", self._expr, value_expr(other))

    def ilike(self, other: str) -> "Column":
        return fn("ilike", self._expr, value_expr(other))

    def startswith(self, other: Any) -> "Column":
        return fn("startswith", self._expr, value_expr(other))

    def endswith(self, other: Any) -> "Column":
        return fn("endswith", self._expr, value_expr(other))

    def contains(self, other: Any) -> "Column":
        return fn("contains", self._expr, value_expr(other))

    def substr(self, startPos: Union[int, "Column"], length: Union[int, "Column"]) -> "Column":
        """The substring from 1-based ``startPos`` of ``length`` characters."""
        if type(startPos) is not type(length) and not (
                isinstance(startPos, int) and isinstance(length, int)):
            raise PySparkTypeError(
                "startPos and length should be of the same type, got %s and %s"
                % (type(startPos).__name__, type(length).__name__), "NOT_SAME_TYPE",
                {"arg_name1": "startPos", "arg_name2": "length",
                 "arg_type1": type(startPos).__name__, "arg_type2": type(length).__name__})
        if not isinstance(startPos, (int, Column)):
            raise not_expected_type("startPos", "Column or int", startPos)
        return fn("substring", self._expr, value_expr(startPos), value_expr(length))

    # -- conditionals ------------------------------------------------------------------------

    def when(self, condition: "Column", value: Any) -> "Column":
        """Adds a branch to a column made by ``F.when`` (before ``otherwise``)."""
        if not isinstance(condition, Column):
            raise not_expected_type("condition", "Column", condition)
        e = self._expr
        if e.get("kind") != P.KIND_WHEN or "otherwise" in e:
            raise PySparkValueError(errorClass="INVALID_WHEN_USAGE", messageParameters={})
        branches = e["branches"] + [[condition._expr, value_expr(value)]]
        return Column({"kind": P.KIND_WHEN, "branches": branches})

    def otherwise(self, value: Any) -> "Column":
        """The value where no branch of a ``F.when`` column matched (default: null)."""
        e = self._expr
        if e.get("kind") != P.KIND_WHEN or "otherwise" in e:
            raise PySparkValueError(errorClass="INVALID_WHEN_USAGE", messageParameters={})
        return Column(dict(e, otherwise=value_expr(value)))

    # -- ordering ----------------------------------------------------------------------------

    def _sort(self, asc: bool, nulls_first: bool) -> "Column":
        return Column({"kind": P.KIND_SORT, "expr": self._expr, "asc": asc,
                       "nullsFirst": nulls_first})

    def asc(self) -> "Column":
        """Ascending, nulls first (Spark's default)."""
        return self._sort(True, True)

    def asc_nulls_first(self) -> "Column":
        return self._sort(True, True)

    def asc_nulls_last(self) -> "Column":
        return self._sort(True, False)

    def desc(self) -> "Column":
        """Descending, nulls last (Spark's default)."""
        return self._sort(False, False)

    def desc_nulls_first(self) -> "Column":
        return self._sort(False, True)

    def desc_nulls_last(self) -> "Column":
        return self._sort(False, False)

    # -- nested values -----------------------------------------------------------------------

    def getItem(self, key: Any) -> "Column":
        """The array element at ``key`` (0-based) or the map value for ``key``."""
        return Column({"kind": P.KIND_ITEM, "expr": self._expr, "key": value_expr(key)})

    def getField(self, name: Any) -> "Column":
        """The struct field ``name``."""
        if isinstance(name, Column):
            return Column({"kind": P.KIND_ITEM, "expr": self._expr, "key": name._expr})
        return Column({"kind": P.KIND_FIELD, "expr": self._expr, "name": name})

    def withField(self, fieldName: str, col: "Column") -> "Column":
        """This struct with field ``fieldName`` set to ``col`` (replaced in place, or added
        last); a dotted name reaches into nested structs: ``F.col("s").withField("c.y", F.lit(9))``."""
        if not isinstance(fieldName, str):
            raise not_expected_type("fieldName", "str", fieldName)
        if not isinstance(col, Column):
            raise not_expected_type("col", "Column", col)
        return self._update_fields([{"path": fieldName, "value": col._expr}])

    def dropFields(self, *fieldNames: str) -> "Column":
        """This struct without the named fields (dotted names reach nested structs); names
        that match nothing are ignored, dropping every field is an error."""
        for name in fieldNames:
            if not isinstance(name, str):
                raise not_expected_type("fieldName", "str", name)
        return self._update_fields([{"path": n, "drop": True} for n in fieldNames])

    def _update_fields(self, ops: List[Dict[str, Any]]) -> "Column":
        return Column({"kind": P.KIND_UPDATE_FIELDS, "expr": self._expr, "ops": ops})

    def __getitem__(self, k: Any) -> "Column":
        if isinstance(k, slice):
            if k.step is not None:
                raise PySparkValueError("Slice with step is not supported.",
                                        "SLICE_WITH_STEP", {})
            return self.substr(k.start, k.stop)
        return self.getItem(k)

    def __getattr__(self, item: str) -> "Column":
        if item.startswith("__"):
            raise PySparkAttributeError(errorClass="CANNOT_ACCESS_TO_DUNDER",
                                        messageParameters={})
        return self[item]

    # -- windows -----------------------------------------------------------------------------

    def over(self, window: Any) -> "Column":
        """This aggregate or window function evaluated over ``window`` (a WindowSpec)."""
        from ember.sql.window import WindowSpec
        if not isinstance(window, WindowSpec):
            raise not_expected_type("window", "WindowSpec", window)
        return Column(window._over(self._expr))

    def transform(self, f: Any) -> "Column":
        """``f(self)``, which must return a Column (for chaining column functions)."""
        result = f(self)
        if not isinstance(result, Column):
            raise not_expected_type("f", "function returning a Column", result)
        return result

    # -- display -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        return "Column<'%s'>" % sql_text(self._expr)

    def __str__(self) -> str:
        return self.__repr__()


_INFIX = {"+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "<=>", "and", "or",
          "&", "|", "^"}
_INFIX_TEXT = {"==": "=", "and": "AND", "or": "OR"}


def sql_text(e: Dict[str, Any]) -> str:
    """A readable SQL rendering of an expression (Spark's for the common cases; the JVM names
    result columns, this is only for ``repr``)."""
    kind = e.get("kind")
    if kind == P.KIND_COL:
        return e["name"]
    if kind == P.KIND_STAR:
        return (e["target"] + ".*") if e.get("target") else "*"
    if kind == P.KIND_LIT:
        v = e["value"]
        if v is None:
            return "NULL"
        if isinstance(v, bool):
            return "true" if v else "false"
        return str(v)
    if kind == P.KIND_FN:
        args: List[str] = [sql_text(a) for a in e["args"]]
        name = e["name"]
        if name in _INFIX and len(args) == 2:
            return "(%s %s %s)" % (args[0], _INFIX_TEXT.get(name, name), args[1])
        if name == "not":
            return "(NOT %s)" % args[0]
        if name == "negative":
            return "(- %s)" % args[0]
        distinct = "DISTINCT " if e.get("distinct") else ""
        return "%s(%s%s)" % (name, distinct, ", ".join(args))
    if kind == P.KIND_ALIAS:
        return "%s AS %s" % (sql_text(e["expr"]), ", ".join(e["names"]))
    if kind == P.KIND_CAST:
        return "CAST(%s AS %s)" % (sql_text(e["expr"]), e["type"].upper())
    if kind == P.KIND_SORT:
        return "%s %s NULLS %s" % (sql_text(e["expr"]), "ASC" if e["asc"] else "DESC",
                                   "FIRST" if e["nullsFirst"] else "LAST")
    if kind == P.KIND_WHEN:
        parts = ["WHEN %s THEN %s" % (sql_text(c), sql_text(v)) for c, v in e["branches"]]
        if "otherwise" in e:
            parts.append("ELSE %s" % sql_text(e["otherwise"]))
        return "CASE %s END" % " ".join(parts)
    if kind == P.KIND_FIELD:
        return "%s.%s" % (sql_text(e["expr"]), e["name"])
    if kind == P.KIND_ITEM:
        return "%s[%s]" % (sql_text(e["expr"]), sql_text(e["key"]))
    if kind == P.KIND_WINDOW:
        return "%s OVER (...)" % sql_text(e["expr"])
    if kind == P.KIND_LAMBDA:
        params = ", ".join(sql_text(p) for p in e["params"])
        return "lambdafunction(%s, %s)" % (sql_text(e["body"]), params)
    if kind == P.KIND_LAMBDA_VAR:
        return e["name"]
    if kind == P.KIND_UDF:
        return "%s(%s)" % (e["name"], ", ".join(sql_text(a) for a in e["args"]))
    if kind == P.KIND_OUTER:
        return "outer(%s)" % sql_text(e["expr"])
    if kind == P.KIND_UPDATE_FIELDS:
        text = sql_text(e["expr"])
        for op in e["ops"]:
            text = ("drop_field(%s, %s)" % (text, op["path"]) if op.get("drop")
                    else "update_field(%s, %s, %s)" % (text, op["path"], sql_text(op["value"])))
        return text
    if kind == P.KIND_REGEX:
        return "unresolvedregex()"
    if kind == P.KIND_SCALAR_SUBQUERY:
        return "scalarsubquery()"
    if kind == P.KIND_EXISTS:
        return "exists()"
    if kind == P.KIND_IN_SUBQUERY:
        return "(%s IN (listquery()))" % ", ".join(sql_text(v) for v in e["values"])
    return str(e)


def column_list(cols: Any, arg_name: str = "cols") -> List[Dict[str, Any]]:
    """Expressions of ``*cols`` given as names/Columns or as one list of them."""
    if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
        cols = cols[0]
    return [to_expr(c, arg_name) for c in cols]


def optional_expr(c: Optional[Any]) -> Optional[Dict[str, Any]]:
    return None if c is None else to_expr(c)
