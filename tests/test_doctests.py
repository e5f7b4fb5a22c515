"""The examples in the worker-side modules' docstrings run."""

import doctest
import importlib

import pytest

MODULES = ["serializers", "hashing", "shuffle", "accumulators", "broadcast",
           "taskcontext", "histogram", "zipping"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module("ember." + name)
    result = doctest.testmod(module)
    assert result.failed == 0
