"""Starts the engine JVM and connects to it over Py4J.

The JVM (``io.ember.python.PythonGateway``) prints ``EMBER_GATEWAY <port> <secret>`` and then
watches its stdin: this process keeps the pipe's write end open for its whole life, so when it
exits - even by ``kill -9`` - the JVM sees end of file and exits too.

Where the engine comes from, first match wins: env ``EMBER_CLASSPATH`` (a full classpath, for
development), env ``EMBER_ENGINE_JAR``, or ``ember/jars/ember-engine-*.jar`` in this package.
"""

import glob
import os
import re
import shutil
import subprocess
import threading
from typing import List, Optional, Tuple

MAIN_CLASS = "io.ember.python.PythonGateway"
JVM_FLAGS = ["-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"]
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


class GatewayError(RuntimeError):
    """The JVM could not be found or started."""


def engine_classpath() -> str:
    cp = os.environ.get("EMBER_CLASSPATH")
    if cp:
        return cp
    jar = os.environ.get("EMBER_ENGINE_JAR")
    if jar:
        if not os.path.isfile(jar):
            raise GatewayError("Ember engine jar not found at %s (from EMBER_ENGINE_JAR); run "
                               "`mvn -q -DskipTests package` or reinstall ember" % jar)
        return jar
    jars = sorted(glob.glob(os.path.join(_PACKAGE_DIR, "jars", "ember-engine-*.jar")))
    if not jars:
        raise GatewayError("Ember engine jar not found in %s; run `mvn -q -DskipTests package` "
                           "or reinstall ember" % os.path.join(_PACKAGE_DIR, "jars"))
    return jars[-1]


def java_executable() -> str:
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.exists(java):
        raise GatewayError("java not found on PATH (nor in JAVA_HOME); Ember needs Java 17 or "
                           "newer")
    return java


def _check_java_version(stderr_text: str) -> None:
    """Turns the JVM's complaint about our class file version into a clear message."""
    if "UnsupportedClassVersionError" in stderr_text or "class file version" in stderr_text:
        raise GatewayError("Java 17 or newer is required, found an older Java: %s"
                           % stderr_text.strip().splitlines()[0])


def java_version(java: str) -> Tuple[int, str]:
    """(major, full version line) of ``java`` (only called when the JVM fails to start)."""
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return 0, out.strip()
    major = int(m.group(1))
    if major == 1 and m.group(2):
        major = int(m.group(2))
    return major, out.strip().splitlines()[0]


def launch_gateway(extra_jvm_options: Optional[List[str]] = None):
    """Starts the JVM and returns (JavaGateway, Popen). Raises GatewayError with the JVM's
    stderr if it exits before reporting its port."""
    from py4j.java_gateway import GatewayParameters, JavaGateway

    java = java_executable()
    cmd = [java] + JVM_FLAGS + list(extra_jvm_options or []) + \
        ["-cp", engine_classpath(), MAIN_CLASS]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, close_fds=True)
    stderr_lines: List[bytes] = []
    line = proc.stdout.readline().decode("utf-8", "replace").strip()
    if not line.startswith("EMBER_GATEWAY "):
        proc.wait(timeout=10)
        err = proc.stderr.read().decode("utf-8", "replace")
        _check_java_version(err)
        major, ver = java_version(java)
        if 0 < major < 17:
            raise GatewayError("Java 17 or newer is required, found %s" % ver)
        raise GatewayError("The Ember JVM exited before starting its gateway (exit code %s):\n%s"
                           % (proc.returncode, (line + "\n" + err).strip()))
    _, port, secret = line.split()
    _forward(proc.stderr, stderr_lines)
    _forward(proc.stdout, None)
    gateway = JavaGateway(gateway_parameters=GatewayParameters(
        port=int(port), auth_token=secret, auto_convert=True, auto_close=True))
    return gateway, proc


def _forward(stream, keep: Optional[List[bytes]]) -> None:
    """Copies the JVM's output to our stderr on a daemon thread (so its pipe never fills)."""
    import sys

    def pump():
        for raw in iter(stream.readline, b""):
            try:
                sys.stderr.write(raw.decode("utf-8", "replace"))
            except Exception:
                pass
    threading.Thread(target=pump, name="ember-jvm-output", daemon=True).start()
