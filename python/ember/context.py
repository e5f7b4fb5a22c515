"""SparkContext: the driver's handle on the engine JVM.

>>> with SparkContext("local[2]", "demo") as sc:           # doctest: +SKIP
...     sc.parallelize(range(10)).map(lambda x: x * x).sum()
285
"""

import os
import pickle
import shutil
import signal
import socket
import struct
import sys
import tempfile
import threading
from typing import Any, Iterable, Iterator, List, Optional

from py4j.protocol import Py4JJavaError

from ember import accumulators, broadcast as _broadcast, wire
from ember.conf import SparkConf
from ember.errors import EmberError, task_error
from ember.files import SparkFiles
from ember.java_gateway import launch_gateway

__all__ = ["SparkContext", "Context"]

_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH_RECORDS = 1024


class _DriverAccumulator(accumulators.Accumulator):
    """An accumulator whose ``value`` first merges the updates of finished tasks."""

    def __init__(self, aid, value, accum_param, ctx):
        super().__init__(aid, value, accum_param)
        self._ctx = ctx

    @property
    def value(self):
        self._ctx._merge_accumulator_updates()
        return accumulators.Accumulator.value.fget(self)

    @value.setter
    def value(self, v):
        accumulators.Accumulator.value.fset(self, v)

    def __str__(self):
        return str(self.value)


class SparkContext:
    """The entry point: creates RDDs, broadcasts and accumulators, and runs jobs."""

    _active: Optional["SparkContext"] = None
    _lock = threading.RLock()
    _next_accumulator_id = 0

    def __init__(self, master: Optional[str] = None, appName: Optional[str] = None,
                 sparkHome: Optional[str] = None, pyFiles: Optional[List[str]] = None,
                 environment: Optional[dict] = None, batchSize: int = 0, serializer=None,
                 conf: Optional[SparkConf] = None, gateway=None, jsc=None, **_ignored):
        with SparkContext._lock:
            if SparkContext._active is not None:
                raise ValueError("Cannot run multiple SparkContexts at once; existing "
                                 "SparkContext(app=%s, master=%s)"
                                 % (SparkContext._active.appName, SparkContext._active.master))
            self._conf = (conf or SparkConf()).copy()
            env_master = os.environ.get("EMBER_MASTER")
            if master:
                self._conf.setMaster(master)
            elif not self._conf.contains("ember.master"):
                self._conf.setMaster(env_master or "local[*]")
            if appName:
                self._conf.setAppName(appName)
            elif not self._conf.contains("ember.app.name"):
                self._conf.setAppName(os.environ.get("EMBER_APP_NAME", "ember-app"))
            self.master = self._conf.get("ember.master")
            self.appName = self._conf.get("ember.app.name")
            self.sparkHome = sparkHome
            self.environment = dict(environment or {}, PYTHONHASHSEED="0")
            self.pythonExec = os.environ.get("EMBER_PYTHON") or \
                os.environ.get("PYSPARK_PYTHON") or sys.executable
            self.pythonVer = "%d.%d" % sys.version_info[:2]
            self._gateway, self._proc = launch_gateway()
            self._bridge = self._gateway.entry_point
            self._jvm = self._gateway.jvm
            self._jsc = self._call(self._bridge.createContext, dict(self._conf.getAll()),
                                   self.pythonExec, self.pythonVer, _PACKAGE_PARENT)
            self._default_parallelism = None
            self._app_id = None
            self._stopped = False
            self._local = threading.local()
            self._includes: List[str] = []
            self._files_dir = tempfile.mkdtemp(prefix="ember-files-")
            SparkFiles._root_directory = self._files_dir
            self._call(self._bridge.setFilesDir, self._files_dir)
            self._broadcast_files: dict = {}
            SparkContext._active = self
            self._install_sigint()
            for path in (pyFiles or []):
                self.addPyFile(path)

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def getOrCreate(cls, conf: Optional[SparkConf] = None) -> "SparkContext":
        with cls._lock:
            return cls._active or cls(conf=conf or SparkConf())

    def __enter__(self) -> "SparkContext":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Stops the engine and its JVM; a new context may be created afterwards."""
        with SparkContext._lock:
            if self._stopped:
                return
            self._stopped = True
            try:
                self._bridge.stop()
            except Exception:
                pass
            try:
                self._gateway.shutdown()
            except Exception:
                pass
            try:
                self._proc.stdin.close()
                self._proc.wait(timeout=10)
            except Exception:
                self._proc.kill()
            shutil.rmtree(self._files_dir, ignore_errors=True)
            if SparkContext._active is self:
                SparkContext._active = None
            self._restore_sigint()

    def _install_sigint(self) -> None:
        self._old_sigint = None
        if threading.current_thread() is not threading.main_thread():
            return
        previous = signal.getsignal(signal.SIGINT)

        def on_sigint(signum, frame):
            try:
                self.cancelAllJobs()
            except Exception:
                pass
            if callable(previous):
                previous(signum, frame)
            raise KeyboardInterrupt()

        try:
            signal.signal(signal.SIGINT, on_sigint)
            self._old_sigint = previous
        except ValueError:
            pass

    def _restore_sigint(self) -> None:
        if self._old_sigint is not None and \
                threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, self._old_sigint)

    # -- info ------------------------------------------------------------------------------

    @property
    def version(self) -> str:
        from ember import __version__
        return __version__

    @property
    def defaultParallelism(self) -> int:
        if self._default_parallelism is None:
            self._default_parallelism = self._jsc.defaultParallelism()
        return self._default_parallelism

    @property
    def defaultMinPartitions(self) -> int:
        return min(self.defaultParallelism, 2)

    @property
    def applicationId(self) -> str:
        if self._app_id is None:
            self._app_id = self._jsc.applicationId()
        return self._app_id

    @property
    def startTime(self) -> int:
        return self._jsc.startTime()

    @property
    def uiWebUrl(self) -> Optional[str]:
        return None

    def sparkUser(self) -> str:
        import getpass
        return getpass.getuser()

    def getConf(self) -> SparkConf:
        return self._conf.copy()

    def setLogLevel(self, logLevel: str) -> None:
        """Accepted for compatibility: the engine logs at WARN (set before start with
        -Dorg.slf4j.simpleLogger.defaultLogLevel); the level cannot change at runtime."""
        valid = {"ALL", "DEBUG", "ERROR", "FATAL", "INFO", "OFF", "TRACE", "WARN"}
        if logLevel.upper() not in valid:
            raise ValueError("log level must be one of %s" % ", ".join(sorted(valid)))

    # -- sources ---------------------------------------------------------------------------

    def parallelize(self, c: Iterable[Any], numSlices: Optional[int] = None):
        """Distributes a local collection; ``range`` objects are generated per partition."""
        from ember.rdd import RDD
        n = numSlices or self.defaultParallelism
        if n < 1:
            raise ValueError("numSlices must be positive, got %d" % n)
        if isinstance(c, range):
            size = len(c)
            slices = [[c[i * size // n:(i + 1) * size // n]] for i in range(n)]
            jrdd = self._write_slices(slices, n)
            return RDD(jrdd, self).flatMap(lambda r: r, preservesPartitioning=True)
        data = c if isinstance(c, list) else list(c)
        size = len(data)
        slices = [data[i * size // n:(i + 1) * size // n] for i in range(n)]
        return RDD(self._write_slices(slices, n), self)

    def _write_slices(self, slices: List[list], n: int):
        fd, path = tempfile.mkstemp(prefix="ember-parallelize-")   # mode 0600
        try:
            with os.fdopen(fd, "wb", buffering=1 << 16) as f:
                pack = struct.Struct(">ii").pack
                for i, s in enumerate(slices):
                    for start in range(0, len(s), BATCH_RECORDS):
                        data = pickle.dumps(s[start:start + BATCH_RECORDS], wire.PICKLE_PROTOCOL)
                        f.write(pack(i, len(data)))
                        f.write(data)
            return self._call(self._bridge.parallelizeFromFile, path, n)
        except BaseException:
            if os.path.exists(path):
                os.unlink(path)
            raise

    def range(self, start: int, end: Optional[int] = None, step: int = 1,
              numSlices: Optional[int] = None):
        if end is None:
            start, end = 0, start
        return self.parallelize(range(start, end, step), numSlices)

    def emptyRDD(self):
        from ember.rdd import RDD
        return RDD(self._bridge.emptyRDD(), self)

    def textFile(self, name: str, minPartitions: Optional[int] = None, use_unicode: bool = True):
        from ember.rdd import RDD
        jrdd = self._call(self._bridge.textFile, name, minPartitions or self.defaultMinPartitions)
        return RDD(jrdd, self, wire.MODE_UTF8_STRINGS)

    def wholeTextFiles(self, path: str, minPartitions: Optional[int] = None,
                       use_unicode: bool = True):
        from ember.rdd import RDD
        jrdd = self._call(self._bridge.wholeTextFiles, path,
                          minPartitions or self.defaultMinPartitions)
        return RDD(jrdd, self)

    def pickleFile(self, name: str, minPartitions: Optional[int] = None):
        from ember.rdd import RDD
        return RDD(self._call(self._bridge.pickleFile, name), self)

    def union(self, rdds: List[Any]):
        from ember.rdd import RDD
        if not rdds:
            return self.emptyRDD()
        jrdds = [r._pickled_jrdd() if len({x._jrdd_mode for x in rdds}) > 1 else r._jrdd
                 for r in rdds]
        mode = rdds[0]._jrdd_mode if len({x._jrdd_mode for x in rdds}) == 1 \
            else wire.MODE_PICKLED_BATCHES
        return RDD(self._call(self._bridge.union, jrdds), self, mode)

    # -- shared variables ------------------------------------------------------------------

    def broadcast(self, value: Any) -> _broadcast.Broadcast:
        fd, path = tempfile.mkstemp(prefix="ember-broadcast-")
        with os.fdopen(fd, "wb") as f:
            _broadcast.Broadcast.dump(value, f)
        bid = self._call(self._bridge.broadcast, path)
        return _broadcast.Broadcast(bid, value, owner=self)

    def _unpersist_broadcast(self, bid: int, blocking: bool) -> None:
        pass   # workers keep a value until destroy; it is small enough to keep

    def _destroy_broadcast(self, bid: int, blocking: bool) -> None:
        self._call(self._bridge.destroyBroadcast, bid)

    def accumulator(self, value: Any, accum_param: Optional[accumulators.AccumulatorParam] = None):
        param = accum_param or accumulators.default_param(value)
        with SparkContext._lock:
            SparkContext._next_accumulator_id += 1
            aid = SparkContext._next_accumulator_id
        return _DriverAccumulator(aid, value, param, self)

    def _merge_accumulator_updates(self) -> None:
        if self._stopped:
            return
        data = self._bridge.drainAccumulatorUpdates()
        pos = 0
        while pos < len(data):
            (n,) = wire.INT32.unpack_from(data, pos)
            accumulators.merge_updates(pickle.loads(data[pos + 4:pos + 4 + n]))
            pos += 4 + n

    # -- files -----------------------------------------------------------------------------

    def addFile(self, path: str, recursive: bool = False) -> None:
        """Copies a file (or directory, with recursive) where tasks find it with SparkFiles."""
        target = os.path.join(self._files_dir, os.path.basename(path.rstrip(os.sep)))
        if os.path.isdir(path):
            if not recursive:
                raise ValueError("%s is a directory; pass recursive=True" % path)
            shutil.copytree(path, target, dirs_exist_ok=True)
        else:
            shutil.copy(path, target)

    def addPyFile(self, path: str) -> None:
        """Ships a .py, .zip or .egg file and puts it on the workers' sys.path."""
        self.addFile(path)
        target = os.path.join(self._files_dir, os.path.basename(path))
        entry = self._files_dir if path.endswith(".py") else target
        if entry not in self._includes:
            self._includes.append(entry)
        if entry not in sys.path:
            sys.path.insert(1, entry)

    @property
    def listFiles(self) -> List[str]:
        return sorted(os.listdir(self._files_dir))

    # -- jobs ------------------------------------------------------------------------------

    def setCheckpointDir(self, dirName: str) -> None:
        self._call(self._jsc.setCheckpointDir, dirName)

    def getCheckpointDir(self) -> Optional[str]:
        d = self._jsc.checkpointDir()
        return d.get() if d.isPresent() else None

    def setJobGroup(self, groupId: str, description: str, interruptOnCancel: bool = False):
        self._local.job_group = groupId

    def setJobDescription(self, value: str) -> None:
        self._local.job_description = value

    def setLocalProperty(self, key: str, value: str) -> None:
        props = getattr(self._local, "props", None) or {}
        props[key] = value
        self._local.props = props

    def getLocalProperty(self, key: str) -> Optional[str]:
        return (getattr(self._local, "props", None) or {}).get(key)

    def _job_group(self) -> Optional[str]:
        return getattr(self._local, "job_group", None)

    def cancelJobGroup(self, groupId: str) -> None:
        self._bridge.cancelJobGroup(groupId)

    def cancelAllJobs(self) -> None:
        self._bridge.cancelAllJobs()

    def runJob(self, rdd, partitionFunc, partitions=None, allowLocal=False) -> list:
        """Runs ``partitionFunc(iterator)`` on the given partitions; returns all outputs."""
        mapped = rdd.mapPartitions(partitionFunc)
        return list(self._collect(mapped._pickled_jrdd(), partitions))

    def _collect(self, jrdd, partitions: Optional[List[int]] = None) -> Iterator[Any]:
        """Streams the records of ``jrdd`` (pickled batches) from the engine."""
        for batch in self._collect_batches(jrdd, partitions):
            yield from batch

    def _collect_batches(self, jrdd, partitions: Optional[List[int]] = None) -> Iterator[list]:
        if partitions is not None:
            jparts = self._gateway.new_array(self._gateway.jvm.int, len(partitions))
            for i, p in enumerate(partitions):
                jparts[i] = p
        else:
            jparts = None
        port, secret = self._call(self._bridge.collectAndServe, jrdd, jparts, self._job_group())
        sock = socket.create_connection(("127.0.0.1", int(port)))
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            rfile = sock.makefile("rb", 1 << 16)
            wfile = sock.makefile("wb")
            wire.write_string(wfile, secret)
            wfile.flush()
            while True:
                n = wire.read_int(rfile)
                if n >= 0:
                    yield pickle.loads(wire.read_exact(rfile, n))
                elif n == wire.END_OF_DATA:
                    break
                elif n == wire.EXCEPTION:
                    type_name = wire.read_string(rfile)
                    message = wire.read_string(rfile) or ""
                    tb = wire.read_string(rfile) or ""
                    wire.read_frame_or_null(rfile)   # the pickled exception (unused)
                    if tb:
                        raise task_error(type_name, message, tb)
                    raise EmberError("%s: %s" % (type_name, message))
                else:
                    raise wire.ProtocolError("unexpected %s from the result server"
                                             % wire.control_name(n))
        finally:
            sock.close()
            self._merge_accumulator_updates()

    def _call(self, method, *args):
        """Calls the JVM; engine errors become EmberError with the Java message only."""
        try:
            return method(*args)
        except Py4JJavaError as e:
            jexc = e.java_exception
            raise EmberError("%s: %s" % (jexc.getClass().getSimpleName(),
                                         jexc.getMessage())) from None

    def __repr__(self) -> str:
        return "<SparkContext master=%s appName=%s>" % (self.master, self.appName)


Context = SparkContext
