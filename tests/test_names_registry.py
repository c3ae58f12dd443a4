"""The names registry: canonical spellings, safe fixes, schema errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli import main

REGISTRY = """\
people:
  - name: Christine Neumann-Ortiz
    aliases: [Christine Neumann Ortiz]
    titles: [executive director]
  - name: Tom Barrett
    not: [Tom Barnett]
"""


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "names.yml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / ".factlint.yml").write_text("names-registry: names.yml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *args])
    c = capsys.readouterr()
    return code, c.out, c.err


def test_registry_decides_even_a_single_story(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = newsroom / "story.txt"
    story.write_text(
        '"It is very problematic," said Christine Newman-Ortiz of Voces de la Frontera.\n\n'
        '"This is highly controversial," Newman-Ortiz said.\n',
        encoding="utf-8",
    )
    code, out, _ = _check(["story.txt"], capsys)
    assert code == 1
    assert out.count("FL101") == 2
    assert 'The names registry spells it "Neumann-Ortiz".' in out


def test_registry_fix_is_safe_and_applied(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = newsroom / "story.txt"
    story.write_text(
        "Christine Newman-Ortiz spoke. Later Newman-Ortiz’s group marched.\n", encoding="utf-8"
    )
    code, _, err = _check(["--fix", "story.txt"], capsys)
    assert "fixed 2 findings" in err
    assert story.read_text(encoding="utf-8") == (
        "Christine Neumann-Ortiz spoke. Later Neumann-Ortiz’s group marched.\n"
    )
    assert code == 0


def test_registry_aliases_and_not_entries(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "a.txt").write_text(
        "Christine Neumann Ortiz led the march. Tom Barnett, an alderman, watched.\n",
        encoding="utf-8",
    )
    (newsroom / "b.txt").write_text("Tom Barrett said the city would comply.\n", encoding="utf-8")
    code, out, _ = _check(["a.txt", "b.txt"], capsys)
    assert "FL101" not in out
    assert code == 0


def test_without_registry_no_fix_is_offered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Christine Newman-Ortiz spoke.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Christine Neumann-Ortiz spoke. Neumann-Ortiz said more.\n", encoding="utf-8"
    )
    code, out, _ = _check(["--isolated", "--diff", str(tmp_path)], capsys)
    assert out == "" and code == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("people:\n  - name: Tom\n", "names.yml:2: names registry: 'Tom' is not a full name"),
        ("people:\n  - nmae: Tom Barrett\n", "names.yml:2: names registry: unknown key 'nmae'"),
        (
            "people:\n  - name: Tom Barrett\n    aliases: {a: b}\n",
            "names.yml:3: names registry: 'aliases' must be a list",
        ),
        ("persons: []\n", "names.yml:1: names registry: unknown key 'persons'"),
        ("people: [unclosed\n", "names.yml:2: names registry: invalid YAML"),
    ],
)
def test_schema_errors_name_file_and_line(
    newsroom: Path, capsys: pytest.CaptureFixture[str], text: str, problem: str
) -> None:
    (newsroom / "names.yml").write_text(text, encoding="utf-8")
    (newsroom / "s.txt").write_text("Tom Barrett spoke.\n", encoding="utf-8")
    from factlint.names_registry import load_names_registry

    load_names_registry.cache_clear()
    code, _, err = _check(["s.txt"], capsys)
    assert code == 2
    assert problem in err


def test_missing_registry_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".factlint.yml").write_text("names-registry: nowhere.yml\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Tom Barrett spoke.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = _check(["s.txt"], capsys)
    assert code == 2 and "nowhere.yml: names registry not found" in err
