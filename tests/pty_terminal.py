"""A program run on a pseudo-terminal, as a user runs it in a terminal window (Linux only).

The program is the leader of a new session whose controlling terminal is the pty, so it is
the terminal's foreground process group: writing the interrupt character (Ctrl-C, ``\\x03``)
to the master side makes the line discipline send SIGINT to that whole group, exactly as a
key press does - not only to the one process a ``send_signal`` would reach.

Every process the program starts inherits ``EMBER_PTY_TAG``, so ``tagged_processes`` finds
the engine JVM and the Python daemon, and tells whether they outlived the program.
"""

import os
import select
import shutil
import signal
import subprocess
import time
import uuid
from typing import List, Optional, Tuple

TAG_VARIABLE = "EMBER_PTY_TAG"
SETSID = shutil.which("setsid")
"""util-linux ``setsid --ctty``: a new session that takes its stdin (the pty) as controlling
terminal, then execs the program in the same process (so Popen's pid is the program's)."""


class PtyProgram:
    """One program on its own pty. ``output`` is everything it wrote to the terminal;
    ``chunks`` the same with the monotonic time each piece arrived."""

    def __init__(self, argv: List[str], env: dict, stderr_path: Optional[str] = None):
        self.tag = uuid.uuid4().hex
        master, slave = os.openpty()
        stderr = open(stderr_path, "wb") if stderr_path else None
        try:
            self.proc = subprocess.Popen(
                [SETSID, "--ctty"] + list(argv), env=dict(env, **{TAG_VARIABLE: self.tag}),
                stdin=slave, stdout=slave, stderr=stderr if stderr else slave, close_fds=True)
        finally:
            os.close(slave)
            if stderr:
                stderr.close()
        self.master = master
        self.chunks: List[Tuple[float, bytes]] = []

    @property
    def output(self) -> bytes:
        return b"".join(c for _, c in self.chunks)

    def arrival(self, offset: int) -> float:
        """When the output byte at ``offset`` arrived (monotonic time)."""
        end = 0
        for t, chunk in self.chunks:
            end += len(chunk)
            if offset < end:
                return t
        raise IndexError(offset)

    def _read(self, timeout: float) -> bool:
        """Reads what arrives within ``timeout``; False once the terminal is closed."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:   # EIO: every process holding the terminal has gone
            return False
        if not data:
            return False
        self.chunks.append((time.monotonic(), data))
        return True

    def expect(self, pattern: bytes, timeout: float = 60, start: int = 0) -> int:
        """Waits until ``pattern`` appears in the output after offset ``start``; returns the
        offset just past it. Fails with the output so far."""
        deadline = time.monotonic() + timeout
        while True:
            at = self.output.find(pattern, start)
            if at >= 0:
                return at + len(pattern)
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(min(left, 0.5)):
                at = self.output.find(pattern, start)
                if at >= 0:
                    return at + len(pattern)
                raise AssertionError("%r did not appear; output:\n%s"
                                     % (pattern, self.output.decode("utf-8", "replace")))

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def press_ctrl_c(self) -> None:
        """The terminal's interrupt character: SIGINT to the foreground process group."""
        self.send(b"\x03")

    def wait(self, timeout: float = 60) -> int:
        """Reads the rest of the output and returns the exit status a shell reports
        (128 + N for a program killed by signal N)."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.2)
        code = self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        while self._read(0.2):   # what is still in the terminal's buffer
            if time.monotonic() > deadline + 5:
                break
        return 128 - code if code < 0 else code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for pid, _ in tagged_processes(self.tag):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.close(self.master)

    def __enter__(self) -> "PtyProgram":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def tagged_processes(tag: str) -> List[Tuple[int, str]]:
    """(pid, command line) of the live processes whose environment carries ``tag``."""
    marker = ("%s=%s" % (TAG_VARIABLE, tag)).encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/environ" % name, "rb") as f:
                if marker not in f.read().split(b"\0"):
                    continue
            with open("/proc/%s/stat" % name, "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue   # exited, not yet reaped
            with open("/proc/%s/cmdline" % name, "rb") as f:
                found.append((int(name), f.read().replace(b"\0", b" ").decode("utf-8", "replace")))
        except (OSError, IndexError):
            continue
    return found


def wait_until_gone(tag: str, timeout: float = 30) -> List[Tuple[int, str]]:
    """The tagged processes still alive after up to ``timeout`` seconds (empty: all gone)."""
    deadline = time.monotonic() + timeout
    left = tagged_processes(tag)
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = tagged_processes(tag)
    return left
