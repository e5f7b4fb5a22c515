"""Ctrl-C in the driver: cancel the engine's jobs, then raise KeyboardInterrupt.

The engine JVM runs in a session of its own (see ``java_gateway``), so the terminal's SIGINT
reaches only the driver, whose handler cancels every job through the gateway and raises
KeyboardInterrupt in the main thread. The engine stays up: in a shell the next job runs.

One case needs care: the main thread inside a gateway call (an action such as
``saveAsTextFile`` runs its whole job in one call). A KeyboardInterrupt raised there would
leave the Py4J connection between a command and its answer, and Py4J handles that by
logging an error (and, in some releases, failing with an AttributeError instead). So the
handler defers: the cancel makes the call's job fail, the call returns promptly, and it
raises KeyboardInterrupt as it returns. A second Ctrl-C before then raises at once, a way
out of a call that does not return.

Threading: Python runs signal handlers in the main thread, and only the main thread's calls
are counted; calls from other threads pass through untouched.
"""

import signal
import threading
from typing import Callable, Optional

from py4j.java_gateway import GatewayClient, JavaGateway

__all__ = ["MainThreadCalls", "InterruptibleGateway", "install_sigint_handler"]


class MainThreadCalls:
    """The main thread's gateway calls in progress, and a Ctrl-C waiting for them to return."""

    def __init__(self) -> None:
        self.depth = 0
        self.deferred = False
        self.cancelling = False

    @staticmethod
    def on_main_thread() -> bool:
        return threading.current_thread() is threading.main_thread()


class _CountingClient(GatewayClient):
    """A GatewayClient that counts the main thread's calls and raises a deferred Ctrl-C when
    the outermost one returns (with its answer or its error)."""

    def __init__(self, calls: MainThreadCalls, **kwargs) -> None:
        super().__init__(**kwargs)
        self._calls = calls

    def send_command(self, command, retry=True, binary=False):
        calls = self._calls
        if not calls.on_main_thread():
            return super().send_command(command, retry, binary)
        calls.depth += 1
        try:
            return super().send_command(command, retry, binary)
        finally:
            calls.depth -= 1
            if calls.depth == 0 and calls.deferred:
                calls.deferred = False
                raise KeyboardInterrupt()


class InterruptibleGateway(JavaGateway):
    """A JavaGateway whose calls from the main thread can be interrupted cleanly."""

    def __init__(self, calls: MainThreadCalls, **kwargs) -> None:
        self._calls = calls   # before super().__init__, which creates the client
        super().__init__(**kwargs)

    def _create_gateway_client(self):
        return _CountingClient(self._calls, gateway_parameters=self.gateway_parameters)


def install_sigint_handler(calls: MainThreadCalls,
                           cancel_all_jobs: Callable[[], None]) -> Optional[Callable[[], None]]:
    """Makes Ctrl-C cancel all jobs and raise KeyboardInterrupt; returns the function that
    puts the previous handler back, or None when not on the main thread (where Python does
    not allow signal handlers)."""
    if not calls.on_main_thread():
        return None
    previous = signal.getsignal(signal.SIGINT)

    def on_sigint(signum, frame):
        if calls.cancelling or calls.deferred:
            raise KeyboardInterrupt()   # pressed again: do not wait any longer
        calls.cancelling = True
        try:
            cancel_all_jobs()
        except Exception:
            pass   # an engine that is gone has no jobs left to cancel
        finally:
            calls.cancelling = False
        if calls.depth > 0:
            calls.deferred = True   # raised when the interrupted call returns
            return
        if callable(previous) and previous is not signal.default_int_handler:
            previous(signum, frame)
        raise KeyboardInterrupt()

    try:
        signal.signal(signal.SIGINT, on_sigint)
    except ValueError:
        return None

    def restore() -> None:
        if calls.on_main_thread() and signal.getsignal(signal.SIGINT) is on_sigint:
            signal.signal(signal.SIGINT, previous)
    return restore
