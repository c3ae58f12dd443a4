"""The same event dated differently in two stories of the run.

**What it flags.** Two stories that describe one event with the same words
("a general strike on May 1", "the general strike on May 2") but give it
dates that differ, within a week of each other (further apart, they name two
occurrences: the initiative of January 7 and that of December 10). Precision
comes first: the words around the dates must match (at least three content
words, and most of them), and the two stories must share names (at least two
proper nouns), so a vote in Madison and a vote in Milwaukee are not
compared. The finding sits at the later story's date, with the other story's
date as a related place. A recurring report is not a conflict: a recurring
cue in either clause ("weekly", "each month", "the week ended", a table "as
follows") or more than two stories that date the words as far from their own
dates (weekly figures); two stories alone are compared, so a follow-up that
moves the board's vote from March 4 to March 5 is flagged. Nor are two
clauses that give different figures ("a balance of 18.8 billion dlrs on
March 23", "31.4 billion dlrs on April 23": two days' reports; two bonds'
payment dates), nor a date that closes a period or names an earlier
occurrence ("the week ended March 19", "highest since February 9", "last
changed on September 15", "the previous sale on March 13", "the period July
1-March 13", "the week starting April 6"), nor the terms of a deal, which
each deal has its own ("bonds due April 9, 1997", "payable May 20 to holders
of record April 20", "investors will pay for the bond on April 8"), nor the
date of a dateline ("CHICAGO, March 5 -").

**Why.** When two stories disagree, at least one is wrong, and readers of
both notice.

**Example.** "Voces de la Frontera is planning a general strike on May 1"
in one story, "the general strike on May 2" in another.

**Fix.** Check the date with the source and correct the story that is
wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from factlint import CorpusRule, Finding, Severity, lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.rules import Corpus, place, related_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_WORD = lazy.re(r"[a-z][a-z'-]{3,}")
_PROPER = lazy.re(r"(?<=[a-z,;] )[A-Z][a-z]{3,}")
_STOP = frozenset(
    [
     "that", "this", "with", "from", "have", "has", "had", "will", "would", "could", "should",
     "been", "were", "was", "said", "says", "about", "after", "before", "their", "there", "they",
     "them", "then", "than", "when", "what", "which", "while", "also", "into", "over", "under",
     "more", "most", "some", "such", "only", "other", "last", "next", "week", "month", "year",
     "years", "today", "tomorrow", "yesterday", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
     "august", "september", "october", "november", "december", "sept", "planning", "plans",
     "planned", "scheduled", "expected", "set", "take", "takes", "effect", "held", "hold",
    ]
)  # fmt: skip


def event_words(prose: str, start: int, end: int) -> frozenset[str]:
    """Content words of the clause around a date, which name its event."""
    left = prose[max(0, start - 80) : start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("; "))
    left = left[cut + 1 :] if cut >= 0 else left
    right = prose[end : end + 50]
    stop = re.search(r"[.;\n]", right)
    right = right[: stop.start()] if stop else right
    words = _WORD.findall(left.lower()) + _WORD.findall(right.lower())
    return frozenset(w for w in words if w not in _STOP)


_FIGURE = lazy.re(r"\d[\d,.]*\d|\d")
_YEARLIKE = lazy.re(r"(?:1[89]|20)\d\d\Z")
# "week ended March 19", "highest since February 9", "last changed ... on
# September 15", "the previous sale on March 13": a period or an earlier
# occurrence of something that recurs, not an event two stories share.
_PERIOD_BEFORE = lazy.re(
    r"\b(?:ended|ending|since|between|from|until|through|starting|beginning)\s+(?:on\s+)?\Z"
    r"|\b(?:last|previous|previously)\b"
    r"|\d\s*[-–]\s*\Z",  # the end of a range: "the period July 1-March 13"
    re.I,
)


# The terms of a deal ("bonds due April 9, 1997", "payment date is April
# 27", "payable May 20 to holders of record"): each deal has its own, and
# wire copy writes hundreds from one template.
_DEAL_TERMS = lazy.re(
    r"\b(?:due|matures?|maturity|payable|pay(?:ment)? date|coupon|subscriptions?|final terms"
    r"|of record|listed|listing|exercisable|redemption|delivery|expires?|completed by"
    r"|pays? for the|pays? (?:\w+ )?interest)\b",
    re.I,
)


def _clause(prose: str, start: int, end: int) -> tuple[str, str]:
    left = prose[max(0, start - 80) : start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("; "))
    left = left[cut + 1 :] if cut >= 0 else left
    right = prose[end : end + 50]
    stop = re.search(r"[.;\n](?!\d)", right)
    right = right[: stop.start()] if stop else right
    return left, right


def figures(prose: str, start: int, end: int) -> frozenset[str]:
    """The figures of a date's clause other than the date and years: "68
    billion" in "suspended payments on its 68 billion dlrs of debt on
    February 20". Two clauses with different figures report different
    occurrences (today's balance, another bond's terms)."""
    left, right = _clause(prose, start, end)
    found = _FIGURE.findall(left) + _FIGURE.findall(right)
    return frozenset(f for f in found if not _YEARLIKE.match(f))


#: Dates further apart than a week name two occurrences (another initiative,
#: another week's report), not one event dated twice.
MAX_DAYS_APART = 7
#: Share of the event words two dates' clauses must have in common.
MIN_OVERLAP = 0.6


# Words that say a report recurs: "weekly figures", "each month", "the week ended".
_RECURRING_CUE = lazy.re(
    r"\b(?:daily|weekly|fortnightly|monthly|biweekly"
    r"|(?:each|every|per)\s+(?:day|week|month)|week\s+end(?:ed|ing)|as follows)\b",
    re.I,
)


def _offset(corpus: Corpus, doc: int, date: dt.date) -> int | None:
    published = corpus.documents[doc].metadata.published
    return None if published is None else (date - published).days


def _recurring(
    corpus: Corpus, a: tuple[int, Any, dt.date], b: tuple[int, Any, dt.date], series: int
) -> bool:
    """A report that recurs (weekly figures, daily briefings), not one event
    dated twice: a recurring cue in either clause ("weekly", "each month"),
    or more than two stories that date it as far from their own dates.

    ``series`` counts the stories other than the first whose date for these
    words lies as far from their own publication date (within two days)."""
    for doc, expression, _date in (a, b):
        left, right = _clause(corpus.documents[doc].prose, expression.start, expression.end)
        if _RECURRING_CUE.search(left) or _RECURRING_CUE.search(right):
            return True
    offset_a, offset_b = _offset(corpus, a[0], a[2]), _offset(corpus, b[0], b[2])
    if offset_a is None or offset_b is None or abs(offset_a - offset_b) > 2:
        return False
    return series >= 2


class DateConflict(CorpusRule):
    code = "FL303"
    name = "date-conflict"
    severity = Severity.WARNING
    requires = ("dates",)

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str]:
        """Archive lookup keys: every two event words of each date compared
        below (two events must share three words to be compared at all)."""
        keys: set[str] = set()
        for expression in facts.get_list("dates"):
            if expression.kind != "absolute" or not expression.value:
                continue
            words = sorted(event_words(document.prose, expression.start, expression.end))
            if len(words) < 3:
                continue
            keys.update(f"{a} {b}" for i, a in enumerate(words) for b in words[i + 1 :])
        return keys

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        events: list[tuple[int, Any, frozenset[str], dt.date]] = []
        # word -> story -> events: candidates come from other stories only, so
        # a story repeating one line ten thousand times stays linear.
        by_word: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for doc_index, (document, facts) in enumerate(corpus):
            for expression in facts.get_list("dates"):
                if expression.kind != "absolute" or not expression.value:
                    continue  # weekdays resolved by tense are too loose to compare
                words = event_words(document.prose, expression.start, expression.end)
                if len(words) < 2:
                    continue
                left, _right = _clause(document.prose, expression.start, expression.end)
                if _PERIOD_BEFORE.search(left):
                    continue  # a period or an earlier occurrence: "week ended March 19"
                if _DEAL_TERMS.search(left) or _DEAL_TERMS.search(_right):
                    continue  # a deal's own terms: "bonds due April 9, 1997"
                event_id = len(events)
                events.append(
                    (doc_index, expression, words, dt.date.fromisoformat(expression.value))
                )
                for word in words:
                    by_word[word][doc_index].append(event_id)
        dates_in: dict[int, set[dt.date]] = defaultdict(set)
        for doc_index, _expression, _words, date in events:
            dates_in[doc_index].add(date)
        proper: dict[int, frozenset[str]] = {}
        for i in {e[0] for e in events}:
            proper[i] = frozenset(_PROPER.findall(corpus.documents[i].prose))
        # Names that occur in many stories ("Corp", "Reuters") say nothing.
        frequency: dict[str, int] = defaultdict(int)
        for found in proper.values():
            for name in found:
                frequency[name] += 1
        common = max(2, len(corpus) // 100)

        def names(i: int) -> frozenset[str]:
            return frozenset(n for n in proper[i] if frequency[n] <= common)

        reported: set[int] = set()
        for a, (doc_a, expr_a, words_a, date_a) in enumerate(events):
            candidates = {
                b for w in words_a for doc, ids in by_word[w].items() if doc != doc_a for b in ids
            }
            partners = []
            for b in sorted(candidates):
                doc_b, expr_b, words_b, date_b = events[b]
                if abs((date_a - date_b).days) > MAX_DAYS_APART:
                    continue
                shared = words_a & words_b
                if len(shared) < 3 or len(shared) / len(words_a | words_b) < MIN_OVERLAP:
                    continue
                if len(names(doc_a) & names(doc_b)) < 2:
                    continue
                partners.append(b)
            # Stories that date these words as far from their own date as this one.
            offset_a = _offset(corpus, doc_a, date_a)
            series = len(
                {
                    events[b][0]
                    for b in partners
                    if offset_a is not None
                    and (offset := _offset(corpus, events[b][0], events[b][3])) is not None
                    and abs(offset - offset_a) <= 2
                }
            )
            for b in partners:
                doc_b, expr_b, words_b, date_b = events[b]
                if b <= a or date_a == date_b:
                    continue
                if date_b in dates_in[doc_a] or date_a in dates_in[doc_b]:
                    continue  # both stories name both dates: several events, not a conflict
                if b in reported or _recurring(
                    corpus, (doc_a, expr_a, date_a), (doc_b, expr_b, date_b), series
                ):
                    continue
                shared = words_a & words_b
                figures_a = figures(corpus.documents[doc_a].prose, expr_a.start, expr_a.end)
                figures_b = figures(corpus.documents[doc_b].prose, expr_b.start, expr_b.end)
                if figures_a and figures_b and not figures_a & figures_b:
                    continue  # different figures: another day's report, another bond
                reported.add(b)
                later, earlier = corpus.documents[doc_b], corpus.documents[doc_a]
                yield self.finding(
                    later,
                    expr_b.start,
                    expr_b.end,
                    f'"{expr_b.text}" ({date_b.isoformat()}) here, but "{expr_a.text}"'
                    f" ({date_a.isoformat()}) in {place(earlier, expr_a.start)} for what reads as"
                    f" the same event ({', '.join(sorted(shared)[:4])})",
                    related=[
                        related_at(
                            earlier, expr_a.start, expr_a.end, f"dated {date_a.isoformat()} here"
                        )
                    ],
                    subject=" ".join(sorted(shared)),
                )


RULE = DateConflict
