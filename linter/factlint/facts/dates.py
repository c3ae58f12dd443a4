"""Dates: every date expression in prose, resolved against the story's publication date.

Forms: absolute dates ("July 4, 2017", "Jul. 4", "Sept. 5", "4 July 2017",
"2017-07-04", "7/4/2017", "May 1st", "the Fourth of July"), weekdays alone
or with a date ("Tuesday, July 5, 2017", "Tuesday (July 5)", "Wed., July 5",
"July 5 (Wednesday)", "2019-03-05 (Monday)", "Wednesday the 5th"),
relative expressions ("today", "yesterday", "last Tuesday", "next week",
"last month", "this year", "two days ago", "earlier this month"), months
("in April", "in late January", "last December", "March 2016") and years
("in 2016"; in words, as transcripts write them: "nineteen ninety-six",
"January nineteen ninety-seven", "by the year two thousand"); a year
counted in words goes with the month it follows ("March last year", "Aug. 17
this year", "November of next year").

Each is resolved against ``metadata.published`` (the publication date),
never the clock. A month and day with no year is its nearest occurrence to
the publication date (within six months either way); a contradicting tense
within 60 days does not move it (FL302 compares the two). A verb at most
three words before it that dates it ("was announced on March 18", "will kick
off on June 9"; not a reporting verb, not a plan in the past such as "had
been scheduled for") picks the publication date's own year where that fits
the tense (AP style: "took effect on Jan. 1" in a November story), else, if
the nearest is more than 60 days off, the other year. "Wednesday the 5th"
is the 5th nearest the publication date. A bare weekday takes the clause's tense to pick its week,
as a reader does: past tense points back (the latest such day on or before
the publication date), "will", "would", "may", "is set to", "plans to",
"takes effect", "are expected" and the present of a scheduled event ("the
trial resumes on Monday", "goes to the polls") point forward, and so does
a time still to come ("until Tuesday", "ahead of Sunday's election",
"starting Thursday"); with no cue it is read as past (news reports what
happened). "last/next Tuesday" is the nearest before/after, "this Tuesday"
the one of the publication date's week (Monday to Sunday). A month alone
takes the tense too ("fell in December" in a story of November is last
year's) when its verb is at most 12 words before it, "since January" is
past, "last/next/this December" the word, and with no cue the nearest. A
participle after a modal or "to" ("would be deployed Monday", "elections to
be held in May") is future, one after "is/are" ("when elections are held")
or in a compound ("value-added") no tense; a colon or full stop inside a
number ("at 10:00 am", "5.50 percent") ends no clause.
A delivery or contract month ("crude for delivery in December", "the March
contract") is the first on or after the publication date's month. The start
of a range ("from January to September", "between Jan. 1 and March 31") is
the latest on or before its end, and "on August 6 and 9, 1945" takes the year
after the range. "September that year" names another date's year: it is
found but not resolved. "1,400 years ago" is counted whole.
A date in the dateline ("CHICAGO, March 5 -") is metadata, not prose.
Values follow TimeML: ``2017-07-04``, ``2017-07``, ``2017``, ``2017-W27``;
``range`` gives the first and last day covered; ``how`` says how each was
resolved (``factlint facts`` prints it).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from factlint import casefree, lazy, records
from factlint.document import Document
from factlint.facts import Facts
from factlint.metadata import MONTHS
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@record(frozen=True, slots=True)
class DateExpression:
    start: int
    end: int
    text: str
    kind: str  # "absolute", "weekday", "relative", "month" or "year"
    value: str | None  # TimeML-style ISO value, None when unresolved
    range: tuple[str, str] | None  # first and last day covered
    tense: str | None  # "past", "future" or None
    how: str  # how it was resolved, or why not
    weekday: str | None = None  # the weekday the text states, if any
    year_stated: bool = False
    day_precision: bool = False
    tense_cue: str | None = None  # the word that set the tense
    cue_distance: int | None = None  # words between the cue and the date (-1: after it)
    #: A date no calendar has ("Feb. 30", "Sept. 31", "Feb. 29, 2017"):
    #: ``value`` is None and this is True.
    impossible: bool = False


_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A weekday before a date may be abbreviated, with its period ("Wed., July 5").
# The lookahead fails fast on words that cannot start a weekday: the scan runs at every word.
_WEEKDAY_ABBR = (
    r"(?=[MTWFS][aehoru])(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
)
# A weekday in parentheses after a date ("July 5 (Wednesday)").
_WEEKDAY_AFTER = (
    r"(?:(?=\s*\()\s*\(\s*"
    r"(?P<wdafter>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\))?"
)
_YEAR_STEP = {"last": -1, "this": 0, "next": 1}
_ABBREVIATIONS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def weekday_name(text: str) -> str:
    """The full name of a weekday as written ("Wed.", "Thurs.", "wednesday")."""
    return WEEKDAYS[_ABBREVIATIONS[text.lower()[:3]]].capitalize()


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_UNIT = r"(?P<unit>day|week|month|year)s?"


def _year_word(name: str) -> str:
    """ "March last year", "Aug. 17 this year", "November of next year": the year
    in words, counted from the publication date's; "September that year", "May 5
    the following year": another date's year, not the publication date's."""
    return (
        rf"|,?[ \t]+(?:of[ \t]+)?"
        rf"(?P<{name}>last|next|this|that|the same|the following|the previous)[ \t]+year\b"
    )


_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# A year in words, as broadcast transcripts write it: "nineteen ninety-six",
# "nineteen oh five", "twenty ten", "two thousand and one".
_YEAR_IN_WORDS = (
    rf"(?:nineteen|twenty)[ -](?:hundred|(?:{'|'.join(_TENS)})(?:[ -](?:{'|'.join(_ONES)}))?"
    rf"|{'|'.join(_TEENS)}|oh[ -](?:{'|'.join(_ONES)}))"
    rf"|two thousand(?:(?:[ -]and)?[ -](?:{'|'.join(_TEENS)}|{'|'.join(_ONES)}))?"
)


def year_from_words(text: str) -> int:
    """The year a year in words names ("nineteen ninety-six": 1996)."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        century, rest = 2000, [w for w in words[2:] if w != "and"]
    else:
        century, rest = (19 if words[0] == "nineteen" else 20) * 100, words[1:]
    value = 0
    for word in rest:
        if word in _ONES:
            value += _ONES.index(word) + 1
        elif word in _TEENS:
            value += _TEENS.index(word) + 10
        elif word in _TENS:
            value += (_TENS.index(word) + 2) * 10
    return century + value


_FUNCTION_WORDS = r"(?:by|in|at|on|to|for|and|or|with|after|before|when|as|the|from|of|that|but)"


@functools.cache
def _pattern() -> casefree.Pattern:
    wd = _WEEKDAY
    parts = [
        # Tuesday, July 5, 2017 / Wed., July 5 / Tuesday (July 5) / Jul. 4, 2017 / May 1st
        # / July 5 (Wednesday)
        rf"(?P<abs>(?:(?P<absrel>last|next|this)\s+)?(?:{_WEEKDAY_ABBR},?\s+(?:\(\s*)?)?{_MONTH}"
        r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b\)?"
        r"(?:,?[ \t]+(?P<year>\d{4})\b" + _year_word("yrel") + ")?" + _WEEKDAY_AFTER + ")",
        # 4 July 2017 / Wednesday, 5 July 2017
        r"(?P<dmy>\b(?:"
        + _WEEKDAY_ABBR.replace("weekday", "weekday3")
        + r",?\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTH.replace("month", "month2")
        + r"(?:,?[ \t]+(?P<year2>\d{4})\b"
        + _year_word("yrel2")
        + ")?"
        + _WEEKDAY_AFTER.replace("wdafter", "wdafter2")
        + ")",
        # 2019-03-05 / 2019-03-05 (Monday)
        r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"
        + _WEEKDAY_AFTER.replace("wdafter", "wdafter3")
        + ")",
        r"(?P<us>\b(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{4}|\d{2})\b)",
        r"(?P<july4>\b[Tt]he Fourth of July\b)",
        # in late January / early March 2016 / March 2016 / in April
        r"(?P<mon>(?:\b(?P<monrel>last|next|this)\s+)?(?:\b(?P<part>early|mid|late|mid-)\s*-?\s*)?"
        + _MONTH.replace("month", "month3")
        # "September, 2004" but not "in March, 2000 people"
        + r"(?:(?:,(?=[ \t]+\d{4}\b(?![ \t]+(?!"
        + _FUNCTION_WORDS
        + r"\b)[a-z])))?[ \t]+(?P<year3>\d{4})\b"
        + _year_word("yrel3")
        + r"|[ \t]+(?P<wyear3>"
        + _YEAR_IN_WORDS
        + r"))?\b)",
        # Wednesday the 5th: the month is the one whose 5th is nearest the publication date
        r"(?P<wdnth>(?=[MTWFS][aehoru])"
        + wd.replace("weekday", "weekday4")
        + r",?\s+the\s+(?P<nday>\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+"
        + _MONTH.replace("month", "month4")
        + r"\b(?:,?[ \t]+(?P<year5>\d{4})\b)?)?)",
        # last Tuesday / next Friday / on Tuesday / Tuesday
        r"(?P<wday>(?:\b(?P<wrel>last|next|this|coming|past)\s+)?"
        + wd.replace("weekday", "weekday2")
        + r"\b)",
        r"(?P<rel>\b(?:(?P<simple>today|yesterday|tomorrow|tonight)"
        r"|(?P<lnt>last|next|this|past|coming)\s+(?P<lunit>week|month|year|weekend)"
        r"|(?P<earlier>earlier|later)\s+this\s+(?P<eunit>week|month|year)"
        r"|(?P<num>\d{1,3}(?:,\d{3})+|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        + _UNIT
        + r"\s+(?P<dir>ago|earlier|later|from now))\b)",
        r"(?P<yr>\b(?:in|since|by|during|of|until|before|after)\s+(?P<year4>(?:19|20)\d{2})\b)",
        # in nineteen ninety-six / the year two thousand / nineteen ninety-six
        r"(?P<wyr>\b(?=(?:in|since|by|during|of|until|before|after|the year)\s+[nt]|nineteen|tw)"
        r"(?:(?P<wprep>in|since|by|during|of|until|before|after|the year)\s+)?"
        r"(?P<wyear4>" + _YEAR_IN_WORDS + r")\b)",
    ]
    # Every form starts a word: failing fast inside words makes the scan ~10x faster.
    # And every form starts with a digit or one of the words in _FIRST_WORDS:
    # words starting otherwise ("he", "said", "government") are passed over
    # without trying each form, twice as fast.
    return casefree.compile(r"(?<![\w.])" + _FIRST_WORDS + "(?:" + "|".join(parts) + ")")


# How a date form may begin, grouped by first letter (the lookahead fails on
# one comparison for most words): a digit, a month or weekday ("jan", "sat"),
# a relation ("last ", "coming ", "early", "mid", "late"), a relative word
# ("today", "earlier ", "two "), a preposition before a year ("in ", "since "),
# "the " ("the Fourth of July", "the year two thousand"), a year in words
# ("nineteen", "twenty"). It must let through every match of the forms above.
_FIRST_WORDS = (
    r"(?=\d|a(?:n?\s|pr|ug|fter\s)|b(?:y\s|efore\s)|coming\s|d(?:ec|uring\s)"
    r"|e(?:arl|ight\s|leven\s)|f(?:eb|ri|our\s|ive\s)|in\s|j(?:an|u[nl])|la(?:st\s|te)"
    r"|m(?:a[ry]|id|on)|n(?:ext\s|ov|ine)|o(?:ct|f\s|ne\s)|past\s|s(?:ep|at|un|ince\s|ix\s|even\s)"
    r"|t(?:h(?:is\s|e\s|u|ree\s)|ue|w|o(?:day|morrow|night)|en\s)|until\s|wed|yesterday)"
)


_NOT_HAVE = r"(?!\s+(?:have|not have)\b)"  # "would have risen" is no future
# Words and phrases that put a date ahead (regular-expression fragments, each
# beginning with a letter): modals, plans, and the present tense of a
# scheduled event ("the trial resumes on Monday").
_FUTURE_CUES = [
    "will", "won['’]t", "shall", "is set to", "are set to", "set to", "plans? to",
    "planning to", "planned for", "scheduled", "is expected to", "are expected to",
    "expects? to", "is going to", "are going to", "to take effect", "takes? effect",
    "upcoming", "would take effect", "is due", "are due", "aims? to", "intends? to",
    "hopes? to", "is to", "are to", r"is(?: \w+ly)? expected", r"are(?: \w+ly)? expected",
    *(modal + _NOT_HAVE for modal in ("would", "could", "may", "might", "should", "must", "can")),
    "meets", "opens", "closes", "resumes", "begins", "starts", "ends", "flies", "travels",
    "arrives", "leaves", "visits", "heads (?:to|for|into|back)", "goes", "returns", "convenes",
    "reconvenes", "expires", "kicks? off", "takes place", "comes? into force",
    "go(?:es)? to the polls", "climaxes", "faces", "entertains",
]  # fmt: skip
# Past-tense verbs: the irregular ones a news story uses, and any word in -ed.
_PAST_WORDS = (
    "was were had did said told reported announced approved ended began held voted took went"
    " came made gave saw met won lost died killed arrested threatened signed released filed"
    " issued passed wrote spoke sent left fell rose paid sold bought brought thought found got"
    " kept led ran struck became chose drove flew grew knew meant stood taught threw drew wore"
    " tore shook woke broke stole froze rode fought sought caught built spent felt dealt slept"
    " swept fled fed spun swung stuck hung dug sank sang rang drank swam forgot forgave ate blew"
    " shot arose shone overcame withdrew undertook forbade sat hid"
)


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` (or fragments of patterns that begin with a
    letter) grouped by first letter: the scan tries one group at each word
    instead of every word, twice as fast."""
    groups: dict[str, list[str]] = {}
    for word in words:  # in the order given: the first that fits is the cue
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_PAST = casefree.compile(r"\b(?:\w{3,}ed|" + _by_first_letter(_PAST_WORDS.split()) + r")\b")
_FUTURE = casefree.compile(r"\b(?:" + _by_first_letter(_FUTURE_CUES) + r")\b")
_PASSIVE = lazy.re(
    r"\b(will|shall|would|could|may|might|must|should|can|to)\s+(?:\w+\s+)?be\s+$", re.I
)
_WAS_BEFORE = lazy.re(r"\b(?:was|were)\s+\Z", re.I)


def _last_cue(sentence: str, lower: str, start: int, stop: int) -> tuple[int, int, str, str] | None:
    """The last tense cue in ``sentence[start:stop]`` (``lower`` is the
    sentence lower-cased): (start, end, tense, cue); at the same place the
    future wins ("will be held")."""
    part, part_lower = sentence[start:stop], lower[start:stop]
    best: tuple[int, int, str, str] | None = None
    for pattern, kind in ((_FUTURE, "future"), (_PAST, "past")):
        for cue in pattern.finditer(part, part_lower):
            at = start + cue.start()
            if kind == "past" and not _is_verb(lower, at):
                continue  # "an unspecified date", "the proposed merger": no verb
            if best is None or start + cue.end() > best[1]:
                best = (at, start + cue.end(), kind, cue.group())
    return best


def _is_verb(lower: str, at: int) -> bool:
    """Whether the past-tense cue at ``at`` in ``lower`` is a verb, not an
    adjective ("unspecified", "the proposed", "value-added", "are held")."""
    return not (
        lower.startswith("un", at)
        or _DETERMINER_BEFORE.search(lower, max(0, at - 8), at)
        or _ADJECTIVE_BEFORE.search(lower, max(0, at - 16), at)
    )


# A word in -ed that is no verb: "unspecified", "undisclosed", "the proposed", "its planned".
_DETERMINER_BEFORE = lazy.re(r"\b(?:a|an|the|its|his|her|their|our)\s+\Z")
# ... nor is one in a compound or after a degree word ("value-added", "war-scarred",
# "the most industrialised"), nor a present passive: "when elections are held
# on July 20", "the report is delivered on Feb. 1" (a plan, not a past event).
_ADJECTIVE_BEFORE = lazy.re(
    r"(?:-|\b(?:most|more|less|least|newly|well|so-called)\s+"
    r"|\b(?:is|are|am)\s+(?:\w+ly\s+|not\s+)?)\Z"
)
# A full stop or colon inside a number ("5.50 percent", "at 10:00 am") ends no clause.
# "and" and "but" start with their letter, not with \b, so the scan skips
# other positions on one comparison: ``a(?<!\wa)nd\b`` is ``\band\b``.
_CLAUSE_BREAK = lazy.re(r"[.:](?!\d)|[;!?\n]|a(?<!\wa)nd\b|b(?<!\wb)ut\b|, (?:which|who|while)\b")


def tense_near(prose: str, start: int, end: int) -> tuple[str | None, str | None, int | None]:
    """The tense of the clause around a date, its cue word and how many words
    lie between cue and date: the nearest cue before the date wins. A clause
    opened by "and", "but" or ", which" that has no cue before the date takes
    one after it ("and on Monday criticised"), else the one of the clause
    before ("stepped down as chairman and chief executive in March")."""
    left = prose[max(0, start - 200) : start]
    soft: list[int]
    hard, soft = 0, []  # where the clause may begin: at a full stop, or an "and"
    for m in _CLAUSE_BREAK.finditer(left):
        if m.group()[0] in ".;:!?\n":
            hard, soft = m.end(), []
        else:
            soft.append(m.end())
    sentence = left[hard:]
    lower = sentence.lower()
    # The clause of the date first, then the ones before it in the sentence.
    cuts = [cut - hard for cut in reversed(soft)] + [0]
    best: tuple[int, int, str, str] | None = None
    stop = len(sentence)
    for index, cut in enumerate(cuts):
        best = _last_cue(sentence, lower, cut, stop)
        if best is not None:
            break
        if index == 0:
            # no cue before the date in its clause: one after it
            # ("On Sunday, the new power station on the river will start operation")
            right = prose[end : end + 120]
            brk = _CLAUSE_BREAK.search(right)
            right = right[: brk.start()] if brk else right
            lower_right = right.lower()
            f = _FUTURE.search(right, lower_right)
            p = next(
                (c for c in _PAST.finditer(right, lower_right) if _is_verb(lower_right, c.start())),
                None,
            )  # "new markets untouched by the crisis": no verb
            if f and (not p or f.start() <= p.start()):
                return "future", f.group(), -1
            if p:
                return "past", p.group(), -1
        stop = cut
    if best is None:
        return None, None, None
    between = len(sentence[best[1] :].split())
    if best[2] == "past":
        # A participle after "be": "will be issued March 12", "would be deployed
        # from Monday", "elections to be held in May" are ahead, as the active
        # modal is; "was to be held" is a plan in the past.
        before = sentence[max(0, best[0] - 40) : best[0]]
        aux = _PASSIVE.search(before)
        if aux:
            planned = aux.group(1).lower() == "to" and _WAS_BEFORE.search(before, 0, aux.start())
            passive = None if planned else "future"
            return passive, f"{aux.group(0).strip()} {best[3]}", between
    return best[2], best[3], between


def _month(name: str) -> int | None:
    """The month's number; None for a spelling the pattern lets through but
    no month has ("Sepember")."""
    return MONTHS.get(name.lower().rstrip("."))


def nearest_date(
    month: int, day: int, published: dt.date, relation: str | None = None
) -> dt.date | None:
    """A month and day without a year: the nearest occurrence to the publication date
    ("last Feb. 28": the latest before it, "next Jan. 1": the first after it,
    "the year ended March 31", "since May 9": the latest on or before it).

    The tense does not move it: FL302 compares the two.
    """
    best = None
    relation = (relation or "").lower()
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if relation == "last" and candidate >= published:
            continue
        if relation == "next" and candidate <= published:
            continue
        if relation in ("ended", "since") and candidate > published:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


#: A year-less date this far from the publication date may mean either year
#: (FL302's ``AMBIGUOUS_DAYS``): the tense picks the year.
EITHER_YEAR_DAYS = 60


#: Verbs that report or name rather than date their own event ("have alleged
#: the January 23 polls will be rigged", "declared January 2 a day of mourning").
_REPORTING = {"said", "told", "reported", "announced", "stated", "added", "wrote", "noted",
              "warned", "declared", "insisted", "claimed", "alleged", "suggested", "predicted",
              "confirmed", "disclosed", "revealed", "explained", "argued", "estimated",
              "designated", "named"}  # fmt: skip


def _governs(prose: str, start: int, cue: tuple[str | None, str | None, int | None]) -> bool:
    """Whether the tense cue is close enough before the date (at most three
    words) to date it, and is neither an active reporting verb nor a plan in
    the past ("had been scheduled for January 25")."""
    tense, word, distance = cue
    if tense is None or word is None or distance is None or not 0 <= distance <= 3:
        return False
    last = word.split()[-1].lower()
    passive = re.search(
        rf"\b(?:was|were|been)\s+(?:\w+\s+)?{re.escape(last)}\b[^.;]*\Z",
        prose[max(0, start - 60) : start],
        re.I,
    )
    if passive:
        return last not in _PLANS  # "was announced on March 18" dates the announcement
    return last not in _REPORTING


_PLANS = {"scheduled", "set", "planned", "slated", "due", "expected", "supposed"}


def _by_tense(
    found: dt.date, published: dt.date, tense: str | None, how: str
) -> tuple[dt.date, str]:
    """The nearest occurrence of a year-less date, unless the clause's tense
    contradicts it and another reading fits the tense: the date in the
    publication date's own year (AP style leaves the year off those: "took
    effect on Jan. 1" in a story of November 16), or, when the nearest is
    more than ``EITHER_YEAR_DAYS`` away, the other year's ("the first case was
    announced on March 18" in a story of December 23 is last March's). A
    contradiction within that distance stays: FL302 compares the two."""
    days = (found - published).days
    if not ((tense == "past" and days > 1) or (tense == "future" and days < -1)):
        return found, how
    step = -1 if tense == "past" else 1
    try:
        other = found.replace(year=found.year + step)
    except ValueError:  # Feb. 29
        return found, how
    if other.year == published.year:
        return other, f"{tense} tense: the publication date's year (AP style; nearest: {found})"
    if abs(days) > EITHER_YEAR_DAYS:
        nearest = f"the nearest, {found}, is {abs(days)} days off"
        return other, f"{tense} tense: the other year ({nearest})"
    return found, how


def _month_range(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    first_day, last_day = 1, last
    if part:
        part = part.lower().rstrip("-")
        if part == "early":
            last_day = 10
        elif part == "mid":
            first_day, last_day = 11, 20
        elif part == "late":
            first_day = 21
    return dt.date(year, month, first_day), dt.date(year, month, last_day)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# The kind of expression each alternative of the pattern finds.
_KINDS = (
    ("abs", "absolute"), ("dmy", "absolute"), ("iso", "absolute"), ("us", "absolute"),
    ("july4", "absolute"), ("mon", "month"), ("wdnth", "absolute"), ("wday", "weekday"),
    ("rel", "relative"), ("yr", "year"), ("wyr", "year"),
)  # fmt: skip


def resolve(prose: str, published: dt.date | None) -> list[DateExpression]:
    """Every date expression in ``prose`` resolved against ``published``."""
    out: list[DateExpression] = []
    for m in _pattern().finditer(prose):
        try:
            expression = _resolve_match(m, prose, published)
        except (OverflowError, ValueError):
            # Resolved past year 1 or 9999 ("next year" in a story dated 9999).
            kind = next(k for group, k in _KINDS if m.group(group))
            expression = _make(m, kind, None, "beyond the calendar (years 1 to 9999)", (None,) * 3)
        if expression is not None:
            out.append(expression)
    return _start_of_ranges(out, prose)


# "from January to September", "between Jan. 1 and March 31", "the January-October period"
_RANGE_GAP = lazy.re(r"\.?\s*(?:-|–|—|to|through|till|until|and)\s*")
_BETWEEN_BEFORE = lazy.re(r"\bbetween\s+(?:the\s+)?\Z", re.I)


def _start_of_ranges(found: list[DateExpression], prose: str) -> list[DateExpression]:
    """The first date of a range ("from January to September") is the latest on
    or before its end, not its own nearest occurrence: "From Jan. to Oct." in a
    story of November 30 begins last January."""
    for index in range(len(found) - 1):
        first, last = found[index], found[index + 1]
        if first.kind not in ("month", "absolute") or last.kind not in ("month", "absolute"):
            continue
        if not first.value or not last.value or first.year_stated or "stated" in first.how:
            continue
        if '("' in first.how:
            continue  # "last December", "March next year": the words give the year
        gap = prose[first.end : last.start]
        if not _RANGE_GAP.fullmatch(gap):
            continue
        if gap.strip() == "and" and not _BETWEEN_BEFORE.search(
            prose, max(0, first.start - 12), first.start
        ):
            continue  # "in August and September" is no range
        end_year, end_month = int(last.value[:4]), int(last.value[5:7])
        end_day = int(last.value[8:10]) if len(last.value) == 10 else 31
        month = int(first.value[5:7])
        day = int(first.value[8:10]) if len(first.value) == 10 else 1
        year = end_year if (month, day) <= (end_month, end_day) else end_year - 1
        if year == int(first.value[:4]) or not first.range:
            continue
        try:
            start, stop = (dt.date.fromisoformat(d).replace(year=year) for d in first.range)
        except ValueError:  # Feb. 29
            continue
        value = f"{year:04d}{first.value[4:]}"
        found[index] = records.replace(
            first,
            value=value,
            range=(start.isoformat(), stop.isoformat()),
            how=f"the start of a range: the latest on or before its end ({last.value})",
        )
    return found


def _make(
    m: Any, kind: str, value: dt.date | str | None, how: str, tense: Any, **extra: Any
) -> DateExpression:
    rng = extra.pop("range", None)
    tense, cue, distance = tense
    if isinstance(value, dt.date):
        rng = rng or (value, value)
        value_text: str | None = value.isoformat()
        extra.setdefault("day_precision", True)
    else:
        value_text = value
    return DateExpression(
        m.start(),
        m.end(),
        m.group(),
        kind,
        value_text,
        (rng[0].isoformat(), rng[1].isoformat()) if rng else None,
        tense,
        how,
        tense_cue=cue,
        cue_distance=distance,
        **extra,
    )


class _Groups(dict[str, "Any"]):
    """A match's groups by name, each read when first asked for: the pattern
    has some sixty groups and a match uses a handful."""

    __slots__ = ("_match",)

    def __init__(self, m: Any) -> None:
        super().__init__()
        self._match = m

    def __missing__(self, name: str) -> Any:
        value = self[name] = self._match.group(name)
        return value


def _resolve_match(m: Any, prose: str, published: dt.date | None) -> DateExpression | None:
    cue = tense_near(prose, m.start(), m.end())
    tense = cue[0]
    g = _Groups(m)
    if g["wdnth"] and not g["month4"]:
        return _weekday_the_nth(m, g, published, cue)
    if g["abs"] or g["dmy"] or g["iso"] or g["us"] or g["july4"] or g["wdnth"]:
        stated = g["weekday"] or g["wdafter"] or g["weekday3"] or g["wdafter2"] or g["wdafter3"]
        stated = stated or g["weekday4"]
        weekday = weekday_name(stated) if stated else None
        named: int | None
        if g["abs"]:
            named, day, year = _month(g["month"]), int(g["day"]), g["year"]
        elif g["dmy"]:
            named, day, year = _month(g["month2"]), int(g["day2"]), g["year2"]
        elif g["wdnth"]:
            named, day, year = _month(g["month4"]), int(g["nday"]), g["year5"]
        elif g["iso"]:
            named, day, year = int(g["im"]), int(g["id"]), g["iy"]
        elif g["us"]:
            named, day = int(g["um"]), int(g["ud"])
            year = g["uy"] if len(g["uy"]) == 4 else f"20{g['uy']}"
        else:
            named, day, year = 7, 4, None
        if named is None:
            return None  # a misspelt month ("Sepember 30"): no date
        month = named
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        how = "stated in full"
        word = (g["yrel"] or g["yrel2"] or "").lower()
        if word and word not in _YEAR_STEP:
            return _make(m, "absolute", None, _ANAPHORIC.format(word), cue, weekday=weekday)
        if word and published is not None:
            year = str(published.year + _YEAR_STEP[word])
            how = f'year from the publication date ("{word} year")'
        if year is None and g["abs"]:
            shared = _SHARED_YEAR.match(prose, m.end())
            if shared:  # "on August 6 and 9, 1945": the year after the range is the first day's too
                year, how = shared.group(1), "year stated after the range"
        if year is not None:
            try:
                date = dt.date(int(year), month, day)
            except ValueError:
                # Feb. 30 in any year, Feb. 29 in a year that is not a leap year
                return _make(
                    m, "absolute", None, "no such date", cue, weekday=weekday, year_stated=True,
                    impossible=not _exists(month, day) or 1 <= int(year) <= 9999,
                )  # fmt: skip
            return _make(m, "absolute", date, how, cue, weekday=weekday, year_stated=True)
        if published is None:
            return _make(
                m, "absolute", None, "no year and no publication date", cue, weekday=weekday,
                impossible=not _exists(month, day),
            )  # fmt: skip
        relation = g["absrel"]
        over = _ENDED_BEFORE.search(prose, max(0, m.start() - 8), m.start())
        if not relation and over:
            relation = over.group(1).lower()  # "the year ended March 31", "since May 9": over
        found = nearest_date(month, day, published, relation)
        if found is None:
            return _make(
                m, "absolute", None, "no such date", cue, weekday=weekday,
                impossible=not _exists(month, day),
            )  # fmt: skip
        how = "year from the publication date (nearest occurrence)"
        if relation:
            how = f'year from the publication date ("{relation.lower()}")'
        elif not weekday and _governs(prose, m.start(), cue):
            found, how = _by_tense(found, published, tense, how)
        return _make(m, "absolute", found, how, cue, weekday=weekday)
    if g["mon"]:
        named = _month(g["month3"])
        if named is None:
            return None
        month = named
        name = g["month3"]
        relation = (g["monrel"] or "").lower()
        if name.lower().rstrip(".") == "may" and not (g["year3"] or g["part"] or relation):
            before = prose[max(0, m.start() - 4) : m.start()].lower()
            if not before.endswith(("in ", "of ")):
                return None  # the verb "may"
        if g["month3"][0].islower():
            return None
        if g["year3"]:
            year = int(g["year3"])
            how = "stated in full"
        elif g["wyear3"]:
            year, how = year_from_words(g["wyear3"]), "stated in full (the year in words)"
        elif published is None:
            return _make(m, "month", None, "no year and no publication date", cue)
        elif g["yrel3"] and g["yrel3"].lower() not in _YEAR_STEP:
            return _make(m, "month", None, _ANAPHORIC.format(g["yrel3"].lower()), cue)
        elif g["yrel3"]:
            word = g["yrel3"].lower()
            year = published.year + _YEAR_STEP[word]
            how = f'year from the publication date ("{word} year")'
        elif relation == "this":
            year, how = published.year, 'the publication date\'s year ("this")'
        elif relation == "last":
            year = published.year if month < published.month else published.year - 1
            how = 'the latest before the publication date\'s month ("last")'
        elif relation == "next":
            year = published.year if month > published.month else published.year + 1
            how = 'the first after the publication date\'s month ("next")'
        else:
            deadline = _DEADLINE_BEFORE.search(prose, max(0, m.start() - 12), m.start())
            # "gave them until mid-November": a deadline, not the verb's time,
            # though one ahead is read ahead ("will double its flights by August")
            read = None if deadline and tense == "past" else tense
            if cue[2] is not None and cue[2] > _MONTH_CUE_WORDS:
                read = None  # a verb far before the month may govern another phrase
            if _SINCE_BEFORE.search(prose, max(0, m.start() - 8), m.start()):
                read = "past"  # "the worst month since January": over
            how = "year from the publication date"
            if _DELIVERY_AFTER.match(prose, m.end()) or _DELIVERY_BEFORE.search(
                prose, max(0, m.start() - 24), m.start()
            ):
                # "crude for December delivery", "the March contract": a month traded ahead
                read = "future"
                how = "a delivery or contract month: the first on or after the publication date's"
            year = _year_for_month(month, published, read)
        first, last = _month_range(year, month, g["part"])
        return _make(m, "month", f"{year:04d}-{month:02d}", how, cue, range=(first, last))
    if g["wday"]:
        name = g["weekday2"]
        if name[0].islower():
            return None
        if published is None:
            return _make(m, "weekday", None, "no publication date", cue, weekday=name)
        target = WEEKDAYS.index(name.lower())
        rel = (g["wrel"] or "").lower()
        today = published.weekday()
        if rel in ("last", "past"):
            delta = (today - target) % 7 or 7
            date = published - dt.timedelta(days=delta)
            how = "the latest before the publication date"
        elif rel in ("next", "coming"):
            delta = (target - today) % 7 or 7
            date = published + dt.timedelta(days=delta)
            how = "the next after the publication date"
        elif rel == "this":
            # "this Thursday": the one of the publication date's week (Monday to
            # Sunday), whatever the verb; reported speech ("said the issue
            # would be discussed this Friday") makes the tense unreliable.
            date = published + dt.timedelta(days=target - today)
            how = "the one in the publication date's week"
        elif tense == "future":
            date = published + dt.timedelta(days=(target - today) % 7)
            how = "future tense: the next on or after the publication date"
        elif _FORWARD_BEFORE.search(prose, max(0, m.start() - 40), m.start()):
            # "until Monday", "ahead of Sunday's election": a time still to come
            date = published + dt.timedelta(days=(target - today) % 7)
            how = "a time ahead (until, by, ahead of): the next on or after the publication date"
        elif tense == "past":
            date = published - dt.timedelta(days=(today - target) % 7)
            how = "past tense: the latest on or before the publication date"
        else:
            # News reports what happened: with no cue a bare weekday is past.
            date = published - dt.timedelta(days=(today - target) % 7)
            how = "no tense cue: the latest on or before the publication date"
        return _make(m, "weekday", date, how, cue, weekday=name)
    if g["rel"]:
        if published is None:
            return _make(m, "relative", None, "no publication date", cue)
        return _relative(m, g, published, cue)
    if g["wyr"]:
        words = g["wyear4"].lower()
        if not g["wprep"] and ("hundred" in words or words.startswith("two")):
            return None  # "nineteen hundred people", "two thousand and five votes": counts
        year = year_from_words(words)
        return _make(
            m, "year", f"{year:04d}", "stated (in words)", cue,
            range=(dt.date(year, 1, 1), dt.date(year, 12, 31)), year_stated=True,
        )  # fmt: skip
    if g["yr"]:
        year = int(g["year4"])
        return _make(
            m, "year", f"{year:04d}", "stated", cue,
            range=(dt.date(year, 1, 1), dt.date(year, 12, 31)), year_stated=True,
        )  # fmt: skip
    return None


def _weekday_the_nth(
    m: Any, g: dict[str, Any], published: dt.date | None, cue: Any
) -> DateExpression | None:
    """ "Wednesday the 5th": the 5th of the month nearest the publication date."""
    weekday = weekday_name(g["weekday4"])
    if weekday != g["weekday4"]:
        return None  # "wednesday the 5th": not capitalised, not a date
    day = int(g["nday"])
    if not 1 <= day <= 31:
        return None
    if published is None:
        return _make(m, "absolute", None, "no publication date", cue, weekday=weekday)
    best = None
    for delta in (-1, 0, 1):
        year, month = _shift_month(published.year, published.month, delta)
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    if best is None:
        return None
    nth = m.group().split()[-1]
    how = f"month and year from the publication date (the {nth} nearest it)"
    return _make(m, "absolute", best, how, cue, weekday=weekday)


_FORWARD_BEFORE = lazy.re(
    r"\b(?:until|till|ahead of|run-up to|starting|beginning)"
    r"\s+(?:(?:early|late|about|around|midday|noon|on|the)\s+)*\Z",
    re.I,
)
#: A verb further than this many words before a month alone may govern
#: another phrase ("became the sixth minister to ... in the run-up to a March
#: general election"): the month is then read as the nearest.
_MONTH_CUE_WORDS = 12
_DEADLINE_BEFORE = lazy.re(r"\b(?:until|till|by|through)\s+\Z", re.I)
_ANAPHORIC = 'the year of another date ("{} year"): not resolved'
# "on August 6 and 9, 1945", "Dec. 1-15, 2006": the year after a range of days.
_SHARED_YEAR = lazy.re(r"\s*(?:and|or|to|through|-|–)\s*\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(\d{4})\b")
# A month traded ahead: "for December delivery", "the March contract", "delivery in May".
_DELIVERY_AFTER = lazy.re(
    r"[ \t]+(?:delivery|deliveries|contracts?|futures|settlement|options?|shipment|loading)\b",
    re.I,
)
_DELIVERY_BEFORE = lazy.re(r"\b(?:delivery|shipment|loading)\s+(?:in|for)\s+\Z", re.I)
_SINCE_BEFORE = lazy.re(r"\bsince\s+\Z", re.I)
_ENDED_BEFORE = lazy.re(r"\b(ended|since)\s+\Z", re.I)


def _exists(month: int, day: int) -> bool:
    """Whether some year has this month and day (Feb. 29 does, Feb. 30 not)."""
    try:
        dt.date(2000, month, day)  # a leap year
    except ValueError:
        return False
    return True


def _year_for_month(month: int, published: dt.date, tense: str | None) -> int:
    if tense == "past":
        return published.year if month <= published.month else published.year - 1
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    best = min(
        (published.year - 1, published.year, published.year + 1),
        key=lambda y: abs((y * 12 + month) - (published.year * 12 + published.month)),
    )
    return best


def _relative(m: Any, g: dict[str, Any], published: dt.date, cue: Any) -> DateExpression:
    if g["simple"]:
        word = g["simple"].lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return _make(
            m,
            "relative",
            published + dt.timedelta(days=offset),
            f"{word} from the publication date",
            cue,
        )
    if g["lnt"] or g["earlier"]:
        which = (g["lnt"] or "this").lower()
        unit = (g["lunit"] or g["eunit"]).lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
        if unit in ("week", "weekend"):
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
            iso = monday.isocalendar()
            first, last = monday, monday + dt.timedelta(days=6)
            if unit == "weekend":
                first = monday + dt.timedelta(days=5)
            return _make(
                m,
                "relative",
                f"{iso[0]}-W{iso[1]:02d}",
                f"{which} {unit}",
                cue,
                range=(first, last),
            )
        if unit == "month":
            year, month = _shift_month(published.year, published.month, step)
            first, last = _month_range(year, month, None)
            return _make(
                m, "relative", f"{year:04d}-{month:02d}", f"{which} month", cue, range=(first, last)
            )
        year = published.year + step
        return _make(
            m, "relative", f"{year:04d}", f"{which} year", cue,
            range=(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        )  # fmt: skip
    number_text = g["num"].lower()
    digits = number_text.replace(",", "")  # "1,400 years ago"
    number = int(digits) if digits.isdigit() else _NUMBER_WORDS[number_text]
    unit = g["unit"].lower()
    sign = -1 if g["dir"].lower() in ("ago", "earlier") else 1
    if unit == "day":
        return _make(
            m,
            "relative",
            published + dt.timedelta(days=sign * number),
            "counted from the publication date",
            cue,
        )
    if unit == "week":
        date = published + dt.timedelta(weeks=sign * number)
        iso = date.isocalendar()
        monday = date - dt.timedelta(days=date.weekday())
        return _make(
            m, "relative", f"{iso[0]}-W{iso[1]:02d}", "counted from the publication date", cue,
            range=(monday, monday + dt.timedelta(days=6)),
        )  # fmt: skip
    if unit == "month":
        year, month = _shift_month(published.year, published.month, sign * number)
        first, last = _month_range(year, month, None)
        return _make(
            m,
            "relative",
            f"{year:04d}-{month:02d}",
            "counted from the publication date",
            cue,
            range=(first, last),
        )
    year = published.year + sign * number
    return _make(
        m, "relative", f"{year:04d}", "counted from the publication date", cue,
        range=(dt.date(year, 1, 1), dt.date(year, 12, 31)),
    )  # fmt: skip


class DateExtractor:
    name = "dates"
    requires: tuple[str, ...] = ()

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        found = resolve(document.prose, document.metadata.published)
        meta = document.metadata
        if meta.dateline_span and meta.dateline_end:
            # The dateline's own date ("SALVADOR, Feb 26 -") is metadata.
            first, last = meta.dateline_span[0], meta.dateline_end
            found = [e for e in found if not first <= e.start < last]
        prose = document.prose
        return [e for e in found if not _in_dateline(prose, e.start, e.end)]


# "RIO DE JANEIRO, MARCH 25 -", "Chicago, April 7 -": a place line that opens a
# paragraph with the story's own date, in any case (metadata finds the ones in
# capitals with a month as written).
_PLACE_BEFORE = lazy.re(r"[^\W\d_][\w.'’ (),-]{0,40},[ \t]+\Z")
_DASH_AFTER = lazy.re(r"[ \t]*(?:—|–|--?)[ \t]")


def _in_dateline(prose: str, start: int, end: int) -> bool:
    line_start = prose.rfind("\n", max(0, start - 48), start) + 1
    if line_start == 0 and start > 48:
        return False
    return bool(_PLACE_BEFORE.match(prose, line_start, start) and _DASH_AFTER.match(prose, end))
