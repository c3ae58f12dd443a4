"""The command line as a new user meets it: wrong paths, stdin, option spelling."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from factlint.cli import main

DRAFT = "The mayor said the report is at htps://example.com/report for anyone.\n"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(args)
    c = capsys.readouterr()
    return code, c.out, c.err


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


# -- zero files ---------------------------------------------------------------


def test_a_folder_with_no_story_factlint_reads_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.rst").write_text("The guide.\n", encoding="utf-8")
    code, out, err = _run(["check", "--isolated", str(docs)], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"factlint: error: no files to check in {docs} (factlint reads .md")


def test_a_missing_path_is_one_error_and_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["check", "--isolated", str(tmp_path / "stories")], capsys)
    assert code == 2
    assert out == ""  # no "No findings (0 files checked)."
    assert err == f"factlint: error: {tmp_path / 'stories'}: no such file or folder\n"


def test_a_missing_path_beside_real_stories_still_checks_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The council met on Tuesday.\n", encoding="utf-8")
    code, out, err = _run(["check", "--isolated", str(story), str(tmp_path / "gone")], capsys)
    assert code == 2
    assert "1 file checked" in out
    assert "gone: no such file or folder" in err


def test_files_the_config_excludes_are_nothing_to_do_for_pre_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factlint.yml").write_text("exclude: ['CHANGELOG.md']\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("# Changes\n", encoding="utf-8")
    code, out, err = _run(["check", "CHANGELOG.md"], capsys)
    assert (code, out) == (0, "")
    assert "excluded" in err


# -- --fix on standard input --------------------------------------------------


def test_fix_on_stdin_prints_the_fixed_text_and_writes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, DRAFT)
    code, out, err = _run(["check", "--isolated", "--fix", "-"], capsys)
    assert out == DRAFT.replace("htps://", "https://")
    assert list(tmp_path.iterdir()) == []
    assert "fixed 1 finding in 1 file" in err
    assert code == 0


def test_fix_on_stdin_with_nothing_to_fix_echoes_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "The council met on Tuesday.\r\nIt adjourned.\r\n"
    _stdin(monkeypatch, text)
    code, out, _ = _run(
        ["check", "--isolated", "--fix", "--stdin-filename", "draft.md", "-"], capsys
    )
    assert (code, out) == (0, text)
    assert list(tmp_path.iterdir()) == []


# -- selection and exit codes -------------------------------------------------


def _codes(out: str) -> set[str]:
    return {line.split()[1] for line in out.splitlines() if line.startswith("seeds/")}


def test_repeated_select_adds_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    monkeypatch.chdir(seeds.parent)
    _, both, _ = _run(
        ["check", "--isolated", "--select", "FL401", "--select", "FL402", "seeds/"], capsys
    )
    _, comma, _ = _run(["check", "--isolated", "--select", "FL401,FL402", "seeds/"], capsys)
    assert _codes(both) == _codes(comma) == {"FL401", "FL402"}


def test_extend_ignore_and_exit_zero(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    monkeypatch.chdir(seeds.parent)
    code, out, _ = _run(
        ["check", "--isolated", "--ignore", "FL401", "--extend-ignore", "FL402", "seeds/"], capsys
    )
    assert code == 1 and _codes(out) and not _codes(out) & {"FL401", "FL402"}
    code, out, _ = _run(["check", "--isolated", "--exit-zero", "seeds/"], capsys)
    assert code == 0 and "FL401" in out
    code, _, _ = _run(["check", "--isolated", "--exit-zero", "seeds/", "missing/"], capsys)
    assert code == 2  # a failed run is never hidden


def test_extend_ignore_in_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seeds: Path
) -> None:
    config = tmp_path / ".factlint.yml"
    config.write_text("ignore: [FL401]\nextend-ignore: [FL402]\n", encoding="utf-8")
    _, out, _ = _run(["check", "--config", str(config), str(seeds)], capsys)
    codes = {line.split()[1] for line in out.splitlines() if ": FL" in line}
    assert codes and not codes & {"FL401", "FL402"}


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["chek", "seeds/"], "did you mean check?"),
        (["check", "--selct", "FL401", "seeds/"], "did you mean --select?"),
        (["check", "--exit-zeroo", "seeds/"], "did you mean --exit-zero?"),
        (["facts", "--extend-ingore=FL1", "seeds/"], "did you mean --extend-ignore?"),
    ],
)
def test_a_mistyped_option_or_command_suggests_the_near_one(
    args: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert capsys.readouterr().err.rstrip().endswith(hint)


def test_help_lists_every_format_of_the_registry_and_explains_color(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plugin = tmp_path / "plugins" / "factlint_yaml_report.py"
    plugin.parent.mkdir()
    plugin.write_text(
        "from factlint.hookspecs import hookimpl\n\n"
        "@hookimpl\ndef factlint_reporters():\n"
        "    return {'yaml': lambda report: ''}\n",
        encoding="utf-8",
    )
    config = tmp_path / ".factlint.yml"
    config.write_text(
        "plugins: [factlint_yaml_report]\nplugin-paths: [plugins]\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit):
        main(["check", "--config", str(config), "--help"])
    text = " ".join(capsys.readouterr().out.split())
    formats = text.split("--format FORMAT output format: ", 1)[1].split(" (default", 1)[0]
    assert formats.split(", ") == [
        "text", "concise", "json", "sarif", "github", "gitlab", "junit", "html", "yaml"
    ]  # fmt: skip
    assert "--color {auto,always,never} colour text output" in text


# -- counts in words ----------------------------------------------------------


def test_counts_agree_with_their_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seeds: Path
) -> None:
    _, out, _ = _run(["check", "--isolated", "--select", "ALL", "--statistics", str(seeds)], capsys)
    assert out.splitlines()[-1].endswith("findings in all")
    _, out, _ = _run(["check", "--isolated", "--select", "ALL", str(seeds)], capsys)
    assert out.splitlines()[-1].startswith("Found ")
    assert " infos" not in out and " info)" in out
    _, out, _ = _run(["check", "--isolated", "--select", "FL401", str(seeds)], capsys)
    assert out.splitlines()[-1] == "Found 1 finding (1 error) in 2 files checked."


def test_a_mistyped_format_suggests_the_near_one(
    capsys: pytest.CaptureFixture[str], seeds: Path
) -> None:
    code, out, err = _run(["check", "--isolated", "--format", "jsn", str(seeds)], capsys)
    assert (code, out) == (2, "")
    assert err.rstrip().endswith("; did you mean json?")
