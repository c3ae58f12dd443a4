"""A quotation with no speaker.

**What it flags.** A full quotation (a sentence or more in quotation marks)
that no attribution reaches: none right after it ("...," Fleming said), none
right before it (Walker said, "..." / Sheriff Clarke wrote the
following:), no attributed quote it continues (a split quote, or the next
paragraph of a multi-paragraph quote), no "according to". A partial quote is
flagged only when nothing in its sentence names or implies a source, and a
full quotation only when no named speaker appears in its paragraph or the
one before it (feature copy names a speaker once and runs several quoted
sentences after): "the
plan has been described as \\"a betrayal\\"" is flagged; "officers \\"shall
inform\\"" after "Another change states" and "the group is planning
\\"escalated resistance\\"" are not. Titles of songs, books and films in
quotation marks are not quotes.

**Why.** "Who said that?" is a fact-checker's first question, and an
unattributed quote cannot be checked.

**Example.**

    "This is a betrayal of every promise the city made."

**Fix.** Say who said it:

    "This is a betrayal of every promise the city made," Neumann-Ortiz said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity
from factlint.facts.quotes import VERBS

_SOURCE_IN_SENTENCE = re.compile(
    rf"\b(?:{VERBS}|calls?|called|describes?|describing|saying|dubbed)\b", re.I
)
_VAGUE_PASSIVE = re.compile(
    r"\b(?:been|was|were|is|are)\s+(?:widely\s+)?(?:described|called|labell?ed|dubbed|termed|branded"
    r"|characterized|characterised|referred to)\s+(?:as\s+)?$",
    re.I,
)
_BY_AGENT = re.compile(r"^[^.\n]{0,40}?\bby\s+(?:the\s+)?[A-Z]")
_PROPER_NOUN = re.compile(r"(?<=[\w,] )[A-Z][a-z]+")


_NAMED_SPEAKER = re.compile(
    rf"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?:{VERBS})\b|\b(?:{VERBS})\s+(?:\w+\s+){{0,3}}[A-Z][\w'’-]+"
)


def _speaker_nearby(prose: str, start: int, end: int) -> bool:
    """A named speaker in the quote's paragraph or the one before it.

    Feature copy often names the speaker once and runs several quoted
    sentences after it; a desk reads those as attributed. Only a quote with
    no named speaker anywhere around it is flagged.
    """
    para_start = prose.rfind("\n\n", 0, start)
    previous = prose.rfind("\n\n", 0, max(0, para_start))
    para_end = prose.find("\n\n", end)
    window = prose[previous + 1 if previous >= 0 else 0 : para_end if para_end >= 0 else len(prose)]
    outside = window.replace(prose[start:end], " ")
    return bool(_NAMED_SPEAKER.search(outside))


class UnattributedQuote(DocumentRule):
    code = "FL201"
    name = "unattributed-quote"
    severity = Severity.WARNING
    requires = ("quotes",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        prose = document.prose
        for quote in facts.get_list("quotes"):
            if quote.speaker is not None or quote.kind == "title":
                continue
            if quote.kind == "partial" and self._sourced(prose, quote.start, quote.end):
                continue
            if quote.kind == "full" and _speaker_nearby(prose, quote.start, quote.end):
                continue
            what = "quotation" if quote.kind == "full" else "partial quote"
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
                f'{what} "{excerpt}" has no speaker; say who said it',
                subject=quote.text,
            )

    @staticmethod
    def _sourced(prose: str, start: int, end: int) -> bool:
        """Does the partial quote's sentence name or imply who used the words?"""
        left = max(prose.rfind(". ", 0, start), prose.rfind("\n", 0, start))
        before = prose[left + 1 : start]
        if _VAGUE_PASSIVE.search(before):
            # "has been described as": a source is implied but hidden, unless
            # the sentence goes on to name it ("... by the commission").
            return bool(_BY_AGENT.match(prose[end : end + 80]))
        stops = [i for i in (prose.find(". ", end), prose.find("\n", end)) if i >= 0]
        sentence = before + prose[start : min(stops) if stops else len(prose)]
        if _SOURCE_IN_SENTENCE.search(sentence):
            return True
        # A named subject ("The pro-immigrant group Voces de la Frontera is planning ...").
        named = bool(_PROPER_NOUN.search(before))
        return named or (before.strip()[:1].isupper() and len(before.split()) >= 3)


RULE = UnattributedQuote
