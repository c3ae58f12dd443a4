"""Human-readable output: ``path:line:col: CODE [name] message``.

Related places of a corpus finding are listed beneath it, indented. Colour
is used only when the report says so (a terminal, and ``NO_COLOR`` unset).
"""

from __future__ import annotations

from factlint.findings import Severity
from factlint.report import Report, plural, severity_counts

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def render(report: Report) -> str:
    out: list[str] = []
    color = report.color
    for f in report.findings:
        loc = f.location
        where = _paint(f"{loc.path}:{loc.line}:{loc.column}:", "1", color)
        code = _paint(f.code, _COLORS[f.severity], color)
        out.append(f"{where} {code} [{f.rule}] {f.message}")
        for rel in f.related:
            r = rel.location
            out.append(f"    {r.path}:{r.line}:{r.column}: {rel.message}")
    out.append(summary(report))
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    checked = f"{plural(len(report.files), 'file')} checked"
    if not report.findings:
        return f"No findings ({checked})."
    counts = severity_counts(report.counts())
    return f"Found {plural(len(report.findings), 'finding')} ({counts}) in {checked}."
