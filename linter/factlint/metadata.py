"""Find a story's publication date, dateline place and title in its text.

Never the clock: a story's dates are read against the date it speaks from,
which must come from the story itself (or ``--date``).
"""

from __future__ import annotations

import datetime as dt
import re

from factlint import lazy
from factlint.masking import blank
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "date 2017-03-09" at the very start of the file (the seed convention).
_HEADER = lazy.re(r"\A[ \t\ufeff]*date:?[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*", re.I)
# A line that is only a timestamp: "July 4, 2017, at 3:31 p.m." or
# "Published: March 9, 2017 10:02 AM".
_TIMESTAMP_LINE = lazy.re(
    r"^[ \t]*(?:(?:Published|Updated|Posted)(?: on)?:?[ \t]+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    rf"({_MONTH})[ \t]+(\d{{1,2}}),?[ \t]+(\d{{4}})"
    r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}(?::\d{2})?[ \t]*(?:[ap]\.?m\.?|[AP]M)?(?:[ \t]+[A-Z]{2,4})?)?"
    r"[ \t]*$",
    re.M,
)
# "MILWAUKEE (AP) —", "OAKFIELD —", "SALVADOR, Feb 26 -", "LONDON, England (Reuters) --",
# and the wire's older "CAGUAS, Puerto Rico (AP)_" (an underscore for the dash, after a credit)
_DATELINE = lazy.re(
    r"(?P<place>[^\W\d_](?:[^\W\d_]|[.'’ -]){0,40}[^\W\d_]\.?)"
    rf"(?:,[ \t]+(?:(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}})"
    r"|[^\W\d_][\w.]*(?:[ \t][^\W\d_][\w.]*)?)){0,3}"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*(?:_|—|–|--?)|(?:—|–|--?))[ \t]+"
)
_TIMESTAMP_WINDOW = 12  # lines from the top in which a timestamp line counts


@record
class DetectedMetadata:
    published: dt.date | None = None
    date_source: str | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_end: int | None = None
    title: str | None = None


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def parse_date_value(value: Any) -> dt.date | None:
    """A front-matter ``date:`` value (YAML date, datetime or string) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
        m = _TIMESTAMP_LINE.match(text)
        if m:
            return _safe_date(int(m[3]), month_number(m[1]), int(m[2]))
    return None


def _safe_date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def detect(text: str, chars: list[str], body_start: int, front: dict[str, Any]) -> DetectedMetadata:
    """Detect metadata; blank the metadata-only parts of ``chars`` (the prose mask).

    ``body_start`` is the offset where the body begins (after front matter).
    """
    meta = DetectedMetadata()
    if "date" in front:
        meta.published = parse_date_value(front["date"])
        if meta.published:
            meta.date_source = "front-matter"
    title = front.get("title")
    if isinstance(title, str):
        meta.title = title

    cursor = body_start
    header = _HEADER.match(text, body_start)
    if header:
        blank(chars, header.start(), header.end())
        cursor = header.end()
        if meta.published is None:
            meta.published = _safe_date(int(header[1]), int(header[2]), int(header[3]))
            meta.date_source = "header" if meta.published else None

    window_end = _offset_after_lines(text, cursor, _TIMESTAMP_WINDOW)
    stamp = _match_at_a_line_start(_TIMESTAMP_LINE, text, cursor, window_end)
    if stamp:
        blank(chars, stamp.start(), stamp.end())
        if meta.published is None:
            meta.published = _safe_date(int(stamp[3]), month_number(stamp[1]), int(stamp[2]))
            meta.date_source = "timestamp" if meta.published else None
        if meta.title is None:
            first_line = text[cursor : stamp.start()].strip().splitlines()
            if first_line:
                meta.title = first_line[0].strip()
        cursor = stamp.end()

    _find_dateline(text, cursor, meta)
    return meta


def _offset_after_lines(text: str, start: int, lines: int) -> int:
    pos = start
    for _ in range(lines):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _match_at_a_line_start(pattern: re.Pattern[str], text: str, start: int, end: int) -> Any:
    """``pattern.search(text, start, end)`` for a pattern that begins with
    ``^`` (multiline): tried at each line start only, not at every character."""
    pos = start
    if pos > 0 and text[pos - 1] != "\n":  # ``^`` does not match at ``start`` itself
        pos = text.find("\n", pos, end) + 1
        if pos == 0:
            return None
    while True:
        m = pattern.match(text, pos, end)
        if m:
            return m
        pos = text.find("\n", pos, end) + 1
        if pos == 0:
            return None


def _find_dateline(text: str, cursor: int, meta: DetectedMetadata) -> None:
    """A dateline opens one of the first paragraphs of the body."""
    pos = cursor
    for _ in range(4):
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            return
        # The pattern matches any letters; a dateline place is in capitals, at
        # least three of them: a paragraph with a small letter in its first
        # two ("The company said", "a man") needs no try.
        opening = text[pos : pos + 1].islower() or text[pos + 1 : pos + 2].islower()
        m = None if opening else _DATELINE.match(text, pos)
        if m and len(m["place"]) >= 3 and m["place"].isupper():
            meta.dateline = m["place"].strip()
            meta.dateline_span = (m.start("place"), m.end("place"))
            meta.dateline_end = m.end()
            return
        end = text.find("\n\n", pos)
        if end < 0:
            return
        pos = end
