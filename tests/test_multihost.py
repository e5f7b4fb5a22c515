"""The standalone cluster across hosts: a master and two workers, each in its own Linux network
namespace with its own address, and the driver in the root namespace.

    root namespace: driver (ember-submit) on <bridge>  SUBNET.1 --+
                                                                   | Linux bridge
        namespace ember-PID-master:  ember-master  on SUBNET.2  --+ (one veth pair
        namespace ember-PID-worker1: ember-worker  on SUBNET.3  --+  per namespace)
        namespace ember-PID-worker2: ember-worker  on SUBNET.4  --+

SUBNET is 10.213.<pid % 200 + 20>; every name carries the test's pid, so runs do not clash.
Nothing can reach another process through 127.0.0.1, so anything that binds or advertises
loopback instead of its configured address fails the test (a driver that executors cannot reach
fails by the 180 s timeout). The driver is given no address: it must pick the one on the route to
the master. The tasks' helper module travels with --py-files. Every connection is authenticated. Needs root, iproute2 and the
built jars (mvn package); skipped with the reason otherwise.
"""
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, subprocess_env

BIN = Path(ROOT) / "launcher" / "bin"
ENGINE_JAR = Path(os.environ.get("EMBER_ENGINE_JAR", Path(ROOT) / "jvm" / "target" / "ember-engine-0.1.0-all.jar"))
LAUNCHER_JAR = Path(ROOT) / "launcher" / "target" / "ember-launcher-0.1.0.jar"
TIMEOUT = 180  # seconds any one driver, daemon start or status call may take

pytestmark = pytest.mark.skipif(not (ENGINE_JAR.exists() and LAUNCHER_JAR.exists()),
                                reason="engine or launcher jar not built (mvn package)")

LINES = ["the quick brown fox", "jumps over the lazy dog", "", "the end the end"] * 25
COLORS = {"the": "red", "fox": "brown", "dog": "black", "end": "white", "absent": "none"}

APP = textwrap.dedent("""
    import json, operator, os, sys, time
    from ember import SparkContext

    from hostinfo import host   # shipped with --py-files

    sc = SparkContext.getOrCreate()
    with open(sys.argv[1]) as f:
        data = json.load(f)
    deadline = time.time() + 60   # executors register with the driver one by one
    while len(set(sc.parallelize(range(8), 8).map(host).collect())) < 2 and time.time() < deadline:
        time.sleep(0.5)
    counts = sc.parallelize(data["lines"], 4).flatMap(str.split).map(lambda w: (w, 1)).reduceByKey(operator.add, 4)
    joined = counts.join(sc.parallelize(sorted(data["colors"].items()), 2), 4)
    tagged = joined.mapPartitions(lambda kvs: [(host(), list(kvs))]).collect()
    print(json.dumps({"counts": dict(counts.collect()),
                      "joined": sorted(kv for _, kvs in tagged for kv in kvs),
                      "hosts": sorted({h for h, _ in tagged})}))
    sc.stop()
""")


class NetworkUnavailable(Exception):
    """The namespaces, bridge or links cannot be made here; the message says why."""


def ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    r = subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30)
    if check and r.returncode != 0:
        raise NetworkUnavailable("ip %s failed: %s" % (" ".join(args), r.stderr.strip()))
    return r


class Host:
    """A network namespace with one address on the bridge's subnet."""

    def __init__(self, netns: str, address: str, link: str):
        self.netns = netns
        self.ip = address
        self.link = link  # the root-namespace end of its veth pair; the other end is in the namespace

    def command(self, *args) -> list:
        return ["ip", "netns", "exec", self.netns, *map(str, args)]


class Network:
    """A bridge with an address in the root namespace, and one namespace per host joined to it."""

    def __init__(self, tag: int, names: list):
        subnet = "10.213.%d" % (tag % 200 + 20)
        self.subnet = subnet + ".0/24"
        self.bridge = "e%dbr" % tag
        self.bridge_ip = subnet + ".1"
        self.hosts = {name: Host("ember-%d-%s" % (tag, name), "%s.%d" % (subnet, i + 2), "e%d%da" % (tag, i))
                      for i, name in enumerate(names)}

    def create(self) -> None:
        if ip("route", "show", self.subnet).stdout.strip():
            raise NetworkUnavailable("the subnet %s is already routed here" % self.subnet)
        ip("link", "add", self.bridge, "type", "bridge")
        ip("addr", "add", self.bridge_ip + "/24", "dev", self.bridge)
        ip("link", "set", self.bridge, "up")
        for host in self.hosts.values():
            inside = host.link[:-1] + "b"
            ip("netns", "add", host.netns)
            ip("link", "add", host.link, "type", "veth", "peer", "name", inside)
            ip("link", "set", host.link, "master", self.bridge, "up")
            ip("link", "set", inside, "netns", host.netns)
            ip("-n", host.netns, "addr", "add", host.ip + "/24", "dev", inside)
            ip("-n", host.netns, "link", "set", inside, "up")
            ip("-n", host.netns, "link", "set", "lo", "up")

    def check_connectivity(self) -> None:
        """Each namespace opens a TCP connection to a listener on the bridge's address."""
        with socket.create_server((self.bridge_ip, 0)) as server:
            port = server.getsockname()[1]
            for host in self.hosts.values():
                r = subprocess.run(host.command(sys.executable, "-c", "import socket, sys; "
                                                "socket.create_connection((sys.argv[1], int(sys.argv[2])), 5)",
                                                self.bridge_ip, port), capture_output=True, text=True, timeout=30)
                if r.returncode != 0:
                    raise NetworkUnavailable("%s cannot reach %s:%d: %s" % (host.netns, self.bridge_ip, port,
                                                                          r.stderr.strip()[-500:]))

    def destroy(self) -> None:
        """Kills what still runs in the namespaces, then deletes them, their links and the bridge."""
        for host in self.hosts.values():
            for pid in ip("netns", "pids", host.netns, check=False).stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            ip("netns", "del", host.netns, check=False)
            ip("link", "del", host.link, check=False)  # already gone with the namespace, unless moving it failed
        ip("link", "del", self.bridge, check=False)


@pytest.fixture
def network():
    if os.geteuid() != 0:
        pytest.skip("network namespaces need root")
    if shutil.which("ip") is None:
        pytest.skip("the ip command (iproute2) is not installed")
    net = Network(os.getpid(), ["master", "worker1", "worker2"])
    try:
        try:
            net.create()
            net.check_connectivity()
        except NetworkUnavailable as e:
            pytest.skip("cannot build the namespaces and bridge: %s" % e)
        yield net
    finally:
        net.destroy()


class Daemons:
    """Daemons started in namespaces, with their stderr (and their executors') kept as logs."""

    def __init__(self, log_dir: Path, env: dict):
        self.log_dir = log_dir
        self.env = env
        self.procs = []

    def start(self, host: Host, name: str, *args) -> str:
        """Starts ``args`` in the host's namespace; returns the first line it prints."""
        with open(self.log_dir / (name + ".err"), "w") as err:
            proc = subprocess.Popen(host.command(*args), stdout=subprocess.PIPE, stderr=err, text=True, env=self.env)
        self.procs.append(proc)
        ready, _, _ = select.select([proc.stdout], [], [], TIMEOUT)
        line = proc.stdout.readline() if ready else ""
        assert line, "%s printed nothing within %d s\n%s" % (name, TIMEOUT, self.logs())
        return line.strip()

    def logs(self) -> str:
        files = sorted(self.log_dir.glob("*.err")) + sorted(self.log_dir.glob("*/*/*/stderr"))
        return "".join("\n==> %s <==\n%s" % (f, f.read_text(errors="replace")) for f in files)

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=30)
            proc.stdout.close()


@pytest.fixture
def daemons(network, tmp_path):
    env = subprocess_env(EMBER_ENGINE_JAR=str(ENGINE_JAR), PYSPARK_PYTHON=sys.executable)
    env.pop("EMBER_AUTH_SECRET", None)
    env.pop("EMBER_BIND_HOST", None)
    d = Daemons(tmp_path, env)
    try:
        yield d
    finally:
        d.stop()


def run(args, env, logs, timeout=TIMEOUT) -> subprocess.CompletedProcess:
    """Runs a command in the root namespace, killing its whole process group if it overruns."""
    proc = subprocess.Popen([str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise AssertionError("%s timed out after %d s\nstdout:\n%s\nstderr:\n%s\n%s"
                             % (args[0], timeout, out, err, logs.logs())) from None
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def test_word_count_and_join_across_hosts(network, daemons, tmp_path):
    master, workers = network.hosts["master"], [network.hosts["worker1"], network.hosts["worker2"]]
    secret = "multihost-secret-%d" % os.getpid()
    secret_file = tmp_path / "secret"
    secret_file.write_text(secret + "\n")

    line = daemons.start(master, "master", BIN / "ember-master", "--host", master.ip, "--port", "0",
                         "--secret-file", secret_file)
    assert line.startswith("Ember master listening on ember://%s:" % master.ip), line + daemons.logs()
    url = line.split()[-1]
    for i, worker in enumerate(workers, 1):
        line = daemons.start(worker, "worker%d" % i, BIN / "ember-worker", url, "--host", worker.ip,
                             "--cores", "2", "--memory", "1g", "--work-dir", tmp_path / ("work%d" % i),
                             "--secret-file", secret_file)
        assert line.startswith("Ember worker worker-"), line + daemons.logs()

    def master_state() -> dict:
        status = run([BIN / "ember-status", url, "--secret-file", secret_file], daemons.env, daemons)
        assert status.returncode == 0, status.stderr + daemons.logs()
        return json.loads(status.stdout)

    state = master_state()
    assert sorted((w["host"], w["state"]) for w in state["workers"]) == [(w.ip, "ALIVE") for w in workers], state

    hostinfo = tmp_path / "hostinfo.py"
    hostinfo.write_text("import os\n\n\ndef host(_=None):\n"
                        "    return os.environ['EMBER_BIND_HOST']  # set by the worker for its executor JVMs\n")
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"lines": LINES, "colors": COLORS}))
    app = tmp_path / "app.py"
    app.write_text(APP)
    # no ember.driver.host: the driver advertises its address on the route to the master
    r = run([BIN / "ember-submit", "--master", url, "--py-files", hostinfo, "--conf", "ember.authenticate=true", "--conf", "ember.authenticate.secret=" + secret,
             "--conf", "ember.executor.cores=1", "--conf", "ember.executor.memory=512m",
             "--conf", "ember.cores.max=2", app, data], daemons.env, daemons)
    assert r.returncode == 0, "driver failed:\n%s\n%s" % (r.stderr, daemons.logs())

    result = json.loads(r.stdout.splitlines()[-1])
    counts = Counter(" ".join(LINES).split())
    assert result["counts"] == counts
    assert result["joined"] == sorted([w, [n, COLORS[w]]] for w, n in counts.items() if w in COLORS)
    assert result["hosts"] == [w.ip for w in workers], "tasks did not run on both workers:\n" + daemons.logs()

    deadline = time.time() + 30
    while not master_state()["completedApps"]:
        assert time.time() < deadline, "the master never saw the application end\n" + daemons.logs()
        time.sleep(0.5)
    [app_state] = master_state()["completedApps"]
    assert (app_state["state"], app_state["executorFailures"]) == ("FINISHED", 0), app_state
