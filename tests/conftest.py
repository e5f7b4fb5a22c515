"""Shared test setup: makes the in-tree ``python/ember`` package importable, in this process
and in the worker and daemon subprocesses the tests start."""

import os
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


@pytest.fixture(scope="session")
def sc():
    """One engine context for the whole session: local[2], or EMBER_TEST_MASTER when set
    (e.g. ``EMBER_TEST_MASTER='local-cluster[2,1,512]'`` runs the suite on executor JVMs)."""
    from ember import SparkContext
    context = SparkContext(os.environ.get("EMBER_TEST_MASTER", "local[2]"), "ember-tests")
    yield context
    context.stop()
