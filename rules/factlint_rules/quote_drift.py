"""The same quotation worded differently, or credited to different speakers, across stories.

**What it flags.** A full quotation that appears in two stories of the run
with different wording (the same words for the most part, by rapidfuzz's
ratio of 85 or more, but not identical), or with the same words credited to
different speakers. The finding sits at the later story's quote; the
message shows the words that differ, and the related place is the other
version.

**Why.** A quote is a record of what someone said: two versions mean at
least one is wrong, and a quote credited to two people is wrong once.

**Example.** "This is a highly controversial program," in one story; "This
is a very controversial program," in another.

**Fix.** Check the recording or notes and use the exact words and speaker
in both stories.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from factlint import CorpusRule, Finding, Severity
from factlint.facts.people import fold
from factlint.rules import Corpus, place, related_at

_WORD = re.compile(r"[\w'’]+")
MIN_WORDS = 6
SIMILAR = 85.0


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _surname(speaker: str | None) -> str | None:
    return fold(speaker.split()[-1]) if speaker else None


class QuoteDrift(CorpusRule):
    code = "FL203"
    name = "quote-drift"
    severity = Severity.WARNING
    requires = ("quotes",)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        from rapidfuzz import fuzz

        quotes: list[tuple[int, Any, list[str]]] = []
        index: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for doc_index, (_document, facts) in enumerate(corpus):
            for quote in facts.get_list("quotes"):
                words = _words(quote.text)
                if quote.kind != "full" or len(words) < MIN_WORDS:
                    continue
                qid = len(quotes)
                quotes.append((doc_index, quote, words))
                for i in range(len(words) - 2):  # three-word shingles block the pairs
                    index[tuple(words[i : i + 3])].add(qid)
        seen: set[tuple[int, int]] = set()
        documents = corpus.documents
        joined = [" ".join(words) for _doc, _quote, words in quotes]
        for b, (doc_b, quote_b, words_b) in enumerate(quotes):
            shared = set().union(
                *(index[tuple(words_b[i : i + 3])] for i in range(len(words_b) - 2))
            )
            len_b = len(joined[b])
            for a in sorted(a for a in shared if a < b):
                doc_a, quote_a, words_a = quotes[a]
                if doc_a == doc_b or (a, b) in seen:
                    continue
                # The ratio is at most 2 * shorter / (sum of lengths): skip hopeless pairs.
                len_a = len(joined[a])
                if 200 * min(len_a, len_b) < SIMILAR * (len_a + len_b):
                    continue
                if fuzz.ratio(joined[a], joined[b], score_cutoff=SIMILAR) < SIMILAR:
                    continue
                seen.add((a, b))
                other = documents[doc_a]
                where = place(other, quote_a.start)
                if words_a != words_b:
                    diff = _difference(words_a, words_b)
                    message = f"this quotation reads differently in {where}: {diff}"
                elif (
                    _surname(quote_a.speaker)
                    and _surname(quote_b.speaker)
                    and _surname(quote_a.speaker) != _surname(quote_b.speaker)
                ):
                    message = (
                        f"this quotation is credited to {quote_b.speaker} here and to"
                        f" {quote_a.speaker} in {where}"
                    )
                else:
                    continue
                yield self.finding(
                    documents[doc_b],
                    quote_b.start,
                    quote_b.end,
                    message,
                    related=[related_at(other, quote_a.start, quote_a.end, "the other version")],
                    subject=quote_b.text,
                )
                break


def _difference(a: list[str], b: list[str]) -> str:
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        there = " ".join(a[i1:i2]) or "(nothing)"
        here = " ".join(b[j1:j2]) or "(nothing)"
        parts.append(f'"{here}" here, "{there}" there')
    return "; ".join(parts[:3])


RULE = QuoteDrift
