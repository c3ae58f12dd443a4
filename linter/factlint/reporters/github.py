"""GitHub Actions workflow commands, shown as annotations on a pull request.

``::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``.
Related places are appended to the message. Values are escaped as the
runner expects: ``%``, CR and LF everywhere; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from factlint.findings import Severity
from factlint.report import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines: list[str] = []
    for f in report.findings:
        loc = f.location
        props = [
            f"file={escape_property(loc.path)}",
            f"line={loc.line}",
            f"col={loc.column}",
            f"endLine={loc.end_line}",
        ]
        if loc.end_line == loc.line:
            props.append(f"endColumn={loc.end_column}")
        props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
        message = f.message
        for rel in f.related:
            r = rel.location
            message += f"\n{r.path}:{r.line}:{r.column}: {rel.message}"
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{escape_data(message)}")
    for error in report.errors:
        lines.append(f"::error title=factlint::{escape_data(error)}")
    return "\n".join(lines) + ("\n" if lines else "")
