"""JSON output, stable and documented in README ("JSON output").

``{"version": ..., "files": [...], "findings": [...], "errors": [...],
"summary": {"error": n, "warning": n, "info": n}}``; each finding has
``code``, ``rule``, ``severity``, ``message``, ``location``, ``related`` and
``fix``. Locations carry ``path``, 1-based ``line``/``column``,
``end_line``/``end_column`` (exclusive) and 0-based character offsets
``start``/``end``.
"""

from __future__ import annotations

import json

from factlint.findings import Finding, Location
from factlint.report import Report

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def location_dict(loc: Location) -> dict[str, Any]:
    return {
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "start": loc.start,
        "end": loc.end,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "location": location_dict(f.location),
        "related": [
            {"message": r.message, "location": location_dict(r.location)} for r in f.related
        ],
        "fix": None
        if f.fix is None
        else {
            "description": f.fix.description,
            "safe": f.fix.safe,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits
            ],
        },
    }


def render(report: Report) -> str:
    counts = report.counts()
    data = {
        "version": report.version,
        "files": list(report.files),
        "findings": [finding_dict(f) for f in report.findings],
        "errors": list(report.errors),
        "summary": {sev.label: n for sev, n in sorted(counts.items(), reverse=True)},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
