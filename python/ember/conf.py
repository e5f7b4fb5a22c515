"""SparkConf: key/value settings for a context (``spark.*`` keys map to ``ember.*``)."""

import os
from typing import Dict, Iterable, List, Optional, Tuple

SYSTEM_PROPERTIES: Dict[str, str] = {}
"""JVM system properties set with SparkContext.setSystemProperty; their spark.* and ember.*
keys are the defaults of every SparkConf(loadDefaults=True)."""

_ALIASES = {
    "spark.master": "ember.master",
    "spark.app.name": "ember.app.name",
    "spark.default.parallelism": "ember.default.parallelism",
    "spark.task.maxFailures": "ember.task.maxFailures",
    "spark.local.dir": "ember.local.dir",
    "spark.memory.fraction": "ember.memory.fraction",
    "spark.memory.storageFraction": "ember.memory.storageFraction",
    "spark.python.worker.memory": "ember.python.worker.memory",
    "spark.python.worker.reuse": "ember.python.worker.reuse",
    "spark.ui.showConsoleProgress": "ember.ui.showConsoleProgress",
    "spark.checkpoint.dir": "ember.checkpoint.dir",
    "spark.locality.wait": "ember.locality.wait",
}


def normalize_key(key: str) -> str:
    """The ember.* key for ``key`` (spark.* keys with an Ember equivalent are renamed)."""
    if key in _ALIASES:
        return _ALIASES[key]
    if key.startswith("spark."):
        return "ember." + key[len("spark."):]
    return key


class SparkConf:
    """Settings for a SparkContext.

    >>> SparkConf().setMaster("local[2]").setAppName("demo").get("spark.master")
    'local[2]'
    >>> conf = SparkConf().set("spark.task.maxFailures", 2).setExecutorEnv("TZ", "UTC")
    >>> conf.get("ember.task.maxFailures"), conf.contains("spark.executorEnv.TZ")
    ('2', True)
    >>> print(conf.toDebugString())
    ember.executorEnv.TZ=UTC
    spark.task.maxFailures=2
    """

    def __init__(self, loadDefaults: bool = True, _jvm=None, _jconf=None):
        self._conf: Dict[str, str] = {}
        self._spelled: Dict[str, str] = {}   # key as last set (spark.* or ember.*), for getAll
        if loadDefaults:
            for key, value in SYSTEM_PROPERTIES.items():
                if key.startswith(("spark.", "ember.")):
                    self.set(key, value)
            for key, value in submit_args().items():
                self.set(key, value)

    def set(self, key: str, value) -> "SparkConf":
        name = normalize_key(key)
        self._conf[name] = str(value)
        self._spelled[name] = key
        return self

    def setIfMissing(self, key: str, value) -> "SparkConf":
        if not self.contains(key):
            self.set(key, value)
        return self

    def setMaster(self, value: str) -> "SparkConf":
        return self.set("ember.master", value)

    def setAppName(self, value: str) -> "SparkConf":
        return self.set("ember.app.name", value)

    def setSparkHome(self, value: str) -> "SparkConf":
        return self

    def setExecutorEnv(self, key=None, value=None, pairs=None) -> "SparkConf":
        for k, v in ([(key, value)] if key is not None else []) + list(pairs or []):
            self.set("ember.executorEnv." + k, v)
        return self

    def setAll(self, pairs: Iterable[Tuple[str, str]]) -> "SparkConf":
        for k, v in pairs:
            self.set(k, v)
        return self

    def get(self, key: str, defaultValue: Optional[str] = None) -> Optional[str]:
        return self._conf.get(normalize_key(key), defaultValue)

    def getAll(self) -> List[Tuple[str, str]]:
        """The settings, each under the key it was set with (``spark.x`` stays ``spark.x``)."""
        return [(self._spelled.get(k, k), v) for k, v in self._conf.items()]

    def contains(self, key: str) -> bool:
        return normalize_key(key) in self._conf

    def toDebugString(self) -> str:
        return "\n".join("%s=%s" % kv for kv in sorted(self.getAll()))

    def copy(self) -> "SparkConf":
        c = SparkConf()
        c._conf = dict(self._conf)
        c._spelled = dict(self._spelled)
        return c

    def __repr__(self) -> str:
        return "SparkConf(%r)" % self._conf


def submit_args() -> Dict[str, str]:
    """Settings ember-submit passes to a Python driver: env EMBER_SUBMIT_ARGS, one
    ``key=value`` per line (--master, --conf, --name, --py-files, --files)."""
    settings: Dict[str, str] = {}
    for line in os.environ.get("EMBER_SUBMIT_ARGS", "").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip():
            settings[key.strip()] = value
    return settings
