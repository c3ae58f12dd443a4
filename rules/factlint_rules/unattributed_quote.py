"""A quotation with no speaker.

**What it flags.** A full quotation (a sentence or more in quotation marks)
that nothing attributes: no speaker or speech verb after it on its line
("...," Fleming said / said a trader), none before it (Walker said, "..." /
Jane Doe, The Daily Ledger: "..." / Sheriff Clarke wrote the following:),
no dash signature or bracketed source, no attributed quote it continues (a
split quote, or the next paragraph of a multi-paragraph quote), no
"according to" - and, since feature copy names a speaker once and quotes
on, no speech cue (said, told, tweet, statement, headline, chant, cited
...) and no person named in its paragraph or the one before, no "he" or
"she" outside the marks in its paragraph (or in a short stage direction
before a quote paragraph: 'She pauses.') after a person named earlier in
the story, no "we" quote beside the body that speaks ('The committee made
101 recommendations. "We accept that ..."'), nor a person named at the
start of the next paragraph when the quote stands alone (a lede quote,
after a dateline too). Not flagged either: a paragraph ending in a
bracketed source ("[AP.]", "(Party archive.)"), the paragraphs of a
document the story introduces ("Following are extracts from the
communique"), and a mark opened mid-sentence and never closed (a stray or
mismatched mark, not a quotation). Partial quotes are not this rule's: a
few words in quotation marks are a scare quote, a name ("it is called \"podcasting\""), a title or
words the sentence credits; one behind a hiding passive ("the plan has been
described as \"a betrayal\"") attributes to nobody in particular, which is
FL204's. Unnamed speakers ("one official said") are attributed: FL204
judges them.

**Why.** "Who said that?" is a fact-checker's first question, and an
unattributed quote cannot be checked.

**Example.**

    "This is a betrayal of every promise the city made."

**Fix.** Say who said it:

    "This is a betrayal of every promise the city made," Neumann-Ortiz said.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity, lazy
from factlint.facts.quotes import CUES

_CUE = lazy.re(rf"\b{CUES}\b", re.I)
#: A pronoun speaker outside the marks: feature copy names a person once,
#: then quotes on with "he" ('... which he believes is unreformable. "The
#: Tory party is ..."' / '"...," although she takes only coffee').
_PRONOUN = lazy.re(r"\b(?:he|she|He|She)\b")
#: A paragraph ending in a bracketed source, as roundups and captions print
#: them ('...” Tune in tonight. [AP.]' / '“...” (2015). (SVP/Reuters.)').
_BRACKET_SOURCE = lazy.re(r"[\[(][A-Z][^\[\]()\n]{0,40}[\])]\.?\s*$")
#: A story that introduces the document it quotes ('Following are extracts
#: from the communique', 'Following is the text of the statement').
_DOCUMENT_INTRO = lazy.re(
    r"\b(?:[Ff]ollowing (?:are|is)|(?:full )?text of|[Ee]xtracts? from|[Ee]xcerpts? from)\b"
)
#: A body that speaks as "we": 'The environment select committee made 101
#: recommendations. ... "We accept that ..."'.
_BODY = lazy.re(
    r"\b(?:committee|commission|council|panel|board|inquiry|report|union|association"
    r"|federation|coalition|ministry|department|agency|government|company|court)s?\b",
    re.I,
)
_WE = lazy.re(r"^\W*(?:We|Our)\b")
#: Stage directions between one speaker's lines: 'She pauses.'
_SHORT = 6
#: A dateline before a lede quote: 'FENGBANG COUNTY, China, April 1 - '.
_DATELINE = lazy.re(r"^[ \t]*[A-Z][A-Z .'-]+,[^\n]{0,40}?[ \t][-–—][ \t]*$")


class _Paragraphs:
    """Does a paragraph (its words outside quotation marks) or the one
    before it report anyone's words? Computed once per paragraph, so a
    story with thousands of quotation marks stays linear."""

    def __init__(self, prose: str, quotes: list[tuple[int, int]]) -> None:
        self.starts: list[int] = [0]
        self.cued: list[bool] = []
        self.pronoun: list[bool] = []
        self.bracketed: list[bool] = []
        self.body: list[bool] = []
        self.words: list[int] = []
        self.intro_at: int | None = None  # where a 'Following are extracts' paragraph ends
        for m in re.finditer(r"\n\s*", prose):
            self.starts.append(m.end())
        ends = [*self.starts[1:], len(prose)]
        q = 0
        for p_start, p_end in zip(self.starts, ends, strict=True):
            pieces, cursor = [], p_start
            while q < len(quotes) and quotes[q][0] < p_end:
                a, b = quotes[q]
                pieces.append(prose[cursor : max(cursor, a)])
                cursor = max(cursor, min(b, p_end))
                if b > p_end:
                    break
                q += 1
            pieces.append(prose[cursor:p_end])
            outside = " ".join(pieces)
            self.cued.append(bool(_CUE.search(outside)))
            self.pronoun.append(bool(_PRONOUN.search(outside)))
            self.bracketed.append(bool(_BRACKET_SOURCE.search(prose, p_start, p_end)))
            self.body.append(bool(_BODY.search(outside)))
            self.words.append(len(prose[p_start:p_end].split()))
            if self.intro_at is None and _DOCUMENT_INTRO.search(outside):
                self.intro_at = p_end

    def cued_near(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.cued[i] or (i > 0 and self.cued[i - 1])

    def pronoun_in(self, offset: int) -> bool:
        return self.pronoun[bisect.bisect_right(self.starts, offset) - 1]

    def pronoun_in_direction(self, offset: int) -> bool:
        """The paragraph before is a short stage direction with "he" or
        "she" ('She pauses.'), as scenes put between one speaker's lines."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i > 0 and self.pronoun[i - 1] and self.words[i - 1] <= _SHORT

    def body_near(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.body[i] or (i > 0 and self.body[i - 1])

    def bracketed_in(self, offset: int) -> bool:
        return self.bracketed[bisect.bisect_right(self.starts, offset) - 1]

    def window(self, offset: int) -> int:
        """Where the paragraph before the one holding ``offset`` starts."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.starts[max(0, i - 1)]


def _alone(prose: str, start: int, end: int) -> bool:
    """Is the quotation a paragraph of its own?"""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", end)
    rest = prose[end : line_end if line_end >= 0 else len(prose)]
    before = prose[line_start:start]
    return (not before.strip() or bool(_DATELINE.match(before))) and not rest.strip(" \t.,")


def _unclosed_mid_sentence(prose: str, start: int, end: int) -> bool:
    """A mark opened inside a sentence and never closed in its paragraph: a
    stray or mismatched mark ('the aluminium brand "CBA' produced by ...'),
    not a quotation."""
    if prose[end - 1 : end] in ('"', "”"):
        return False
    line_start = prose.rfind("\n", 0, start) + 1
    before = prose[line_start:start].rstrip()
    return bool(before) and before[-1:].isalpha() and before[-1:].islower()


class UnattributedQuote(DocumentRule):
    code = "FL201"
    name = "unattributed-quote"
    severity = Severity.WARNING
    requires = ("quotes", "people")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        prose = document.prose
        quotes = facts.get_list("quotes")
        named = sorted(p.start for p in facts.get_list("people") if not p.quoted)
        paragraphs: _Paragraphs | None = None
        previous_end: int | None = None  # the end of the last quote not flagged
        for quote in quotes:
            gap = prose[previous_end : quote.start] if previous_end is not None else "x"
            previous_end = quote.end
            if quote.attributed or quote.kind != "full" or not quote.text.strip():
                continue  # partial quotes and titles are not this rule's (see above)
            if not gap.strip().strip(".,;").strip() and gap.count("\n") <= 3:
                continue  # the next paragraph of a quote that was not flagged
            if paragraphs is None:
                paragraphs = _Paragraphs(prose, [(q.start, q.end) for q in quotes])
            if paragraphs.cued_near(quote.start) or paragraphs.bracketed_in(quote.start):
                continue
            if _unclosed_mid_sentence(prose, quote.start, quote.end):
                continue
            if (
                paragraphs.intro_at is not None
                and paragraphs.intro_at < quote.start
                and not prose[prose.rfind("\n", 0, quote.start) + 1 : quote.start].strip()
            ):
                continue  # the text of a document the story introduced
            if (
                (
                    paragraphs.pronoun_in(quote.start)
                    or (
                        paragraphs.pronoun_in_direction(quote.start)
                        and _alone(prose, quote.start, quote.end)
                    )
                )
                and named
                and named[0] < quote.start
            ):
                continue  # 'he' outside the marks, a person named before
            if _WE.match(quote.text) and paragraphs.body_near(quote.start):
                continue  # '"We accept ..."' beside the committee that speaks
            # A person named in its paragraph before it, or in the one
            # before: feature copy names a speaker once and quotes on.
            k = bisect.bisect_left(named, paragraphs.window(quote.start))
            if k < len(named) and named[k] < quote.start:
                continue
            # A quote paragraph the next paragraph opens by naming its
            # speaker ('"Do you have it in your heart?" / These are the
            # questions Jimmy Connors will be asking ...').
            k = bisect.bisect_left(named, quote.end)
            if (
                k < len(named)
                and named[k] < quote.end + 200
                and _alone(prose, quote.start, quote.end)
                and "\n" in prose[quote.end : named[k]]
            ):
                continue
            previous_end = None
            excerpt = quote.text if len(quote.text) <= 40 else quote.text[:37] + "..."
            yield self.finding(
                document,
                quote.start,
                min(
                    quote.end,
                    prose.find("\n", quote.start)
                    if "\n" in prose[quote.start : quote.end]
                    else quote.end,
                ),
                f'quotation "{excerpt}" has no speaker; say who said it',
                subject=quote.text,
            )


RULE = UnattributedQuote
