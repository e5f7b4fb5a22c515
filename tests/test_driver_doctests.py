"""The examples in the driver-side modules' docstrings run against the session context."""

import doctest
import importlib

import pytest

from conftest import TEST_MASTER

MODULES = ["rdd", "rdd_actions", "rdd_pairs", "rdd_numeric", "context", "barrier", "approx",
           "inputs", "closures", "resource", "status", "conf", "statcounter", "storagelevel",
           "sources", "hadoop", "job_properties"]


class _MasterChecker(doctest.OutputChecker):
    """Docstrings show the default test master, local[2]; under EMBER_TEST_MASTER the session
    context prints its own master there."""

    def check_output(self, want, got, optionflags):
        return (super().check_output(want, got, optionflags)
                or super().check_output(want.replace("'local[2]'", repr(TEST_MASTER)), got, optionflags))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(sc, name):
    from ember import StorageLevel
    module = importlib.import_module("ember." + name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(checker=_MasterChecker(), optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, globs=dict(vars(module), sc=sc, StorageLevel=StorageLevel)):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
