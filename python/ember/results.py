"""Reading a job's results from the engine's result server (driver side).

The engine serves each job's pickled batches on a one-shot loopback socket, in the result
stream of ``ember.driver_wire``: the driver sends the secret, then reads frames (one pickled
list of records each) until END_OF_DATA, or EXCEPTION and a ``ResultError`` carrying the
failure (its Python side, its JVM side and Spark's error condition, if any).
"""

import pickle
import socket
import time
from typing import Iterator, Optional

from ember import driver_wire, wire
from ember.error_conditions import condition_error
from ember.errors import JavaException, engine_error, task_error

__all__ = ["ResultStream"]


def _unpickle(data: Optional[bytes]) -> Optional[BaseException]:
    """The task's exception as the worker pickled it, or None if the driver cannot load it
    (its class is not importable here, ...)."""
    if data is None:
        return None
    try:
        e = pickle.loads(data)
    except Exception:
        return None
    return e if isinstance(e, BaseException) else None


class ResultStream:
    """One job's result stream; iterate it for batches, or use ``batches_until``."""

    def __init__(self, port: int, secret: str):
        self._sock = socket.create_connection(("127.0.0.1", int(port)))
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._rfile = self._sock.makefile("rb", 1 << 16)
        with self._sock.makefile("wb") as wfile:
            driver_wire.write_result_secret(wfile, secret)

    def __iter__(self) -> Iterator[list]:
        return self.batches_until(None)

    def batches_until(self, deadline: Optional[float]) -> Iterator[list]:
        """Yields batches; with a ``deadline`` (time.monotonic()), stops quietly when it
        passes (``timed_out`` then tells)."""
        self.timed_out = False
        rfile = self._rfile
        while True:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    self.timed_out = True
                    return
                self._sock.settimeout(left)
            try:
                n = wire.read_int(rfile)
            except (socket.timeout, TimeoutError):
                self.timed_out = True
                return
            if n >= 0:
                self._sock.settimeout(None)
                yield pickle.loads(wire.read_exact(rfile, n))
            elif n == wire.END_OF_DATA:
                return
            elif n == wire.EXCEPTION:
                self._sock.settimeout(None)
                e = driver_wire.read_result_error(rfile)
                java = JavaException(e.java_class, e.java_message, e.java_stack_trace)
                if e.traceback:
                    raise task_error(e.type_name, e.message, e.traceback,
                                     original=_unpickle(e.pickled), java_exception=java)
                if e.error_class is not None:
                    raise condition_error(e.java_class, e.java_message, e.error_class,
                                          e.sql_state, e.error_kind,
                                          dict(e.message_parameters), java)
                raise engine_error(e.type_name, e.message, java)
            else:
                raise wire.ProtocolError("unexpected %s from the result server"
                                         % wire.control_name(n))

    def close(self) -> None:
        self._rfile.close()
        self._sock.close()
