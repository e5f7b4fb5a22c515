"""Window and WindowSpec: the partitioning, ordering and frame of a window function.

>>> from ember.sql import Window, functions as F
>>> w = Window.partitionBy("k").orderBy("t").rowsBetween(Window.unboundedPreceding, 0)
>>> F.sum("v").over(w)
Column<'sum(v) OVER (...)'>

Frame bounds are longs as PySpark has them: ``Window.unboundedPreceding`` (and anything at or
below it) and ``Window.unboundedFollowing`` (and anything at or above it) are unbounded, 0 is
the current row. The protocol spells those three by name.
"""

import sys
from typing import Any, Dict, List, Optional, Tuple

from ember.sql import plan_protocol as P
from ember.sql.column import Column, column_list

__all__ = ["Window", "WindowSpec"]

_JAVA_MIN_LONG = -(1 << 63)
_JAVA_MAX_LONG = (1 << 63) - 1
_PRECEDING_THRESHOLD = max(-sys.maxsize, _JAVA_MIN_LONG)
_FOLLOWING_THRESHOLD = min(sys.maxsize, _JAVA_MAX_LONG)


def _order_expr(c: Any) -> Dict[str, Any]:
    """An ordering: a sort expression as given, or ascending with nulls first."""
    e = column_list((c,), "cols")[0]
    if e.get("kind") == P.KIND_SORT:
        return e
    return {"kind": P.KIND_SORT, "expr": e, "asc": True, "nullsFirst": True}


def _bound(value: int) -> Any:
    if value <= _PRECEDING_THRESHOLD:
        return P.UNBOUNDED_PRECEDING
    if value >= _FOLLOWING_THRESHOLD:
        return P.UNBOUNDED_FOLLOWING
    if value == 0:
        return P.CURRENT_ROW
    return int(value)


class WindowSpec:
    """An immutable window definition; each method returns a new spec."""

    def __init__(self, partition_by: Tuple[Dict[str, Any], ...] = (),
                 order_by: Tuple[Dict[str, Any], ...] = (),
                 frame: Optional[Dict[str, Any]] = None):
        self._partition_by = partition_by
        self._order_by = order_by
        self._frame = frame

    def partitionBy(self, *cols: Any) -> "WindowSpec":
        return WindowSpec(tuple(column_list(cols)), self._order_by, self._frame)

    def orderBy(self, *cols: Any) -> "WindowSpec":
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = tuple(cols[0])
        return WindowSpec(self._partition_by, tuple(_order_expr(c) for c in cols), self._frame)

    def rowsBetween(self, start: int, end: int) -> "WindowSpec":
        """A frame of rows relative to the current one (``-1, 1``: the neighbours)."""
        return WindowSpec(self._partition_by, self._order_by,
                          {"type": P.FRAME_ROWS, "start": _bound(start), "end": _bound(end)})

    def rangeBetween(self, start: int, end: int) -> "WindowSpec":
        """A frame of rows whose ordering value lies within the offsets of the current one's."""
        return WindowSpec(self._partition_by, self._order_by,
                          {"type": P.FRAME_RANGE, "start": _bound(start), "end": _bound(end)})

    def _over(self, expr: Dict[str, Any]) -> Dict[str, Any]:
        e: Dict[str, Any] = {"kind": P.KIND_WINDOW, "expr": expr,
                             "partitionBy": list(self._partition_by),
                             "orderBy": list(self._order_by)}
        if self._frame is not None:
            e["frame"] = self._frame
        return e

    def __repr__(self) -> str:
        return "WindowSpec(partitionBy=%d, orderBy=%d, frame=%s)" % (
            len(self._partition_by), len(self._order_by), self._frame)


class Window:
    """Builds WindowSpecs: ``Window.partitionBy("k").orderBy("t")``."""

    unboundedPreceding: int = _JAVA_MIN_LONG
    unboundedFollowing: int = _JAVA_MAX_LONG
    currentRow: int = 0

    @staticmethod
    def partitionBy(*cols: Any) -> WindowSpec:
        return WindowSpec().partitionBy(*cols)

    @staticmethod
    def orderBy(*cols: Any) -> WindowSpec:
        return WindowSpec().orderBy(*cols)

    @staticmethod
    def rowsBetween(start: int, end: int) -> WindowSpec:
        return WindowSpec().rowsBetween(start, end)

    @staticmethod
    def rangeBetween(start: int, end: int) -> WindowSpec:
        return WindowSpec().rangeBetween(start, end)
