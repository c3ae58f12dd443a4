"""A date whose tense contradicts the story's dateline.

**What it flags.** A day-precise date that the sentence puts in the future
although it is before the story's publication date ("will vote on March 3,
2017" in a story dated March 9, 2017), or in the past although it is after
it ("voted Tuesday, July 11" in a story dated July 4). A date without a
year is read as its nearest occurrence, so "will hold a strike on April 20"
in a story dated June 2 is flagged: the nearest April 20 is past (a
year-less date more than 60 days from the dateline is left alone: it may
mean either year). The tense
comes from the nearest verb cue in the same clause ("will", "is set to",
"plans to", "takes effect"; a past-tense verb), at most four words before
the date; dates after "as of", "until", "by", "ended", "from", "since" and
the like are deadlines or periods, not the verb's event, and are left
alone, as are plans in the past ("was to have left April 30"). A past
verb with a date that names no year and no weekday ("resigned on April 4"
in a story dated March 26) means the most recent such day, last year's,
and is left alone; with a weekday ("voted Tuesday, July 11") the day is
pinned and is checked. A date followed by "last year" is of that year.

**Why.** Either the date or the tense is wrong, often because the story was
written before the event and published after it, or updated from older
copy.

**Example.**

    The board will vote on March 3, 2017.      (story dated March 9, 2017)

**Fix.** Correct the tense ("voted on March 3") or the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity

#: A date with no year this far from the dateline could mean last year's or
#: next year's: too uncertain to flag.
AMBIGUOUS_DAYS = 60
#: At most this many words between the tense cue and the date.
MAX_CUE_DISTANCE = 4
# Phrases after which a date is a deadline or reference, not the verb's event.
_NOT_THE_EVENT = (" as of ", " of record ", " ended ", " ending ", " through ", " until ",
                  " effective ", " due ", " expires ", " before ", " after ", " by ", " from ",
                  " between ", " since ", " was to ", " were to ")  # fmt: skip
# "signed on July 31 last year": the text names the year the date omits.
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:last|next|this|that|the previous|the following) year\b", re.I)


_MODALS = {"will", "shall", "won't", "won’t", "is set to", "are set to", "plans to", "plan to",
           "is expected to", "are expected to", "is going to", "are going to", "takes effect",
           "take effect", "to take effect"}  # fmt: skip
# Finite past verbs whose date is when the action happened. Words in -ed are
# too often participles ("shares held on March 23", "to be dated March 15").
_PAST_EVENT_VERBS = {"voted", "met", "died", "won", "lost", "spoke", "arrived", "resigned",
                     "signed", "testified", "visited", "attended", "occurred", "happened",
                     "returned", "crashed", "opened", "launched", "married", "began",
                     "started", "struck", "fell",
                     "rose", "went", "came", "took", "gave", "left", "ruled", "decided",
                     "approved", "rejected", "agreed", "filed", "sued", "wrote"}  # fmt: skip
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|to)\s+(?:\w+\s+){1,2}(?:on\s+)?$", re.I
)


class TenseDateMismatch(DocumentRule):
    code = "FL302"
    name = "tense-date-mismatch"
    severity = Severity.WARNING
    requires = ("dates",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        published = document.metadata.published
        if published is None:
            return
        for expression in facts.get_list("dates"):
            if expression.kind != "absolute" or not expression.value or not expression.tense:
                continue
            distance = expression.cue_distance
            cue = (expression.tense_cue or "").lower()
            if expression.tense == "future":
                if distance is None or not 0 <= distance <= MAX_CUE_DISTANCE or cue not in _MODALS:
                    continue  # only a modal close before the date is sure to govern it
            elif distance is None or not 0 <= distance <= 1 or cue not in _PAST_EVENT_VERBS:
                continue  # a finite past verb must sit right before the date ("voted Tuesday")
            elif _BE_BEFORE.search(
                document.prose[max(0, expression.start - 60) : expression.start]
            ):
                continue  # "shares held on March 23", "are held March 17": a participle
            between = document.prose[max(0, expression.start - 40) : expression.start].lower()
            if any(word in between for word in _NOT_THE_EVENT):
                continue  # "of record as of April 1", "quarter ended March 31"
            date = dt.date.fromisoformat(expression.value)
            days = (date - published).days
            if not expression.year_stated and abs(days) > AMBIGUOUS_DAYS:
                continue  # a year-less date far from the dateline may mean either year
            if not expression.year_stated and _YEAR_AFTER.match(document.prose, expression.end):
                continue  # "July 31 last year"
            if expression.tense == "past" and not expression.year_stated and not expression.weekday:
                continue  # "resigned on April 4": the most recent April 4, last year's
            dateline = f"{published:%B} {published.day}, {published.year}"
            if expression.tense == "future" and days < -1:
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f"future tense, but {date:%B} {date.day}, {date.year} is {-days} days before"
                    f" the story's date ({dateline})",
                )
            elif expression.tense == "past" and days > 1:
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f"past tense, but {date:%B} {date.day}, {date.year} is {days} days after"
                    f" the story's date ({dateline})",
                )


RULE = TenseDateMismatch
