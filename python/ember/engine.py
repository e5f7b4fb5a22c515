"""Engine: the one way RDD code reaches the JVM (driver side).

``SparkContext`` creates one ``Engine`` and exposes it as ``sc.engine``; RDDs, data sources,
broadcasts and barrier stages call its methods, named for what they need (``python_rdd``,
``persist``, ``collect``, ...), and never touch the Py4J objects behind it. Every JVM call
goes through ``call``, so every engine error reaches the user as its Python twin
(``ember.errors.engine_error``) and every call after ``close`` fails with one clear message.

A JVM RDD (``jrdd``) is an opaque handle to the callers: they get it from one method and pass
it to another. This module imports py4j; worker-side modules (``ember.rdd`` and the modules
whose functions tasks run) reach it only through the context's ``engine`` attribute.

Threading: any driver thread may call any method. Calls that start a job hold ``_job_lock``
while they copy the calling thread's job properties to the JVM and start the job (Py4J runs a
Python thread's consecutive calls on one JVM thread, whose properties the job inherits).
"""

import pickle
import threading
import time
import uuid
from typing import Any, Callable, Iterator, List, Optional

from py4j.protocol import Py4JError, Py4JJavaError

from ember import accumulators, wire
from ember.error_conditions import condition_error
from ember.errors import EmberError, JavaException, engine_error, sql_error
from ember.job_properties import JobProperties

#: Spark's local property with the user's call site ("collect at app.py:12").
CALL_SITE_SHORT = "callSite.short"
from ember.results import ResultStream

__all__ = ["Engine", "translate_errors"]

JOB_GROUP = "ember.jobGroup.id"
STOPPED = "This SparkContext was stopped; create a new one to run jobs"


def translate_errors(method: Callable, *args) -> Any:
    """``method(*args)``, a Py4J call; a Java exception becomes its Python twin."""
    try:
        return method(*args)
    except Py4JJavaError as e:
        jexc = e.java_exception
        name, message = jexc.getClass().getName(), jexc.getMessage() or ""
        error_class, parameters = _sql_error_details(jexc, name)
        twin = sql_error(name, message, error_class, parameters)
        if twin is not None:
            raise twin from None
        java = JavaException(name, message, str(e))
        condition = _error_condition(jexc)
        if condition is not None:
            raise condition_error(name, message, *condition, java) from None
        raise engine_error(name, message, java) from None


def _error_condition(jexc):
    """(error class, SQLSTATE, kind, parameters) of the first ``io.ember.core.ErrorCondition``
    in a JVM exception's cause chain, or None."""
    t = jexc
    for _ in range(32):
        if t is None:
            return None
        try:
            kind = t.errorKind().pythonName()
            return t.getErrorClass(), t.getSqlState(), kind, dict(t.getMessageParameters())
        except Py4JError:
            t = t.getCause()
    return None


def _sql_error_details(jexc, name: str):
    """(error class, message parameters) of a JVM ``AnalysisException``, else (None, None)."""
    if not name.endswith("Exception") or not name.startswith("io.ember.sql"):
        return None, None
    try:
        return jexc.getErrorClass(), dict(jexc.getMessageParameters())
    except Exception:
        return None, None


class Engine:
    """The driver's engine (one per context): RDD lineage, persistence, jobs, broadcasts."""

    def __init__(self, gateway, bridge, jsc, conf, properties: JobProperties, files_dir: str):
        """``bridge`` is the JVM's PythonBridge entry point, ``jsc`` its EmberContext;
        ``conf`` the context's SparkConf; ``files_dir`` where added files land on the driver."""
        self._gateway = gateway
        self._bridge = bridge
        self._jsc = jsc
        self._conf = conf
        self._properties = properties
        self.files_dir = files_dir
        self._includes: List[str] = []
        self._job_lock = threading.Lock()
        self._closed = False

    # -- calls -----------------------------------------------------------------------------

    def call(self, method: Callable, *args) -> Any:
        """Calls a JVM method; engine errors become their Python twins."""
        if self._closed:
            raise EmberError(STOPPED)
        return translate_errors(method, *args)

    def close(self) -> None:
        """Stops the JVM engine; every later call raises EmberError."""
        self._closed = True
        try:
            self._bridge.stop()
        except Exception:
            pass

    def sql_bridge(self):
        """A new ``io.ember.python.sql.SqlBridge``: a DataFrame session over this engine (the
        ``ember.sql`` layer's only way to the JVM, see ``ember.sql.bridge``)."""
        return self.call(self._gateway.jvm.io.ember.python.sql.SqlBridge, self._bridge)

    def run_job(self, method: Callable, *args) -> Any:
        """Calls a JVM method that starts a job, under the calling thread's job properties."""
        return self._run_job(method, *args)

    def run_job_at(self, call_site: str, method: Callable, *args) -> Any:
        """As ``run_job``, with Spark's ``callSite.short`` property set to ``call_site`` (what
        the UI's SQL tab names a query run by, unless a job description is set)."""
        previous = self._properties.get(CALL_SITE_SHORT)
        self._properties.set(CALL_SITE_SHORT, call_site)
        try:
            return self._run_job(method, *args)
        finally:
            self._properties.set(CALL_SITE_SHORT, previous)

    def jvm_list(self, values: list):
        """A java.util.List of ``values`` (strings, numbers or JVM objects)."""
        jlist = self.call(self._gateway.jvm.java.util.ArrayList)
        for v in values:
            jlist.add(v)
        return jlist

    # -- driver facts ----------------------------------------------------------------------

    def setting(self, key: str, default: Optional[str] = None) -> Optional[str]:
        """The context's configuration value of ``key``."""
        return self._conf.get(key, default)

    def local_slots(self) -> int:
        """Task slots on this machine (0 for a standalone cluster's master URL)."""
        return self.call(lambda: self._jsc.masterUrl().localSlots())

    def add_python_include(self, entry: str) -> None:
        """Puts ``entry`` (relative to each executor's files directory) on the path of the
        Python functions of RDDs made from now on."""
        if entry not in self._includes:
            self._includes.append(entry)

    # -- RDD lineage -----------------------------------------------------------------------

    def python_rdd(self, parent, command: bytes, parent_mode: int, output_mode: int,
                   broadcast_ids, preserves_partitioning: bool):
        """The JVM RDD running the pickled ``command`` over ``parent``'s records."""
        return self.call(self._bridge.pythonRDD, parent, command, parent_mode, output_mode,
                         broadcast_ids, list(self._includes), preserves_partitioning)

    def parallelize_file(self, path: str, num_slices: int):
        """An RDD of the slices in a parallelize file (the engine deletes it)."""
        return self.call(self._bridge.parallelizeFromFile, path, num_slices)

    def empty_rdd(self):
        return self.call(self._bridge.emptyRDD)

    def text_file(self, path: str, min_partitions: int):
        return self.call(self._bridge.textFile, path, min_partitions)

    def whole_text_files(self, path: str, min_partitions: int):
        return self.call(self._bridge.wholeTextFiles, path, min_partitions)

    def pickle_file(self, path: str):
        return self.call(self._bridge.pickleFile, path)

    def union(self, jrdds: list):
        return self.call(self._bridge.union, jrdds)

    def partitioner_aware_union(self, jrdds: list):
        """Partition i of the result is partition i of each input."""
        return self.call(self._bridge.partitionerAwareUnion, jrdds)

    def shuffle(self, partitioned, num_partitions: int):
        """The reduce side of a shuffle whose map side emits (partition id, batch) pairs."""
        return self.call(self._bridge.shuffle, partitioned, num_partitions)

    def coalesce(self, jrdd, num_partitions: int):
        return self.call(self._bridge.coalesce, jrdd, num_partitions, False)

    def zip(self, left, right):
        return self.call(self._bridge.zip, left, right)

    def cartesian(self, left, right):
        return self.call(self._bridge.cartesian, left, right)

    # -- RDD metadata and persistence ------------------------------------------------------

    def num_partitions(self, jrdd) -> int:
        return self.call(jrdd.getNumPartitions)

    def rdd_id(self, jrdd) -> int:
        return self.call(jrdd.id)

    def set_name(self, jrdd, name: str) -> None:
        self.call(jrdd.setName, name)

    def debug_string(self, jrdd) -> str:
        return self.call(jrdd.toDebugString)

    def persist(self, jrdd, level: str) -> None:
        """Keeps ``jrdd``'s partitions at the engine's storage level named ``level``."""
        self.call(self._bridge.persist, jrdd, level)

    def unpersist(self, jrdd) -> None:
        self.call(jrdd.unpersist)

    def checkpoint(self, jrdd) -> None:
        self.call(jrdd.checkpoint)

    def local_checkpoint(self, jrdd) -> None:
        self.call(jrdd.localCheckpoint)

    def is_checkpointed(self, jrdd) -> bool:
        """Whether a reliable or local checkpoint of ``jrdd`` was written."""
        return self.call(jrdd.isCheckpointed) or self.call(jrdd.isLocallyCheckpointed)

    def checkpoint_file(self, jrdd) -> Optional[str]:
        f = self.call(jrdd.getCheckpointFile)
        return f.get() if f.isPresent() else None

    def clean_shuffle_dependencies(self, jrdd) -> None:
        self.call(self._jsc.cleanShuffleDependencies, jrdd)

    # -- jobs ------------------------------------------------------------------------------

    def job_group(self) -> Optional[str]:
        """The calling thread's job group (``SparkContext.setJobGroup``), or None."""
        return self._properties.get(JOB_GROUP)

    def _run_job(self, method: Callable, *args) -> Any:
        """Calls a bridge method that starts a job, under the calling thread's properties."""
        with self._job_lock:
            for key, value in self._properties.snapshot():
                self.call(self._jsc.setLocalProperty, key, value)
            return self.call(method, *args)

    def result_stream(self, jrdd, partitions: Optional[List[int]],
                      group: Optional[str]) -> ResultStream:
        """Starts a job collecting ``jrdd`` (pickled batches); the caller reads and closes
        the stream, then calls ``merge_accumulator_updates``."""
        jparts = None
        if partitions is not None:
            jparts = self._gateway.new_array(self._gateway.jvm.int, len(partitions))
            for i, p in enumerate(partitions):
                jparts[i] = p
        port, secret = self._run_job(self._bridge.collectAndServe, jrdd, jparts, group)
        return ResultStream(port, secret)

    def collect(self, jrdd, partitions: Optional[List[int]] = None) -> Iterator[Any]:
        """Streams the records of ``jrdd`` (pickled batches), of all or the given partitions."""
        stream = self.result_stream(jrdd, partitions, self.job_group())
        try:
            for batch in stream:
                yield from batch
        finally:
            stream.close()
            self.merge_accumulator_updates()

    def collect_until(self, jrdd, timeout: float) -> List[list]:
        """The batches that arrive within ``timeout`` seconds; then cancels the rest of the
        job. Batches arrive in partition order."""
        group = "ember-approx-%s" % uuid.uuid4().hex
        deadline = time.monotonic() + max(0.0, timeout)
        stream = self.result_stream(jrdd, None, group)
        try:
            batches = list(stream.batches_until(deadline))
            if stream.timed_out:
                self.cancel_job_group(group)
            return batches
        finally:
            stream.close()
            self.merge_accumulator_updates()

    def save_as_text_file(self, strings, path: str) -> None:
        """Runs a job writing ``strings`` (a UTF-8 string RDD) as part files under ``path``."""
        self._run_job(self._bridge.saveAsTextFile, strings, path, self.job_group())

    def save_as_pickle_file(self, jrdd, path: str) -> None:
        self._run_job(self._bridge.saveAsPickleFile, jrdd, path, self.job_group())

    def cancel_job_group(self, group: str) -> None:
        self.call(self._bridge.cancelJobGroup, group)

    def cancel_all_jobs(self) -> None:
        self.call(self._bridge.cancelAllJobs)

    def merge_accumulator_updates(self) -> None:
        """Merges the accumulator updates of the tasks finished so far (none once closed)."""
        if self._closed:
            return
        data = self.call(self._bridge.drainAccumulatorUpdates)
        pos = 0
        while pos < len(data):
            (n,) = wire.INT32.unpack_from(data, pos)
            accumulators.merge_updates(pickle.loads(data[pos + 4:pos + 4 + n]))
            pos += 4 + n

    # -- broadcasts ------------------------------------------------------------------------

    def broadcast(self, path: str):
        """The engine's broadcast of the value pickled in the file at ``path``."""
        return self.call(self._bridge.broadcast, path)

    def unpersist_broadcast(self, handle, blocking: bool) -> None:
        """Drops the executors' copies of the value's file (fetched again when needed)."""
        self.call(handle.unpersist)

    def destroy_broadcast(self, handle, blocking: bool) -> None:
        """Deletes the value's file on the driver and the executors' copies."""
        self.call(handle.destroy)
