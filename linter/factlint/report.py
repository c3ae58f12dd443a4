"""The Report: everything a reporter needs, and nothing it must compute."""

from __future__ import annotations

from factlint.findings import Finding, Severity
from factlint.records import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@record(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    default_enabled: bool
    fixable: bool


@record(frozen=True)
class Report:
    """Findings with lines and columns filled in, sorted by place."""

    findings: tuple[Finding, ...]
    rules: dict[str, RuleInfo]
    files: tuple[str, ...]
    errors: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    version: str = ""
    fail_on: Severity = Severity.WARNING
    color: bool = False
    #: The text of every checked document, by path.
    texts: dict[str, str] = field(default_factory=dict)
    #: Each document's facts as JSON-ready dicts, by path; filled only for a
    #: reporter function that has the attribute ``needs_facts = True``.
    facts: dict[str, Any] = field(default_factory=dict)
    #: The project root; fingerprints count file paths from it.
    root: str | None = None

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 finding``, ``2 findings``; ``many`` for irregular plurals
    (``plural(n, "entry", "entries")``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def severity_counts(counts: dict[Severity, int]) -> str:
    """``1 error, 2 warnings, 5 info`` (info, like advice, has no plural),
    worst first, severities with no findings left out."""
    return ", ".join(
        f"{n} {sev.label}" if sev is Severity.INFO else plural(n, sev.label)
        for sev, n in sorted(counts.items(), reverse=True)
        if n
    )
