"""Ember in a real terminal (a pseudo-terminal): Ctrl-C and the console progress bar.

Ctrl-C here is the interrupt character written to the terminal, which signals the whole
foreground process group, as a key press does (see ``pty_terminal``).
"""

import os
import re
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import subprocess_env
from pty_terminal import SETSID, PtyProgram, tagged_processes, wait_until_gone

ROOT = Path(__file__).resolve().parent.parent
SUBMIT = ROOT / "launcher" / "bin" / "ember-submit"
SHELL = ROOT / "launcher" / "bin" / "ember-shell"
LAUNCHER_JAR = ROOT / "launcher" / "target" / "ember-launcher-0.1.0.jar"
EXAMPLES_JAR = ROOT / "examples" / "target" / "ember-examples-0.1.0.jar"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or SETSID is None,
                                reason="needs Linux /proc and util-linux setsid")
needs_launcher = pytest.mark.skipif(not LAUNCHER_JAR.exists(),
                                    reason="launcher jar not built (mvn package)")

INTERNAL_NOISE = re.compile(rb"ERROR|Exception|Py4J|ember daemon")
# 400 tasks of 0.1 s on 2 cores: 20 s unless interrupted; the first task leaves a marker file
SLOW_RDD = ("sc.parallelize(range(400), 400).map(lambda x: open(%r, 'a').close() or "
            "__import__('time').sleep(0.1) or x)")
LONG_JOB = SLOW_RDD + ".count()"   # waits on the result stream
LONG_CALL = SLOW_RDD + ".saveAsTextFile(%r)"   # waits inside one gateway call


def assert_clean_interrupts(out: bytes, count: int) -> None:
    """``count`` tracebacks, each ending in KeyboardInterrupt; no engine errors around them."""
    text = out.decode("utf-8", "replace")
    blocks = text.split("Traceback (most recent call last):")[1:]
    assert len(blocks) == count, text
    for block in blocks:
        last = [line for line in block.splitlines() if line and not line.startswith(" ")][0]
        assert last == "KeyboardInterrupt", text
    assert not INTERNAL_NOISE.search(out), text


def env() -> dict:
    return subprocess_env(PYSPARK_PYTHON=sys.executable, TERM="xterm")


def wait_for_file(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, "%s was never created" % path
        time.sleep(0.05)


def assert_engine_running(program: PtyProgram) -> None:
    """The engine JVM and the Python daemon (and its forked workers) are among the program's
    processes."""
    commands = [cmd for _, cmd in tagged_processes(program.tag)]
    assert any("io.ember.python.PythonGateway" in c for c in commands), commands
    assert any("-m ember.daemon" in c for c in commands), commands


# -- Ctrl-C ---------------------------------------------------------------------------------

@pytest.mark.parametrize("launch", ["python", pytest.param("ember-submit", marks=needs_launcher)])
def test_ctrl_c_ends_a_script_with_130_and_no_engine_noise(tmp_path, launch):
    marker = tmp_path / "started"
    app = tmp_path / "app.py"
    app.write_text("from ember import SparkContext\n"
                   "sc = SparkContext('local[2]', 'ctrl-c')\n"
                   + LONG_JOB % str(marker) + "\nprint('FINISHED')\n")
    argv = [sys.executable, str(app)] if launch == "python" else [str(SUBMIT), str(app)]
    with PtyProgram(argv, env()) as program:
        wait_for_file(marker)
        assert_engine_running(program)
        pressed = time.monotonic()
        program.press_ctrl_c()
        status = program.wait(timeout=60)
        took = time.monotonic() - pressed
        out = program.output
        assert status == 130, out
        assert took < 12, "the job ran on after Ctrl-C (%.1f s)" % took
        assert b"FINISHED" not in out
        assert out.rstrip().endswith(b"KeyboardInterrupt"), out.decode()
        assert_clean_interrupts(out, 1)
        assert wait_until_gone(program.tag) == []


def test_engine_in_its_own_session_still_dies_with_a_killed_driver(tmp_path):
    marker = tmp_path / "started"
    app = tmp_path / "app.py"
    app.write_text("from ember import SparkContext\n"
                   "sc = SparkContext('local[2]', 'killed')\n" + LONG_JOB % str(marker) + "\n")
    with PtyProgram([sys.executable, str(app)], env()) as program:
        wait_for_file(marker)
        assert_engine_running(program)
        program.proc.kill()
        assert program.wait(timeout=30) == 128 + 9
        assert wait_until_gone(program.tag) == []


@needs_launcher
def test_ctrl_c_in_the_shell_cancels_the_job_and_the_context_stays_usable(tmp_path):
    jobs = [LONG_JOB % str(tmp_path / "started1"),
            LONG_CALL % (str(tmp_path / "started2"), str(tmp_path / "out"))]
    with PtyProgram([str(SHELL), "--master", "local[2]"], env()) as program:
        at = program.expect(b">>> ")
        for i, job in enumerate(jobs, 1):
            program.send(job.encode() + b"\n")
            wait_for_file(tmp_path / ("started%d" % i))
            pressed = time.monotonic()
            program.press_ctrl_c()
            at = program.expect(b"KeyboardInterrupt", timeout=30, start=at)
            at = program.expect(b">>> ", timeout=30, start=at)
            assert time.monotonic() - pressed < 12
            program.send(b"sc.parallelize(range(10)).sum()\n")
            at = program.expect(b"\n45\r\n", timeout=60, start=at)
            at = program.expect(b">>> ", timeout=30, start=at)
        program.send(b"exit()\n")
        assert program.wait(timeout=60) == 0, program.output.decode()
        assert_clean_interrupts(program.output, 2)
        assert wait_until_gone(program.tag) == []


@needs_launcher
@pytest.mark.skipif(not EXAMPLES_JAR.exists(), reason="examples jar not built")
def test_ctrl_c_stops_a_java_driver_with_130():
    argv = [str(SUBMIT), "--master", "local[2]", "--class", "io.ember.examples.JavaPi",
            str(EXAMPLES_JAR), "100000"]
    with PtyProgram(argv, env()) as program:
        program.expect(b"[Stage 0:", timeout=60)   # the bar: on, since stderr is a terminal
        program.press_ctrl_c()
        status = program.wait(timeout=60)
        out = program.output
        assert status == 130, out
        assert b"Pi is roughly" not in out
        assert not INTERNAL_NOISE.search(out), out.decode()
        assert re.search(rb"\r +\r", out), "the bar was left on the terminal"
        assert wait_until_gone(program.tag) == []


# -- progress bar ---------------------------------------------------------------------------

BAR_SCRIPT = """
    import sys, time
    from ember import SparkConf, SparkContext
    conf = SparkConf()
    if len(sys.argv) > 1:
        conf.set(sys.argv[1], sys.argv[2])
    sc = SparkContext("local[2]", "bar", conf=conf)
    # 40 tasks of 0.1 s on 2 cores: about 2 s
    total = sc.parallelize(range(40), 40).map(lambda x: time.sleep(0.1) or x).sum()
    print("DONE", total, flush=True)
    sc.stop()
"""

BAR = re.compile(rb"\r\[Stage 0:[=> ]*\((\d+) \+ (\d+)\) / 40\]")


def test_bar_is_drawn_live_on_the_terminal_and_erased_before_the_result(tmp_path):
    app = tmp_path / "bar.py"
    app.write_text(textwrap.dedent(BAR_SCRIPT))
    with PtyProgram([sys.executable, str(app)], env()) as program:
        done_at = program.expect(b"DONE 780") - len(b"DONE 780")
        assert program.wait(timeout=60) == 0, program.output.decode()
        before = program.output[:done_at]
        updates = [m.group(0) for m in BAR.finditer(before)]
        assert len(set(updates)) >= 2, before
        first_bar = program.arrival(before.find(b"[Stage 0:"))
        assert program.arrival(done_at) - first_bar > 0.3, "the bar arrived only at the end"
        last = before.rfind(b"[Stage 0:")
        assert re.fullmatch(rb"[^\r\n]*\] *\r +\r", before[last:]), before[last:]


@pytest.mark.parametrize("conf,stderr_to_file,shown", [
    ((), True, False),                                           # redirected: never by default
    (("spark.ui.showConsoleProgress", "false"), False, False),   # off on a terminal
    (("ember.ui.showConsoleProgress", "true"), True, True),      # on into a file
])
def test_bar_follows_redirection_and_the_override(tmp_path, conf, stderr_to_file, shown):
    app = tmp_path / "bar.py"
    app.write_text(textwrap.dedent(BAR_SCRIPT))
    log = tmp_path / "stderr.log"
    with PtyProgram([sys.executable, str(app)] + list(conf), env(),
                    stderr_path=str(log) if stderr_to_file else None) as program:
        program.expect(b"DONE 780")
        assert program.wait(timeout=60) == 0, program.output.decode()
        written = program.output + (log.read_bytes() if stderr_to_file else b"")
    assert bool(BAR.search(written)) == shown, written
    if shown:
        assert not BAR.search(program.output), "the bar went to the terminal, not to stderr"


@needs_launcher
@pytest.mark.skipif(not EXAMPLES_JAR.exists(), reason="examples jar not built")
@pytest.mark.parametrize("stderr_to_file", [False, True])
def test_java_driver_bar_only_when_stderr_is_a_terminal(tmp_path, stderr_to_file):
    # stdin and stdout stay on the terminal, so System.console() exists either way
    log = tmp_path / "stderr.log"
    argv = [str(SUBMIT), "--master", "local[2]", "--class", "io.ember.examples.JavaPi",
            str(EXAMPLES_JAR), "300"]
    with PtyProgram(argv, env(), stderr_path=str(log) if stderr_to_file else None) as program:
        program.expect(b"Pi is roughly", timeout=120)
        assert program.wait(timeout=60) == 0, program.output.decode()
        written = program.output + (log.read_bytes() if stderr_to_file else b"")
    assert (b"\r[Stage 0:" in written) != stderr_to_file, written
