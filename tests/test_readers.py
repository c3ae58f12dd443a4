"""Readers: prose masks, metadata (publication date, dateline) and positions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factlint.cli import main
from factlint.readers import PlainTextReader
from factlint.readers.markdown import MarkdownReader


def test_seed_000_date_header_and_dateline(seeds: Path) -> None:
    path = seeds / "000_3c3a6071b36f80b8.txt"
    doc = PlainTextReader().read(str(path), path.read_text(encoding="utf-8"))
    assert doc.metadata.published == dt.date(2017, 3, 9)
    assert doc.metadata.date_source == "header"
    assert doc.metadata.dateline == "OAKFIELD"
    assert "date 2017-03-09" not in doc.prose
    assert doc.prose.lstrip().startswith("OAKFIELD — Gov. Scott Walker")
    assert len(doc.prose) == len(doc.text)


def test_seed_001_timestamp_line_and_ap_dateline(seeds: Path) -> None:
    path = seeds / "001_503aeeceae458385.txt"
    doc = PlainTextReader().read(str(path), path.read_text(encoding="utf-8"))
    assert doc.metadata.published == dt.date(2017, 7, 4)
    assert doc.metadata.date_source == "timestamp"
    assert doc.metadata.dateline == "MILWAUKEE"
    start, end = doc.metadata.dateline_span or (0, 0)
    assert doc.text[start:end] == "MILWAUKEE"
    assert "3:31 p.m." not in doc.prose


@pytest.mark.parametrize(
    ("text", "published", "source"),
    [
        (
            "---\ntitle: Strike\ndate: 2017-04-20\n---\nBody text.\n",
            dt.date(2017, 4, 20),
            "front-matter",
        ),
        ("---\ndate: '2017-04-20T10:00:00Z'\n---\nBody.\n", dt.date(2017, 4, 20), "front-matter"),
        (
            "Headline here\n\nPublished: March 9, 2017 10:02 AM\n\nBody.\n",
            dt.date(2017, 3, 9),
            "timestamp",
        ),
        ("Headline\n\nTuesday, Sept. 5, 2017\n\nBody.\n", dt.date(2017, 9, 5), "timestamp"),
        ("No date anywhere. Body said July 4, 2017, it rained.\n", None, None),
    ],
)
def test_publication_date_sources(text: str, published: dt.date | None, source: str | None) -> None:
    doc = MarkdownReader().read("x.md", text)
    assert doc.metadata.published == published
    assert doc.metadata.date_source == source


def test_reuters_style_dateline() -> None:
    doc = MarkdownReader().read(
        "r.md", "---\ndate: 1987-02-26\n---\nSALVADOR, Feb 26 - Showers continued.\n"
    )
    assert doc.metadata.dateline == "SALVADOR"


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("CAGUAS, Puerto Rico (AP)_ Kidnappers kept their promise.", "CAGUAS"),
        ("BONN, Germany (AP) _ A phony address will cost the party.", "BONN"),
        ("MILWAUKEE (AP) — The mayor spoke.", "MILWAUKEE"),
        ("Fans_ of the team gathered.", None),
        ("BONN _ A line with no credit before the underscore.", None),
    ],
)
def test_the_wire_s_older_underscore_dateline(line: str, place: str | None) -> None:
    """AP's older copy puts an underscore for the dash, after the credit."""
    doc = MarkdownReader().read("w.md", f"---\ndate: 1998-06-26\n---\n{line}\n")
    assert doc.metadata.dateline == place


def test_markdown_code_comments_and_front_matter_are_not_prose() -> None:
    text = (
        "---\ntitle: Notes\n---\n"
        "Intro with `inline http://bit.ly/x` code.\n\n"
        "```\nhttp://bit.ly/fenced\n```\n\n"
        "    http://bit.ly/indented\n\n"
        "<!-- http://bit.ly/comment -->\n"
        "<div>http://bit.ly/html</div>\n\n"
        "Real prose http://bit.ly/real.\n"
    )
    doc = MarkdownReader().read("n.md", text)
    assert len(doc.prose) == len(doc.text)
    assert "bit.ly/real" in doc.prose
    for hidden in ("inline", "fenced", "indented", "comment", "html", "title: Notes"):
        assert hidden not in doc.prose, hidden
    assert doc.prose.count("\n") == doc.text.count("\n")


def test_crlf_and_cr_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = ["First line.", "", "Cited http://bit.ly/abc1 here."]
    (tmp_path / "crlf.txt").write_bytes("\r\n".join(body).encode())
    (tmp_path / "cr.txt").write_bytes("\r".join(body).encode())
    main(["check", "--isolated", str(tmp_path)])
    out = capsys.readouterr().out
    assert f"{tmp_path / 'cr.txt'}:3:7: FL402" in out
    assert f"{tmp_path / 'crlf.txt'}:3:7: FL402" in out


def test_columns_count_unicode_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "u.txt").write_text("José Nuñez 👍 cited http://bit.ly/abc1.\n", encoding="utf-8")
    main(["check", "--isolated", str(tmp_path / "u.txt")])
    assert f"{tmp_path / 'u.txt'}:1:20: FL402" in capsys.readouterr().out


def test_facts_command_prints_metadata_and_links(
    seeds: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    assert main(["facts", "--isolated", "seeds/001_503aeeceae458385.txt"]) == 0
    data = json.loads(capsys.readouterr().out)
    (doc,) = data
    assert doc["path"] == "seeds/001_503aeeceae458385.txt"
    assert doc["metadata"]["published"] == "2017-07-04"
    assert doc["metadata"]["dateline"] == "MILWAUKEE"
    links = doc["facts"]["links"]
    assert [link["url"] for link in links] == [
        "http://bit.ly/2te2fFQ",
        "https://www.usnews.com/news/best-sta...in-to-pressure",
    ]
    text = (seeds / "001_503aeeceae458385.txt").read_text(encoding="utf-8")
    assert all(text[link["start"] : link["end"]] == link["url"] for link in links)


def test_prose_spans_leave_out_code_and_front_matter() -> None:
    text = "---\ntitle: T\n---\nBefore `code` after.\n"
    doc = MarkdownReader().read("s.md", text)
    spans = doc.prose_spans()
    prose = "".join(text[a:b] for a, b in spans)
    assert "title" not in prose and "code" not in prose
    assert "Before" in prose and "after." in prose
    assert all(0 <= a < b <= len(text) for a, b in spans)
