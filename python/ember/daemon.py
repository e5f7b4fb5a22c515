"""The per-executor fork server: ``python -m ember.daemon [--unix-socket PATH]``.

Started once by a JVM executor, it imports the worker modules, then forks a worker for each
connection, so workers start warm (milliseconds instead of an interpreter start each).

Contract with the executor:

- stdin: the first line is the secret; afterwards stdin stays open, and its end (the JVM
  died or let go) makes the daemon stop its workers (SIGTERM) and exit.
- stdout: one line, the loopback TCP port (or the Unix socket path) it listens on; after that
  line the daemon's and its workers' stdout go to stderr, so user prints cannot block a pipe.
- A request is a connection carrying the normal worker handshake (``wire``). The daemon reads
  and checks it *before* forking, so nothing is forked for an unauthenticated peer; a refusal
  is answered and the connection closed. Otherwise the forked worker answers HANDSHAKE_OK with
  its own pid (the executor uses it to watch or kill that worker) and serves tasks on the
  connection until SHUTDOWN or close, then exits.
- Dead workers are reaped continually; exit statuses are logged on stderr.
- SIGINT is ignored (by the daemon and the workers it forks): a terminal's Ctrl-C, which
  reaches a Java driver's whole process group, is the driver's to act on; tasks end by the
  executor's cancel or the end of stdin.
"""

import argparse
import gc
import os
import select
import signal
import socket
import sys
from typing import Optional, Set

from ember import wire
from ember import worker  # noqa: F401 - imported before forking, so workers start warm

HANDSHAKE_TIMEOUT_S = 10.0
POLL_INTERVAL_S = 1.0


def _read_secret_line(fd: int) -> str:
    """Reads the first stdin line byte by byte, so nothing after it is buffered away."""
    data = bytearray()
    while True:
        b = os.read(fd, 1)
        if not b or b == b"\n":
            return data.decode("utf-8").rstrip("\r")
        data += b


def _log(message: str) -> None:
    print("ember daemon %d: %s" % (os.getpid(), message), file=sys.stderr, flush=True)


def _reap(children: Set[int]) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            children.clear()
            return
        if pid == 0:
            return
        children.discard(pid)
        code = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") \
            else status
        if code != 0:
            _log("worker %d exited with status %d" % (pid, code))


def _accept_and_fork(listener: socket.socket, secret: str) -> Optional[int]:
    """Authenticates one connection and forks a worker for it; returns the child's pid."""
    conn, _ = listener.accept()
    try:
        conn.settimeout(HANDSHAKE_TIMEOUT_S)
        with conn.makefile("rb", 0) as infile, conn.makefile("wb", 0) as outfile:
            try:
                refusal = wire.check_handshake(wire.read_handshake(infile), secret,
                                               worker.PYTHON_VERSION)
            except wire.HandshakeRefused as e:
                refusal = str(e)
            if refusal is not None:
                wire.write_handshake_reply(outfile, wire.HandshakeReply(False, message=refusal))
                worker.hang_up(conn)
                return None
        conn.settimeout(None)
        pid = os.fork()
        if pid == 0:
            _run_child(listener, conn)
        return pid
    except (OSError, wire.ProtocolError) as e:
        _log("dropped a connection during the handshake: %s" % e)
        return None
    finally:
        conn.close()


def _run_child(listener: socket.socket, conn: socket.socket) -> None:
    code = 0
    try:
        listener.close()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        worker.serve_socket(conn, None)
    except (wire.ProtocolError, OSError) as e:
        _log("worker connection lost: %s" % e)
        code = 1
    except BaseException:  # noqa: B902 - report anything, then leave without unwinding
        import traceback
        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(listener: socket.socket, secret: str, stdin_fd: int = 0) -> None:
    """Accepts requests until ``stdin_fd`` reaches end of file."""
    children: Set[int] = set()
    try:
        while True:
            _reap(children)
            try:
                ready, _, _ = select.select([listener, stdin_fd], [], [], POLL_INTERVAL_S)
            except InterruptedError:
                continue
            if stdin_fd in ready and not os.read(stdin_fd, 4096):
                return
            if listener in ready:
                pid = _accept_and_fork(listener, secret)
                if pid is not None:
                    children.add(pid)
    finally:
        listener.close()
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid in list(children):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def _listen(unix_path: Optional[str]) -> "tuple[socket.socket, str]":
    if unix_path:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        if os.path.exists(unix_path):
            os.unlink(unix_path)
        old_umask = os.umask(0o177)
        try:
            listener.bind(unix_path)
        finally:
            os.umask(old_umask)
        address = unix_path
    else:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        address = str(listener.getsockname()[1])
    listener.listen(128)
    return listener, address


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ember.daemon")
    parser.add_argument("--unix-socket", metavar="PATH",
                        help="listen on this Unix socket instead of a loopback TCP port")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import faulthandler
    faulthandler.enable(file=sys.stderr)
    secret = _read_secret_line(0)
    listener, address = _listen(args.unix_socket)
    sys.stdout.write(address + "\n")
    sys.stdout.flush()
    os.dup2(2, 1)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    gc.collect()
    if hasattr(gc, "freeze"):
        gc.freeze()  # keep the warm heap shared with forked workers (copy-on-write)
    try:
        serve(listener, secret)
    finally:
        if args.unix_socket and os.path.exists(args.unix_socket):
            os.unlink(args.unix_socket)
    return 0


if __name__ == "__main__":
    sys.exit(main())
