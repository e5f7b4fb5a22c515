"""SparkContext: the driver's handle on the engine JVM.

>>> sc.parallelize(range(10)).map(lambda x: x * x).sum()
285

A program creates one context (``with SparkContext("local[2]", "demo") as sc: ...``);
the master comes from the argument, the conf, env ``EMBER_MASTER``, else ``local[*]``.
"""

import os
import re
import shlex
import shutil
import sys
import tempfile
import threading
from typing import Any, Dict, List, Optional

from ember import accumulators, broadcast as _broadcast, inputs
from ember.conf import SYSTEM_PROPERTIES, SparkConf, normalize_key
from ember.engine import Engine, translate_errors
from ember.errors import CONTEXT_ONLY_ON_DRIVER, InputPathError
from ember.files import SparkFiles
from ember.interrupts import MainThreadCalls, install_sigint_handler
from ember.java_gateway import launch_gateway, stderr_is_terminal
from ember.job_properties import JobProperties
from ember.sources import DataSources
from ember.status import StatusTracker
from ember.taskcontext import TaskContext

__all__ = ["SparkContext", "Context"]

_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JOB_GROUP = "ember.jobGroup.id"
JOB_DESCRIPTION = "ember.job.description"
INTERRUPT_ON_CANCEL = "ember.job.interruptOnCancel"
PROGRESS_BAR = "ember.ui.showConsoleProgress"
_ARCHIVE_FORMATS = {".zip": "zip", ".jar": "zip", ".tar": "tar", ".tar.gz": "gztar",
                    ".tgz": "gztar"}


class _DriverAccumulator(accumulators.Accumulator):
    """An accumulator whose ``value`` first merges the updates of finished tasks."""

    def __init__(self, aid, value, accum_param, engine: Engine):
        super().__init__(aid, value, accum_param)
        self._engine = engine

    @property
    def value(self):
        self._engine.merge_accumulator_updates()
        return accumulators.Accumulator.value.fget(self)

    @value.setter
    def value(self, v):
        accumulators.Accumulator.value.fset(self, v)

    def __str__(self):
        return str(self.value)


class SparkContext(DataSources):
    """The entry point: creates RDDs, broadcasts and accumulators, and runs jobs.

    ``master`` says where tasks run (default: ``ember.master``, else ``EMBER_MASTER``, else
    ``local[*]``):

    - ``local``: one task thread in the driver's JVM
    - ``local[N]``: N task threads; ``local[*]``: one per core
    - ``local[N,F]`` / ``local[*,F]``: the same, each task tried up to F times
    - ``ember://HOST:PORT``: a standalone master started with ``ember-master``
    - ``local-cluster[W,C,M]``: W worker JVMs of C cores and M MB started by the driver, whose
      executors are separate JVMs (for tests)

    >>> sc.master, sc.appName
    ('local[2]', 'ember-tests')
    >>> sc.parallelize([1, 2, 3]).count()
    3
    """

    _active_spark_context: Optional["SparkContext"] = None
    """The running context (PySpark's name, which third-party code reads), or None."""
    _lock = threading.RLock()
    _next_accumulator_id = 0
    _system_properties: Dict[str, str] = SYSTEM_PROPERTIES

    def __init__(self, master: Optional[str] = None, appName: Optional[str] = None,
                 sparkHome: Optional[str] = None, pyFiles: Optional[List[str]] = None,
                 environment: Optional[dict] = None, batchSize: int = 0, serializer=None,
                 conf: Optional[SparkConf] = None, gateway=None, jsc=None, **_ignored):
        if TaskContext.get() is not None:
            raise RuntimeError(CONTEXT_ONLY_ON_DRIVER)
        with SparkContext._lock:
            active = SparkContext._active_spark_context
            if active is not None:
                raise ValueError("Cannot run multiple SparkContexts at once; existing "
                                 "SparkContext(app=%s, master=%s)"
                                 % (active.appName, active.master))
            self._conf = (conf or SparkConf()).copy()
            if master:
                self._conf.setMaster(master)
            elif not self._conf.contains("ember.master"):
                self._conf.setMaster(os.environ.get("EMBER_MASTER") or "local[*]")
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
            self._stopped = False
            self._files_dir = None
            self._main_calls = MainThreadCalls()
            self._restore_sigint = lambda: None
            self._gateway, self._proc = launch_gateway(self._jvm_options(), self._main_calls)
            try:
                self._start()
            except BaseException:
                self._shutdown_jvm()
                raise
            SparkContext._active_spark_context = self
            try:
                # Ctrl-C cancels the running jobs, then raises KeyboardInterrupt (ember.interrupts)
                self._restore_sigint = install_sigint_handler(
                    self._main_calls, self._cancel_all_on_interrupt) or (lambda: None)
                for path in (pyFiles or []) + self._conf_list("ember.submit.pyFiles"):
                    self.addPyFile(path)
            except BaseException:
                self.stop()   # a half-made context must not stay registered
                raise

    def _conf_list(self, key: str) -> List[str]:
        """A comma-separated conf value as a list (what ember-submit's --py-files/--files set)."""
        return [p for p in (self._conf.get(key) or "").split(",") if p]

    def _jvm_options(self) -> List[str]:
        """Flags for the engine JVM this driver starts: system properties, and the heap from
        ``spark.driver.memory`` / ``ember.driver.memory`` (as PySpark sizes its driver), and
        ``spark.driver.extraJavaOptions``."""
        options = ["-D%s=%s" % kv for kv in sorted(SparkContext._system_properties.items())]
        memory = (self._conf.get("ember.driver.memory") or "").strip().lower()
        if memory:
            if not re.fullmatch(r"[0-9]+[kmgt]?b?", memory):
                raise ValueError("spark.driver.memory must be a size like 512m or 2g, got %r"
                                 % self._conf.get("ember.driver.memory"))
            options.append("-Xmx" + memory.rstrip("b"))
        # as PySpark: extra flags for the driver JVM (profiling, GC), split like a shell would
        options.extend(shlex.split(self._conf.get("ember.driver.extraJavaOptions") or ""))
        return options

    def _start(self) -> None:
        self._bridge = self._gateway.entry_point
        self._jvm = self._gateway.jvm
        settings = {normalize_key(k): v for k, v in self._conf.getAll()}
        # The engine's own default looks for a console, which a JVM under Python never has:
        # the bar is drawn when our stderr is a terminal, unless the conf says otherwise.
        settings.setdefault(PROGRESS_BAR, "true" if stderr_is_terminal() else "false")
        self._jsc = translate_errors(self._bridge.createContext, settings,
                                     self.pythonExec, self.pythonVer, _PACKAGE_PARENT)
        self._default_parallelism = None
        self._app_id = None
        self._ui_web_url: Optional[str] = None
        self._job_properties = JobProperties()
        self._added_archives: List[str] = []
        self._files_dir = self._jsc.filesDir()
        SparkFiles._root_directory = self._files_dir
        self.engine = Engine(self._gateway, self._bridge, self._jsc, self._conf,
                             self._job_properties, self._files_dir)
        """The only way RDDs, data sources, broadcasts and barrier stages reach the JVM
        (internal: not PySpark API)."""

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def getOrCreate(cls, conf: Optional[SparkConf] = None) -> "SparkContext":
        """The running context, or a new one from ``conf``."""
        with cls._lock:
            return cls._active_spark_context or cls(conf=conf or SparkConf())

    @classmethod
    def setSystemProperty(cls, key: str, value: str) -> None:
        """Sets a JVM system property: now if the engine runs, and for every later start;
        ``spark.*`` and ``ember.*`` ones also become defaults of new SparkConfs.

        >>> SparkContext.setSystemProperty("example.flag", "on")
        >>> sc._jvm.java.lang.System.getProperty("example.flag")
        'on'
        """
        with cls._lock:
            cls._system_properties[key] = str(value)
            if cls._active_spark_context is not None:
                cls._active_spark_context._jvm.java.lang.System.setProperty(key, str(value))

    def __reduce__(self):
        # captured by a task's function or a broadcast value: fail while pickling, as PySpark
        raise RuntimeError(CONTEXT_ONLY_ON_DRIVER)

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
            self.engine.close()
            self._shutdown_jvm()
            if SparkContext._active_spark_context is self:
                SparkContext._active_spark_context = None
            self._restore_sigint()

    def _shutdown_jvm(self) -> None:
        try:
            self._gateway.shutdown()
        except Exception:
            pass
        try:
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
        except Exception:
            self._proc.kill()
        for pipe in (self._proc.stdout, self._proc.stderr):
            if pipe is not None:
                pipe.close()
        if self._files_dir:
            shutil.rmtree(self._files_dir, ignore_errors=True)

    def _cancel_all_on_interrupt(self) -> None:
        if not self._stopped:
            self.cancelAllJobs()

    # -- info ------------------------------------------------------------------------------

    @property
    def version(self) -> str:
        """Ember's version."""
        from ember import __version__
        return __version__

    @property
    def defaultParallelism(self) -> int:
        """Partitions of parallelize and shuffles when none is given (the core count)."""
        if self._default_parallelism is None:
            self._default_parallelism = self._jsc.defaultParallelism()
        return self._default_parallelism

    @property
    def defaultMinPartitions(self) -> int:
        """Partitions of file inputs when none is given: min(defaultParallelism, 2)."""
        return min(self.defaultParallelism, 2)

    @property
    def applicationId(self) -> str:
        """``local-<start millis>``."""
        if self._app_id is None:
            self._app_id = self._jsc.applicationId()
        return self._app_id

    @property
    def startTime(self) -> int:
        """When the context started, in milliseconds since the epoch."""
        return self._jsc.startTime()

    @property
    def uiWebUrl(self) -> Optional[str]:
        """The address of the application's web UI and REST API (``/api/v1``), such as
        ``http://127.0.0.1:4040``; None when ``spark.ui.enabled`` is false."""
        if self._ui_web_url is None:
            self._ui_web_url = self._jsc.uiWebUrlOrNull() or ""
        return self._ui_web_url or None

    @property
    def resources(self) -> Dict[str, Any]:
        """Driver resources (GPUs, ...): none in Ember."""
        return {}

    def sparkUser(self) -> str:
        """The user running the application (env SPARK_USER, else the login name)."""
        import getpass
        return os.environ.get("SPARK_USER") or getpass.getuser()

    def getConf(self) -> SparkConf:
        """A copy of the context's configuration."""
        return self._conf.copy()

    def setLogLevel(self, logLevel: str) -> None:
        """Changes the engine's log level now: ALL, TRACE, DEBUG, INFO, WARN (the default),
        ERROR, FATAL or OFF.

        >>> sc.setLogLevel("ERROR"); sc.setLogLevel("WARN")
        """
        valid = {"ALL", "DEBUG", "ERROR", "FATAL", "INFO", "OFF", "TRACE", "WARN"}
        if logLevel.upper() not in valid:
            raise ValueError("log level must be one of %s" % ", ".join(sorted(valid)))
        self._jsc.setLogLevel(logLevel)

    def statusTracker(self) -> StatusTracker:
        """Progress of recent jobs and stages.

        >>> sc.setJobGroup("doc-status", "counting")
        >>> sc.parallelize(range(4), 2).count()
        4
        >>> t = sc.statusTracker()
        >>> job = t.getJobIdsForGroup("doc-status")[0]
        >>> t.getJobInfo(job).status in ("RUNNING", "SUCCEEDED")   # updated asynchronously
        True
        >>> sc.clearJobGroup()
        """
        return StatusTracker(self._jsc.statusTracker())

    # -- shared variables ------------------------------------------------------------------

    def broadcast(self, value: Any) -> _broadcast.Broadcast:
        """A read-only value sent to each worker once.

        >>> table = sc.broadcast({"a": 1, "b": 2})
        >>> sc.parallelize(["a", "b"]).map(lambda k: table.value[k]).collect()
        [1, 2]
        """
        fd, path = tempfile.mkstemp(prefix="ember-broadcast-")
        with os.fdopen(fd, "wb") as f:
            _broadcast.Broadcast.dump(value, f)
        handle = self.engine.broadcast(path)
        return _broadcast.Broadcast(handle.id(), value, owner=self.engine, handle=handle)

    def accumulator(self, value: Any, accum_param: Optional[accumulators.AccumulatorParam] = None
                    ) -> accumulators.Accumulator:
        """An add-only variable: tasks add to it, the driver reads ``value``.

        >>> total = sc.accumulator(0)
        >>> sc.parallelize(range(5)).foreach(lambda x: total.add(x))
        >>> total.value
        10
        """
        param = accum_param or accumulators.default_param(value)
        with SparkContext._lock:
            SparkContext._next_accumulator_id += 1
            aid = SparkContext._next_accumulator_id
        return _DriverAccumulator(aid, value, param, self.engine)

    # -- files -----------------------------------------------------------------------------

    def addFile(self, path: str, recursive: bool = False) -> None:
        """Ships a file (or directory, with recursive) to every executor; tasks find it with
        ``SparkFiles.get(name)``."""
        if os.path.isdir(path) and not recursive:
            raise ValueError("%s is a directory; pass recursive=True" % path)
        if not os.path.exists(path):
            raise InputPathError("File does not exist: %s" % path)
        self.engine.call(self._jsc.addFile, os.path.abspath(path), recursive)

    def addPyFile(self, path: str) -> None:
        """Ships a .py, .zip or .egg file and puts it on the workers' sys.path."""
        self.addFile(path)
        # relative to the files directory, which differs between the driver and each executor
        entry = "" if path.endswith(".py") else os.path.basename(path)
        self.engine.add_python_include(entry)
        local = os.path.join(self._files_dir, entry) if entry else self._files_dir
        if local not in sys.path:
            sys.path.insert(1, local)

    def addArchive(self, path: str) -> None:
        """Ships a .zip, .jar, .tar, .tar.gz or .tgz file, unpacked on every executor; tasks
        find the unpacked directory with ``SparkFiles.get(name)``, where name is the archive's
        file name or the ``#alias`` after the path."""
        path, _, alias = path.partition("#")
        fmt = next((f for ext, f in _ARCHIVE_FORMATS.items() if path.endswith(ext)), None)
        if fmt is None:
            raise ValueError("%s is not a .zip, .jar, .tar, .tar.gz or .tgz archive" % path)
        if not os.path.isfile(path):
            raise InputPathError("Archive does not exist: %s" % path)
        name = alias or os.path.basename(path)
        shutil.unpack_archive(path, os.path.join(self._files_dir, name), fmt)
        self.engine.call(self._jsc.addArchive, os.path.abspath(path), name)
        uri = inputs.file_uri(path) + ("#" + alias if alias else "")
        if uri not in self._added_archives:
            self._added_archives.append(uri)

    @property
    def listFiles(self) -> List[str]:
        """URIs of the files added with addFile / addPyFile."""
        return list(self._jsc.listFiles())

    @property
    def listArchives(self) -> List[str]:
        """URIs of the archives added with addArchive."""
        return list(self._added_archives)

    # -- job properties --------------------------------------------------------------------

    def setLocalProperty(self, key: str, value: Optional[str]) -> None:
        """Sets (None: removes) a property of the jobs this thread starts; tasks see it with
        ``TaskContext.getLocalProperty``. ``spark.*`` keys are stored under ``ember.*``.

        >>> sc.setLocalProperty("spark.scheduler.pool", "reports")
        >>> sc.getLocalProperty("spark.scheduler.pool")
        'reports'
        >>> sc.setLocalProperty("spark.scheduler.pool", None)
        """
        self._job_properties.set(normalize_key(key), None if value is None else str(value))

    def getLocalProperty(self, key: str) -> Optional[str]:
        """This thread's value of a job property, or None."""
        return self._job_properties.get(normalize_key(key))

    def setJobGroup(self, groupId: str, description: str, interruptOnCancel: bool = False) -> None:
        """Tags the jobs this thread starts, so ``cancelJobGroup(groupId)`` cancels them."""
        self.setLocalProperty(JOB_GROUP, groupId)
        self.setLocalProperty(JOB_DESCRIPTION, description)
        self.setLocalProperty(INTERRUPT_ON_CANCEL, "true" if interruptOnCancel else "false")

    def clearJobGroup(self) -> None:
        for key in (JOB_GROUP, JOB_DESCRIPTION, INTERRUPT_ON_CANCEL):
            self.setLocalProperty(key, None)

    def setJobDescription(self, value: Optional[str]) -> None:
        """A label for the jobs this thread starts next."""
        self.setLocalProperty(JOB_DESCRIPTION, value)

    # -- jobs ------------------------------------------------------------------------------

    def setCheckpointDir(self, dirName: str) -> None:
        """Where ``RDD.checkpoint`` writes (created if missing)."""
        self.engine.call(self._jsc.setCheckpointDir, dirName)

    def getCheckpointDir(self) -> Optional[str]:
        d = self._jsc.checkpointDir()
        return d.get() if d.isPresent() else None

    def cancelJobGroup(self, groupId: str) -> None:
        """Cancels the running jobs of a group (see setJobGroup)."""
        self.engine.cancel_job_group(groupId)

    def cancelAllJobs(self) -> None:
        """Cancels every scheduled or running job."""
        self.engine.cancel_all_jobs()

    def runJob(self, rdd, partitionFunc, partitions=None, allowLocal=False) -> list:
        """Runs ``partitionFunc(iterator)`` on the given partitions; returns all outputs.

        >>> sc.runJob(sc.parallelize(range(6), 3), lambda it: [sum(it)], [0, 2])
        [1, 9]
        """
        mapped = rdd.mapPartitions(partitionFunc)
        return list(self.engine.collect(mapped._pickled_jrdd(), partitions))

    def __repr__(self) -> str:
        return "<SparkContext master=%s appName=%s>" % (self.master, self.appName)


Context = SparkContext
