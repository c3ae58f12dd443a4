"""A check-worthy claim with no source in its sentence (a checklist aid).

**What it flags.** Sentences that state a figure ("About three dozen
agencies ..."), an amount, a share or a duration ("lasts four weeks"), or a
first, only, largest or record claim ("would be the first agency in
Wisconsin"), with no attribution or citation in the sentence: no speech
verb, no "according to", no link, no named report or study. Quotations,
dates and numbers inside names ("the 287-G program") are not claims. Off
by default and info level: it lists what a fact-checker should verify.

**Why.** Claim-detection research (ClaimBuster and later work) finds that
numbers, comparisons and superlatives are what readers act on and what
goes wrong most; each needs a source a checker can find.

**Example.**

    About three dozen agencies in other states are already partnering with ICE.

**Fix.** Add the source: "..., according to ICE's list of 287(g)
agreements" or a link to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity, casefree

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half"
)
_CLAIM = casefree.compile(
    rf"(?<![\w-])(?:\d[\d,.]*\s*(?:%|percent|per cent)|\$\s?\d[\d,.]*|\d[\d,.]*(?![\w-])"
    rf"|(?:about|nearly|almost|more than|less than|over|some|at least)\s+(?:{_NUMBER_WORDS})"
    rf"|(?:{_NUMBER_WORDS})\s+(?:percent|days|weeks|months|years|hours|agencies|people|times)"
    r"|\bthe (?:first|only|largest|biggest|smallest|highest|lowest|oldest|youngest|fastest"
    r"|best|worst)\b"
    r"|\brecord(?:-setting| high| low| number)\b)"
)
_SOURCE = casefree.compile(
    r"\b(?:said|says|say|told|according to|reported|reports|wrote|writes|estimates?|estimated"
    r"|found|finds|shows?|showed|study|survey|report|data|figures|statistics|census|poll"
    r"|announced|stated)\b|https?://|www\."
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


class UnsourcedClaim(DocumentRule):
    code = "FL202"
    name = "unsourced-claim"
    severity = Severity.INFO
    default_enabled = False
    requires = ("quotes", "dates")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        prose = document.prose
        quoted = [(q.start, q.end) for q in facts.get_list("quotes")]
        dated = [(d.start, d.end) for d in facts.get_list("dates")]
        for sentence in _SENTENCE.finditer(prose):
            text = sentence.group()
            lower = text.lower()
            if _SOURCE.search(text, lower):
                continue
            for m in _CLAIM.finditer(text, lower):
                at = sentence.start() + m.start()
                if any(a <= at < b for a, b in quoted + dated):
                    continue
                start = sentence.start() + len(text) - len(text.lstrip())
                end = sentence.start() + len(text.rstrip())
                yield self.finding(
                    document,
                    start,
                    end,
                    f'check-worthy claim ("{m.group().strip()}") with no source in the sentence;'
                    " add who says so or a link",
                    subject=text.strip(),
                )
                break


RULE = UnsourcedClaim
