"""The progress line: only for people at a terminal, never in CI or machine output."""

from __future__ import annotations

import argparse
import io

import pytest

from factlint import cli


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _args(fmt: str = "text") -> argparse.Namespace:
    return argparse.Namespace(command="check", format=fmt)


def test_progress_shows_on_a_terminal_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.delenv("CI", raising=False)
    progress = cli._Progress.maybe(_args())
    assert progress is not None
    progress(10, 100)
    assert terminal.getvalue() == ""  # not in the first second
    progress._start -= 2.0
    progress(50, 100)
    assert terminal.getvalue() == "\rfactlint: checked 50/100 files"
    progress.close()
    assert terminal.getvalue().endswith("\r\x1b[K")


@pytest.mark.parametrize(
    ("fmt", "ci", "tty"),
    [("text", "true", True), ("sarif", None, True), ("github", None, True), ("text", None, False)],
)
def test_no_progress_in_ci_machine_formats_or_pipes(
    monkeypatch: pytest.MonkeyPatch, fmt: str, ci: str | None, tty: bool
) -> None:
    monkeypatch.setattr("sys.stderr", _Terminal() if tty else io.StringIO())
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    assert cli._Progress.maybe(_args(fmt)) is None
