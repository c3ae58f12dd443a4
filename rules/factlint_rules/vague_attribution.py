"""A claim attributed to nobody in particular ("critics say", "sources said", "reportedly").

**What it flags.** Vague attributions, from a phrase list kept as data in
``vague_attribution.json`` ("critics say", "some say", "sources said",
"reportedly", "it is believed", "experts say", "many people think" and
their kin), in a sentence that names nobody. A sentence that also names a
person ("critics, including Ald. Bob Donovan, say") is not flagged.

**Why.** Major news standards allow anonymous sourcing only when the story
explains why the source cannot be named; otherwise a desk sends it back.
"Critics say" often hides one critic, or the writer.

**Example.**

    Critics say the policy will lead to racial profiling.

**Fix.** Name the source, or say why it cannot be named:

    Darryl Morin of the League of United Latin American Citizens said the
    policy will lead to racial profiling.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity, casefree
from factlint.facts.quotes import sentence_around


@functools.cache
def vague_pattern() -> casefree.Pattern:
    from factlint.data import load_data

    phrases = load_data("vague_attribution.json", __file__)["phrases"]
    return casefree.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\b")


class VagueAttribution(DocumentRule):
    code = "FL204"
    name = "vague-attribution"
    severity = Severity.WARNING
    requires = ("people", "quotes")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        prose = document.prose
        people = [p for p in facts.get_list("people") if not p.quoted]
        quoted = [(q.start, q.end) for q in facts.get_list("quotes")]
        for m in vague_pattern().finditer(prose):
            if any(a <= m.start() < b for a, b in quoted):
                continue  # the speaker's own words
            first, sentence = sentence_around(prose, m.start(), m.end())
            if any(first <= p.start < first + len(sentence) for p in people):
                continue  # someone is named in the sentence
            yield self.finding(
                document,
                m.start(),
                m.end(),
                f'"{m.group()}" attributes to nobody in particular; name the source or say why it'
                " cannot be named",
            )


RULE = VagueAttribution
