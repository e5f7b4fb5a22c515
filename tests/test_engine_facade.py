"""RDD code reaches the JVM only through the context's Engine facade (ember.engine).

No module but context.py and engine.py touches the Py4J objects (``_bridge``, ``_jsc``,
``_gateway``, ``_jvm``) or another object's private context members (``ctx._conf``, ...), so
every JVM call goes through ``Engine.call`` and its error translation."""

import re
from pathlib import Path

import pytest
from py4j.protocol import Py4JError, Py4JJavaError

from ember.conf import SparkConf
from ember.engine import Engine
from ember.errors import EmberError, JobCancelledError
from ember.job_properties import JobProperties

PACKAGE = Path(__file__).resolve().parent.parent / "python" / "ember"
ALLOWED = {"context.py", "engine.py"}
PY4J_HANDLES = re.compile(r"\._(bridge|jsc|gateway|jvm)\b")
PRIVATE_CONTEXT_MEMBER = re.compile(r"\b(ctx|sc|context|spark_context)\._[a-zA-Z]\w*")


def reaches(line: str):
    """The facade-bypassing references on one source line."""
    return [m.group(0) for m in PY4J_HANDLES.finditer(line)] + \
        [m.group(0) for m in PRIVATE_CONTEXT_MEMBER.finditer(line)]


def test_the_scanner_flags_what_it_forbids():
    assert reaches("self.ctx._call(self.ctx._bridge.persist, jrdd)") == \
        ["._bridge", "ctx._call", "ctx._bridge"]
    assert reaches("slots = ctx._jsc.masterUrl()") == ["._jsc", "ctx._jsc"]
    assert reaches("d = sc._files_dir") == ["sc._files_dir"]
    assert reaches("self.ctx.engine.persist(self._jrdd, level)") == []
    assert reaches("def __init__(self, _jvm=None):") == []


def test_only_the_context_and_the_engine_touch_the_jvm():
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            found += ["%s:%d: %s" % (path.name, number, r) for r in reaches(line)]
    assert found == [], "\n".join(found)


class JavaExceptionDouble:
    """What Py4J hands over for a thrown Java exception: its class, message and trace."""

    def __init__(self, class_name, message):
        self._target_id, self._gateway_client = "o7", self
        self.class_name, self.message = class_name, message

    def getClass(self):
        return self

    def getName(self):
        return self.class_name

    def getMessage(self):
        return self.message

    def getCause(self):
        return None

    def __getattr__(self, name):
        def missing(*args):   # as Py4J fails a call of a method the Java class lacks
            raise Py4JError("Method %s([]) does not exist" % name)
        return missing

    def send_command(self, command):   # the gateway client asked for the printed trace
        return "ys%s: %s\n\tat io.ember.Test.run(Test.java:1)" % (self.class_name, self.message)


class BridgeDouble:
    def __init__(self):
        self.stopped = False

    def stop(self):
        self.stopped = True


class JavaRddDouble:
    def __init__(self, partitions=None, error=None):
        self.partitions, self.error = partitions, error

    def getNumPartitions(self):
        if self.error is not None:
            raise Py4JJavaError("An error occurred while calling o7.getNumPartitions", self.error)
        return self.partitions


def engine(bridge=None):
    return Engine(None, bridge or BridgeDouble(), None, SparkConf(loadDefaults=False),
                  JobProperties(), "/tmp")


def test_a_java_exception_from_any_call_becomes_its_python_twin():
    e = engine()
    assert e.num_partitions(JavaRddDouble(partitions=3)) == 3
    failing = JavaRddDouble(error=JavaExceptionDouble("io.ember.core.JobCancelledException",
                                                      "Job 4 cancelled"))
    with pytest.raises(JobCancelledError, match="Job 4 cancelled") as info:
        e.num_partitions(failing)
    assert info.value.java_exception.class_name == "io.ember.core.JobCancelledException"
    assert "Test.java:1" in info.value.java_exception.stack_trace


def test_after_close_every_call_fails_with_the_stopped_message():
    bridge = BridgeDouble()
    e = engine(bridge)
    e.close()
    assert bridge.stopped
    with pytest.raises(EmberError, match="This SparkContext was stopped"):
        e.num_partitions(JavaRddDouble(partitions=3))   # was an untranslated Py4J error
    e.merge_accumulator_updates()   # a closed engine has no updates to merge
