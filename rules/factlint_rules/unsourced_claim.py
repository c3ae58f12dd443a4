"""An estimate, share or record stated as fact with no source near it (a checklist).

**What it flags.** Only claims a fact-checker must source and a pattern can
recognise, stated in the reporter's own voice in the body of a story:

- an *estimate*: a figure hedged as one ("about 8,000 people", "more than
  $10 million", "nearly 40 percent", "some 32 Labour MPs", "roughly 3,500
  troops"): somebody estimated it, and the reader should learn who;
- a *share of a whole* ("70 pct of its export revenue", "45% of DVD
  content", "a third of all voters", "two-thirds of total exports", "one
  in five voters");
- a *record or superlative* framed as one ("the largest ever", "a record
  high", "an all-time low", "for the first time since 1990").

It reports such a sentence only when no source is named in it or anywhere
in its paragraph (no speech or reporting verb, no "according to", no
link, no named report, study, poll or filing); a source in the paragraph
before does not count, since a quotation's "he said" is the quotation's.

**What it leaves alone.** The story's own reported event: the headline
and the lede, and every figure of a story whose headline or lede names its
source ("..., the company said", "a survey by ... found", "state media
report"): wire copy attributes once and its figures are that source's.
Exact figures stated flatly (a deal price, a stake, a company's results, a
count of people at an event): mostly the story's own news from its source.
Plans, offers, targets, forecasts and hypotheticals ("will", "would",
"plans to", "aims", "must"). Ownership stakes, deals, debts, costs,
markets, tenders and quoted prices (checked against the exchange or the
filing), sport, tables, questions, and anything in quotation marks (and in
a paragraph that opens one). Opinions ("one of the most ... ever"),
causal claims and background every reader knows are out of reach of a
pattern: the first is left alone, the other two are not reported unless
they carry one of the figures above. Numbers that are not claims: years,
ages, times, durations, names ("Windows 95"). Sentences are split once,
linearly, and not at decimals or abbreviations ("94.00 dlrs", "4 a.m.",
"U.S.", "No. 2"). Off by default and info level: a short checklist, not a
census of every number.

**Why.** Claim-detection research (ClaimBuster and later work) finds that
numbers, comparisons and superlatives are what readers act on and what
goes wrong most. On published copy most figures are the story's own news,
attributed once; an estimate, a share or a record in the reporter's own
voice, with no source anywhere near it, is the one a checker most often
cannot trace.

**Example.**

    About three dozen agencies in other states are already partnering with ICE.

**Fix.** Add the source: "..., according to ICE's list of 287(g)
agreements" or a link to it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from factlint import Document, DocumentRule, Facts, Finding, Severity, casefree, lazy
from factlint.sentences import sentence_ends

_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|a hundred|hundreds|thousands|millions|dozens|half|a dozen"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_COUNTED = (
    r"people|persons|residents|citizens|voters|workers|employees|jobs|deaths|dead|victims"
    r"|cases|children|students|members|mps|lawmakers|incidents|attacks|homes|households"
    r"|users|customers|patients|troops|soldiers|refugees|immigrants|migrants|agencies"
    r"|companies|firms|schools|protesters|supporters|delegates|americans|britons|families"
    r"|women|men|adults|teenagers|officers|police|prisoners|inmates|doctors|nurses|teachers"
    r"|banks|countries|states|groups|organisations|organizations|businesses|stores|plants"
    r"|mines|farms|acres|hectares|vehicles|cars|flights|arrests"
    r"|complaints|applications|signatures|votes|visitors|subscribers|viewers|listeners"
    r"|readers|fans|donors|contributors|uninsured|unemployed|jobless|homeless|deportations"
)
_MAGNITUDE = r"m|bn|mln|million|millions|billion|billions|bln|trillion|tn"
_CURRENCY = r"dlrs|dollars|stg|pounds|yen|marks|francs|euros|lire|pesos|rupees|yuan|crowns"
_PCT = r"(?:\s*%|\s*percent\b|\s*per cent\b|\s*pct\b|-percent\b)"
_MONEY = (
    rf"[$£€]\s?(?:{_NUMBER})(?:\s*(?:{_MAGNITUDE})\b)?"
    rf"|(?:{_NUMBER})\s*(?:{_MAGNITUDE})\s+(?:{_CURRENCY})\b"
)
_HEDGE = (
    r"about|around|roughly|nearly|almost|more than|over|at least|some|an estimated"
    r"|estimated|up to|as (?:much|many) as|fewer than|less than|close to|upwards of"
    r"|approximately|well over|just over|just under"
)
# A figure that counts: money, a share, a count of people or things, a
# number with thousands or a magnitude; not a time, a duration or an age.
_FIGURE = (
    rf"(?:{_MONEY})"
    rf"|(?:{_NUMBER}|{_NUMBER_WORDS}){_PCT}"
    rf"|(?:{_NUMBER}|{_NUMBER_WORDS})(?:\s+(?:{_MAGNITUDE}|hundred|thousand))?"
    rf"\s+(?:[a-z-]+\s+)?(?:{_COUNTED})\b"
    rf"|\d{{1,3}}(?:,\d{{3}})+(?![\w.,])(?!\s+(?:{_CURRENCY}|years?|days?|hours?)\b)"
    rf"|(?:{_NUMBER})\s+(?:million|billion|trillion)\b(?!\s+(?:years?|days?)\b)"
)
_CLAIM = casefree.compile(
    rf"(?<!\bno )(?<!\bnot )\b(?:{_HEDGE})\s+(?:{_FIGURE})"
    rf"|(?<![\w.,-])(?:{_NUMBER}){_PCT}\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|total\s+)?"
    r"(?!the\s+(?:vote|votes)\b)[a-z]"
    r"|\b(?:a|one|two) (?:third|quarter|fifth|tenth)s? of (?:all|the|its|their)\b"
    r"|\btwo-thirds of\b|\bthree-quarters of\b"
    rf"|\bone in (?:\d+|{_NUMBER_WORDS})\s+(?:[a-z-]+\s+)?(?:{_COUNTED})\b"
    r"|(?<!one of )\b(?:the|a|its|their) (?:largest|biggest|highest|lowest|worst|fastest|deadliest"
    r"|smallest|most)\b[^.;:]{0,40}?\b(?:ever|in history|on record|since (?:18|19|20)\d\d)\b"
    r"|\brecord(?:-setting| high| low| number| level)\b|\ball-time (?:high|low|record)\b"
    r"|\bfor the first time (?:since|in (?:\d+|decades|years|a decade|a century)|ever)\b"
)
_SOURCE = casefree.compile(
    r"\b(?:said|says|say|saying|told|tells|according|reported|reports|wrote|writes|estimates?"
    r"|estimated|guesstimated|predicted|predicts|projected|projects|forecast|forecasts|added"
    r"|noted|argued|claims?|claimed|contends?|expects?|expected|found|finds|shows?|showed"
    r"|shown|study|survey|report|data|figures|statistics|census|poll|polls|polling|records"
    r"|filing|filed|announced|announces|announcement|stated|cited|citing|quoted|confirmed"
    r"|disclosed|points? to|assured|insisted|insists|tallied|calculated|calculations"
    r"|analysis|published|released|revealed|reveals|indicated|indicates|suggests|suggested"
    r"|believed|believes|thought|reckoned|reckons|statement|spokesman|spokeswoman"
    r"|spokesperson|officials?|sources?|counted|tally|tallies|ranked|ranks|ranking|list|warned"
    r"|warns|urged|urges|called|calls|described|describes|agreed|requested|requesting|pointed"
    r"|admits|admitted|admission|apology|argument|argued|asked|asks|charged|charges|alleged"
    r"|alleges|allegedly|announce|ask|reporting|slams|slammed|believe|seen)\b"
    r"|\bput\b[^.;]{0,60}?\bat\b"
    r"|https?://|www\."
)
# A story built on a named document: its figures are that source's.
_STORY_SOURCE = casefree.compile(
    r"\b(?:poll|polls|survey|surveys|study|studies|census|report|reports|analysis|index"
    r"|figures|statistics|data|rankings?|list|release|statement|filings?|results|audit"
    r"|disclosures?|tally|records|estimates)\b"
)
# Plans, offers, forecasts and hypotheticals: their maker's, or the news.
_MODAL = casefree.compile(
    r"\b(?:will|would|could|may|might|should|shall|plans?|planned|planning|proposed|proposes"
    r"|proposal|offer|offers|offered|offering|bid|target|targets|targeting|aims?|aiming"
    r"|seeks?|seeking|wants?|hopes?|intends?|if|unless|budgeted|pledged|promised|promising"
    r"|going to|expected to|likely|set to|due to|must|need|needs|requires?|required|eligible"
    r"|demanding|demands?|demanded|foresees?|foresaw|sought)\b|'ll\b|’ll\b"
)
# Sport: results, line-ups and careers are checked against the scoreboard.
_SPORT = casefree.compile(
    r"\b(?:goals?|scored|scoring|points|seconds|minutes|match|matches|innings|wickets|runs"
    r"|touchdowns?|rebounds|yards|laps|race|title|championship|cup|league|premiership"
    r"|defeat|beat|victory|win|won|draw|squad|caps|season|seed|seeded|tournament|medal"
    r"|appearances|fixture|half-time|semi-final|final|quarter-final|transfer|signed)\b"
)
# Markets, tenders and quoted prices come from the exchange, not a source to name.
_MARKET = casefree.compile(
    r"\b(?:shares?|stocks?|index|futures|bonds?|yields?|traded|trading|traders?|dealers"
    r"|quoted|bid|offered|firmer|easier|nasdaq|dow|ftse|nikkei|price|prices|priced|rates?"
    r"|closed|opened|tender|tenders|tendered|tonnes|tons|barrels?|bushels|ounces?|crude"
    r"|currency|dollar|sterling|euro|libor|fed funds|slaughter|rebates?|ecus|cts|cents"
    r"|stake|holding|acquire|acquired|acquisition|purchase of|merger|takeover|buy|bought|sell|sold"
    r"|deal|net|profit|profits|earnings|dividend|quarter|quarterly|shr|revenues?|turnover"
    r"|sales|owns|owned|holds|market|markets|yen|coupon|notes|lots|volume|call money|debts?|loans?"
    r"|credits?|rescheduling|rescheduled|moratorium|principal|investments?|financing|deposits"
    r"|costs?|claims|claimants)\b"
)
_TABLE_LINE = lazy.re(
    r"\b(?:vs|shr|cts|revs|qtr|mths|avg|oper)\b|\bnet\b.*\d|<[A-Z.]+>\s+-\s", re.I
)
_WORD = lazy.re(r"[^\W\d_]{2,}")
_PARAGRAPH_BREAK = lazy.re(r"\n[^\S\n]*\n")


class UnsourcedClaim(DocumentRule):
    code = "FL202"
    name = "unsourced-claim"
    severity = Severity.INFO
    default_enabled = False
    requires = ("quotes",)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        prose = document.prose
        lower = prose.lower()
        if len(lower) != len(prose):
            lower = prose  # offsets must agree; the patterns then scan the text as written
        quotes = sorted((q.start, q.end) for q in facts.get_list("quotes"))
        quote_starts = [a for a, _ in quotes]
        breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(prose)]
        body = _body_start(prose, breaks, document.metadata.dateline_span)
        lede, lede_lower = prose[:body], lower[:body]
        if _SOURCE.search(lede, lede_lower) or _STORY_SOURCE.search(lede, lede_lower):
            return  # the headline or lede names the story's source: its figures are that source's
        lines = [0, *(m.end() for m in re.finditer(r"\n", prose))]
        tables: dict[int, bool] = {}
        sourced: dict[int, bool] = {}
        starts = [0, *sentence_ends(prose)]
        starts.append(len(prose))
        previous = -1
        for first, last in itertools.pairwise(starts):
            before, previous = previous, first
            if first < body:
                continue  # the headline and the lede: the story's own news
            text = prose[first:last]
            low = lower[first:last]
            claim = _CLAIM.search(text, low)
            if claim is None or text.rstrip().endswith("?"):
                continue
            if _quoted(quotes, quote_starts, first, last):
                continue
            line = lines[bisect.bisect_right(lines, first) - 1]
            if prose[line : line + 1] in ('"', "“", "'", "‘"):
                continue  # a paragraph that opens a quotation running on, unclosed in news style
            if any(p.search(text, low) for p in (_SOURCE, _MODAL, _SPORT, _MARKET)):
                continue
            if (
                before >= 0
                and not _quoted(quotes, quote_starts, before, first)
                and _SOURCE.search(prose[before:first], lower[before:first])
            ):
                continue  # "It said ... Orders rose 35 pct." (a quotation's "he said" is its own)
            i = bisect.bisect_right(breaks, first)
            if i not in sourced:
                a = breaks[i - 1] if i else 0
                b = breaks[i] if i < len(breaks) else len(prose)
                sourced[i] = _SOURCE.search(prose[a:b], lower[a:b]) is not None
            if sourced[i]:
                continue  # the paragraph names its source once
            if line not in tables:
                end_of_line = prose.find("\n", line)
                tables[line] = _table(prose[line : end_of_line if end_of_line >= 0 else None])
            if tables[line]:
                continue
            start = first + len(text) - len(text.lstrip())
            end = first + len(text.rstrip())
            yield self.finding(
                document,
                start,
                end,
                f'unsourced {_kind(claim.group())} ("{claim.group().strip()}") stated as fact;'
                " add who says so or a link",
                subject=text.strip(),
            )


def _body_start(prose: str, breaks: list[int], dateline: tuple[int, int] | None) -> int:
    """Where the body after the lede begins: past the headline, any dek and
    the first paragraph that reads as prose (a dateline, or 15 words)."""
    a = 0
    for b in [*breaks, len(prose)]:
        para = prose[a:b]
        if (dateline and a <= dateline[0] < b) or len(para.split()) >= 15:
            return b
        a = b
    return len(prose)


def _kind(claim: str) -> str:
    low = claim.lower()
    if re.search(r"record|first time|largest|biggest|highest|lowest|worst|most|all-time", low):
        return "record"
    if re.search(r"\bof\b|one in", low):
        return "share"
    if re.search(
        r"about|around|roughly|nearly|almost|more than|over|at least|some|estimated|up to"
        r"|as much|as many|fewer|less than|close to|upwards|approximately",
        low,
    ):
        return "estimate"
    return "figure"


def _quoted(quotes: list[tuple[int, int]], starts: list[int], first: int, last: int) -> bool:
    """A quotation overlaps the sentence: quoted words are the speaker's, and
    a sentence that quotes someone is attributed."""
    i = bisect.bisect_left(starts, last) - 1
    return i >= 0 and quotes[i][1] > first


def _table(line: str) -> bool:
    """A results or market table: a line of figures more than of words."""
    if _TABLE_LINE.search(line):
        return True
    return len(_WORD.findall(line)) < 2 * len(re.findall(r"\d+(?:[.,]\d+)*", line))


RULE = UnsourcedClaim
