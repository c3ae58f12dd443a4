"""Findings: what a rule reports, as small immutable values.

Positions are character offsets into the document's text (Unicode code
points, after a UTF-8 byte-order mark is dropped). Lines and columns are
computed only when a finding is reported (see :mod:`factlint.positions`).
"""

from __future__ import annotations

import enum

from factlint.records import field, record


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so ``>=`` compares with ``fail_on``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


@record(frozen=True, order=True)
class Location:
    """A span of one file: ``start``/``end`` are character offsets.

    ``line``/``column`` (1-based, counted in Unicode characters) and the end
    position are filled in by the engine just before reporting.
    """

    path: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@record(frozen=True)
class Related:
    """Another place involved in a finding, with its own short message."""

    location: Location
    message: str


@record(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` in the finding's file."""

    start: int
    end: int
    replacement: str


@record(frozen=True)
class Fix:
    """A proposed change. Only ``safe`` fixes are applied by ``--fix``."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = False


@record(frozen=True)
class Finding:
    """One problem found by one rule."""

    code: str
    rule: str
    message: str
    severity: Severity
    location: Location
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    # The text the finding is about, normalised; fingerprints use it so that a
    # finding keeps its identity when other paragraphs move.
    subject: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, str]:
        return (self.location.path, self.location.start, self.code)
