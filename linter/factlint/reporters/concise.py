"""One line per finding, ``path:line:col: CODE message``: nothing else, for grep."""

from __future__ import annotations

from factlint.report import Report


def render(report: Report) -> str:
    lines = [
        f"{f.location.path}:{f.location.line}:{f.location.column}: {f.code} {f.message}"
        for f in report.findings
    ]
    return "\n".join(lines) + ("\n" if lines else "")
