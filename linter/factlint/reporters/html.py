"""A self-contained HTML report: findings by story, with each story's fact sheet.

One file, no network: inline CSS and no scripts or external resources.
Findings are grouped by document with the text around each; a corpus
finding shows every related place side by side; each document ends with
its fact sheet (people, quotes and speakers, resolved dates, links, and
whatever facts plugins add), rendered generically from ``factlint facts``.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape as _html_escape
from typing import Any

from factlint.findings import Finding, Location
from factlint.report import Report
from factlint.sanitize import clean

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


def escape(text: str) -> str:
    """HTML-escaped, with control characters from a document made visible."""
    return _html_escape(clean(text))


def _excerpt(text: str, location: Location) -> str:
    start = max(0, location.start - _CONTEXT)
    end = min(len(text), location.end + _CONTEXT)
    before = escape(text[start : location.start])
    marked = escape(text[location.start : location.end])
    after = escape(text[location.end : end])
    lead = "…" if start else ""
    tail = "…" if end < len(text) else ""
    return f"{lead}{before}<mark>{marked}</mark>{after}{tail}"


def _finding(report: Report, f: Finding) -> str:
    text = report.texts.get(f.location.path, "")
    parts = [
        f'<div class="finding {f.severity.label}">',
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


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return escape(" – ".join(str(v) for v in value))
    return "" if value is None else escape(str(value))


def _fact_sheet(facts: dict[str, list[dict[str, Any]]]) -> str:
    parts = ["<details open><summary>Fact sheet</summary>"]
    for name, items in facts.items():
        if not items:
            continue
        columns = [
            k for k in items[0] if k not in ("start", "end") and not k.endswith(("_start", "_end"))
        ]
        parts.append(f"<h3>{escape(name)} ({len(items)})</h3><table><tr>")
        parts.extend(f"<th>{escape(c)}</th>" for c in columns)
        parts.append("</tr>")
        for item in items:
            parts.append(
                "<tr>" + "".join(f"<td>{_cell(item.get(c))}</td>" for c in columns) + "</tr>"
            )
        parts.append("</table>")
    parts.append("</details>")
    return "\n".join(parts)


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_file[f.location.path].append(f)
    counts = report.counts()
    summary = ", ".join(
        f"{n} {sev.label}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items(), reverse=True)
    )
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factlint report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header><h1>factlint report</h1>",
        f"<p>{len(report.files)} stories checked · {len(report.findings)} findings"
        f" ({escape(summary)}) · factlint {escape(report.version)}</p></header><main>",
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
