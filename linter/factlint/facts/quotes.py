"""Quotations and who said them.

Quotes are found between straight or curly double quotation marks; a quote
whose paragraph ends without a closing mark continues into the next
paragraph when that one opens with a quotation mark (the multi-paragraph
convention). Each quote is ``full`` (a sentence or more), ``partial`` (a few
words inside a sentence: "escalated resistance") or ``title`` (a title in
quotation marks: "Born in the U.S.A.").

The speaker comes from, in order: an attribution right after the quote
("...," Fleming said / said Gov. Walker / she said), one right before it
(Walker said, "..." / Sheriff Clarke wrote the following: ...), the quote
before it in a split quote or in the paragraph before (a quote paragraph
after an attributed one continues it, as AP style does), a sentence just
before it that reports the same speaker ("A spokesman said that ... . "We
are ...""), or "according to X" in the sentence. A pronoun speaker is
resolved to the nearest person named before it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from factlint.document import Document
from factlint.facts import Facts

VERBS = (
    r"said|says|say|told|tells|wrote|writes|added|adds|asked|asks|explained|noted|stated|states"
    r"|argued|argues|testified|tweeted|posted|announced|declared|insisted|continued|replied"
    r"|responded|warned|claimed|acknowledged|admitted|recalled|according to|wrote the following"
    r"|writes the following|said in a statement|said in an interview|shouted|chanted|urged"
    r"|exclaimed|joked|conceded|pleaded|predicted|promised|vowed|cautioned|observed|remarked"
)


@dataclass(frozen=True)
class Quote:
    start: int  # from the opening mark
    end: int  # past the closing mark (or the end of the last paragraph)
    text: str  # the words inside the marks, paragraphs joined by spaces
    kind: str  # "full", "partial" or "title"
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None
    cue_start: int | None  # the attribution's span ("Fleming said")
    cue_end: int | None
    how: str  # "after", "before", "colon", "split", "continuation", "according-to", "" if none
    paragraphs: int = 1


_WORD = r"[\p{Lu}][\p{L}\p{M}'’-]*(?:\.(?=[ \t]+[\p{Lu}]))?"
_NAME = rf"(?:{_WORD}(?:[ \t]+(?:(?:de|la|van|von|der|da|del|bin|al)[ \t]+)?{_WORD}){{0,5}})"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_NOUN_SPEAKER = (
    r"(?:the\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}]+|[Oo]fficials|[Aa]uthorities|[Pp]olice|[Oo]rganizers"
    r"|[\p{Lu}][\p{L}-]*['’]s(?:[ \t]+[\p{Ll}-]+){1,3})"
)
_ROLE_WORDS = r"(?:[\p{Ll}-]+[ \t]+){0,3}"
_SPEAKER = rf"(?P<speaker>{_NAME}|{_PRONOUN}|{_NOUN_SPEAKER})"


@functools.cache
def _patterns() -> dict[str, Any]:
    return {
        # ", Fleming said" / ", said Gov. Walker" / ", she said" / "— Fleming said"
        "after": regex.compile(
            rf"^[\s,—–-]*(?:{_ROLE_WORDS}{_SPEAKER}(?:,[^,\n]{{1,60}}?,?)?"
            rf"(?:[ \t]+(?:was|is|has|had|will|would|later|also|then|due|to|going)){{0,3}}"
            rf"\s+(?P<verb>{VERBS})\b"
            rf"|(?P<verb2>said|says|wrote|asked|added|told)\s+{_ROLE_WORDS}"
            rf"(?P<speaker2>{_NAME}|{_PRONOUN}|{_NOUN_SPEAKER}))"
        ),
        # The sentence before a quote reports the same speaker's words:
        # 'A spokesman said that no decisions have been made. "We are ..."'
        "reported": regex.compile(
            rf"(?:^|[.!?]\s+)(?:[\p{{Lu}}][^.!?]*?\s)?{_SPEAKER}\s+(?P<verb>{VERBS})\b[^.!?\"“”]*[.!?]\s*$"
        ),
        # 'Walker said, "' / 'Sheriff Clarke wrote:' at the end of the text before
        "before": regex.compile(
            rf"{_SPEAKER}(?:,[^,\n]{{1,60}},)?\s+(?P<verb>{VERBS})(?:\s+(?:reporters|the\s+\w+|\w+))?\s*[,:]?\s*$"
        ),
        "according": regex.compile(rf"\baccording to\s+(?P<speaker>{_NAME}|{_NOUN_SPEAKER})"),
        "quote": regex.compile(r"[\"“”]"),
        "paragraph": regex.compile(r"\n\s*\n"),
    }


def _paragraph_bounds(prose: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for m in _patterns()["paragraph"].finditer(prose):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(prose)))
    return [(a, b) for a, b in bounds if prose[a:b].strip()]


def find_quotes(prose: str) -> list[tuple[int, int, int]]:
    """(open mark, close mark or paragraph end, paragraphs) of every quotation."""
    found: list[tuple[int, int, int]] = []
    pending: tuple[int, int] | None = None  # an unclosed quote running on: (start, paragraphs)
    for p_start, p_end in _paragraph_bounds(prose):
        marks = [m for m in _patterns()["quote"].finditer(prose, p_start, p_end)]
        i = 0
        if pending is not None:
            first = prose[p_start:p_end].lstrip()
            if first[:1] in ('"', "“") and marks:
                i = 1  # the reopening mark of a continued quote
                start, count = pending
                pending = None
                close = _next_close(marks, i)
                if close is None:
                    pending = (start, count + 1)
                    continue
                found.append((start, marks[close].end(), count + 1))
                i = close + 1
            else:
                found.append((pending[0], _last_text(prose, pending[0]), pending[1]))
                pending = None
        while i < len(marks):
            if marks[i].group() == "”":
                i += 1
                continue
            close = _next_close(marks, i + 1)
            if close is None:
                pending = (marks[i].start(), 1)
                break
            found.append((marks[i].start(), marks[close].end(), 1))
            i = close + 1
    if pending is not None:
        found.append((pending[0], len(prose.rstrip()), pending[1]))
    return found


def _next_close(marks: list[Any], i: int) -> int | None:
    for j in range(i, len(marks)):
        if marks[j].group() in ('"', "”"):
            return j
        if marks[j].group() == "“":
            return None
    return None


def _last_text(prose: str, start: int) -> int:
    end = prose.find("\n\n", start)
    return len(prose) if end < 0 else end


#: How far before a quotation its speaker and verb can start: a six-word
#: name, a 60-character appositive and the verb fit well inside.
BEFORE_WINDOW = 250


def _window_start(prose: str, line_start: int, start: int) -> int:
    """Where to look for 'X said:' before a quotation: the line, or its last
    BEFORE_WINDOW characters from a word boundary (the pattern is anchored
    at the quotation, so scanning a long paragraph from its start is waste)."""
    if start - line_start <= BEFORE_WINDOW:
        return line_start
    cut = prose.find(" ", start - BEFORE_WINDOW, start)
    return line_start if cut < 0 else cut + 1


def _kind(inner: str, prose: str, start: int) -> str:
    words = inner.split()
    if not words:
        return "partial"
    sentence_start = prose[max(0, start - 3) : start].strip() in ("", ".", ":", "—") or prose[
        :start
    ].rstrip().endswith((".", ":", "\n", "?", "!"))
    capitalised = sum(w[0].isupper() for w in words if w[0].isalpha())
    if (
        1 <= len(words) <= 8
        and capitalised == len([w for w in words if w[0].isalpha()])
        and not sentence_start
    ):
        return "title"  # "Born in the U.S.A.", "The Daily Show"
    if len(words) >= 6 and (words[0][0].isupper() or sentence_start):
        return "full"
    if sentence_start and inner.rstrip().endswith((".", ",", "?", "!")) and len(words) >= 3:
        return "full"
    return "partial"


class QuoteExtractor:
    name = "quotes"
    requires: tuple[str, ...] = ("people",)

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        if '"' not in prose and "“" not in prose:
            return []
        pats = _patterns()
        people = facts.get_list("people")
        quotes: list[Quote] = []
        previous: Quote | None = None
        for start, end, paragraphs in find_quotes(prose):
            inner = " ".join(
                prose[start + 1 : end - (1 if prose[end - 1 : end] in '"”' else 0)].split()
            )
            kind = _kind(inner, prose, start)
            speaker = verb = how = None
            s_start = s_end = c_start = c_end = None
            after = prose[end : end + 120]
            m = pats["after"].match(after)
            if m:
                group = "speaker" if m.group("speaker") else "speaker2"
                speaker, verb, how = m.group(group), m.group("verb") or m.group("verb2"), "after"
                s_start, s_end = end + m.start(group), end + m.end(group)
                c_start, c_end = end + m.start(), end + m.end()
            if speaker is None:
                line_start = _window_start(prose, prose.rfind("\n", 0, start) + 1, start)
                before_text = prose[line_start:start]
                m = pats["before"].search(before_text)
                if m is None and not before_text.strip():
                    # A paragraph that only quotes: "X wrote the following:" before it.
                    para_before = prose[:line_start].rstrip()
                    if para_before.endswith(":"):
                        last_para = para_before[para_before.rfind("\n") + 1 :]
                        m = pats["before"].search(last_para.rstrip(":") + ":")
                        if m:
                            offset = para_before.rfind("\n") + 1
                            speaker, verb, how = m.group("speaker"), m.group("verb"), "colon"
                            s_start, s_end = offset + m.start("speaker"), offset + m.end("speaker")
                            c_start, c_end = offset + m.start(), offset + m.end()
                elif m is not None:
                    speaker, verb, how = m.group("speaker"), m.group("verb"), "before"
                    s_start, s_end = line_start + m.start("speaker"), line_start + m.end("speaker")
                    c_start, c_end = line_start + m.start(), line_start + m.end()
            if speaker is None and kind == "full":
                line_start = prose.rfind("\n", 0, start) + 1
                context = prose[line_start:start]
                if not context.strip():
                    # A quote opening a paragraph continues the speaker the
                    # paragraph before reports (AP: no attribution needed).
                    para_end = prose.rfind("\n", 0, line_start - 1)
                    para_start = prose.rfind("\n\n", 0, max(0, para_end)) + 2
                    context = prose[max(0, para_start) : para_end + 1] if para_end > 0 else ""
                    line_start = max(0, para_start)
                m = pats["reported"].search(context.rstrip() + " ")
                if m:
                    speaker, verb, how = m.group("speaker"), m.group("verb"), "reported"
                    s_start, s_end = line_start + m.start("speaker"), line_start + m.end("speaker")
                    c_start, c_end = s_start, line_start + m.end("verb")
            if speaker is None and previous is not None and previous.speaker is not None:
                gap = prose[previous.end : start]
                if gap.strip() == "" or (gap.count("\n\n") == 0 and len(gap) < 200):
                    speaker, s_start, s_end = (
                        previous.speaker,
                        previous.speaker_start,
                        previous.speaker_end,
                    )
                    verb, c_start, c_end = previous.verb, previous.cue_start, previous.cue_end
                    how = "split" if "\n\n" not in gap else "continuation"
                elif gap.count("\n\n") == 1 and not gap.replace("\n", "").strip():
                    speaker, s_start, s_end = (
                        previous.speaker,
                        previous.speaker_start,
                        previous.speaker_end,
                    )
                    verb, c_start, c_end = previous.verb, previous.cue_start, previous.cue_end
                    how = "continuation"
            if speaker is None:
                sentence = sentence_around(prose, start, end)
                m = pats["according"].search(sentence[1])
                if m:
                    speaker, verb, how = m.group("speaker"), "according to", "according-to"
                    s_start = sentence[0] + m.start("speaker")
                    s_end = sentence[0] + m.end("speaker")
                    c_start, c_end = sentence[0] + m.start(), sentence[0] + m.end()
            if (
                speaker is not None
                and speaker.lower() in ("he", "she", "they")
                and s_start is not None
            ):
                named = [p for p in people if p.end <= s_start and not p.quoted]
                if named:
                    speaker = named[-1].text if named[-1].kind == "full" else named[-1].surname
            quote = Quote(
                start,
                end,
                inner,
                kind,
                speaker,
                s_start,
                s_end,
                verb,
                c_start,
                c_end,
                how or "",
                paragraphs,
            )
            quotes.append(quote)
            previous = quote
        return quotes


def sentence_around(prose: str, start: int, end: int) -> tuple[int, str]:
    """The sentence holding ``prose[start:end]``: (its offset, its text).

    A sentence ends at ". " or a line break; good enough to ask whether a
    source is named near a quote or a phrase.
    """
    left = max(prose.rfind(". ", 0, start), prose.rfind("\n", 0, start))
    first = left + 1 if left >= 0 else 0
    stops = [i for i in (prose.find(". ", end), prose.find("\n", end)) if i >= 0]
    last = min(stops) if stops else len(prose)
    return first, prose[first:last]
