"""Shared test setup: makes the in-tree ``python/ember`` package importable, in this process
and in the worker and daemon subprocesses the tests start."""

import os
import re
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON_DIR = os.path.join(ROOT, "python")
if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)


def subprocess_env(**extra: str) -> dict:
    """Environment for Python subprocesses that must import the in-tree ``ember``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (PYTHON_DIR, env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


@pytest.fixture
def worker_env() -> dict:
    return subprocess_env()


TEST_MASTER = os.environ.get("EMBER_TEST_MASTER", "local[2]")


def master_cores(master: str) -> int:
    """The task slots a ``local[N]`` or ``local-cluster[W,C,M]`` master offers (its default parallelism)."""
    m = re.fullmatch(r"local\[(\d+)(?:,\d+)?\]", master)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"local-cluster\[(\d+),\s*(\d+),\s*\d+\]", master)
    if m:
        return int(m.group(1)) * int(m.group(2))
    raise ValueError("tests know the cores of local[N] and local-cluster[W,C,M] masters, not %r" % master)


@pytest.fixture(scope="session")
def sc():
    """One engine context for the whole session: local[2], or EMBER_TEST_MASTER when set
    (e.g. ``EMBER_TEST_MASTER='local-cluster[2,1,1024]'`` runs the suite on executor JVMs).
    Tests read the master's parallelism (``master_cores(TEST_MASTER)``) instead of assuming 2."""
    from ember import SparkContext
    context = SparkContext(TEST_MASTER, "ember-tests")
    yield context
    context.stop()


@pytest.fixture(scope="session")
def spark(sc):
    """A SparkSession on the session's context (DataFrame tests)."""
    from ember.sql import SparkSession
    return SparkSession.builder.getOrCreate()
