"""End-to-end runs of launcher/bin/ember-submit and ember-shell (needs `mvn package` first)."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBMIT = ROOT / "launcher" / "bin" / "ember-submit"
SHELL = ROOT / "launcher" / "bin" / "ember-shell"
LAUNCHER_JAR = ROOT / "launcher" / "target" / "ember-launcher-0.1.0.jar"
EXAMPLES_JAR = ROOT / "examples" / "target" / "ember-examples-0.1.0.jar"

pytestmark = pytest.mark.skipif(not LAUNCHER_JAR.exists(), reason="launcher jar not built (mvn package)")


def run(cmd, **kw):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, **kw)


def test_submit_python_app_honours_master_and_args(tmp_path):
    app = tmp_path / "app.py"
    app.write_text("import sys\nfrom ember import SparkContext\nsc = SparkContext.getOrCreate()\n"
                   "print(sc.master, sys.argv[1:], sc.parallelize(range(10)).sum())\nsc.stop()\n")
    r = run([str(SUBMIT), "--master", "local[3]", str(app), "a", "b"])
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "local[3] ['a', 'b'] 45"


@pytest.mark.skipif(not EXAMPLES_JAR.exists(), reason="examples jar not built")
def test_submit_java_word_count(tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("b a b\nc b a\n")
    r = run([str(SUBMIT), "--master", "local[2]", "--class", "io.ember.examples.JavaWordCount",
             str(EXAMPLES_JAR), str(text)])
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["b: 3", "a: 2", "c: 1"]


def test_submit_rejects_bad_conf():
    r = run([str(SUBMIT), "--conf", "ember.master", "x.py"])
    assert r.returncode == 1
    assert r.stderr.splitlines() == ["ember-submit: --conf expects KEY=VALUE, got 'ember.master'"]
    assert r.stdout == ""


def test_shell_has_sc_and_spark_ready():
    r = run([str(SHELL), "--master", "local[2]"],
            input="print(sc.parallelize(range(4)).sum(), spark.sparkContext is sc)\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split(">>> ") == ["", "6 True\n", ""], r.stdout   # the prompt, the answer, the prompt at EOF
    banner = [line for line in r.stderr.splitlines() if line.startswith("Ember 0.1.0, master local[2], web UI at")]
    assert len(banner) == 1, r.stderr
    assert re.fullmatch(r"Ember 0\.1\.0, master local\[2\], web UI at http://127\.0\.0\.1:\d+; the context is "
                        r"available as sc, the session as spark\.", banner[0]), banner


def test_submit_passes_conf_py_files_and_files_to_a_python_driver(tmp_path):
    helper = tmp_path / "shout.py"
    helper.write_text("def shout(s):\n    return s.upper() + '!'\n")
    data = tmp_path / "greeting.txt"
    data.write_text("hello")
    app = tmp_path / "app.py"
    app.write_text(
        "from ember import SparkContext, SparkFiles\n"
        "sc = SparkContext.getOrCreate()\n"
        "def use(_):\n"
        "    import shout\n"
        "    with open(SparkFiles.get('greeting.txt')) as f:\n"
        "        return shout.shout(f.read())\n"
        "print(sc.defaultParallelism, sc.parallelize([0], 1).map(use).collect())\n"
        "sc.stop()\n")
    r = run([str(SUBMIT), "--master", "local[2]", "--conf", "ember.default.parallelism=3",
             "--py-files", str(helper), "--files", str(data), str(app)])
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "3 ['HELLO!']"
