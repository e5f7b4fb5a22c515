"""The examples in the driver-side modules' docstrings run against the session context."""

import doctest
import importlib

import pytest

MODULES = ["rdd", "rdd_actions", "rdd_pairs", "rdd_numeric", "context", "barrier", "approx",
           "inputs", "closures", "resource", "status", "conf", "statcounter", "storagelevel",
           "sources", "hadoop"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(sc, name):
    from ember import StorageLevel
    module = importlib.import_module("ember." + name)
    result = doctest.testmod(module, extraglobs={"sc": sc, "StorageLevel": StorageLevel},
                             optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
