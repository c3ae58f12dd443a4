"""A check-worthy statistic with no source in its sentence (a checklist aid).

**What it flags.** Sentences that state a statistic a fact-checker would
verify: a share ("12 percent", "70 pct of its export revenue"), a large
sum ("$7 million", "£2bn", "169 billion dlrs"), a count of people or
things ("32 Labour MPs", "about 8,000", "250 foreign companies"), or a
record ("the largest ever", "a record high", "for the first time since
1990") with no attribution in the sentence, nor in the sentence before or
after it in its paragraph (the wire attributes once a paragraph): no speech
or reporting verb, no "according to", no link, no named report, study,
poll or filing.

Not claims: numbers inside quotations (and in a paragraph that opens a
quotation), in the dateline and the headline, years, ages ("Ivanka Trump,
34"), times, numbers in names ("24 Hour Party People", "Windows 95"),
sports results and line-ups, and results and market tables (lines of
figures, "Shr two cts vs n.a."). Sentences are split once, linearly, and
not at decimals or abbreviations ("94.00 dlrs", "4 a.m.", "U.S.", "No.
2"), so a claim keeps its own "the sources said". Off by default and info
level: it lists what a fact-checker should verify.

**Why.** Claim-detection research (ClaimBuster and later work) finds that
numbers, comparisons and superlatives are what readers act on and what
goes wrong most; each needs a source a checker can find.

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
    r"|hundreds|thousands|millions|dozen|dozens|half"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_COUNTED = (
    r"people|persons|residents|citizens|voters|workers|employees|jobs|deaths|dead|victims"
    r"|cases|children|students|members|mps|lawmakers|incidents|attacks|homes|households"
    r"|users|customers|patients|troops|soldiers|refugees|immigrants|migrants|agencies"
    r"|companies|firms|schools|protesters|supporters|delegates|americans|britons|families"
    r"|women|men|adults|teenagers|officers|police|prisoners|inmates|doctors|nurses|teachers"
    r"|banks|countries|states|groups|organisations|organizations|businesses|stores|plants"
    r"|mines|farms|acres|hectares|tonnes|tons|barrels|vehicles|cars|flights|arrests"
    r"|complaints|applications|signatures|votes|visitors|subscribers|viewers|listeners"
)
_MAGNITUDE = r"m|bn|mln|million|millions|billion|billions|bln|trillion|tn"
_CURRENCY = r"dlrs|dollars|stg|pounds|yen|marks|francs|euros|lire|pesos|rupees|yuan|crowns"
_CLAIM = casefree.compile(
    rf"(?<![\w.,-])(?:{_NUMBER})\s*(?:%|percent\b|per cent\b|pct\b)"
    rf"|(?:\b(?:{_NUMBER_WORDS})|(?<![\w.,-])(?:{_NUMBER}))[ -](?:percent|per cent|pct)\b"
    rf"|[$£€]\s?(?:{_NUMBER})\s*(?:{_MAGNITUDE})\b"
    rf"|(?<![\w.,-])(?:{_NUMBER})\s*(?:{_MAGNITUDE})\s+(?:{_CURRENCY})\b"
    rf"|(?<![\w.,$£€-])(?!(?:19|20)\d\d\b)(?:{_NUMBER})(?:\s+(?:million|billion))?\s+(?:[a-z-]+\s+)?(?:{_COUNTED})\b"
    rf"|\b(?:about|nearly|almost|more than|at least|some|over|fully|an estimated|up to)"
    rf"\s+\d{{1,3}}(?:,\d{{3}})+(?![\w.,])"
    r"|\b(?:the|a|its|their) (?:largest|biggest|highest|lowest|worst|fastest|deadliest"
    r"|smallest|most)\b[^.;:]{0,40}?\b(?:ever|in history|on record|since (?:18|19|20)\d\d)\b"
    r"|\brecord(?:-setting| high| low| number| level)\b"
    r"|\b(?:would be|will be|is|was|became|becomes) the (?:first|only|largest|biggest) [a-z-]+"
    r" (?:in|to|on|of)\b"
    rf"|\b(?:lasts|lasted|last for|takes|took|spent|spends) (?:about |nearly |up to )?"
    rf"(?:\d+|{_NUMBER_WORDS}) (?:days|weeks|months|years|hours)\b"
    rf"|\b(?:about|nearly|almost|more than|at least|some|over|fully|an estimated)"
    rf" (?:{_NUMBER_WORDS})(?: dozen| hundred| thousand| million)? (?:[a-z-]+ )?(?:{_COUNTED})\b"
    r"|\bfor the first time (?:in|since|ever)\b"
)
_SOURCE = casefree.compile(
    r"\b(?:said|says|say|saying|told|tells|according|reported|reports|wrote|writes|estimates?"
    r"|estimated|predicted|predicts|projected|projects|forecast|forecasts|added|noted|argued"
    r"|claims?|claimed|contends?|expects?|expected|found|finds|shows?|showed|shown|study"
    r"|survey|report|data|figures|statistics|census|poll|polls|records|filing|filed|announced"
    r"|announces|announcement|stated|cited|citing|quoted|confirmed|disclosed|points? to)\b"
    r"|\bput\b[^.;]{0,60}?\bat\b"
    r"|https?://|www\."
)
# Sport: results, line-ups and careers are checked against the scoreboard.
_SPORT = casefree.compile(
    r"\b(?:goals?|scored|scoring|points|seconds|minutes|match|matches|innings|wickets|runs"
    r"|touchdowns?|rebounds|yards|laps|race|title|championship|cup|league|premiership"
    r"|defeat|beat|victory|win|won|draw|squad|caps|season|seed|seeded|tournament|medal"
    r"|appearances|fixture|half-time|semi-final|final|quarter-final)\b"
)
# Market moves and quotes come from the exchange, not from a source to name.
_MARKET = casefree.compile(
    r"\b(?:shares?|stocks?|index|futures|bonds?|yields?|traded|trading|dealers|quoted"
    r"|bid|offered|firmer|easier|nasdaq|dow|ftse|nikkei)\b"
)
_TABLE_LINE = lazy.re(
    r"\b(?:vs|shr|cts|revs|qtr|mths|avg|oper)\b|\bnet\b.*\d|<[A-Z.]+>\s+-\s", re.I
)
_WORD = lazy.re(r"[^\W\d_]{2,}")


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
        skip: list[tuple[int, int]] = []
        if document.metadata.dateline_span:
            skip.append(document.metadata.dateline_span)
        first_line = prose.find("\n")
        if first_line > 0 and prose[:first_line].rstrip()[-1:] not in ".!?":
            skip.append((0, first_line))  # the headline
        lines = [0, *(m.end() for m in re.finditer(r"\n", prose))]
        tables: dict[int, bool] = {}
        starts = [0, *sentence_ends(prose)]
        starts.append(len(prose))
        previous = -1
        for i, (first, last) in enumerate(itertools.pairwise(starts)):
            before, previous = previous, first
            text = prose[first:last]
            claim = _CLAIM.search(text, lower[first:last])
            if claim is None:
                continue
            at = first + claim.start()
            if any(a <= at < b for a, b in skip) or _quoted(quotes, quote_starts, first, last):
                continue
            line = lines[bisect.bisect_right(lines, first) - 1]
            if prose[line : line + 1] in ('"', "“", "'", "‘"):
                continue  # a paragraph that opens a quotation running on, unclosed in news style
            low = lower[first:last]
            if _SOURCE.search(text, low) or _SPORT.search(text, low) or _MARKET.search(text, low):
                continue
            if before >= line and _SOURCE.search(prose[before:first], lower[before:first]):
                continue  # the wire attributes once a paragraph: "It said ... Orders rose 35 pct."
            after = starts[i + 2] if i + 2 < len(starts) else last
            same_paragraph = after > last and prose[last - 1] != "\n"
            if same_paragraph and _SOURCE.search(prose[last:after], lower[last:after]):
                continue  # the next sentence of the paragraph gives it: "..., the survey found"
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
                f'check-worthy claim ("{claim.group().strip()}") with no source in the sentence;'
                " add who says so or a link",
                subject=text.strip(),
            )


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
