"""A claim attributed to nobody in particular ("critics say", "sources said", "reportedly").

**What it flags.** Vague attributions, from a phrase list kept as data in
``vague_attribution.json`` ("critics say", "some say", "sources said",
"reportedly", "it is believed", "experts say", "many people think" and
their kin, and a quotation behind a hiding passive: "has been described as
"a betrayal"" with no "by ..." after it), once per vague source per story:
"the sources said" five times is one finding at the first, with the others
as related locations.

Not flagged:

- a sentence that also names its source: a person ("critics, including
  Ald. Bob Donovan, say"), "according to" a named outlet or report ("it is
  thought ..., according to a Reuters report"), or a pronoun standing for
  one ("..., they added");
- sources described by who they are, the wire's standard ("diplomatic
  sources said", "Finance Ministry sources said", "sources close to the
  talks", "people familiar with"); "the sources said" after such a
  description is the same described source;
- "experts say" or "critics say" followed at once by a named expert or
  critic (the next sentence names them);
- "some said" or "many said" of a group the sentence, or one of the two
  before in its paragraph, has named ("Economists said ... Some said"), or
  that spoke in one of the four sentences before, across paragraph breaks
  (wire copy: "..., dealers said." / "Some said ..."), or that the
  sentence before names across a paragraph break ("Analysts are divided."
  / "Some said ...");
  "if it is believed";
  "other experts say" (beyond those the story has cited);
- "analysts said", "according to some steel analysts", and experts or
  observers described by their field ("tax experts said", "political
  observers said": standard commentary, not a hidden source; "experts
  said" after them in the paragraph is the same experts), and a speaker
  described by role and place ("said a trader at a large Zurich bank",
  "an official said" of the company the sentence names): a desk reads
  these as described sources;
- a hedge ("is believed to", "reportedly") in a sentence that attributes
  itself ("..., dealers said") or near one that names the report (the
  sentence after, or one of the two before in its paragraph: "As The Hill
  reported, ...") or right after one where a described group spoke ("The
  traders said ... . Trees are said to be in excellent condition"); a
  hedge about the distant past ("feta is believed to have been made for
  6,000 years"); "..., it is said, ..." as an aside;
- a hedge next to a sentence that names the broadcast ("on CNN's show") or
  answers the reports ("Neither company would comment on those reports");
- a hedge in a story whose lede cites described sources, or whose two
  sentences before do ("HAMBURG - The fishmeal market was quiet, trade
  sources said. ... Chile is said to have good catches"): wire copy's
  lede attribution covers the story;
- hedges and "some say" in a story with a labelled market-talk section
  ("Market talk and comment - Pakistan was rumored to have rejected
  offers"): the note labels its rumours as rumours;
- "some said ..., others said ...": a split of views among those the
  story covers;
- a headline ("Campaign Reportedly Scrambling For Votes"): the story below
  it says whose report, or is flagged itself;
- a phrase inside a quotation (the speaker's own words).

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

import bisect
import functools
import re
from collections.abc import Callable, Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity, casefree, lazy
from factlint.rules import related_at
from factlint.sentences import sentence_ends


@functools.cache
def vague_pattern() -> casefree.Pattern:
    """One alternation, a named group per kind of vague source."""
    from factlint.data import load_data

    kinds: dict[str, list[str]] = load_data("vague_attribution.json", __file__)["kinds"]
    groups = (
        f"(?P<{kind}>" + "|".join(f"(?:{p})" for p in phrases) + ")"
        for kind, phrases in kinds.items()
    )
    return casefree.compile(r"\b(?:" + "|".join(groups) + r")\b")


# A source named in the sentence, other than a person: "according to a
# Reuters report", "The Hill reported", "..., they added".
_NAMED_SOURCE = lazy.re(
    r"\baccording to (?:an? |the )?(?:[\w'’-]+ )?[A-Z]"
    r"|\b(?:he|she|they|it|He|She|They|It) (?:said|says|added|told|reported|wrote)\b"
    r"|\b[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4} (?:reported|reports|said|says|told|wrote)\b"
    r"|\breported by\b"
)
# A word before "sources" that leaves them undescribed ("the sources",
# "according to sources", "unnamed sources"); any other word describes them
# ("diplomatic sources", "Finance Ministry sources").
_UNDESCRIBING = frozenset(
    {
        *("the", "a", "an", "one", "some", "two", "three", "several", "other", "many"),
        *("numerous", "multiple", "to", "and", "but", "or", "by", "of", "from", "with"),
        *("that", "citing", "cited", "these", "those", "our", "his", "her", "their", "its"),
        *("unnamed", "anonymous", "unidentified", "said", "told"),
    }
)
_LAST_WORD = lazy.re(r"([\w'’-]+)[ \t]+$")
# A named report in the sentence before or after a hedge: "according to the
# AP", "the Associated Press news agency reported".
_REPORT = lazy.re(
    r"\baccording to (?:an? |the )?(?:[\w'’-]+ )?[A-Z]"
    r"|\b[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4} (?:news agency |newspaper )?reported\b"
    r"|\breported by\b"
    r"|\b[A-Z][\w.&-]*['’]s[ \t]+(?:show|programme|program|broadcast|report|website|newspaper)\b"
    r"|\b(?:those|these|the)[ \t]+reports\b"
)
# A labelled market-talk section ("Market talk and comment - Pakistan was
# rumored to ..."): the trade note says its rumours are rumours.
_MARKET_TALK = lazy.re(r"\bmarket[ \t]+(?:talk|comment|chatter|gossip)\b", re.I)
_MARKET_KINDS = frozenset({"hearsay", "reports", "some", "many"})
# "Some said ..., others said ...": a split of views among those the story
# covers, not a hidden source.
_OTHERS_AFTER = lazy.re(
    r"[^\n]{0,200}?\bothers[ \t]+(?:say|said|says|believe|believed|argue|argued|think|thought)\b"
)
_BACK_REFERENCE = lazy.re(r"\b(?:the|these|those)[ \t]+$", re.I)
_SOURCE_WORD = lazy.re(r"\bsources?\b", re.I)
# After "a source" or "sources", words that say who they are.
_DESCRIBED_AFTER = lazy.re(
    r"[ \t]+(?:at|on|in|inside|within|from|with|close to|familiar with|involved in|who)\b"
)
# Any attribution in the sentence: "was thought to ..., dealers said".
_ATTRIBUTED = lazy.re(r"\b(?:said|says|told|added|according to|reported|reports)\b")
# A group named before "some" in the sentence ("Stockbrokers and legislators
# welcomed it, but some said"): "some" are some of them.
_GROUP_BEFORE = lazy.re(
    r"\b\w+(?:ers|ors|ists|ysts|ians|ants|ents|men|people|members|officials|leaders)\b", re.I
)
# Sentences before a hedge or "some said", in its paragraph, that may name
# its source or its group.
_LOOK_BACK = 2
# ... and, across paragraph breaks (wire copy runs one sentence a
# paragraph), sentences before it where a described group spoke ("The
# traders said ... . Trees are said to be in excellent condition" / "...,
# dealers said. ... Some said").
_GROUP_LOOK_BACK = 4
_GROUP_SAID = lazy.re(
    r"\b\w+(?:ers|ors|ists|ysts|ians|ants|ents|men|people|members|officials|leaders|sources)"
    r"[ \t]+(?:said|say|says|reported|added|told)\b"
    r"|\b(?:they|They)[ \t]+(?:said|say|says|added)\b",
)
# A hedge about the distant past: "feta is believed to have been produced
# for about 6,000 years", "thought to date back to the 12th century".
_HISTORY_AFTER = lazy.re(
    r"[^.\n]{0,80}?\b(?:for|over|some|about|around|nearly|almost|than)[ \t]+[\d,]{3,}[ \t]+years"
    r"|[^.\n]{0,40}?\b(?:date|dates|dating)[ \t]+back\b"
    r"|[^.\n]{0,80}?\b(?:centuries|millennia|\d+(?:st|nd|rd|th)[ \t]+century)\b"
)
# "..., it is said, ...": a parenthetical aside of local lore, not a source
# for a claim.
_ASIDE_BEFORE = lazy.re(r",[ \t]*$")
_ASIDE_AFTER = lazy.re(r"[ \t]*,")
# The first paragraph, up to a blank line, bounded so a file with none stays cheap.
_FIRST_PARAGRAPH = lazy.re(r"\s*(\S[^\n]{0,400}(?:\n[^\n\S]*\S[^\n]{0,400}){0,2})")
_BLANK_LINE = lazy.re(r"\n[^\S\n]*\n")
_MAX_RELATED = 20  # places listed with a finding; the message gives the full count
_FIELD_KINDS = frozenset({"experts", "observers"})
_CONDITION = lazy.re(r"\b(?:if|unless|whether)[ \t]+$", re.I)
_HEARSAY_KINDS = frozenset({"hearsay", "reports"})
# Kinds that stand for people a story may name in the next sentence.
_PEOPLE_KINDS = frozenset({"critics", "experts", "observers", "some", "many", "insiders"})


class VagueAttribution(DocumentRule):
    code = "FL204"
    name = "vague-attribution"
    severity = Severity.WARNING
    requires = ("people", "quotes")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        prose = document.prose
        people = sorted(p.start for p in facts.get_list("people") if not p.quoted)
        quotes = sorted((q.start, q.end) for q in facts.get_list("quotes"))
        quote_starts = [a for a, _ in quotes]
        ends = sentence_ends(prose)
        starts = [0, *ends]

        def sentence(at: int) -> tuple[int, int]:
            i = bisect.bisect_right(starts, at) - 1
            return starts[i], ends[i] if i < len(ends) else len(prose)

        def quoted(at: int) -> bool:
            i = bisect.bisect_right(quote_starts, at) - 1
            return i >= 0 and at < quotes[i][1]

        def person_in(a: int, b: int) -> bool:
            i = bisect.bisect_left(people, a)
            return i < len(people) and people[i] < b

        named: dict[int, list[tuple[int, int]]] = {}

        def named_source(first: int, last: int, start: int, end: int) -> bool:
            """The sentence names a source outside the vague phrase itself."""
            if first not in named:  # once per sentence: linear however many phrases it holds
                named[first] = [
                    (n.start(), n.end()) for n in _NAMED_SOURCE.finditer(prose, first, last)
                ][:3]
            return any(b <= start or a >= end for a, b in named[first])

        cues: dict[int, list[tuple[int, int]]] = {}

        def attributed(first: int, last: int) -> list[tuple[int, int]]:
            """Attribution words of the sentence (three are enough to answer)."""
            if first not in cues:
                cues[first] = [m.span() for m in _ATTRIBUTED.finditer(prose, first, last)][:3]
            return cues[first]

        reports: dict[int, bool] = {}

        def reported(first: int, last: int) -> bool:
            """The sentence names a report ("according to the AP", "The Hill reported")."""
            if first not in reports:
                reports[first] = _REPORT.search(prose, first, last) is not None
            return reports[first]

        groups: dict[int, int] = {}

        def group_at(first: int, last: int) -> int:
            """Where the sentence first names a group of people (or its end)."""
            if first not in groups:
                g = _GROUP_BEFORE.search(prose, first, last)
                groups[first] = g.start() if g else last
            return groups[first]

        def earlier(first: int) -> Iterator[tuple[int, int]]:
            """Up to two sentences before the one starting at ``first``, in its paragraph."""
            for _ in range(_LOOK_BACK):
                if first <= 0:
                    return
                first, end = sentence(first - 1)
                if prose[first:end].isspace():
                    return  # a blank line: the paragraph starts here
                yield first, end

        def previous(first: int) -> Iterator[tuple[int, int]]:
            """The sentence before, across a paragraph break (wire copy runs a
            sentence a paragraph: "Analysts are divided. / Some said ...")."""
            while first > 0:
                first, end = sentence(first - 1)
                if not prose[first:end].isspace():
                    yield first, end
                    return

        said_cache: dict[int, bool] = {}

        def group_said(first: int, back: int = _GROUP_LOOK_BACK) -> bool:
            """A described group spoke in one of the few sentences before,
            across paragraph breaks."""
            seen = 0
            while seen < back:
                if first <= 0:
                    return False
                first, end = sentence(first - 1)
                if prose[first:end].isspace():
                    continue  # a paragraph break: wire copy runs a sentence a paragraph
                seen += 1
                if first not in said_cache:
                    said_cache[first] = _GROUP_SAID.search(prose, first, end) is not None
                if said_cache[first]:
                    return True
            return False

        headline_end = _headline_end(prose)
        breaks = [b.start() for b in _BLANK_LINE.finditer(prose)]
        described: dict[str, int] = {}  # kind -> end of the paragraph that described it
        mention = _SOURCE_WORD.search(prose)
        first_source = mention.start() if mention else len(prose)
        market_talk = _MARKET_TALK.search(prose) is not None
        spoke: list[int] = []  # where described sources spoke ("trade sources said")
        lede = _lede_end(prose, headline_end, sentence)

        def sources_spoke(first: int) -> bool:
            """Described sources spoke in the lede, which wire copy's attribution
            covers, or in one of the two sentences before (across paragraph breaks)."""
            if not spoke or spoke[0] >= first:
                return False
            if spoke[0] < lede:
                return True
            seen = 0
            while seen < _LOOK_BACK and first > 0:
                first, end = sentence(first - 1)
                if not prose[first:end].isspace():
                    seen += 1
            return spoke[-1] >= first

        firsts: dict[str, tuple[int, int, str]] = {}
        repeats: dict[str, list[tuple[int, int]]] = {}
        explained: set[str] = set()
        pattern = vague_pattern()
        kinds = list(pattern.ignorecase().groupindex)
        for m in pattern.finditer(prose):
            if quoted(m.start()) or m.start() < headline_end:
                continue  # the speaker's own words; a headline, which the story then sources
            kind = next(k for k in kinds if m.start(k) >= 0)
            if kind == "sources" and (
                spoke or _described(prose, sentence(m.start())[0], m.start(), m.end(), m.group())
            ):
                spoke.append(m.start())  # described sources, or "the sources" after them
            if kind in explained or m.start() < described.get(kind, -1):
                continue  # the source described before ("the sources", experts of a field)
            first, last = sentence(m.start())
            if person_in(first, last) or named_source(first, last, m.start(), m.end()):
                continue  # the sentence names its source
            if (
                kind == "sources"
                and kind not in firsts
                and _BACK_REFERENCE.search(prose, max(first, m.start() - 8), m.start())
            ):
                continue  # "the sources said": the sources the story described before
            if kind == "sources" and (
                _described(prose, first, m.start(), m.end(), m.group())
                or (kind not in firsts and first_source < m.start())
            ):
                explained.add(kind)  # "the sources said" later is this source again
                continue
            if market_talk and kind in _MARKET_KINDS:
                continue  # a labelled market-talk note: its rumours are labelled as such
            if kind in _HEARSAY_KINDS and (
                sources_spoke(first)
                or reported(first, last)
                or any(b <= m.start() or a >= m.end() for a, b in attributed(first, last))
                or any(reported(*before) for before in earlier(first))
                or (last < len(prose) and reported(*sentence(last)))
                or group_said(first, 1)
            ):
                continue  # "thought to ..., dealers said"; "according to the AP. ... reportedly"
            if kind == "hearsay" and (
                _HISTORY_AFTER.match(prose, m.end(), last)
                or (
                    _ASIDE_BEFORE.search(prose, max(first, m.start() - 3), m.start())
                    and _ASIDE_AFTER.match(prose, m.end(), last)
                )
            ):
                continue  # a hedge about the distant past, or ", it is said," lore
            if kind in _FIELD_KINDS and _field(prose, first, m.start()):
                i = bisect.bisect_left(breaks, m.end())
                described[kind] = breaks[i] if i < len(breaks) else len(prose)
                continue  # "tax experts said", "political observers": commentary, like analysts
            if kind == "hearsay" and _CONDITION.search(prose, max(first, m.start() - 9), m.start()):
                continue  # "if it is believed payments will resume": a condition, not a source
            if kind in ("some", "many") and (
                group_at(first, last) < m.start()
                or any(group_at(a, b) < b for a, b in earlier(first))
                or group_said(first)
                or any(group_at(a, b) < b for a, b in previous(first))
                or _OTHERS_AFTER.match(prose, m.end(), last)
            ):
                continue  # "Traders welcomed it, but some said": some of them
            if kind in _PEOPLE_KINDS and kind not in firsts:
                after, end = sentence(last) if last < len(prose) else (last, last)
                if after == last and person_in(after, end):
                    continue  # the next sentence names them
            if kind in firsts:
                repeats.setdefault(kind, []).append((m.start(), m.end()))
            else:
                firsts[kind] = (m.start(), m.end(), m.group())
        for kind, (start, end, phrase) in sorted(firsts.items(), key=lambda kv: kv[1][0]):
            again = repeats.get(kind, [])
            related = [
                related_at(document, a, b, "the same vague source again")
                for a, b in again[:_MAX_RELATED]
            ]
            more = f" ({len(again) + 1} times in the story)" if again else ""
            yield self.finding(
                document,
                start,
                end,
                f'"{phrase}" attributes to nobody in particular{more}; name the source or say'
                " why it cannot be named",
                related=related,
            )


def _described(prose: str, first: int, start: int, end: int, phrase: str) -> bool:
    """ "Diplomatic sources said", "according to a source at the station": words
    before or after "sources" say who they are."""
    if phrase.lower().endswith(("source", "sources")):
        return _DESCRIBED_AFTER.match(prose, end) is not None
    if not phrase.lower().startswith(("sources", "source")):
        return False  # "a source said", "one source said"
    before = _LAST_WORD.search(prose[max(first, start - 40) : start])
    return before is not None and before.group(1).lower() not in _UNDESCRIBING


def _field(prose: str, first: int, start: int) -> bool:
    """ "Tax experts", "political observers", or "the experts" again: experts
    described by their field, or ones the story has described before."""
    before = _LAST_WORD.search(prose, max(first, start - 40), start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word in ("the", "these", "those", "other") or word not in _UNDESCRIBING


def _lede_end(prose: str, headline_end: int, sentence: Callable[[int], tuple[int, int]]) -> int:
    """Where the story's first sentence after the headline ends."""
    at = headline_end
    for _ in range(8):  # blank lines (a blanked front matter) before the lede
        if at >= len(prose):
            break
        first, end = sentence(at)
        if not prose[first:end].isspace():
            return end
        at = end
    return at


def _headline_end(prose: str) -> int:
    """Where the headline ends, or 0: a short first paragraph in title case or
    capitals ("Campaign Reportedly Scrambling For Votes"), with or without a
    full stop. A headline says "reportedly" and the story says whose report."""
    first = _FIRST_PARAGRAPH.match(prose)
    if first is None:
        return 0
    words = [w for w in first.group(1).split() if len(w) > 3 and w[0].isalpha()]
    if not 2 <= len(words) <= 25 or len(first.group(1).split()) > 25:
        return 0
    capitals = sum(w[0].isupper() for w in words)
    return first.end() if capitals >= 0.6 * len(words) else 0


RULE = VagueAttribution
