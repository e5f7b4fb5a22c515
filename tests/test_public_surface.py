"""The surface a new user meets first: `dir(ember)`, the typed-package marker, every master URL
form named in `ember-submit --help` and the SparkContext docstring."""
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, subprocess_env

MASTER_FORMS = ["local", "local[N]", "local[*]", "local[N,F]", "local[*,F]", "ember://HOST:PORT",
                "local-cluster[W,C,M]"]
LAUNCHER_JAR = Path(ROOT) / "launcher" / "target" / "ember-launcher-0.1.0.jar"


def test_dir_shows_the_public_api_and_not_internal_modules():
    out = subprocess.run([sys.executable, "-c", "import ember, ember.rdd, ember.context; "
                          "from ember import SparkContext; print(' '.join(dir(ember)))"],
                         capture_output=True, text=True, timeout=60, env=subprocess_env())
    assert out.returncode == 0, out.stderr
    names = out.stdout.split()
    assert names == sorted(names)
    for name in ("SparkContext", "SparkConf", "RDD", "StorageLevel", "Broadcast", "Accumulator",
                 "AccumulatorParam", "SparkFiles", "TaskContext", "StatusTracker", "__version__"):
        assert name in names, names
    assert not [n for n in names if n in ("rdd", "context", "importlib", "_LAZY", "conf", "serializers")], names
    import ember
    for name in ember.__all__:
        assert getattr(ember, name) is not None, name


def test_the_package_ships_py_typed():
    import ember
    assert os.path.isfile(os.path.join(os.path.dirname(ember.__file__), "py.typed"))
    pyproject = (Path(ROOT) / "python" / "pyproject.toml").read_text()
    assert '"py.typed"' in pyproject


def test_spark_context_docstring_names_every_master_form():
    from ember import SparkContext
    doc = SparkContext.__doc__
    missing = [f for f in MASTER_FORMS if "``%s``" % f not in doc]
    assert missing == [], missing


def test_submit_help_names_every_master_form():
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    r = subprocess.run([str(Path(ROOT) / "launcher" / "bin" / "ember-submit"), "--help"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines() + r.stderr.splitlines()
    missing = [f for f in MASTER_FORMS if not any(l.strip().startswith(f + " ") or (" " + f + " ") in l
                                                   for l in lines)]
    assert missing == [], "\n".join(lines)
