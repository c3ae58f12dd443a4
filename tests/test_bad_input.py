"""Bad input: one clear line naming the file and the problem, exit code 2,
the other files still checked, and no user file ever written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import GOOD
from factlint.cli import main


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", "--isolated", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _snapshot(folder: Path) -> dict[str, tuple[bytes, float]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime) for p in folder.iterdir() if p.is_file()}


def test_missing_path(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(["good.txt", "nope.txt"], capsys)
    assert code == 2
    assert err.strip() == "factlint: error: nope.txt: no such file or folder"
    assert "good.txt:1:17: FL402" in out


def test_non_utf8_file_names_the_byte_offset(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "latin1.txt").write_bytes("Line one.\nJos\xe9 Nu\xf1ez said.\n".encode("latin-1"))
    before = _snapshot(folder)
    code, out, err = _check(["."], capsys)
    assert code == 2
    assert err.strip() == (
        "factlint: error: latin1.txt: not valid UTF-8: byte 0xe9 at byte offset 13 (line 2);"
        " save the file as UTF-8"
    )
    assert "good.txt:1:17: FL402" in out
    assert _snapshot(folder) == before


def test_utf8_bom_is_accepted_and_columns_ignore_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "good.txt").unlink()
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    code, out, err = _check(["bom.txt"], capsys)
    assert err == ""
    assert "bom.txt:1:17: FL402" in out
    assert code == 1


def test_binary_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = _check(["photo.txt", "good.txt"], capsys)
    assert code == 2
    assert err.strip() == "factlint: error: photo.txt: is a binary file, not text"


def test_utf16_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "wide.txt").write_bytes("Hello".encode("utf-16"))
    code, _, err = _check(["wide.txt"], capsys)
    assert code == 2
    assert err.strip() == "factlint: error: wide.txt: is UTF-16 encoded; save it as UTF-8"


def test_empty_file_is_a_note_not_a_failure(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "empty.md").write_bytes(b"")
    (folder / "blank.txt").write_text("\n  \n", encoding="utf-8")
    code, out, err = _check(["empty.md", "blank.txt"], capsys)
    assert code == 0
    assert "factlint: note: empty.md: empty file, nothing to check" in err
    assert "factlint: note: blank.txt: empty file, nothing to check" in err
    assert "No findings (0 files checked)." in out


def test_huge_file_is_refused_with_the_limit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "huge.txt").write_text("word " * 300_000, encoding="utf-8")
    code, out, err = _check(["--max-file-size", "1MB", "huge.txt", "good.txt"], capsys)
    assert code == 2
    assert err.strip() == (
        "factlint: error: huge.txt: file is 1.4 MB, over the 1.0 MB limit"
        " (raise it with --max-file-size)"
    )
    assert "good.txt:1:17: FL402" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = folder / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    code, _, err = _check(["secret.txt"], capsys)
    assert code == 2
    assert err.strip() == "factlint: error: secret.txt: permission denied"


def test_broken_front_matter(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "story.md").write_text(
        "---\ntitle: [unclosed\ndate: 2017-07-04\n---\nBody.\n", encoding="utf-8"
    )
    code, _, err = _check(["story.md", "good.txt"], capsys)
    assert code == 2
    assert err.startswith("factlint: error: story.md: front matter: line 3:")


def test_unknown_rule_code(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(["--select", "FL999", "good.txt"], capsys)
    assert code == 2
    assert out == ""
    assert err.strip() == (
        "factlint: error: --select/--ignore: unknown rule code or prefix 'FL999'"
        " (see 'factlint rules')"
    )


def test_unknown_code_in_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "FL999"]) == 2
    assert "unknown rule code 'FL999'" in capsys.readouterr().err


def test_no_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--isolated"]) == 2
    assert "give at least one file or folder" in capsys.readouterr().err


def test_bad_date_option(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _check(["--date", "July 4", "good.txt"], capsys)
    assert code == 2
    assert "--date: 'July 4' is not a date like 2017-07-04" in err


def test_stdin_with_a_filename(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    code, out, _ = _check(["--stdin-filename", "drafts/story.md", "-"], capsys)
    assert code == 1
    assert "drafts/story.md:1:17: FL402" in out


def test_dangling_symlink_reads_as_deleted(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "gone.txt").symlink_to(folder / "deleted-before-read.txt")
    code, _, err = _check(["gone.txt", "good.txt"], capsys)
    assert code == 2
    assert err.strip() == "factlint: error: gone.txt: no such file (was it deleted during the run?)"


def test_symlink_loop_in_a_folder_is_not_followed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder)
    code, out, _ = _check(["."], capsys)
    assert code == 1
    assert out.count("FL402") == 1
