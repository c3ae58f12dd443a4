"""Rules about inline suppressions themselves, run by the engine after filtering.

They live in the engine, not with the content rules, because only the engine
knows which findings each ``<!-- factlint: ... -->`` directive hid.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factlint.document import Document
from factlint.findings import Finding, Severity
from factlint.rules import Rule
from factlint.suppressions import ALL_CODES, Suppression


class SuppressionRule(Rule):
    """A rule that reads a document's suppressions after filtering."""

    def check_suppressions(
        self, document: Document, suppressions: list[Suppression], known: set[str], ran: set[str]
    ) -> Iterable[Finding]:
        raise NotImplementedError


class UnusedSuppression(SuppressionRule):
    """A suppression comment that hides nothing.

    **What it flags.** A ``<!-- factlint: disable ... -->`` directive (any
    kind) naming a rule that ran but found nothing in the text it covers.

    **Why.** Stale suppressions pile up as text is edited, and each one can
    hide a real finding later.

    **Example.** ``<!-- factlint: disable-next-line FL402 -->`` above a line
    whose shortened link was since replaced by the full address.

    **Fix.** Delete the directive (or the code from it).
    """

    code = "FL001"
    name = "unused-suppression"
    severity = Severity.INFO
    default_enabled = False

    def check_suppressions(
        self, document: Document, suppressions: list[Suppression], known: set[str], ran: set[str]
    ) -> Iterator[Finding]:
        for sup in suppressions:
            if sup.codes == (ALL_CODES,):
                if not sup.used:
                    yield self.finding(
                        document,
                        sup.directive_start,
                        sup.directive_end,
                        "suppression hides no finding",
                    )
                continue
            unused = [c for c in sup.codes if c in ran and c not in sup.used]
            if unused:
                yield self.finding(
                    document,
                    sup.directive_start,
                    sup.directive_end,
                    f"suppression of {', '.join(unused)} hides no finding",
                )


class UnknownSuppressionCode(SuppressionRule):
    """A suppression comment naming a rule code that does not exist.

    **What it flags.** ``<!-- factlint: disable FL4O1 -->`` where no installed
    rule has that code (a typo, or a plugin that is not installed).

    **Why.** The directive silently does nothing, so the finding it was meant
    to hide still shows, or a typo hides the intent.

    **Example.** ``<!-- factlint: disable-next-line FL4O2 -->`` (letter O).

    **Fix.** Correct the code (see ``factlint rules``) or delete the directive.
    """

    code = "FL002"
    name = "unknown-suppression-code"
    severity = Severity.WARNING

    def check_suppressions(
        self, document: Document, suppressions: list[Suppression], known: set[str], ran: set[str]
    ) -> Iterator[Finding]:
        for sup in suppressions:
            unknown = [c for c in sup.codes if c != ALL_CODES and c not in known]
            if unknown:
                yield self.finding(
                    document,
                    sup.directive_start,
                    sup.directive_end,
                    f"unknown rule code {', '.join(repr(c) for c in unknown)} in suppression",
                )
