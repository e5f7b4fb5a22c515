"""``Row``: a tuple with field names, as PySpark's ``pyspark.sql.Row``.

>>> r = Row(name="Alice", age=11)
>>> r, r.name, r["age"], r[0], r == ("Alice", 11)
(Row(name='Alice', age=11), 'Alice', 11, 'Alice', True)
>>> Person = Row("name", "age")
>>> Person("Bob", 3)
Row(name='Bob', age=3)
>>> Row(a=Row(b=[Row(c=1)])).asDict(recursive=True)
{'a': {'b': [{'c': 1}]}}
"""

from typing import Any, Dict, List, Sequence

from ember.sql.type_errors import attribute_error, runtime_error, type_error, value_error

__all__ = ["Row"]


def _create_row(fields: Sequence[str], values: Sequence[Any]) -> "Row":
    """A Row of ``values`` named ``fields`` (how pickled Rows are rebuilt)."""
    row = tuple.__new__(Row, values)
    row.__fields__ = list(fields)
    return row


class Row(tuple):
    """A row of a DataFrame: ``Row(a=1, b="x")`` names its values; ``Row("a", "b")`` is a
    factory whose call makes rows with those names; ``Row(1, 2)`` has no names."""

    def __new__(cls, *args: Any, **kwargs: Any) -> "Row":
        if args and kwargs:
            raise value_error("CANNOT_SET_TOGETHER", arg_list="args and kwargs")
        if kwargs:
            row = tuple.__new__(cls, list(kwargs.values()))
            row.__fields__ = list(kwargs)
            return row
        return tuple.__new__(cls, args)

    def asDict(self, recursive: bool = False) -> Dict[str, Any]:
        """The fields as a dict; ``recursive`` turns nested Rows (also in lists and dicts)
        into dicts too."""
        if not hasattr(self, "__fields__"):
            raise type_error("CANNOT_CONVERT_TYPE", from_type="Row", to_type="dict")
        if not recursive:
            return dict(zip(self.__fields__, self))

        def conv(obj: Any) -> Any:
            if isinstance(obj, Row):
                return obj.asDict(True)
            if isinstance(obj, list):
                return [conv(o) for o in obj]
            if isinstance(obj, dict):
                return {k: conv(v) for k, v in obj.items()}
            return obj

        return dict(zip(self.__fields__, (conv(v) for v in self)))

    def __contains__(self, item: Any) -> bool:
        if hasattr(self, "__fields__"):
            return item in self.__fields__
        return super().__contains__(item)

    def __call__(self, *args: Any) -> "Row":
        """A Row of ``args`` named by this row's values (``Row("a", "b")(1, 2)``)."""
        if len(args) > len(self):
            raise value_error("TOO_MANY_VALUES", expected=len(self), item="fields",
                              actual=len(args))
        return _create_row(self, args)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, (int, slice)):
            return super().__getitem__(item)
        try:
            idx = self.__fields__.index(item)
            return super().__getitem__(idx)
        except IndexError:
            raise KeyError(item) from None
        except (ValueError, AttributeError):
            raise value_error_plain(item) from None

    def __getattr__(self, item: str) -> Any:
        if item.startswith("__"):
            raise AttributeError(item)
        try:
            idx = self.__fields__.index(item)
            return self[idx]
        except (IndexError, ValueError, AttributeError):
            raise attribute_error("ATTRIBUTE_NOT_SUPPORTED", attr_name=item) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key != "__fields__":
            raise runtime_error("READ_ONLY", object="Row")
        self.__dict__[key] = value

    def __reduce__(self):
        if hasattr(self, "__fields__"):
            return (_create_row, (self.__fields__, tuple(self)))
        return tuple.__reduce__(self)

    def __repr__(self) -> str:
        if hasattr(self, "__fields__"):
            return "Row(%s)" % ", ".join("%s=%r" % (k, v) for k, v in zip(self.__fields__, self))
        return "<Row(%s)>" % ", ".join(repr(v) for v in self)


def value_error_plain(item: Any) -> ValueError:
    """PySpark's error for a missing field name looked up by key: the name alone."""
    from ember.errors import PySparkValueError
    return PySparkValueError(str(item))


def row_class(names: List[str]) -> type:
    """A Row subclass whose instances all have the field names ``names``, so a Row is made
    from a tuple in one C call (``tuple.__new__(cls, values)``): what collect uses. Its
    instances behave, compare, print and pickle as plain Rows."""
    return type("Row", (Row,), {"__fields__": list(names)})
