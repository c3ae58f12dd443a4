"""Acronyms: each capitalised abbreviation in prose, and where (if anywhere)
the document spells it out.

An acronym counts as spelled out by "Immigration and Customs Enforcement
(ICE)", "ICE (Immigration and Customs Enforcement)", or simply by a
capitalised phrase whose initials make it ("Milwaukee Police Department" for
MPD), with small words (of, and, the, for, on, in, de, la) skipped, or by a
spelling-out right beside it in any case ("digital terrestrial TV (DTT)",
"DTT (digital terrestrial TV)", "Democracy for America, or DFA"). Text in
capitals (headlines, "FULL TEXT", "OBAMA’S LAST ..."), quotations, the
headline line (a short first line with no full stop, or in title case),
the dateline, labels ("NOTE:"), titles ("MR."), routing codes, handles,
emphasis (a word the story also writes in lower case, or a shout:
"PREACH!"), company names with their company word, the first word of a
longer name ("MGM Grand", "FDR Park", "CARLY for America"), US broadcast
call letters ("WKOW"), a broadcaster by what it is ("WEEI radio", "the TLC
reality show"), a name described beside it ("EDGE, an environmental justice
group"), a state after its city ("Newark, NJ"), a share in a price list
("BPB 10p to 660"), Roman numerals and links are not acronyms. A plural in
capitals is spelled out by its plural ("exchanges for physicals (EFPS)"),
and "or" may be one of the small words ("Identification Friend or Foe").
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Any

from factlint import lazy
from factlint.document import Document
from factlint.facts import Facts

# Two to six capitals (digits and & inside), an optional plural s; or dotted
# forms such as U.N. (dotted forms are left to the allowlist).
# The capital first, its look-behind (one character wider) after it: a pattern
# that opens with a character set lets the engine skip to the next capital
# (three times faster over a story than a look-behind tried at every character).
_ACRONYM = lazy.re(r"([A-Z](?<![\w&.@#/<-][A-Z])[A-Z0-9&]{1,5})(s?)(?![\w&#;-]|\.\w)")
# Not acronyms: a label ("NOTE:", "RAMOS:"), a title ("MR."), a wire routing
# code ("(NRBK 0622)"), a dateline ("BERNE -"), a name with its company word
# ("GAF Corp", "RDF Media") or after one ("security firm RSA").
_LABEL_AFTER = lazy.re(r"s?(?::|\.(?=\s)(?<=(?:MR|MS|DR|ST|JR|SR)\.)|[ \t]+\d{3,4}\))")
# A dateline's place ("BERNE - ") opens its line; mid-sentence, "or DFA - which
# was founded" is an acronym beside its spelling-out.
_DASH_AFTER = lazy.re(r"s?[ \t]+-[ \t]")
_COMPANY_AFTER = lazy.re(
    r"s?[ \t]+(?:Corp|Corporation|Inc|Co|Ltd|Plc|PLC|Group|Media|Bank|Financial|Holdings"
    r"|AG|SA|NV|SpA|Cos|Industries|Capital|Securities|Airlines|Records)\b"
)
_COMPANY_BEFORE = lazy.re(
    r"\b(?:firm|company|bank|group|agency|network|channel|station|broadcaster|airline"
    r"|carrier|insurer|retailer|maker|label|band|brokerage|subsidiary|unit|giant|conglomerate"
    r"|lender|operator|chain|provider|organization|organisation|association|charity|union"
    r"|coalition|institute)[ \t]+$",
    re.I,
)
# A broadcaster by what it is ("WEEI radio", "the TLC reality show", "ITV
# television station"), or a name described right beside it ("EDGE, an
# environmental justice group", "WKOW, the ABC affiliate"): a reader knows
# what it is without the letters spelled out.
_MEDIA_AFTER = lazy.re(
    r"s?[ \t]+(?:radio|television|network|channel|station|(?:reality |talk |TV )?show|series)\b"
)
_DESCRIBED_AFTER = lazy.re(
    r"s?,[ \t]+(?:a|an|the)[ \t]+[^,.;\n]{0,60}?\b(?:group|organi[sz]ation|company|firm"
    r"|affiliate|station|network|union|agency|association|party|coalition|charity|bank|institute"
    r"|council|committee|federation|league|body|movement|fund|alliance|society|channel"
    r"|broadcaster|newspaper|magazine|website|laboratory|lab|school|university|college)\b"
)
# US broadcast call letters: four letters opening with W or K ("WVIT", "KABC").
_CALL_LETTERS = lazy.re(r"^[WK][A-Z]{3}$")
# A US state's postal code after its city ("Newark, NJ,"), a share price in a
# market list ("BPB 10p to 660").
_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
    ]
)
_CITY_BEFORE = lazy.re(r"\b[A-Z][a-z]+,[ \t]+$")
_PENCE_AFTER = lazy.re(r"s?[ \t]+\d+(?:\.\d+)?p\b")
# Initials before a name ("KP Robertson", "CA del Fava") or a name ("MGM Grand").
_NAME_AFTER = lazy.re(r"s?[ \t]+(?:(?:de|del|da|di|dal|van|von|la|le|for|of)[ \t]+)?[A-Z][a-z]")
# A shout, not an acronym: "PREACH!"
_SHOUT_AFTER = lazy.re(r"s?!")
_TITLE_BEFORE = lazy.re(r"\b(?:MR|MS|MRS|DR)\.?[ \t]+$")
# Spelled out right beside: "digital terrestrial TV (DTT)", "the DTT (digital
# terrestrial TV)", "Democracy for America, or DFA", "also known as ISIL".
_BESIDE_BEFORE = lazy.re(r"(?:\(|,? or |,? also known as |,? known as )$")
_PAREN_AFTER = lazy.re(r"s?[ \t]*\(([^()\n]{3,80})\)")
_WORDS = lazy.re(r"[^\W\d_][\w'’]*")  # "Anti-Doping" is two words
_SMALL_WORDS = frozenset(
    {
        "of",
        "and",
        "the",
        "for",
        "on",
        "in",
        "to",
        "de",
        "la",
        "del",
        "y",
        "a",
        "an",
        "at",
        "by",
        "or",
    }
)
_ROMAN = lazy.re(r"^[IVXLCDM]+$")
_SMALL = r"(?:(?:of|and|the|for|on|in|to|de|la|del|y|&)\s+)*"
_CAP_WORD = r"[A-Z][\w'’-]*"
_CAP_PHRASE = lazy.re(rf"\b{_CAP_WORD}(?:[ \t]+{_SMALL}{_CAP_WORD})+")
_CAP_WORD_IN_PHRASE = lazy.re(_CAP_WORD)
_LETTER = lazy.re(r"[^\W\d_]")
_UPPER = lazy.re(r"[A-Z]")


@dataclass(frozen=True)
class Acronym:
    start: int
    end: int
    text: str
    expansion: str | None  # the spelled-out form found in the document
    expansion_start: int | None


def _capitals_line(line: str) -> bool:
    """A line mostly in capitals (a headline, a label), where every word looks like an acronym."""
    letters = len(_LETTER.findall(line))
    return letters >= 8 and len(_UPPER.findall(line)) / letters > 0.6


def spelled_out_forms(prose: str, wanted: set[str] | None = None) -> dict[str, tuple[int, str]]:
    """Initials of every run of capitalised words → (offset, phrase), earliest first.

    "Milwaukee Police Department" gives MPD, MP, PD and so on, small words
    skipped, so each acronym is one dictionary look-up. With ``wanted``, only
    those initials are kept.
    """
    forms: dict[str, tuple[int, str]] = {}
    for m in _CAP_PHRASE.finditer(prose):
        words = list(_CAP_WORD_IN_PHRASE.finditer(m.group()))
        for i in range(len(words) - 1):
            initials = words[i].group()[0]
            for j in range(i + 1, min(len(words), i + 6)):
                initials += words[j].group()[0]
                if initials in forms or (wanted is not None and initials not in wanted):
                    continue
                start = m.start() + words[i].start()
                forms[initials] = (start, m.group()[words[i].start() : words[j].end()])
    return forms


class AcronymExtractor:
    name = "acronyms"
    requires: tuple[str, ...] = ("links", "quotes")

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        matches = [m for m in _ACRONYM.finditer(prose) if not _ROMAN.match(m.group(1))]
        if not matches:
            return []
        skip = [(link.start, link.end) for link in facts.get_list("links")]
        skip += [(q.start, q.end) for q in facts.get_list("quotes")]  # the speaker's words
        if document.metadata.dateline_span:
            skip.append(document.metadata.dateline_span)
        skip.sort()
        skip_starts = [a for a, _ in skip]
        max_end = list(itertools.accumulate((b for _, b in skip), max))
        forms: dict[str, tuple[int, str]] | None = None
        defined: dict[str, tuple[int, str]] = {}
        words: set[str] | None = None
        head = _headline_end(prose)
        wanted = {"".join(c for c in m.group(1) if c.isalpha()) for m in matches}
        capitals: dict[int, bool] = {}
        found: list[Acronym] = []
        for m in matches:
            i = bisect.bisect_right(skip_starts, m.start()) - 1
            if i >= 0 and m.start() < max_end[i]:
                continue
            line_start = prose.rfind("\n", 0, m.start()) + 1
            if line_start not in capitals:
                line_end = prose.find("\n", m.start())
                line = prose[line_start : line_end if line_end >= 0 else len(prose)]
                capitals[line_start] = _capitals_line(line)
            if capitals[line_start] or _next_to_capitals(prose, m.start(), m.end()):
                continue
            token = m.group(1)
            if m.start() < head or _not_an_acronym(prose, m.start(), m.end(1)):
                continue
            if words is None:
                words = {w.group() for w in _LOWER_WORD.finditer(prose)}
            if token.lower() in words:
                continue  # emphasis ("NOT", "ON"): the story uses the word in lower case
            beside = _spelled_beside(prose, m.start(), m.end(1), token)
            if beside is not None and token not in defined:
                defined[token] = beside
            if forms is None:
                forms = spelled_out_forms(prose, wanted)
            spelled = forms.get("".join(c for c in token if c.isalpha()))
            if token in defined and (spelled is None or defined[token][0] < spelled[0]):
                spelled = defined[token]
            found.append(
                Acronym(
                    m.start(),
                    m.end(1),
                    token,
                    spelled[1] if spelled else None,
                    spelled[0] if spelled else None,
                )
            )
        return found


_CAPS_WORD = lazy.re(r"[A-Z][A-Z'’]+\b")
_LEADING_CAPS = lazy.re(r"(?:[A-Z][A-Z'’]+(?=[—–-]))?")
_LOWER_WORD = lazy.re(r"\b[a-z]{2,6}\b")


def _headline_end(prose: str) -> int:
    """The end of a headline: a short first line, then a blank line, with no
    full stop or in title case ("Hillary Just Vowed ... And It Says A LOT.")."""
    end = prose.find("\n")
    if not (0 < end <= 150 and prose[end : end + 2] == "\n\n"):
        return 0
    if prose[end - 1] not in '.!?"”:':
        return end
    words = [w for w in prose[:end].split() if len(w) > 3 and w[0].isalpha()]
    if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
        return end
    return 0


def _opens_line(prose: str, start: int) -> bool:
    """Only blank space between the line's start and ``start``."""
    line = prose.rfind("\n", max(0, start - 200), start) + 1
    return not prose[max(line, start - 200) : start].strip()


def _not_an_acronym(prose: str, start: int, end: int) -> bool:
    """A label, title, routing code, dateline or company name in capitals."""
    if _LABEL_AFTER.match(prose, end) or _COMPANY_AFTER.match(prose, end):
        return True
    if _DASH_AFTER.match(prose, end) and _opens_line(prose, start):
        return True
    if _NAME_AFTER.match(prose, end):  # "MGM Grand", "FDR Park", "UNC Nuclear Inc": a name
        return True
    if _TITLE_BEFORE.search(prose, max(0, start - 6), start):
        return True  # "MR. SMITH"
    token = prose[start:end]
    if _CALL_LETTERS.match(token) or _PENCE_AFTER.match(prose, end):
        return True
    if _SHOUT_AFTER.match(prose, end):
        return True
    if _MEDIA_AFTER.match(prose, end) or _DESCRIBED_AFTER.match(prose, end):
        return True
    if token in _STATES and _CITY_BEFORE.search(prose, max(0, start - 30), start):
        return True
    return _COMPANY_BEFORE.search(prose, max(0, start - 20), start) is not None


def _spelled_beside(prose: str, start: int, end: int, token: str) -> tuple[int, str] | None:
    """The acronym spelled out right beside it, in any case: before it ("digital
    terrestrial TV (DTT)", "Democracy for America, or DFA") or in brackets after
    it ("DTT (digital terrestrial TV)"). Returns (offset, phrase)."""
    letters = "".join(c for c in token if c.isalpha()).lower()
    if len(letters) > 2 and letters.endswith("s"):
        # 'exchanges for physicals (EFPS)': a plural written in capitals
        plural = _spelled_beside(prose, start, end, token[:-1])
        if plural is not None:
            return plural
    before = prose[max(0, start - 120) : start]
    sep = _BESIDE_BEFORE.search(before)
    if sep is not None:
        if before.endswith("known as "):
            return start - len(before), before
        found = _initials_end(list(_WORDS.finditer(before, 0, sep.start())), letters)
        if found is not None:
            return start - len(before) + found[0], before[found[0] :].rstrip(" ,(")
    after = _PAREN_AFTER.match(prose, end)
    if after is not None:
        inner = list(_WORDS.finditer(after.group(1)))
        if len(inner) >= 2:
            return start, after.group(1)
    return None


def _initials_end(words: list[re.Match[str]], letters: str) -> tuple[int] | None:
    """The start of the last words whose initials spell ``letters`` (small
    words may be skipped or counted)."""
    for skip_small in (True, False):
        initials = ""
        for w in reversed(words[-(len(letters) * 2 + 2) :]):
            word = w.group().lower()
            if skip_small and word in _SMALL_WORDS:
                continue
            initials = word[0] + initials
            if initials == letters:
                return (w.start(),)
            if not letters.endswith(initials):
                break
    return None


def _next_to_capitals(prose: str, start: int, end: int) -> bool:
    """True inside a run of capitalised words ("FULL TEXT", "USA TODAY")."""
    before = prose[max(0, start - 30) : start].rstrip(" :,-—")
    after = prose[end : end + 30]
    if after[:2] in ("’S", "'S"):
        after = after[2:]  # "OBAMA’S LAST"
    after = after.lstrip(" :,-—")
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    first = after.split(None, 1)[0] if after.split() else ""
    dashed = _LEADING_CAPS.match(first)
    first = (dashed.group() if dashed else "") or first  # a capital word before a dash
    return bool(
        _CAPS_WORD.fullmatch(last.strip('"“”(')) or _CAPS_WORD.fullmatch(first.strip("\"“”).,;:’'"))
    )
