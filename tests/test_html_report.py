"""The HTML report: structure, escaping, no network, and a real browser."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factlint.cli import main


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _report(tmp_path: Path, paths: list[str]) -> str:
    out = tmp_path / "report.html"
    main(["check", "--isolated", "--format", "html", "--output", str(out), *paths])
    return out.read_text(encoding="utf-8")


def test_report_structure_on_the_seeds(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    html = _report(tmp_path, ["seeds/"])
    parser = _Collector()
    parser.feed(html)
    text = " ".join(parser.text)
    for code in ("FL101", "FL102", "FL103", "FL401", "FL402"):
        assert code in text
    # Every corpus finding shows its related places side by side.
    assert html.count('class="related"') >= 2  # FL101 and FL102, one finding each
    # Fact sheets: people, quotes with speakers, dates, links.
    for heading in ("People", "Quotes", "Dates", "Links"):
        assert f"<h3>{heading} (" in html
    assert "Neumann-Ortiz" in text and "2017-07-06" in text
    # Self-contained: no scripts and no external resources.
    assert not [t for t, _ in parser.tags if t in ("script", "link", "img", "iframe")]
    assert all(not (a.get("src") or "").startswith("http") for _, a in parser.tags)


def test_report_reads_as_a_desk_reads(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    html = _report(tmp_path, ["seeds/"])
    parser = _Collector()
    parser.feed(html)
    text = " ".join(" ".join(parser.text).split())
    # Each finding says how serious it is, in words.
    assert "Error FL401 truncated-link" in text
    assert "Warning FL402 shortened-link" in text
    # The quoted context keeps its paragraph breaks: the FL401 link is a
    # paragraph of its own, after a blank line.
    quoted = html.split("FL401", 1)[1].split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    assert "<br>\n<br>\n<mark>https://www.usnews.com/" in quoted
    # Fact sheets are closed until opened, and labelled for people.
    sheets = [a for t, a in parser.tags if t == "details"]
    assert len(sheets) == 2 and all("open" not in a for a in sheets)
    assert "Name as written" in text and "Speaker" in text and "Read as" in text
    for internal in ("title_key", "cue_distance", "surname_start", "True", "False"):
        assert internal not in text
    assert "3 stories checked" not in text and "2 stories checked · 5 findings (1 error," in text


def test_report_escapes_hostile_text(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        'A <script>alert("x")</script> & "quotes" see http://bit.ly/a1b2 now.\n', encoding="utf-8"
    )
    html = _report(tmp_path, [str(story)])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html or "alert" not in html


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_report_renders_in_headless_chromium_without_console_errors(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    _report(tmp_path, ["seeds/"])
    profile = tempfile.mkdtemp()
    proc = subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            f"--screenshot={tmp_path / 'report.png'}", "--window-size=1200,1600",
            (tmp_path / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    console = [
        line for line in proc.stderr.splitlines() if "CONSOLE" in line and "error" in line.lower()
    ]
    assert console == []
    assert (tmp_path / "report.png").stat().st_size > 10_000
