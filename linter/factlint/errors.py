"""Errors that stop a run, and the exit codes users and CI rely on."""

from __future__ import annotations

import enum


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
