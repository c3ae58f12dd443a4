"""A self-contained HTML report: findings by story, with each story's fact sheet.

One file, no network: inline CSS and no scripts or external resources.
Findings are grouped by document with the text around each; a corpus
finding shows every related place side by side; each document ends with
its fact sheet (people, quotes and speakers, resolved dates, links, and
whatever facts plugins add), collapsed until opened, its fields labelled for
readers (a plugin's facts are labelled from their field names).
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape as _html_escape

from factlint.findings import Finding, Location
from factlint.report import Report, plural, severity_counts
from factlint.sanitize import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_CSS = """
body{font:15px/1.5 Georgia,serif;margin:0;color:#1d1d1d;background:#fafaf7}
header{background:#1f2a44;color:#fff;padding:18px 32px}
header h1{margin:0;font:600 22px/1.2 system-ui,sans-serif}
header p{margin:6px 0 0;font:14px system-ui,sans-serif;opacity:.85}
main{max-width:1100px;margin:0 auto;padding:16px 32px 48px}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:20px 0;
  padding:8px 20px 16px}
h2{font:600 17px system-ui,sans-serif;margin:12px 0}
.finding{border-left:4px solid #999;padding:6px 12px;margin:12px 0;background:#fcfcfc}
.finding.error{border-color:#c0392b}
.finding.warning{border-color:#d68910}
.finding.info{border-color:#2e86c1}
.sev{font:600 13px system-ui,sans-serif}
.finding.error .sev{color:#c0392b}
.finding.warning .sev{color:#9a6400}
.finding.info .sev{color:#1f618d}
.code{font:600 13px ui-monospace,monospace;padding:1px 6px;border-radius:3px;background:#eee}
.where{font:13px ui-monospace,monospace;color:#555}
blockquote{margin:6px 0;padding:4px 10px;background:#f4f1e8;font-size:14px}
mark{background:#ffe08a}
.related{display:flex;flex-wrap:wrap;gap:10px;margin-top:6px}
.related>div{flex:1 1 300px;border:1px dashed #bbb;padding:4px 8px;font-size:14px}
table{border-collapse:collapse;width:100%;font:13px system-ui,sans-serif;margin:6px 0 14px}
th,td{border:1px solid #e2e2e2;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
details summary{cursor:pointer;font:600 14px system-ui,sans-serif;margin:8px 0}
.summary{font:14px system-ui,sans-serif}
.ok{color:#1e8449;font:14px system-ui,sans-serif}
"""
_CONTEXT = 90
_BREAK = re.compile(r"\r\n|\r|\n")


def escape(text: str) -> str:
    """HTML-escaped, with control characters from a document made visible."""
    return _html_escape(clean(text))


def _lines(text: str) -> str:
    """Escaped, each line break kept as ``<br>`` (a blank line between
    paragraphs shows as one)."""
    return "<br>\n".join(escape(line) for line in _BREAK.split(text))


def _excerpt(text: str, location: Location) -> str:
    start = max(0, location.start - _CONTEXT)
    end = min(len(text), location.end + _CONTEXT)
    before = _lines(text[start : location.start])
    marked = _lines(text[location.start : location.end])
    after = _lines(text[location.end : end])
    lead = "…" if start else ""
    tail = "…" if end < len(text) else ""
    return f"{lead}{before}<mark>{marked}</mark>{after}{tail}"


def _finding(report: Report, f: Finding) -> str:
    text = report.texts.get(f.location.path, "")
    parts = [
        f'<div class="finding {f.severity.label}">',
        f'<span class="sev">{f.severity.label.capitalize()}</span> '
        f'<span class="code">{escape(f.code)}</span> <b>{escape(f.rule)}</b> '
        f'<span class="where">line {f.location.line}, column {f.location.column}</span>',
        f"<p>{escape(f.message)}</p>",
        f"<blockquote>{_excerpt(text, f.location)}</blockquote>",
    ]
    if f.related:
        parts.append('<div class="related">')
        for rel in f.related:
            other = report.texts.get(rel.location.path, "")
            parts.append(
                f'<div><span class="where">{escape(rel.location.path)}:{rel.location.line}</span>'
                f" — {escape(rel.message)}"
                f"<blockquote>{_excerpt(other, rel.location)}</blockquote></div>"
            )
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


# Each built-in fact's fields as a reader names them, in the order shown;
# fields not named here (offsets, internal keys) are left out.
_FIELDS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "people": (
        "People",
        (
            ("text", "Name as written"),
            ("title", "Title"),
            ("role", "Role"),
            ("given", "Given name"),
            ("surname", "Surname"),
            ("quoted", "Inside a quote"),
            ("attributive", "Modifier (the Trump administration)"),
            ("headline", "In the headline"),
        ),
    ),
    "quotes": (
        "Quotes",
        (
            ("text", "Quote"),
            ("speaker", "Speaker"),
            ("verb", "Verb"),
            ("attributed", "Attributed"),
            ("paragraphs", "Paragraphs"),
        ),
    ),
    "dates": (
        "Dates",
        (
            ("text", "As written"),
            ("value", "Read as"),
            ("weekday", "Weekday"),
            ("how", "How it was read"),
            ("tense", "Tense"),
            ("tense_cue", "Tense cue"),
            ("impossible", "No such date"),
        ),
    ),
    "links": ("Links", (("url", "Address"), ("text", "Link text"))),
    "acronyms": ("Acronyms", (("text", "Acronym"), ("expansion", "Spelled out as"))),
}
# Fields of other facts (a plugin's) left out of the sheet: offsets and keys.
_HIDDEN_SUFFIXES = ("start", "end", "_key", "_distance")


def _label(field: str) -> str:
    return field.replace("_", " ").replace("-", " ").capitalize()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return escape(" – ".join(_cell(v) for v in value))
    return "" if value is None else escape(str(value))


def _columns(name: str, items: list[dict[str, Any]]) -> tuple[str, list[tuple[str, str]]]:
    """The fact's heading and its ``(field, label)`` columns."""
    present: dict[str, None] = {}
    for item in items:
        present.update(dict.fromkeys(item))
    if name in _FIELDS:
        title, fields = _FIELDS[name]
        chosen = [(k, label) for k, label in fields if k in present]
        if chosen:
            return title, chosen
    return _label(name), [
        (k, _label(k)) for k in present if k != "id" and not k.endswith(_HIDDEN_SUFFIXES)
    ]


def _fact_sheet(facts: dict[str, list[dict[str, Any]]]) -> str:
    parts = ["<details><summary>Fact sheet</summary>"]
    for name, items in facts.items():
        if not items:
            continue
        title, columns = _columns(name, items)
        # Leave out a column no item fills in.
        columns = [(k, label) for k, label in columns if any(_cell(i.get(k)) for i in items)]
        parts.append(f"<h3>{escape(title)} ({len(items)})</h3><table><tr>")
        parts.extend(f"<th>{escape(label)}</th>" for _, label in columns)
        parts.append("</tr>")
        for item in items:
            parts.append(
                "<tr>" + "".join(f"<td>{_cell(item.get(k))}</td>" for k, _ in columns) + "</tr>"
            )
        parts.append("</table>")
    parts.append("</details>")
    return "\n".join(parts)


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_file[f.location.path].append(f)
    summary = severity_counts(report.counts())
    found = plural(len(report.findings), "finding")
    if summary:
        found += f" ({summary})"
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factlint report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header><h1>factlint report</h1>",
        f"<p>{plural(len(report.files), 'story', 'stories')} checked · {escape(found)}"
        f" · factlint {escape(report.version)}</p></header><main>",
    ]
    for error in report.errors:
        body.append(f'<p class="finding error">{escape(error)}</p>')
    for path in report.files:
        findings = by_file.get(path, [])
        body.append(f'<section class="doc"><h2>{escape(path)}</h2>')
        if findings:
            body.extend(_finding(report, f) for f in findings)
        else:
            body.append('<p class="ok">No findings.</p>')
        if path in report.facts:
            body.append(_fact_sheet(report.facts[path]))
        body.append("</section>")
    body.append("</main></body></html>")
    return "\n".join(body) + "\n"


render.needs_facts = True  # type: ignore[attr-defined]
