"""GitLab Code Quality JSON: a merge request's code-quality widget reads it.

An array of ``{description, check_name, fingerprint, severity, location:
{path, lines: {begin}}}``; severities map error → ``major``, warning →
``minor``, info → ``info``. Fingerprints are factlint's content-based ones,
so a finding keeps its identity when lines move.
"""

from __future__ import annotations

import json

from factlint.findings import Severity
from factlint.fingerprints import fingerprints
from factlint.report import Report

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report) -> str:
    issues = []
    for finding, fingerprint in zip(
        report.findings, fingerprints(report.findings, report.root), strict=True
    ):
        description = f"{finding.code} {finding.message}"
        for rel in finding.related:
            description += f" | {rel.location.path}:{rel.location.line}: {rel.message}"
        issues.append(
            {
                "description": description,
                "check_name": f"{finding.code} {finding.rule}",
                "fingerprint": fingerprint,
                "severity": SEVERITY[finding.severity],
                "location": {
                    "path": finding.location.path,
                    "lines": {"begin": finding.location.line},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
