"""The Document: one input file as every extractor and rule sees it."""

from __future__ import annotations

import datetime as dt

from factlint.records import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@record(frozen=True, slots=True)
class Metadata:
    """What a reader learned about a document besides its prose.

    ``published`` is the date the story speaks from (its dateline date);
    ``date_source`` says where it came from: ``front-matter``, ``header``
    (a leading ``date YYYY-MM-DD``), ``timestamp`` (a line such as
    ``July 4, 2017, at 3:31 p.m.`` near the top), ``dateline`` (a wire
    dateline that carries its date) or ``option`` (``--date``).
    ``dateline`` is the place of the dateline (``MILWAUKEE``), if any.
    """

    published: dt.date | None = None
    date_source: str | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_end: int | None = None  # end of the whole dateline ("SALVADOR, Feb 26 - ")
    title: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published.isoformat() if self.published else None,
            "date_source": self.date_source,
            "dateline": self.dateline,
            "dateline_span": list(self.dateline_span) if self.dateline_span else None,
            "title": self.title,
        }


@record(frozen=True, slots=True)
class Document:
    """One file: its original text, format, prose mask and metadata.

    ``prose`` has exactly the length of ``text``: every character that is not
    prose (front matter, metadata header lines, code, HTML comments and
    blocks) is replaced by a space, line breaks are kept, so an offset found
    in ``prose`` is the same offset in ``text``. Extractors search ``prose``.
    """

    path: str
    text: str
    format: str
    prose: str
    metadata: Metadata = field(default_factory=Metadata)
    bom: bool = False

    def prose_spans(self) -> list[tuple[int, int]]:
        """Maximal ``(start, end)`` ranges of prose, for callers that want spans."""
        spans: list[tuple[int, int]] = []
        start = None
        for i, (a, b) in enumerate(zip(self.text, self.prose, strict=True)):
            keep = a == b or a in "\r\n"
            if keep and start is None:
                start = i
            elif not keep and start is not None:
                spans.append((start, i))
                start = None
        if start is not None:
            spans.append((start, len(self.text)))
        return spans
