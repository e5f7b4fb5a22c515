"""Ember: a PySpark-compatible data engine.

A JVM engine driven from Python through Py4J; user functions are pickled with cloudpickle
and run in Python worker processes fed by the JVM executors.

Worker-side modules (wire, serializers, hashing, shuffle, worker, daemon, accumulators,
broadcast, taskcontext) import this package, so it must stay free of driver-side imports
(py4j, the context) at import time.
"""

__version__ = "0.1.0"
