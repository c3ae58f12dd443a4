"""A date whose tense contradicts the story's publication date.

**What it flags.** A day-precise date that the sentence puts in the future
although it is before the story's publication date ("will vote on March 3,
2017" in a story of March 9, 2017), or in the past although it is after it
("voted Tuesday, July 11" in a story of July 4). A date without a year is
first read as its nearest occurrence to the publication date (AP style
leaves the year off dates of the current year), and only then is the tense
compared: "The union will hold its rally on April 18" in a story of June 2
is flagged (the nearest April 18 is 45 days past), and so is "Hundreds
marched in the parade on May 3" in a story of March 9. A year-less date
more than 60 days from the publication date is left alone: it may mean
either year; so is one whose tense fits the date in the publication date's
own year, AP's reading ("took effect on Jan. 1" in a story of November 16).

The tense comes from the nearest verb cue in the same clause, at most four
words before the date: for the future a modal ("will", "is set to", "plans
to", "takes effect") or a future passive ("will be held on March 2") whose
verb the date follows or whose "on" phrase it is ("will hold its rally on
April 18", "will hold a hearing March 2"; not "will discuss the March 2
attack"), for the past a past-tense verb with the date as its "on" phrase
("voted Tuesday", "approved the budget calendar on March 12"). Left alone:
dates after "as of", "until", "by", "ended", "from", "since", "to", "for"
and the like (deadlines, periods, plans: "agreed to hold the vote on May
3"), a planning verb with an event of its own ("called a general strike on
May 1", "announced a rally on May 3"), participles that describe rather
than report ("shares held on March 23", "a letter dated March 15",
"scheduled for"), plans in the past ("was to have left April 30"), a date
followed by "last year", and the start or end of a period that comes round
every year ("Seasons for oats began June 1", "the marketing year began
Sept. 1": it may be last year's).

**Why.** Either the date or the tense is wrong, often because the story was
written before the event and published after it, or updated from older
copy; a past event written without its year reads as this year's.

**Example.**

    The board will vote on March 3, 2017.      (story dated March 9, 2017)
    The board approved the budget calendar on March 12.   (story of March 8)

**Fix.** Correct the tense ("voted on March 3") or the date; for last
year's date, give the year ("April 4, 2016").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity, lazy

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
_YEAR_AFTER = lazy.re(r"\s*,?\s*(?:last|next|this|that|the previous|the following) year\b", re.I)


_MODALS = {"will", "shall", "won't", "won’t", "is set to", "are set to", "plans to", "plan to",
           "is expected to", "are expected to", "is going to", "are going to", "takes effect",
           "take effect", "to take effect"}  # fmt: skip
# Finite past verbs whose date is when the action happened. Other words in
# -ed are too often participles or adjectives ("preferred stock on April 15",
# "securities pledged on May 6", "to be dated March 15").
_PAST_EVENT_VERBS = {"voted", "met", "died", "won", "lost", "spoke", "arrived", "resigned",
                     "signed", "testified", "visited", "attended", "occurred", "happened",
                     "returned", "crashed", "opened", "married", "began", "started", "struck",
                     "fell", "rose", "went", "came", "took", "gave", "left", "ruled", "decided",
                     "approved", "rejected", "agreed", "sued", "wrote", "said", "told",
                     "announced", "marched", "protested", "rallied", "gathered", "celebrated",
                     "elected", "adopted", "attacked", "killed", "arrested", "charged",
                     "convicted", "sentenced", "fired", "hired", "appointed", "retired",
                     "collapsed", "exploded", "erupted", "landed", "departed", "hosted",
                     "staged", "played", "beat", "defeated", "scored", "toured", "unveiled",
                     "debuted", "premiered", "reached", "concluded", "acquired", "merged",
                     "jumped", "surged", "plunged", "dropped", "fled", "escaped", "disappeared",
                     "vanished", "shot", "stabbed", "raided", "bombed", "invaded", "stormed",
                     "confirmed", "admitted", "pleaded", "denied", "finished", "completed",
                     "held"}  # fmt: skip
# A verb that sets up an event of its own: "called a general strike on May 1"
# dates the strike, not the call.
_PLANNING_VERBS = {"called", "announced", "proposed", "planned", "organized", "organised",
                   "urged", "demanded", "threatened", "promised", "sought", "requested",
                   "approved", "backed", "endorsed", "set", "scheduled", "booked", "cancelled",
                   "canceled", "postponed", "delayed", "confirmed", "arranged", "ordered",
                   "invited", "authorized", "authorised", "agreed", "decided", "unveiled",
                   "launched", "offered", "issued", "released", "published",
                   "filed", "predicted", "forecast"}  # fmt: skip
# Events that carry a date of their own.
_EVENT_NOUNS = {"strike", "strikes", "rally", "rallies", "vote", "votes", "election",
                "elections", "referendum", "meeting", "meetings", "hearing", "hearings",
                "summit", "conference", "protest", "protests", "march", "walkout", "trial",
                "talks", "session", "deadline", "ballot", "poll", "primary", "caucus",
                "debate", "ceremony", "celebration", "festival", "parade", "launch",
                "release", "sale", "auction", "offering", "tender", "visit", "trip", "tour",
                "event", "concert", "match", "game", "race", "opening", "inauguration",
                "shutdown", "closure", "date", "day", "holiday"}  # fmt: skip
# Words between a past verb and the date that make the date another thing's:
# "agreed to hold the vote on May 3", "warned of a strike on May 1".
_BLOCKERS = {"to", "for", "that", "of", "until", "till", "by", "from", "through", "since",
             "before", "after", "as", "ahead", "which", "who", "whom", "if", "whether", "when",
             "where", "while", "next", "this", "starting", "beginning", "effective", "due",
             "between"}  # fmt: skip
_REPORTING = {"said", "told", "reported", "announced", "stated", "added", "wrote", "noted",
              "warned", "declared", "insisted", "claimed", "suggested", "predicted",
              "confirmed", "disclosed", "revealed", "explained", "argued", "estimated"}  # fmt: skip
_WORDS = lazy.re(r"[\w'’-]+|[^\w\s]")


# A modal or an infinitive earlier in the sentence governs the verb: "said it
# will redeem its preferred stock on April 15", "bonds to be dated March 15
# and delivered March 16", "Banks must repurchase securities pledged on May 6".
_MODAL_BEFORE = lazy.re(
    r"\b(?:will|would|shall|must|can|could|may|might|should|won't|wo n't|to be|to have|is to"
    r"|are to|going to|has|have|had|been)\b"
)
_SENTENCE_START = lazy.re(r"[.;:!?\n]\s")
# A period that comes round every year as the verb's subject: its start or
# end date is the same each year ("the marketing year began June 1").
_RECURRING_SUBJECT = lazy.re(
    r"\b(?:seasons?|(?:fiscal|marketing|crop|school|academic|financial|tax) years?"
    r"|quarters?|semesters?)\b(?!['’])[^.;:!?\n]{0,40}$",
    re.I,
)
# A relative clause after the date: the date belongs to the noun before it.
_RELATIVE_AFTER = lazy.re(r"[ \t]+(?:that|which|who)\b", re.I)
_FINITE_AFTER = lazy.re(r"\b(?:will|would|is|are|has|have|was|were|to|that|plans?)\b", re.I)


def _past_event(prose: str, expression: object, cue: str, distance: int) -> bool:
    """Whether the past-tense cue reports what happened on the date: the verb
    itself ("voted Tuesday") or its "on" phrase ("approved the budget
    calendar on March 12"), with nothing between that makes the date another
    thing's."""
    if not 0 <= distance <= MAX_CUE_DISTANCE or cue not in _PAST_EVENT_VERBS:
        return False
    start, end = expression.start, expression.end  # type: ignore[attr-defined]
    window = prose[max(0, start - 200) : start]
    tokens = _WORDS.findall(window)
    before_cue = window[: window.lower().rfind(cue)] if cue in window.lower() else window
    cut = None
    for m in _SENTENCE_START.finditer(before_cue):
        cut = m.end()
    if _MODAL_BEFORE.search(before_cue[cut:] if cut is not None else before_cue):
        return False  # "will redeem ... preferred stock on April 15", "had been offered"
    if re.search(r"\b(?:is|are|am|be|being)\s+(?:\w+\s+)?$", before_cue):
        return False  # "when figures are announced on March 27": a present passive, a plan
    if _RECURRING_SUBJECT.search(before_cue[cut:] if cut is not None else before_cue):
        return False  # "Seasons for oats began June 1": a yearly start, perhaps last year's
    if cue == "held" and not re.search(r"\b(?:was|were)\s+$", before_cue):
        return False  # "shares held on March 23"; "the vote was held on March 12" is an event
    if cue in _REPORTING:
        right = prose[end : end + 80]
        stop = re.search(r"[.;\n]", right)
        if _FINITE_AFTER.search(right[: stop.start()] if stop else right):
            return False  # "said on May 15 it is redeeming": the date is the report's content
    if distance == 0:
        return True
    gap = [t.lower() for t in tokens[-distance:]]
    if not gap or gap[-1] != "on" or any(not t[0].isalnum() for t in gap):
        return False  # only the verb's "on" phrase dates its event; no comma or dash between
    if distance == 1:
        return True
    if cue in _REPORTING:
        return False  # "said the vote on March 12 ...": the date is the report's content
    if any(t in _BLOCKERS for t in gap):
        return False
    return not (cue in _PLANNING_VERBS and any(t in _EVENT_NOUNS for t in gap))


def _future_event(prose: str, expression: object, cue: str, distance: int) -> bool:
    """Whether a modal close before the date governs it: the date follows the
    modal's verb ("will vote March 3"), a future passive ("will be held on
    March 2") or the verb's "on" phrase ("will hold its rally on April 18"),
    not a date that names something else ("will discuss the March 2
    attack", "will review the attack of March 2")."""
    words = cue.split()
    passive = len(words) == 3 and words[0] in _MODALS and words[1] == "be"
    if not 0 <= distance <= MAX_CUE_DISTANCE or not (cue in _MODALS or passive):
        return False
    start, end = expression.start, expression.end  # type: ignore[attr-defined]
    if _RELATIVE_AFTER.match(prose, end):
        return False  # "will investigate the fire on March 2 that destroyed the hall"
    if distance == 0:
        return True  # "takes effect Jan. 1", "will be issued July 12"
    gap = [t.lower() for t in _WORDS.findall(prose[max(0, start - 200) : start])[-distance:]]
    if any(not t[0].isalnum() for t in gap):
        return False  # a comma or dash between: the date is another clause's
    if distance == 1 and not passive:
        return True  # the modal's verb: "will vote March 3"
    # "on" may be left out after an event: "will hold a public hearing March 2"
    ahead = gap[-1] == "on" or gap[-1] in _EVENT_NOUNS
    return ahead and not any(t in _BLOCKERS for t in gap)


def _fits_current_year(date: dt.date, published: dt.date, tense: str) -> bool:
    """Whether the tense fits the date read in the publication date's own
    year, AP's reading of a year-less date, where it differs from the
    nearest occurrence (near the turn of the year)."""
    try:
        same_year = date.replace(year=published.year)
    except ValueError:  # Feb. 29
        return False
    if same_year == date:
        return False
    return same_year < published if tense == "past" else same_year > published


class TenseDateMismatch(DocumentRule):
    code = "FL302"
    name = "tense-date-mismatch"
    severity = Severity.WARNING
    requires = ("dates",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        published = document.metadata.published
        if published is None:
            return
        prose = document.prose
        for expression in facts.get_list("dates"):
            if expression.kind != "absolute" or not expression.value or not expression.tense:
                continue
            distance = expression.cue_distance
            cue = (expression.tense_cue or "").lower()
            if expression.tense == "future":
                if distance is None or not _future_event(prose, expression, cue, distance):
                    continue  # only a modal close before the date is sure to govern it
            elif distance is None or not _past_event(prose, expression, cue, distance):
                continue
            between = prose[max(0, expression.start - 40) : expression.start].lower()
            if any(word in between for word in _NOT_THE_EVENT):
                continue  # "of record as of April 1", "quarter ended March 31"
            date = dt.date.fromisoformat(expression.value)
            days = (date - published).days
            if not expression.year_stated and abs(days) > AMBIGUOUS_DAYS:
                continue  # a year-less date far from the publication date may mean either year
            if not expression.year_stated and _YEAR_AFTER.match(prose, expression.end):
                continue  # "July 31 last year"
            if not expression.year_stated and _fits_current_year(date, published, expression.tense):
                continue  # "took effect on Jan. 1" in a November story: this year's
            when = f"{published:%B} {published.day}, {published.year}"
            read = "" if expression.year_stated else " (no year given: read as the nearest)"
            if expression.tense == "future" and days < -1:
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f"future tense, but {date:%B} {date.day}, {date.year}{read} is {-days} days"
                    f" before the publication date ({when})",
                )
            elif expression.tense == "past" and days > 1:
                yield self.finding(
                    document,
                    expression.start,
                    expression.end,
                    f"past tense, but {date:%B} {date.day}, {date.year}{read} is {days} days"
                    f" after the publication date ({when})",
                )


RULE = TenseDateMismatch
