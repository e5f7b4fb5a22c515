"""Starts the engine JVM and connects to it over Py4J.

The JVM (``io.ember.python.PythonGateway``) prints ``EMBER_GATEWAY <port> <secret>`` and then
watches its stdin: this process keeps the pipe's write end open for its whole life, so when it
exits - even by ``kill -9`` - the JVM sees end of file and exits too.

The JVM runs in a session of its own, so the terminal's Ctrl-C (SIGINT to the foreground
process group), Ctrl-Z and hang-up reach only this process: the driver cancels the jobs and
raises KeyboardInterrupt (see ``ember.interrupts``) while the engine and its Python workers keep
running. When our stderr is a terminal the JVM writes to it directly (so its progress bar is
drawn live, and cleared before a job's results reach us); otherwise its output is copied to
``sys.stderr`` as it arrives.

Where the engine comes from, first match wins: env ``EMBER_CLASSPATH`` (a full classpath, for
development), env ``EMBER_ENGINE_JAR``, or ``ember/jars/ember-engine-*.jar`` in this package.

Start-up time (measured, see tests/bench/python_bench.py): the JVM runs with C1 only
(``-XX:TieredStopAtLevel=1``: quicker to warm, and no slower on the engine's share of Python
jobs) and with class data sharing for Ember's own classes (``cds_flags``): the first run
with a given engine jar records the classes it loaded into an archive under
``~/.cache/ember/cds`` (``EMBER_CDS_DIR``; ``EMBER_CDS=0`` turns this off), later runs map it
instead of loading and verifying those classes again.

The JIT stops at C1 because start-up is measured and promised (a session's first ``show()``
under 1.5 s): with every tier (C2 included) the first ``show()`` took 0.7 s longer (median
2.58 s against 1.85 s, load average 8). Long DataFrame jobs compile their tight column loops
markedly better with C2 (db-benchmark groupby, engine CPU: q3 5.6 -> 3.1 s, q10 17.6 -> 14.8 s);
they can ask for it with ``spark.driver.extraJavaOptions=-XX:TieredStopAtLevel=4`` (later
flags win).
"""

import atexit
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from typing import List, Optional, Tuple

MAIN_CLASS = "io.ember.python.PythonGateway"
JVM_FLAGS = ["-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"]
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
CDS_KEEP = 3
"""Archives kept (the most recently used ones): each engine jar build has its own."""
CDS_RETRY_S = 24 * 3600
"""After a recording run that left no archive, how long before trying again."""


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


# -- class data sharing --------------------------------------------------------------------

def cds_flags(classpath: str, java: str) -> List[str]:
    """JVM flags that map this classpath's class archive, or record it (at JVM exit) when
    there is none yet; [] when off, or when the classpath is not all jar files (the JVM can
    archive classes from jars only)."""
    if os.environ.get("EMBER_CDS", "1") == "0":
        return []
    jars = classpath.split(os.pathsep)
    if not all(j.endswith(".jar") and os.path.isfile(j) for j in jars):
        return []
    try:
        key = hashlib.sha256(repr([os.path.realpath(java)] + [
            (os.path.abspath(j), os.path.getsize(j), os.path.getmtime(j)) for j in jars
        ]).encode("utf-8")).hexdigest()[:16]
        folder = os.environ.get("EMBER_CDS_DIR") or os.path.join(
            os.path.expanduser("~"), ".cache", "ember", "cds")
        os.makedirs(folder, exist_ok=True)
        archive = os.path.join(folder, "ember-%s.jsa" % key)
        _adopt_recordings(archive)
        if os.path.isfile(archive):
            os.utime(archive)
            _prune(folder)
            return ["-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"]
        marker = archive + ".attempt"
        if os.path.exists(marker) and time.time() - os.path.getmtime(marker) < CDS_RETRY_S:
            return []   # a recording run is under way, or recently left nothing
        with open(marker, "w"):
            pass
        recording = "%s.%d.tmp" % (archive, os.getpid())
        atexit.register(_adopt_recordings, archive)
        return ["-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=off"]
    except OSError:
        return []


def _adopt_recordings(archive: str, settle_s: float = 10.0) -> None:
    """Renames a finished recording (``archive.PID.tmp``) to ``archive``. A recording is
    finished once the driver that started its JVM has exited (or is this process, at exit)
    and the file has not changed for ``settle_s`` seconds (the JVM writes it as it exits)."""
    for path in glob.glob(glob.escape(archive) + ".*.tmp"):
        try:
            pid = int(path.rsplit(".", 2)[-2])
            mine = pid == os.getpid()
            if not mine and _alive(pid):
                continue
            if time.time() - os.path.getmtime(path) < (0 if mine else settle_s):
                continue
            if os.path.isfile(archive) or os.path.getsize(path) == 0:
                os.unlink(path)
            else:
                os.replace(path, archive)
        except (OSError, ValueError):
            pass


def _prune(folder: str, keep: int = CDS_KEEP) -> None:
    """Deletes all but the ``keep`` most recently used archives (one per engine jar build)."""
    archives = sorted(glob.glob(os.path.join(folder, "ember-*.jsa")), key=os.path.getmtime)
    for path in archives[:-keep]:
        for stale in (path, path + ".attempt"):
            try:
                os.unlink(stale)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def launch_gateway(extra_jvm_options: Optional[List[str]] = None, calls=None):
    """Starts the JVM and returns (JavaGateway, Popen). Raises GatewayError with the JVM's
    stderr if it exits before reporting its port (on a terminal, the JVM has printed it).
    ``calls`` (an ``interrupts.MainThreadCalls``) makes the main thread's calls safe to
    interrupt with Ctrl-C."""
    from py4j.java_gateway import GatewayParameters

    from ember.interrupts import InterruptibleGateway, MainThreadCalls

    java = java_executable()
    classpath = engine_classpath()
    cmd = [java] + JVM_FLAGS + cds_flags(classpath, java) + list(extra_jvm_options or []) + \
        ["-cp", classpath, MAIN_CLASS]
    to_terminal = stderr_is_terminal()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=None if to_terminal else subprocess.PIPE, close_fds=True,
                            start_new_session=True)
    line = _handshake_line(proc.stdout)
    if not line.startswith("EMBER_GATEWAY "):
        proc.wait(timeout=10)
        err = "" if to_terminal else proc.stderr.read().decode("utf-8", "replace")
        _check_java_version(err)
        major, ver = java_version(java)
        if 0 < major < 17:
            raise GatewayError("Java 17 or newer is required, found %s" % ver)
        raise GatewayError("The Ember JVM exited before starting its gateway (exit code %s):\n%s"
                           % (proc.returncode, (line + "\n" + err).strip()))
    _, port, secret = line.split()
    if not to_terminal:
        _forward(proc.stderr)
    _forward(proc.stdout)
    gateway = InterruptibleGateway(calls or MainThreadCalls(), gateway_parameters=GatewayParameters(
        port=int(port), auth_token=secret, auto_convert=True, auto_close=True))
    return gateway, proc


def _handshake_line(stdout) -> str:
    """The JVM's ``EMBER_GATEWAY port secret`` line. JVM options may print first (a flight
    recording announces itself on stdout); such lines are passed on to our stdout. Returns the
    last line read, which is not the handshake when the JVM exited before writing it."""
    while True:
        line = stdout.readline().decode("utf-8", "replace")
        if not line or line.startswith("EMBER_GATEWAY "):
            return line.strip()
        sys.stdout.write(line)


def stderr_is_terminal() -> bool:
    """True when ``sys.stderr`` is this process's standard error and that is a terminal."""
    import sys
    try:
        return sys.stderr is not None and sys.stderr.fileno() == 2 and sys.stderr.isatty()
    except (AttributeError, OSError, ValueError):
        return False


def _forward(stream) -> None:
    """Copies the JVM's output to our stderr on a daemon thread (so its pipe never fills), as
    it arrives rather than by lines, so a forced progress bar's ``\\r`` redraws show live."""
    import codecs
    import sys

    def pump():
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        while True:
            try:
                chunk = stream.read1(65536)   # what is buffered, else one read of the pipe
            except (OSError, ValueError):
                return
            text = decoder.decode(chunk, final=not chunk)
            try:
                if text:
                    sys.stderr.write(text)
                    sys.stderr.flush()
            except Exception:
                pass
            if not chunk:
                return
    threading.Thread(target=pump, name="ember-jvm-output", daemon=True).start()
