"""SARIF 2.1.0 output for code-scanning tools.

Lines and columns are 1-based and count Unicode code points
(``columnKind: unicodeCodePoints``). Corpus findings list every other place
in ``relatedLocations``, each with its own message. ``partialFingerprints``
come from :mod:`factlint.fingerprints`, so they survive line shifts.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from factlint.findings import Location, Severity
from factlint.fingerprints import fingerprints
from factlint.report import Report
from factlint.sanitize import path_bytes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A relative URI reference (RFC 3986): the file's bytes, percent-encoded."""
    from urllib.parse import quote

    return quote(path_bytes(PurePath(path).as_posix()), safe="/")


def _physical(loc: Location) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.column}
    if loc.end_line:
        region["endLine"] = loc.end_line
        region["endColumn"] = loc.end_column
    return {"artifactLocation": {"uri": _uri(loc.path)}, "region": region}


def render(report: Report) -> str:
    codes = sorted({*report.rules})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        info = report.rules[code]
        rules.append(
            {
                "id": code,
                "name": info.name,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.doc},
                "help": {"text": info.doc, "markdown": info.doc},
                "defaultConfiguration": {
                    "level": _LEVEL[info.severity],
                    "enabled": info.default_enabled,
                },
            }
        )
    results = []
    for finding, fingerprint in zip(
        report.findings, fingerprints(report.findings, report.root), strict=True
    ):
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": _physical(finding.location)}],
            "partialFingerprints": {"factlintFindingHash/v1": fingerprint},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.related:
            result["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": _physical(rel.location),
                    "message": {"text": rel.message},
                }
                for i, rel in enumerate(finding.related, start=1)
            ]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": report.version,
                "semanticVersion": report.version,
                "informationUri": "https://pypi.org/project/factlint/",
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": _uri(p)}} for p in report.files],
        "results": results,
    }
    if report.errors:
        run["invocations"] = [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e}} for e in report.errors
                ],
            }
        ]
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
