"""--fix, --diff and baselines: what an archive adopting factlint relies on."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from factlint.cli import main

DRAFT = (
    "The report is at http//www.example.org/report.pdf for anyone.\r\nSee htps://example.com/b.\r\n"
)
FIXED = "The report is at http://www.example.org/report.pdf for anyone.\r\nSee https://example.com/b.\r\n"


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", "--isolated", *args])
    c = capsys.readouterr()
    return code, c.out, c.err


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode("utf-8"))
    path.chmod(0o640)
    return path


def test_check_never_writes_without_fix(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = draft.read_bytes(), draft.stat().st_mtime_ns
    code, out, _ = _check([str(draft)], capsys)
    assert code == 1 and out.count("FL403") == 2
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_diff_shows_fixes_and_writes_nothing(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = draft.read_bytes()
    code, out, _ = _check(["--diff", str(draft)], capsys)
    assert code == 1
    assert f"--- a/{draft}" in out
    assert "-The report is at http//www.example.org/report.pdf" in out
    assert "+The report is at http://www.example.org/report.pdf" in out
    assert draft.read_bytes() == before


def test_fix_writes_atomically_keeping_bom_line_endings_and_mode(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _check(["--fix", str(draft)], capsys)
    assert "fixed 2 findings in 1 file" in err
    assert draft.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert [p.name for p in draft.parent.iterdir()] == ["draft.txt"]  # no temporary left
    assert "FL403" not in out and code == 0
    # A second run finds nothing left to fix.
    code, out, _ = _check([str(draft)], capsys)
    assert code == 0 and "No findings" in out


def test_fix_refuses_a_file_changed_since_read(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factlint.config import Config
    from factlint.engine import Source, read_source
    from factlint.fixes import FileChangedError, write_atomically
    from factlint.plugins import load_registry

    document = read_source(Source(str(draft), str(draft)), load_registry(), Config())
    assert document is not None
    draft.write_text("Edited by a reporter meanwhile.\n", encoding="utf-8")
    with pytest.raises(FileChangedError, match="changed since factlint read it"):
        write_atomically(document, FIXED)
    assert draft.read_text(encoding="utf-8") == "Edited by a reporter meanwhile.\n"


def test_unsafe_findings_are_never_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "s.txt"
    story.write_text("See http://bit.ly/x1 and https://example..com/a.\n", encoding="utf-8")
    before = story.read_bytes()
    code, out, err = _check(["--fix", str(story)], capsys)
    assert story.read_bytes() == before
    assert code == 1 and "FL402" in out and "FL403" in out
    assert "fixed" not in err


def test_baseline_hides_old_findings_and_survives_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Old paragraph citing http://bit.ly/old1.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, _, err = _check(["--write-baseline", str(baseline), str(story)], capsys)
    assert code == 0 and "wrote 1 finding to" in err
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["code"] == "FL402"

    # Paragraphs added above move the old finding down; a new one appears.
    story.write_text(
        "A new lede.\n\nNew paragraph citing https://t.co/new2.\n\nOld paragraph citing http://bit.ly/old1.\n",
        encoding="utf-8",
    )
    code, out, err = _check(["--baseline", str(baseline), str(story)], capsys)
    assert code == 1
    assert "t.co is a link shortener" in out and "bit.ly" not in out
    assert "baseline" not in err

    # The old finding is fixed: the baseline entry no longer matches.
    story.write_text("A new lede.\n", encoding="utf-8")
    code, out, err = _check(["--baseline", str(baseline), str(story)], capsys)
    assert code == 0
    assert "1 baseline entry no longer matches any finding" in err


def test_broken_baseline_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Text.\n", encoding="utf-8")
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = _check(["--baseline", str(bad), str(story)], capsys)
    assert code == 2 and f"{bad}:1: baseline is not valid JSON" in err
    code, _, err = _check(["--baseline", str(tmp_path / "none.json"), str(story)], capsys)
    assert code == 2 and "baseline file not found" in err


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "s.txt"
    story.write_text(
        "See http://bit.ly/a1, http://bit.ly/a2 and http//x.example.org/.\n", encoding="utf-8"
    )
    code, out, _ = _check(["--statistics", str(story)], capsys)
    assert code == 1
    assert out.splitlines() == [
        "2  FL402  shortened-link",
        "1  FL403  malformed-link",
        "3 findings in all",
    ]


def test_jobs_output_equals_serial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:

    for i in range(20):  # an explicit --jobs 2 runs a pool for any number of files
        body = f"Story {i} cites http://bit.ly/s{i} and http//www.example.org/{i}.\n"
        (tmp_path / f"story{i:03}.{'md' if i % 2 else 'txt'}").write_text(body, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    _, serial, serial_err = _check(["--jobs", "1", "--format", "json", str(tmp_path)], capsys)
    code, parallel, parallel_err = _check(
        ["--jobs", "2", "--format", "json", str(tmp_path)], capsys
    )
    assert code == 2
    assert parallel == serial
    assert parallel_err == serial_err
    assert len(json.loads(serial)["findings"]) == 2 * 20


def test_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _check(["--jobs", "0", str(tmp_path)], capsys)
    assert code == 2 and "--jobs must be at least 1" in err


@pytest.mark.skipif(os.name != "posix", reason="uses POSIX permissions")
def test_fix_on_read_only_folder_reports_and_keeps_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write to read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    story = folder / "s.txt"
    story.write_text(DRAFT, encoding="utf-8")
    folder.chmod(0o500)
    try:
        code, _, err = _check(["--fix", str(story)], capsys)
    finally:
        folder.chmod(0o700)
    assert code == 2 and "cannot write fix" in err
    assert story.read_text(encoding="utf-8") == DRAFT
