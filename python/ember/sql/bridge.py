"""SqlEngine: the one way ``ember.sql`` reaches the JVM (its ``io.ember.python.sql.SqlBridge``).

A session holds one SqlEngine; DataFrames hold opaque JVM Dataset handles (``jdf``) that they
get from one method and pass to another. Every call goes through the context's ``Engine``, so
JVM errors arrive as their Python twins (``AnalysisException`` and co, ``ember.errors``), and
every call that runs a job carries the calling thread's job properties.

Building a DataFrame is one call: ``plan(operation, inputs)`` with the operation's JSON
(docs/sql.md). Expressions may hold the DataFrames their columns were taken from
(``df["a"]``); encoding turns each into its index in the call's input list, appending
DataFrames that are not inputs yet.

Threading: any driver thread may call any method (the JVM side is thread-safe).
"""

import json
import os
import pickle
import sys
import tempfile
from typing import Any, Dict, Iterator, List, Optional, Sequence

from ember import wire
from ember.results import ResultStream
from ember.sql import plan_protocol as P

__all__ = ["SqlEngine", "PlanInputs"]

ROWS_PER_FRAME = 1024
"""Rows per pickled frame of a local-data file (createDataFrame)."""


class PlanInputs:
    """The input Datasets of one operation, in order: the operation's own inputs (a frame may
    be twice among them, as in ``df.union(df)``), then frames its columns were taken from;
    ``index`` adds a DataFrame on first use."""

    def __init__(self, frames: Sequence[Any] = ()):
        self.frames: List[Any] = list(frames)

    def index(self, frame: Any) -> int:
        for i, f in enumerate(self.frames):
            if f is frame:
                return i
        self.frames.append(frame)
        return len(self.frames) - 1

    def encode(self, operation: Dict[str, Any]) -> str:
        def default(o: Any) -> int:
            if hasattr(o, "_jdf"):
                return self.index(o)
            raise TypeError("not JSON serializable in a plan: %r" % (o,))
        return json.dumps(operation, separators=(",", ":"), default=default)



_EMBER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def call_site(action: str) -> str:
    """``"<action> at <file>:<line>"`` for the innermost caller outside the ember package, as
    PySpark names a query run in the UI's SQL tab."""
    frame = sys._getframe(1)
    while frame is not None:
        path = os.path.abspath(frame.f_code.co_filename)
        if not path.startswith(_EMBER_DIR + os.sep):
            return "%s at %s:%d" % (action, frame.f_code.co_filename, frame.f_lineno)
        frame = frame.f_back
    return action

class SqlEngine:
    """A DataFrame session on the JVM, reached through the context's Engine."""

    def __init__(self, engine, parent: Optional["SqlEngine"] = None):
        self._engine = engine
        self._jbridge_made = None
        self._parent = parent
        self._jcatalog_made = None

    @property
    def _jbridge(self):
        """The JVM SqlBridge, made at the first call (a session costs nothing until used)."""
        if self._jbridge_made is None:
            if self._parent is not None:
                self._jbridge_made = self._engine.call(self._parent._jbridge.newSession)
            else:
                self._jbridge_made = self._engine.sql_bridge()
        return self._jbridge_made

    def new_session(self) -> "SqlEngine":
        """A JVM session of its own (settings, temporary views) sharing this one's global
        temporary views, as ``SparkSession.newSession``."""
        return SqlEngine(self._engine, self)

    def catalog(self, method: str, *args) -> Any:
        """Calls ``method`` of the session's JVM ``CatalogBridge`` (``ember.sql.catalog``)."""
        if self._jcatalog_made is None:
            self._jcatalog_made = self._engine.call(self._jbridge.catalog)
        return self._engine.call(getattr(self._jcatalog_made, method), *args)

    def catalog_job(self, method: str, *args) -> Any:
        """As ``catalog``, for a call that runs a job (a table write, ANALYZE)."""
        if self._jcatalog_made is None:
            self._jcatalog_made = self._engine.call(self._jbridge.catalog)
        return self._engine.run_job(getattr(self._jcatalog_made, method), *args)

    def plan(self, operation: Dict[str, Any], inputs: Sequence[Any] = ()):
        """The analyzed JVM Dataset of ``operation`` over ``inputs`` (DataFrames)."""
        plan_inputs = PlanInputs(inputs)
        text = plan_inputs.encode(operation)
        jinputs = self._engine.jvm_list([f._jdf for f in plan_inputs.frames])
        return self._engine.call(self._jbridge.plan, text, jinputs)

    def schema_json(self, jdf) -> Dict[str, Any]:
        return json.loads(self._engine.call(self._jbridge.schemaJson, jdf))

    def explain(self, jdf, mode: str) -> str:
        return self._engine.call(self._jbridge.explain, jdf, mode)

    def show_string(self, jdf, n: int, truncate: int, vertical: bool) -> str:
        return self._engine.run_job_at(call_site("showString"), self._jbridge.showString, jdf, n, truncate,
                                       vertical)

    def is_local(self, jdf) -> bool:
        return bool(self._engine.call(self._jbridge.isLocal, jdf))

    def input_files(self, jdf) -> List[str]:
        return [str(f) for f in self._engine.call(self._jbridge.inputFiles, jdf)]

    def same_semantics(self, jdf, other) -> bool:
        return bool(self._engine.call(self._jbridge.sameSemantics, jdf, other))

    def zippable(self, jdf, other) -> bool:
        return bool(self._engine.call(self._jbridge.zippable, jdf, other))

    def semantic_hash(self, jdf) -> int:
        return int(self._engine.call(self._jbridge.semanticHash, jdf))

    def count(self, jdf) -> int:
        return int(self._engine.run_job_at(call_site("count"), self._jbridge.count, jdf))

    def collect(self, jdf) -> Iterator[tuple]:
        """Streams the rows (tuples of internal values) of ``jdf``."""
        for batch in self.collect_batches(jdf):
            yield from batch

    def collect_batches(self, jdf) -> Iterator[List[tuple]]:
        """Streams the batches (lists of internal-value tuples) of ``jdf``, in order; a whole
        batch converts to Rows faster than one row at a time (``conversion.rows_converter``)."""
        port, secret = self._engine.run_job_at(call_site("collect"), self._jbridge.collectToPython, jdf)
        stream = ResultStream(port, secret)
        try:
            yield from stream
        finally:
            stream.close()

    def partition_batches(self, jdf) -> Iterator[List[tuple]]:
        """The batches of ``jdf``, one job per output partition (``toLocalIterator``): the
        next partition is computed only when the previous one has been read. All jobs run on
        one JVM RDD, so shuffle outputs below are computed once."""
        jrdd = self.to_rdd(jdf)
        for p in range(self._engine.num_partitions(jrdd)):
            stream = self._engine.result_stream(jrdd, [p], self._engine.job_group())
            try:
                yield from stream
            finally:
                stream.close()
                self._engine.merge_accumulator_updates()

    def from_rows(self, rows: Iterator[tuple], schema_json: str):
        """A Dataset of local rows (tuples of internal values) with this schema: written to a
        file as pickled frames ending in END_OF_DATA, which the JVM reads and deletes."""
        fd, path = tempfile.mkstemp(prefix="ember-rows-")
        try:
            with os.fdopen(fd, "wb") as out:
                batch: List[tuple] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) >= ROWS_PER_FRAME:
                        wire.write_frame(out, pickle.dumps(batch, protocol=4))
                        batch = []
                if batch:
                    wire.write_frame(out, pickle.dumps(batch, protocol=4))
                wire.write_int(out, wire.END_OF_DATA)
            return self._engine.call(self._jbridge.fromPythonRows, path, schema_json)
        except BaseException:
            if os.path.exists(path):
                os.unlink(path)
            raise

    def from_rdd(self, jrdd, schema_json: str):
        """A Dataset over a JVM RDD of pickled batches of internal-value tuples."""
        return self._engine.call(self._jbridge.fromPythonRDD, jrdd, schema_json)

    def register_function(self, name: str, command: str, return_type: str,
                          deterministic: bool) -> bool:
        """Makes a Python UDF callable from SQL text; False when a built-in has the name."""
        return self._engine.call(self._jbridge.registerPythonFunction, name, command,
                                 return_type, deterministic)

    def register_table_function(self, name: str, command: str, schema_json: str,
                                deterministic: bool) -> bool:
        """Makes a Python UDTF callable from SQL text; False when a built-in has the name."""
        return self._engine.call(self._jbridge.registerPythonTableFunction, name, command,
                                 schema_json, deterministic)

    def drop_function(self, name: str) -> None:
        self._engine.call(self._jbridge.dropPythonFunction, name)

    def to_arrow_rdd(self, jdf, max_records: int):
        """A JVM RDD of ``jdf``'s rows as Arrow streams of at most ``max_records`` rows (frames
        of one pickled ``bytes`` each), or None when a column's type has no Arrow form."""
        return self._engine.call(self._jbridge.toArrowRDD, jdf, min(max_records, (1 << 31) - 1))

    def from_arrow_rdd(self, jrdd, schema_json: str):
        """A Dataset over a JVM RDD of pickled lists of Arrow stream bytes."""
        return self._engine.call(self._jbridge.fromArrowRDD, jrdd, schema_json)

    def arrow_supported(self, schema_json: str) -> bool:
        """Whether rows of the struct ``schema_json`` cross to and from Python as Arrow."""
        return self._engine.call(self._jbridge.arrowSupported, schema_json)

    def to_rdd(self, jdf):
        """A JVM RDD of pickled batches of ``jdf``'s rows (tuples of internal values)."""
        return self._engine.call(self._jbridge.toPythonRDD, jdf)

    def write(self, jdf, spec: Dict[str, Any]) -> None:
        """Runs the job writing ``jdf`` as ``spec`` says (format, path, mode, ...)."""
        self._engine.run_job_at(call_site("save"), self._jbridge.write, jdf, json.dumps(spec))

    def persist(self, jdf, level: str) -> None:
        self._engine.call(self._jbridge.persist, jdf, level)

    def unpersist(self, jdf) -> None:
        self._engine.call(self._jbridge.unpersist, jdf)

    def conf_set(self, key: str, value: str) -> None:
        self._engine.call(lambda: self._jbridge.conf().set(key, value))

    def conf_get(self, key: str, default: Optional[str]) -> Optional[str]:
        return self._engine.call(lambda: self._jbridge.conf().get(key, default))

    def conf_unset(self, key: str) -> None:
        self._engine.call(lambda: self._jbridge.conf().unset(key))

    def conf_all(self) -> Dict[str, str]:
        return dict(self._engine.call(lambda: self._jbridge.conf().all()))
