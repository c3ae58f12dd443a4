"""Errors that stop a run, and the exit codes users and CI rely on."""

from __future__ import annotations

import enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


class FatalError(Exception):
    """A usage or configuration problem: the run cannot go on (exit 2)."""


class InputError(Exception):
    """One input file cannot be checked; the other files still are (exit 2).

    ``str(error)`` is the one-line message, already naming the file.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def sigterm_raises() -> Any:
    """Make SIGTERM raise ``SystemExit`` (like Ctrl-C raises), so the
    clean-up of a temporary file or folder runs when a CI job or a hook
    runner stops factlint. Returns the handler it replaced, to put back,
    or None off the main thread, where no handler can be set."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def raise_exit(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, raise_exit)
