"""Secure defaults of the cluster daemons and drivers (launcher/bin/ember-master, ember-worker,
a driver on ember://): no port other machines reach is opened without a secret unless the
user opts out explicitly (--insecure / ember.authenticate=false), and the printed master URL
is one a client can connect to (never a wildcard such as 0.0.0.0). Needs `mvn package`."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, subprocess_env
from test_cluster import BIN, ENGINE_JAR, LAUNCHER_JAR, start_daemon

pytestmark = pytest.mark.skipif(not (ENGINE_JAR.exists() and LAUNCHER_JAR.exists()),
                                reason="engine and launcher jars not built (mvn package)")

WILDCARDS = ("0.0.0.0", "0:0:0:0:0:0:0:0", "::", "[::]")


@pytest.fixture
def env():
    e = subprocess_env(EMBER_ENGINE_JAR=str(ENGINE_JAR), PYSPARK_PYTHON=sys.executable)
    e.pop("EMBER_AUTH_SECRET", None)
    e.pop("EMBER_BIND_HOST", None)
    return e


class Daemons:
    """Starts daemons and stops every one it started."""

    def __init__(self, env, tmp_path):
        self.env, self.tmp_path, self.procs = env, tmp_path, []

    def start(self, name, *args):
        proc, line = start_daemon([str(BIN / name)] + [str(a) for a in args], self.env,
                                  self.tmp_path / (name + "-%d.err" % len(self.procs)))
        self.procs.append(proc)
        return line

    def stop(self):
        for p in reversed(self.procs):
            p.terminate()
            p.wait(timeout=30)
            p.stdout.close()


@pytest.fixture
def daemons(env, tmp_path):
    d = Daemons(env, tmp_path)
    yield d
    d.stop()


def refused(cmd, env):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=60, env=env)
    return r.returncode, r.stderr


def status(url, env, *args):
    r = subprocess.run([str(BIN / "ember-status"), url] + [str(a) for a in args], capture_output=True,
                       text=True, timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def url_host(url):
    assert url.startswith("ember://"), url
    return url[len("ember://"):].rsplit(":", 1)[0]


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_master_refuses_a_non_loopback_address_without_a_secret(env, host):
    code, err = refused([BIN / "ember-master", "--host", host, "--port", "0"], env)
    assert code == 1, err
    assert "ember-master refuses to listen on %s without a secret" % host in err
    assert "--secret-file" in err and "EMBER_AUTH_SECRET" in err and "--insecure" in err, err


def test_worker_refuses_a_non_loopback_address_without_a_secret(env, daemons):
    url = daemons.start("ember-master", "--port", "0").split()[-1]
    code, err = refused([BIN / "ember-worker", url, "--host", "0.0.0.0", "--cores", "1", "--memory", "512m"], env)
    assert code == 1, err
    assert "ember-worker refuses to listen on 0.0.0.0 without a secret" in err
    assert "--secret-file" in err and "EMBER_AUTH_SECRET" in err and "--insecure" in err, err
    assert status(url, env)["workers"] == []


def test_insecure_flag_opens_a_wildcard_port_and_prints_a_usable_url(env, daemons, tmp_path):
    line = daemons.start("ember-master", "--host", "0.0.0.0", "--port", "0", "--insecure")
    url = line.split()[-1]
    assert url_host(url) not in WILDCARDS, line
    assert "--insecure" in (tmp_path / "ember-master-0.err").read_text()
    daemons.start("ember-worker", url, "--host", "0.0.0.0", "--insecure", "--cores", "1", "--memory", "512m",
                  "--work-dir", tmp_path / "work")
    workers = status(url, env)["workers"]
    assert len(workers) == 1 and workers[0]["host"] not in WILDCARDS, workers


def test_a_secret_opens_a_wildcard_port_and_prints_a_usable_url(env, daemons, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("wildcard-secret\n")
    url = daemons.start("ember-master", "--host", "0.0.0.0", "--port", "0", "--secret-file", secret).split()[-1]
    assert url_host(url) not in WILDCARDS, url
    assert status(url, env, "--secret-file", secret)["workers"] == []


def test_loopback_without_a_secret_still_starts(daemons):
    line = daemons.start("ember-master", "--port", "0")
    assert line.startswith("Ember master listening on ember://127.0.0.1:"), line


DRIVER = textwrap.dedent("""
    import sys
    from ember import SparkConf, SparkContext
    conf = (SparkConf().setMaster(sys.argv[1]).setAppName("secure").set("ember.driver.host", "0.0.0.0")
            .set("ember.executor.memory", "256m"))
    if len(sys.argv) > 2:
        conf.set("ember.authenticate", sys.argv[2])
    try:
        sc = SparkContext(conf=conf)
    except Exception as e:
        print("refused:", e)
        sys.exit(3)
    print("sum", sc.parallelize(range(10), 2).map(lambda x: x * 2).sum())
    sc.stop()
""")


def run_driver(tmp_path, env, *args):
    app = tmp_path / "driver.py"
    app.write_text(DRIVER)
    return subprocess.run([sys.executable, str(app)] + list(args), capture_output=True, text=True, timeout=180,
                          env=env, cwd=str(tmp_path))


def test_driver_refuses_a_non_loopback_host_without_a_secret_unless_authentication_is_off(env, daemons, tmp_path):
    url = daemons.start("ember-master", "--port", "0").split()[-1]
    daemons.start("ember-worker", url, "--cores", "1", "--memory", "512m", "--work-dir", tmp_path / "work")
    r = run_driver(tmp_path, env, url)
    assert r.returncode == 3, r.stdout + r.stderr
    assert "The driver (ember.driver.host 0.0.0.0) refuses to listen on 0.0.0.0 without a secret" in r.stdout
    assert "ember.authenticate.secret" in r.stdout and "EMBER_AUTH_SECRET" in r.stdout
    assert "ember.authenticate=false" in r.stdout

    r = run_driver(tmp_path, env, url, "false")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.split() == ["sum", "90"]
