"""The JSON names of the Python <-> JVM plan protocol (docs/sql.md), declared once for Python.

The Java twin is ``io.ember.python.sql.PlanProtocol``: same names, same meanings. A DataFrame
operation is one JSON object ``{"op": OP_..., ...}`` whose ``input`` fields index the list of
input Datasets sent with it; an expression is an object ``{"kind": KIND_..., ...}``. Nothing
here talks to the JVM: these are plain dicts, so building them is tested without an engine.
"""

import json
from typing import Any, Dict

# -- operations ("op") ---------------------------------------------------------------------
OP_RANGE = "range"
OP_SELECT = "select"
OP_FILTER = "filter"
OP_WITH_COLUMNS = "withColumns"
OP_WITH_COLUMNS_RENAMED = "withColumnsRenamed"
OP_DROP = "drop"
OP_AGGREGATE = "aggregate"
OP_SORT = "sort"
OP_LIMIT = "limit"
OP_OFFSET = "offset"
OP_JOIN = "join"
OP_LATERAL_JOIN = "lateralJoin"
OP_SET_OP = "setOp"
OP_DISTINCT = "distinct"
OP_DROP_DUPLICATES = "dropDuplicates"
OP_ALIAS = "alias"
OP_TO_DF = "toDF"
OP_SAMPLE = "sample"
OP_REPARTITION = "repartition"
OP_HINT = "hint"
OP_READ = "read"
OP_SQL = "sql"

# aggregate "groupType"
GROUP_BY = "groupby"
ROLLUP = "rollup"
CUBE = "cube"
GROUPING_SETS = "groupingsets"
PIVOT = "pivot"

# setOp "kind"
UNION = "union"
INTERSECT = "intersect"
EXCEPT = "except"

# -- expressions ("kind") ------------------------------------------------------------------
KIND_COL = "col"
KIND_STAR = "star"
KIND_LIT = "lit"
KIND_FN = "fn"
KIND_ALIAS = "alias"
KIND_CAST = "cast"
KIND_SORT = "sort"
KIND_WHEN = "when"
KIND_FIELD = "field"
KIND_ITEM = "item"
KIND_WINDOW = "window"
KIND_UDF = "udf"
KIND_SQL_EXPR = "sqlExpr"
KIND_REGEX = "regex"
KIND_UPDATE_FIELDS = "updateFields"
KIND_SCALAR_SUBQUERY = "scalarSubquery"
KIND_EXISTS = "exists"
KIND_IN_SUBQUERY = "inSubquery"
KIND_OUTER = "outer"
KIND_LAMBDA = "lambda"
KIND_LAMBDA_VAR = "lambdaVar"

# window frame bounds and types
FRAME_ROWS = "rows"
FRAME_RANGE = "range"
UNBOUNDED_PRECEDING = "unboundedPreceding"
CURRENT_ROW = "currentRow"
UNBOUNDED_FOLLOWING = "unboundedFollowing"

# join "how", as PySpark spells them, to the protocol's canonical names
JOIN_TYPES = {
    "inner": "inner", "cross": "cross",
    "outer": "full", "full": "full", "fullouter": "full", "full_outer": "full",
    "left": "left", "leftouter": "left", "left_outer": "left",
    "right": "right", "rightouter": "right", "right_outer": "right",
    "semi": "left_semi", "leftsemi": "left_semi", "left_semi": "left_semi",
    "anti": "left_anti", "leftanti": "left_anti", "left_anti": "left_anti",
}

# save modes, as PySpark accepts them, to the canonical names
SAVE_MODES = {"error": "error", "errorifexists": "error", "default": "error",
              "overwrite": "overwrite", "append": "append", "ignore": "ignore"}


def op(name: str, **fields: Any) -> Dict[str, Any]:
    """An operation object: ``op("limit", input=0, n=5)``."""
    return dict(op=name, **fields)


def encode(operation: Dict[str, Any]) -> str:
    """The operation as the JSON text ``SqlBridge.plan`` reads."""
    return json.dumps(operation, separators=(",", ":"), allow_nan=True)
