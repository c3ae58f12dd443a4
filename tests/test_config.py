"""Configuration files, selection, per-file ignores and fail_on."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli import main

STORY = (
    "The group cited http://bit.ly/2te2fFQ in its statement.\n\n"
    "Full text: https://www.usnews.com/news/best-sta...in-to-pressure\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "a.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "stories")
    return tmp_path


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *args])
    c = capsys.readouterr()
    return code, c.out, c.err


def test_yaml_config_found_walking_up(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factlint.yml").write_text("ignore: [FL402]\n", encoding="utf-8")
    code, out, _ = _check(["a.txt"], capsys)
    assert "FL402" not in out and "FL401" in out
    assert code == 1


def test_pyproject_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.factlint]\nselect = ["FL402"]\nfail-on = "error"\n', encoding="utf-8"
    )
    code, out, _ = _check(["a.txt"], capsys)
    assert "FL402" in out and "FL401" not in out
    assert code == 0  # a warning is below fail-on = error


def test_cli_flags_win_over_the_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factlint.yml").write_text("select: [FL402]\nfail_on: error\n", encoding="utf-8")
    code, out, _ = _check(["--select", "FL4", "--fail-on", "warning", "a.txt"], capsys)
    assert "FL401" in out and "FL402" in out
    assert code == 1


def test_select_by_name_and_prefix_and_all(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _check(["--isolated", "--select", "shortened-link", "a.txt"], capsys)
    assert "FL402" in out and "FL401" not in out
    _, out, _ = _check(["--isolated", "--select", "ALL", "--ignore", "FL40", "a.txt"], capsys)
    assert "FL40" not in out


def test_per_file_ignores(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factlint.yml").write_text(
        "per-file-ignores:\n  'stories/*.txt': [FL401]\n", encoding="utf-8"
    )
    _, out, _ = _check(["a.txt"], capsys)
    assert "FL402" in out and "FL401" not in out


def test_unknown_key_names_file_and_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = repo / ".factlint.yml"
    cfg.write_text("select: [FL4]\nfial_on: error\n", encoding="utf-8")
    code, out, err = _check(["a.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"factlint: error: {cfg}:2: unknown config key 'fial_on' (known keys: ")


def test_broken_yaml_names_file_and_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = repo / ".factlint.yml"
    cfg.write_text("select: [FL4\nignore: []\n", encoding="utf-8")
    code, _, err = _check(["a.txt"], capsys)
    assert code == 2
    assert err.startswith(f"factlint: error: {cfg}:")
    assert "invalid YAML" in err


def test_hostile_yaml_is_not_executed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = repo / ".factlint.yml"
    marker = repo / "pwned"
    cfg.write_text(
        f"select: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    code, _, err = _check(["a.txt"], capsys)
    assert code == 2
    assert "invalid YAML" in err
    assert not marker.exists()


def test_unknown_code_in_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = repo / ".factlint.yml"
    cfg.write_text("ignore: [FL9]\n", encoding="utf-8")
    code, _, err = _check(["a.txt"], capsys)
    assert code == 2
    assert f"{cfg}: unknown rule code or prefix 'FL9'" in err


def test_unknown_rule_option(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factlint.yml").write_text(
        "rules:\n  FL402:\n    extra_host: [x.y]\n", encoding="utf-8"
    )
    code, _, err = _check(["a.txt"], capsys)
    assert code == 2
    assert "rules.FL402: unknown option extra_host (known: extra_hosts)" in err


def test_rule_option_is_used(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factlint.yml").write_text(
        "rules:\n  FL402:\n    extra-hosts: [news.example]\n", encoding="utf-8"
    )
    (repo / "stories" / "b.txt").write_text(
        "See https://news.example/x1 today.\n", encoding="utf-8"
    )
    _, out, _ = _check(["b.txt"], capsys)
    assert "b.txt:1:5: FL402 [shortened-link] news.example is a link shortener" in out


def test_exclude(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "stories" / "drafts").mkdir()
    (repo / "stories" / "drafts" / "b.txt").write_text(STORY, encoding="utf-8")
    _, out, _ = _check(["--isolated", "--exclude", "drafts", "."], capsys)
    assert "a.txt" in out and "drafts" not in out


def test_a_network_rule_is_selected_only_by_its_code_or_name() -> None:
    from factlint.selection import expand, selected_codes

    class Local:
        name = "local-rule"

    class Remote:
        name = "remote-rule"
        network = True
        default_enabled = False

    rules = {"XT101": Local, "XT102": Remote}

    def chosen(
        select: list[str] | None, extend: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
    ) -> set[str]:
        return selected_codes(rules, select, extend, ignore, "test")

    assert chosen(None) == {"XT101"}
    assert chosen(["ALL"]) == chosen(["XT"]) == chosen(["XT10"]) == {"XT101"}
    assert chosen(None, ("XT1",)) == {"XT101"}
    assert chosen(["XT102"]) == chosen(["remote-rule"]) == chosen(["xt102"]) == {"XT102"}
    assert chosen(None, ("XT102",)) == chosen(["ALL", "XT102"]) == {"XT101", "XT102"}
    assert chosen(["ALL", "XT102"], ignore=("XT1",)) == set()  # ignoring by prefix still works
    assert expand(["ALL"], rules, "per-file-ignores") == {"XT101", "XT102"}
