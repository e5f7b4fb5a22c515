"""PySpark's ``pyspark.sql.functions``: each function builds one call of the JVM's function
registry (``{"kind": "fn", ...}``), which decides its types and semantics.

>>> from ember.sql import functions as F
>>> F.upper(F.col("name"))
Column<'upper(name)'>

By role: ``core`` (col, lit, when, coalesce, ...), ``aggregates`` (sum, count, ... and the
window ranking functions), ``math``, ``strings``, ``datetime``, ``collections``; ``udf`` from
``ember.sql.udf``; ``pandas_udf`` from ``ember.sql.pandas.functions``.
"""

from ember.sql.functions.core import *  # noqa: F401,F403
from ember.sql.functions.aggregates import *  # noqa: F401,F403
from ember.sql.functions.math import *  # noqa: F401,F403
from ember.sql.functions.strings import *  # noqa: F401,F403
from ember.sql.functions.datetime import *  # noqa: F401,F403
from ember.sql.functions.collections import *  # noqa: F401,F403
from ember.sql.functions.misc import *  # noqa: F401,F403
from ember.sql.functions.lambdas import *  # noqa: F401,F403
from ember.sql.functions.generators import *  # noqa: F401,F403
from ember.sql.functions.windows import *  # noqa: F401,F403
from ember.sql.functions.formats import *  # noqa: F401,F403
from ember.sql.udf import call_function, call_udf, udf  # noqa: F401
from ember.sql.functions.sql_expr import expr  # noqa: F401
from ember.sql.pandas.functions import PandasUDFType, pandas_udf  # noqa: F401
from ember.sql.udf import UserDefinedFunction  # noqa: F401
from ember.sql.udtf import UserDefinedTableFunction, udtf  # noqa: F401
