"""What a user sees: INFO job/stage/task lines and the ember.log.level key, a quiet stderr when
a cluster application stops normally, defaultParallelism on a cluster. Each driver runs in its
own process with its stderr captured (needs `mvn package`)."""
import subprocess
import sys
import textwrap

import pytest

from conftest import subprocess_env
from test_cluster import BIN, ENGINE_JAR, LAUNCHER_JAR

pytestmark = pytest.mark.skipif(not ENGINE_JAR.exists(), reason="engine jar not built (mvn package)")


def run_python(tmp_path, source, *args):
    app = tmp_path / "app.py"
    app.write_text(textwrap.dedent(source))
    env = subprocess_env(EMBER_ENGINE_JAR=str(ENGINE_JAR), PYSPARK_PYTHON=sys.executable)
    env.pop("JAVA_TOOL_OPTIONS", None)
    r = subprocess.run([sys.executable, str(app)] + list(args), capture_output=True, text=True, timeout=180,
                       env=env, cwd=str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    return r


def engine_lines(stderr, level):
    return [line for line in stderr.splitlines() if line.startswith(level + " ")]


def test_log_level_key_sets_info_at_start_and_shows_jobs_stages_and_tasks(tmp_path):
    r = run_python(tmp_path, """
        from ember import SparkConf, SparkContext
        sc = SparkContext(conf=SparkConf().setMaster("local[2]").setAppName("info").set("ember.log.level", "INFO"))
        print(sc.parallelize(range(10), 2).map(lambda x: (x % 2, x)).reduceByKey(lambda a, b: a + b).count())
        sc.stop()
    """)
    assert r.stdout.split() == ["2"]
    assert "Unknown configuration key" not in r.stderr, r.stderr
    info = [l.split(" - ", 1)[1] for l in engine_lines(r.stderr, "INFO") if "JobProgressLogger" in l]
    assert info[0] == "Job 0 started with stages [0, 1]", info
    assert info[-1].startswith("Job 0 finished, took "), info
    assert sum(l.startswith("Submitting stage ") and l.endswith(" with 2 tasks") for l in info) == 2, info
    assert sum(l.startswith("Starting task ") for l in info) == 4, info
    finished = [l for l in info if l.startswith("Finished task ")]
    assert len(finished) == 4 and all(" ms on executor driver (" in l for l in finished), finished
    assert sum(l.endswith(" (2/2)") for l in finished) == 2, finished
    assert sum(l.startswith("Stage ") and " finished in " in l for l in info) == 2, info


def test_set_log_level_info_at_runtime_shows_the_next_jobs(tmp_path):
    r = run_python(tmp_path, """
        import sys
        from ember import SparkContext
        sc = SparkContext("local[2]", "runtime-info")
        sc.parallelize(range(4), 2).count()
        sys.stderr.write("MARK\\n"); sys.stderr.flush()
        sc.setLogLevel("INFO")
        sc.parallelize(range(4), 2).count()
        sc.stop()
    """)
    before, after = r.stderr.split("MARK\n", 1)
    assert engine_lines(before, "INFO") == [], before
    assert any(l.endswith("Job 1 started with stages [1]") for l in engine_lines(after, "INFO")), after


def test_an_invalid_log_level_key_fails_the_context_start(tmp_path):
    r = run_python(tmp_path, """
        from ember import SparkConf, SparkContext
        try:
            SparkContext(conf=SparkConf().setMaster("local[1]").set("ember.log.level", "LOUD"))
        except Exception as e:
            print("refused:", e)
    """)
    assert "refused:" in r.stdout and "Unknown log level 'LOUD'" in r.stdout, r.stdout


CLUSTER_APP = """
    import sys
    from ember import SparkContext
    sc = SparkContext(sys.argv[1], "quiet-stop")
    print(sc.defaultParallelism, sc.parallelize(range(100), 4).map(lambda x: x * 2).sum())
    sc.stop()
"""


@pytest.mark.parametrize("master,parallelism", [("local-cluster[1,1,512]", 2), ("local-cluster[2,2,512]", 4)])
def test_python_cluster_app_stops_without_errors_and_parallelism_is_the_executor_cores(tmp_path, master,
                                                                                         parallelism):
    r = run_python(tmp_path, CLUSTER_APP, master)
    assert r.stdout.split() == [str(parallelism), "9900"]
    assert engine_lines(r.stderr, "ERROR") == [] and engine_lines(r.stderr, "WARN") == [], r.stderr


def test_java_cluster_app_stops_without_errors(tmp_path):
    if not LAUNCHER_JAR.exists():
        pytest.skip("launcher jar not built (mvn package)")
    from pathlib import Path
    examples = Path(BIN).parents[1] / "examples" / "target" / "ember-examples-0.1.0.jar"
    if not examples.exists():
        pytest.skip("examples jar not built (mvn package)")
    r = subprocess.run([str(BIN / "ember-submit"), "--master", "local-cluster[2,1,512]", "--class",
                        "io.ember.examples.JavaPi", str(examples), "4"], capture_output=True, text=True,
                       timeout=180, env=subprocess_env(EMBER_ENGINE_JAR=str(ENGINE_JAR)), cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Pi is roughly 3.1"), r.stdout
    assert engine_lines(r.stderr, "ERROR") == [] and engine_lines(r.stderr, "WARN") == [], r.stderr
