"""Inline suppressions in Markdown and plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli import main

SHORT = "Source: http://bit.ly/abc1 here.\n"


def _codes(tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    main(["check", "--isolated", "--format", "text", str(path)])
    out = capsys.readouterr().out
    return [line.split(": ")[0].rsplit(":", 2)[1] for line in out.splitlines() if " FL" in line]


def test_disable_enable_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        SHORT
        + "<!-- factlint: disable FL402 -->\n"
        + SHORT
        + SHORT
        + "<!-- factlint: enable FL402 -->\n"
        + SHORT
    )
    assert _codes(tmp_path, "a.md", text, capsys) == ["1", "6"]


def test_disable_next_line_skips_blank_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "<!-- factlint: disable-next-line FL402 -->\n\n" + SHORT + SHORT
    assert _codes(tmp_path, "a.md", text, capsys) == ["4"]


def test_disable_without_codes_covers_every_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "<!-- factlint: disable -->\n" + SHORT + "http://example.com/a...b\n"
    assert _codes(tmp_path, "a.md", text, capsys) == []


def test_other_codes_are_not_suppressed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "<!-- factlint: disable-next-line FL401 -->\n" + SHORT
    assert _codes(tmp_path, "a.md", text, capsys) == ["2"]


def test_plain_text_uses_the_same_comment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        SHORT
        + "<!-- factlint: disable-next-line FL402 -->\n"
        + SHORT
        + "<!-- factlint: disable-line FL402 --> "
        + SHORT
    )
    assert _codes(tmp_path, "a.txt", text, capsys) == ["1"]
