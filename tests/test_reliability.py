"""Reliability: random and hostile input never crashes factlint, and every
reported place lies inside its file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.config import Config
from factlint.engine import run, with_positions
from factlint.facts import extract_facts, extraction_order
from factlint.findings import Finding, Location
from factlint.plugins import load_registry
from factlint.readers import PlainTextReader
from factlint.readers.markdown import MarkdownReader

REGISTRY = load_registry()
ORDER = extraction_order(REGISTRY.extractors, REGISTRY.extractors)

# Text built from newsroom pieces as well as arbitrary characters, so the
# extractors' interesting paths are reached, not only the empty ones.
PIECES = st.sampled_from(
    [
        " ", "\n", "\n\n", "\r\n", "\r", "“", "”", '"', "'", "’", "—", "(", ")", "[", "]",
        "`", "```\n", "<!-- factlint: disable FL402 -->", "<!-- factlint: enable -->", "---\n",
        "date: 2017-07-04\n", "http://bit.ly/x", "https://", "www.", "...", "…", "Tuesday",
        "July 4, 2017", "Jan. 2", "last month", "will", "said", "says", "according to",
        "Gov. Scott Walker", "Neumann-Ortiz", "Barrett's", "O'Brien", "José Núñez",
        "MILWAUKEE (AP) — ", " date 2017-03-09 ", "Police Chief", "critics say", "the first",
        "three dozen", "4 weeks", "# Head\n", "> ", "- ", "    code\n",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def _inside(location: Location, text: str) -> bool:
    return 0 <= location.start <= location.end <= len(text)


def _check_facts(facts: object, text: str) -> None:
    """Every fact with a span lies inside the text."""
    if isinstance(facts, dict):
        if isinstance(facts.get("start"), int) and isinstance(facts.get("end"), int):
            assert 0 <= facts["start"] <= facts["end"] <= len(text), facts
        for value in facts.values():
            _check_facts(value, text)
    elif isinstance(facts, list):
        for item in facts:
            _check_facts(item, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, markdown=st.booleans())
def test_readers_and_extractors_never_crash(text: str, markdown: bool) -> None:
    reader = MarkdownReader() if markdown else PlainTextReader()
    try:
        document = reader.read("x.md" if markdown else "x.txt", text)
    except Exception as exc:  # only the documented input error is allowed
        assert type(exc).__name__ == "InputError", exc
        return
    assert len(document.prose) == len(document.text) == len(text)
    facts = extract_facts(document, REGISTRY.extractors, ORDER)
    _check_facts(facts.to_dict(), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(TEXT, min_size=1, max_size=3),
    date=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
)
def test_every_rule_reports_inside_the_file(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], date: dt.date | None
) -> None:
    folder = tmp_path_factory.mktemp("random")
    for i, text in enumerate(texts):
        (folder / f"d{i}.{'md' if i % 2 else 'txt'}").write_text(text, encoding="utf-8", newline="")
    from factlint.engine import collect_sources

    config = Config(date=date)
    sources, _ = collect_sources([str(folder)], REGISTRY, config, None)
    result = run(sources, REGISTRY, config, set(REGISTRY.rules))
    assert not [e for e in result.errors if "failed" in e], result.errors
    texts_by_path = {d.path: d.text for d in result.documents}
    finding: Finding
    for finding in with_positions(result.findings, texts_by_path):
        text = texts_by_path[finding.location.path]
        assert _inside(finding.location, text)
        assert finding.location.line >= 1 and finding.location.column >= 1
        for rel in finding.related:
            assert _inside(rel.location, texts_by_path[rel.location.path])


def test_a_100_mb_file_is_refused_without_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "archive.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to disk
    (tmp_path / "ok.txt").write_text("Cited http://bit.ly/ok1 here.\n", encoding="utf-8")
    code = main(["check", "--isolated", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert (
        f"{big}: file is 100.0 MB, over the 10.0 MB limit (raise it with --max-file-size)"
        in captured.err
    )
    assert "ok.txt:1:7: FL402" in captured.out


def test_deeply_nested_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = (
        "".join("> " * i + "- item\n" for i in range(1, 200))
        + "> " * 300
        + "Cited http://bit.ly/deep1.\n"
    )
    (tmp_path / "deep.md").write_text(nested, encoding="utf-8")
    code = main(["check", "--isolated", "--format", "json", str(tmp_path / "deep.md")])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    (finding,) = out["findings"]
    assert finding["location"]["line"] == 200


def test_mixed_encodings_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "utf8.txt").write_text("Núñez cited http://bit.ly/u1.\n", encoding="utf-8")
    (tmp_path / "cp1252.txt").write_bytes("Nu\xf1ez said \x93hello\x94.\n".encode("latin-1"))
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf# T\n\nSee http://bit.ly/b1\n")
    code = main(["check", "--isolated", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert "cp1252.txt: not valid UTF-8: byte 0xf1 at byte offset 2 (line 1)" in captured.err
    assert "utf8.txt:1:13: FL402" in captured.out
    assert "bom.md:3:5: FL402" in captured.out
