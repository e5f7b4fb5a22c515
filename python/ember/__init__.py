"""Ember: a PySpark-compatible data engine.

A JVM engine driven from Python through Py4J; user functions are pickled with cloudpickle
and run in Python worker processes fed by the JVM executors.

Worker-side modules (wire, serializers, hashing, shuffle, worker, daemon, accumulators,
broadcast, taskcontext, and the rdd, approx, inputs and barrier modules whose functions
tasks run) import this package, so it must stay free of driver-side imports
(py4j, the context) at import time: the driver classes below are loaded on first access.

>>> from ember import SparkContext, SparkConf   # doctest: +SKIP
"""

import importlib

__version__ = "0.1.0"

_LAZY = {
    "SparkContext": "ember.context",
    "Context": "ember.context",
    "SparkConf": "ember.conf",
    "RDD": "ember.rdd",
    "StorageLevel": "ember.storagelevel",
    "SparkFiles": "ember.files",
    "StatCounter": "ember.statcounter",
    "Broadcast": "ember.broadcast",
    "Accumulator": "ember.accumulators",
    "AccumulatorParam": "ember.accumulators",
    "TaskContext": "ember.taskcontext",
    "PythonTaskError": "ember.errors",
    "EmberError": "ember.errors",
    "InputPathError": "ember.errors",
    "RDDBarrier": "ember.rdd",
    "BarrierTaskContext": "ember.barrier",
    "BarrierTaskInfo": "ember.barrier",
    "StatusTracker": "ember.status",
    "SparkJobInfo": "ember.status",
    "SparkStageInfo": "ember.status",
    "BoundedFloat": "ember.approx",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __dir__():
    """The public API, as ``dir(pyspark)`` leads with: not the internal modules, which appear
    as attributes once imported."""
    return sorted(__all__)


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError("module 'ember' has no attribute %r" % name)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
