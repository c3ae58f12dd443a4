"""People: every mention of a person in a document's prose, with its exact span.

A mention is a full name ("Christine Neumann-Ortiz", "David A. Clarke Jr.",
"Ludwig van Beethoven"), a surname alone ("Barrett", "Barrett's") or a title
with a surname ("Sheriff Clarke"). Titles before a name ("Milwaukee County
Sheriff", "Gov.") and roles around it ("executive director", "spokesman")
are recorded. Evidence that a capitalised phrase is a person: a known given
name (the nicknames table, people.json and the 1990 US Census first names in
given_names.json), a title, a courtesy title, a role, a credit line ("Editing
by ..."), a list that joins it to other names ("Tom Shanklin and Martyn
Williams"), initials in a team sheet ("A Masi, KP Robertson;"), or for a lone
surname a speech verb ("Walker said") or a full name with that surname in the
same story. A capitalised description before a name is no part of it ("BBC
Political Correspondent James Hardy", "Kenyan Bernard Lagat").
Organisations, places, months, weekdays, sentence-opening words and headline
text are not people. Mentions inside quotations are marked ``quoted``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterator

from factlint import lazy, records
from factlint.document import Document
from factlint.facts import Facts
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@record(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    text: str  # the name as written, without title or possessive
    given: str | None  # None for a surname-only mention
    surname: str
    surname_start: int
    kind: str  # "full", "surname" or "title-surname"
    title: str | None = None  # "Milwaukee County Sheriff"
    title_key: str | None = None  # "sheriff": formal titles compare by key
    role: str | None = None  # "executive director"
    quoted: bool = False
    attributive: bool = False  # "the Trump administration": not a reference to the person
    cue: str = ""  # the evidence that made it a person
    headline: bool = False  # in a headline or dek, where a surname alone is the style


@record(frozen=True)
class Lexicon:
    titles: dict[str, str]
    title_words: frozenset[str]
    courtesy: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    roles: tuple[str, ...]
    role_set: frozenset[str]
    organisations: frozenset[str]
    organisation_words: frozenset[str]
    not_names: frozenset[str]
    given_names: frozenset[str]


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, apostrophes straight: 'Núñez' → 'nunez',
    'O’Neill' → "o'neill"."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_text(text: str) -> str:
    """:func:`fold` for a title or a paragraph: the same string, not kept
    in fold's cache, which is for the names and words that come again (a
    story's paragraphs never do, and 65,536 of them would hold tens of MB)."""
    folded: str = fold.__wrapped__(text)
    return folded


@functools.cache
def lexicon() -> Lexicon:
    from factlint.data import load_data

    data = load_data("people.json")
    given = {fold(n) for n in data["given_names"]}
    given |= nickname_table().names
    # The 1990 US Census first names, less common words and places.
    given |= set(load_data("given_names.json")["given_names"])
    # Words are compared with and without a final period ("Dec." / "Dec"),
    # except where the bare word is a given name ("Jan." / Jan Brewer).
    not_names = set(data["not_names"])
    not_names |= {w[:-1] for w in not_names if w.endswith(".") and fold(w[:-1]) not in given}
    return Lexicon(
        titles={str(k): str(v) for k, v in data["titles"].items()},
        title_words=frozenset(data["title_words"]),
        courtesy=frozenset(data["courtesy"]),
        particles=frozenset(data["particles"]),
        suffixes=frozenset(data["suffixes"]),
        roles=tuple(sorted(data["roles"], key=len, reverse=True)),
        role_set=frozenset(r.lower() for r in data["roles"]),
        organisations=frozenset(data["organisations"]),
        organisation_words=frozenset(data["organisation_words"]),
        not_names=frozenset(not_names),
        given_names=frozenset(given),
    )


@record(frozen=True)
class NicknameTable:
    names: frozenset[str]
    pairs: frozenset[tuple[str, str]]  # (full, short), folded

    def related(self, a: str, b: str) -> bool:
        """True if one given name is a short form of the other (Ed / Edward)."""
        a, b = fold(a), fold(b)
        return (a, b) in self.pairs or (b, a) in self.pairs


def nickname_pairs(text: str) -> set[tuple[str, str]]:
    """The folded (full, short) pairs of the ``name,has_nickname,short`` rows."""
    plain = text.isascii()
    if plain:
        text = text.casefold()  # fold() of ASCII text is its casefold: once for the file
    if plain and '"' not in text:
        # Plain lines, read by one search in C (splitting each line in Python
        # cost a pre-commit run about 1 ms more; a test holds the two equal).
        return set(_NICKNAME_ROW.findall("\n".join(text.splitlines())))
    return {
        (row[0], row[2]) if plain else (fold(row[0]), fold(row[2]))
        for row in _csv_rows(text)
        if len(row) == 3 and row[1] == "has_nickname"
    }


_NICKNAME_ROW = lazy.re(r"^([^,\n]*),has_nickname,([^,\n]*)$", re.M)


def _csv_rows(text: str) -> list[list[str]]:
    """The rows of comma-separated text; the csv module only for quoted fields."""
    if '"' in text:
        import csv

        return list(csv.reader(text.splitlines()))
    return [line.split(",") for line in text.splitlines()]


@functools.cache
def nickname_table() -> NicknameTable:
    """The ``nicknames`` package's 2,600 given-name/short-form pairs (Apache-2.0)."""
    import os

    # Found without importing the package, whose import costs ~50 ms.
    spec = lazy.package_spec("nicknames")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the nicknames package is not installed")
    path = os.path.join(next(iter(spec.submodule_search_locations)), "names.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        pairs = nickname_pairs(handle.read())
    names = {name for pair in pairs for name in pair}
    return NicknameTable(frozenset(names), frozenset(pairs))


_UP = r"\p{Lu}"
# A prefix joined by a hyphen: "al-Assad", "bin-Laden".
_PREFIXES = ("al", "el", "bin", "ibn", "ben", "de", "di", "da")


# A capitalised word: internal capitals (McDonald, DeSantis), apostrophes
# (O'Brien, D’Amato), hyphenated parts (Neumann-Ortiz), a possessive, or an
# initial / abbreviation with its period (J., Gov., Jr.), or initials (A.J.).
def _token(prefixed: bool) -> str:
    """The pattern of a capitalised word; with ``prefixed``, also after a
    lower-case prefix and a hyphen ("al-Assad")."""
    prefix = f"(?:(?:{'|'.join(_PREFIXES)})-)?" if prefixed else ""
    return (
        rf"(?:(?:{_UP}\.){{2,3}}(?=[ \t\u00a0]+{_UP}[\p{{Ll}}])|"  # initials: "A.J. Spiker"
        rf"{prefix}{_UP}[\p{{L}}\p{{M}}]*(?:['’]{_UP}[\p{{L}}\p{{M}}]+)?"
        rf"(?:-[\p{{L}}][\p{{L}}\p{{M}}]*)*(?:['’]s\b|['’](?=\s))?\.?)"
    )


_TOKEN = _token(prefixed=True)


# Between the words of a name: spaces and tabs, and the no-break and thin
# spaces that web copy puts there ("Marco\u00a0Rubio").
_GAP = "[ \t\u00a0\u2009\u202f]+"
# (The quotation mark comes first so the engine can look for it quickly.)
_NICKNAME = lazy.regex(
    r"[\"“](?<=\p{L}\.?[ \t\u00a0][\"“])\p{Lu}[\p{L}\p{M}'’.-]{0,20}[\"”](?=[ \t\u00a0]+\p{Lu})"
)


@functools.cache
def _patterns() -> tuple[Any, Any, Any, Any]:
    lex = lexicon()
    # Sorted by spelling, then length: the same source in every process, so the
    # pattern cache (factlint.lazy) finds it.
    particles = "|".join(sorted(sorted(lex.particles), key=len, reverse=True))
    # A lone surname may open with a particle ("said de Blasio").
    leading = "|".join(sorted(sorted(lex.particles & LEADING_PARTICLES), key=len, reverse=True))
    gap = _GAP
    run = lazy.compile_regex(
        rf"(?<![\p{{L}}\p{{M}}'’.-])(?:(?:{leading}){gap}(?=\p{{Lu}}))?{_TOKEN}"
        rf"(?:{gap}(?:(?:{particles}){gap})*{_TOKEN})*",
        lazy.REGEX_V1,
    )
    speech = lazy.compile_regex(
        r"^\s*,?\s*(?:said|says|say|told|tells|wrote|writes|added|adds|asked|explained|noted|stated"
        r"|argued|testified|tweeted|posted|announced|declared|insisted|continued|replied|responded"
        r"|warned|claimed|acknowledged|admitted|recalled|has said|had said|also said|would say)\b"
    )
    roles = "|".join(re.escape(r) for r in lex.roles)
    role_after = lazy.compile_regex(
        rf"^,\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\p{{L}}'’.-]+\s+){{0,4}}?({roles})\b"
    )
    role_before = lazy.compile_regex(rf"\b({roles})(?:,)?\s+$")
    return run, speech, role_after, role_before


@functools.cache
def _scanners() -> tuple[Any, Any]:
    """The run pattern for runs that open with a capital (no leading particle,
    no prefix), which the engine finds by its first letter, faster than the
    whole pattern, whose lower-case openings make it try nearly every word;
    and a stdlib pattern for the places where a run may open in lower case:
    a leading particle before a gap or a prefix before a hyphen, after a
    character (consumed, so the engine skips to it) that is no ASCII letter
    nor ' ’ . - (the run pattern's look-behind allows none of those)."""
    lex = lexicon()
    particles = "|".join(sorted(sorted(lex.particles), key=len, reverse=True))
    capital = lazy.compile_regex(
        rf"(?<![\p{{L}}\p{{M}}'’.-]){_token(prefixed=False)}"
        rf"(?:{_GAP}(?:(?:{particles}){_GAP})*{_TOKEN})*",
        lazy.REGEX_V1,
    )
    words = (lex.particles & LEADING_PARTICLES) | set(_PREFIXES)
    lower = lazy.compile_re(
        r"[^A-Za-z'’.\-](?:"
        + "|".join(sorted(sorted(words), key=len, reverse=True))
        + ")(?=[- \t\u00a0\u2009\u202f])"
    )
    return capital, lower


def _runs(scan: str) -> Iterator[Any]:
    """The matches of the run pattern (``_patterns()[0]``) in ``scan``, the
    same as its ``finditer`` gives. Where the run pattern opens with a
    capital it matches as the capital pattern of :func:`_scanners` does; in
    lower case it can open only at a place the lower-case pattern finds,
    where it is tried on its own (few stories have such a place)."""
    capital, lower = _scanners()
    # Scanned after a space, so a place at the start has a character before it.
    starts = [m.start() for m in lower.finditer(" " + scan)]
    if not starts:
        yield from capital.finditer(scan)
        return
    run_re = _patterns()[0]
    pos = i = 0
    while True:
        m = capital.search(scan, pos)
        limit = len(scan) if m is None else m.start()
        while i < len(starts) and starts[i] < limit:
            if starts[i] >= pos:
                opened = run_re.match(scan, starts[i])
                if opened is not None:
                    m = opened
                    break
            i += 1
        if m is None:
            return
        yield m
        pos = m.end()


# "said Walker", "according to Walker": a lone word after these is a speaker.
_SPEECH_BEFORE = (" said", " says", " according to", " asked", " added", " wrote", " told")
_ATTRIBUTIVE_NOUNS = lazy.regex(
    r"^(?:['’]s\s+)?\s*(?:administration|campaign|era|presidency|government|years|doctrine|"
    r"White House|team|camp|family|foundation|estate|case|trial|impeachment|rally|rallies|"
    r"film|films|movie|show|series|drama|novel|song|album|musical|brand)\b"
)
# Words that describe the person after them when a sentence opens with them.
_DESCRIPTORS = frozenset(
    {"singer", "actor", "actress", "rapper", "musician", "comedian", "producer", "writer"}
    | {"novelist", "poet", "artist", "designer", "chef", "striker", "midfielder", "goalkeeper"}
    | {"quarterback", "pitcher", "player", "veteran", "journalist", "presenter", "host"}
    | {"conductor", "composer", "pianist", "violinist", "dancer", "founder", "entrepreneur"}
    | {"model", "teenager", "correspondent", "fly-half", "scrum-half", "full-back", "flanker"}
    | {"wing", "prop", "hooker", "lock", "winger", "forward", "defender", "keeper", "fellow"}
    # people described by what they do or are, capitalised only as a sentence
    # opens: "Volunteer Maria Lopez said", "Firefighter Dan Ruiz"
    | {"volunteer", "protester", "protestor", "organiser", "firefighter", "retiree"}
    | {"homeowner", "voter", "supporter", "investor", "filmmaker", "playwright"}
    | {"drummer", "guitarist", "bassist", "soldier", "contractor", "plumber", "electrician"}
    | {"landlord", "tenant", "widow", "survivor", "juror", "plaintiff", "commuter"}
    | {"motorist", "cyclist", "swimmer", "golfer", "boxer", "jockey", "referee", "umpire"}
)
# What joins the names of a list: "Tom Shanklin and Martyn Williams".
_LIST_JOIN = lazy.regex(r"(?:,[ \t]+(?:and[ \t]+)?|,?[ \t]+(?:and|or|&)[ \t]+)$")
_OF_BEFORE = lazy.regex(r"\b(?:of|at|in|near)[ \t]+$")
# A credit line: "(Reporting by Jason Lange; Editing by Grant McCool)".
_CREDIT_BEFORE = lazy.regex(r"(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Pp]hotos?) by[ \t]+$")
# A capitalised word followed by a stock ticker or a company suffix.
_FIRM_NAME = lazy.regex(
    r"\b(\p{Lu}[\p{L}-]+)[ \t]+(?:<[A-Z0-9.]{1,12}>|(?:Inc|Corp|Ltd|Plc|PLC|AG|NV|SA)\b)"
)
# Compass words that are also surnames (Oliver North, Kanye West).
_COMPASS_SURNAMES = frozenset({"North", "South", "East", "West"})
# Nationalities and parties before a name: "Kenyan", "Moroccan", "Republican".
_NATIONALITY_ENDINGS = ("ian", "an", "ese", "ish")
_GIVEN_NAME_TITLES = frozenset({"Sir", "Dame", "King", "Queen", "Prince", "Princess", "Sheikh"})
# Particles that may open a surname used alone ("said de Blasio"), and whose
# capital is then a matter of position, not spelling ("Van Gogh" alone); not
# "y", "e", "ten" or "al" ("al Qaeda"), which open other things.
LEADING_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "du", "van", "von", "bin", "ibn", "dos", "das", "der"}
    | {"den", "le", "la"}
)
_PEERAGE_TITLES = frozenset({"Lord", "Lady"})
# Offices that end a title phrase of several words: "House Majority Leader
# Steny Hoyer", "Senate Minority Whip Dick Durbin". They carry no title key:
# a leader or whip is also a senator or representative, so no conflict.
_OFFICE_TITLES = frozenset(
    {"Leader", "Whip", "Premier", "Spokesman", "Spokeswoman", "Chairperson", "Envoy"}
    | {"Secretary-General", "Governor-General", "Vice-Chairman", "Vice-Chancellor"}
)
# Honours and degrees after a name: "Ian MacDonald QC", "Jane Doe OBE".
_POST_NOMINALS = frozenset({"QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "MD", "Esq."})
# Initials that name a place or body, not a person ("U.S. Soybeans").
_PLACE_INITIALS = frozenset({"US", "UK", "UN", "EU", "NY", "DC", "LA", "NJ", "SA", "EC", "NZ"})
# A given name written as initials: "J. Smith", "A.J. Spiker", "G Thomas".
_INITIALS = lazy.regex(r"^(?:\p{Lu}\.){1,3}$|^[B-HJ-Z]$")
# "the Trump spokesman", "Department for Education and Skills spokeswoman":
# the word before a role is then a modifier or the end of an organisation.
# Initials in a list of names ("A Masi, KP Robertson;"), and what may follow
# an entry of such a list.
_LIST_INITIALS = lazy.regex(r"^\p{Lu}{1,2}$")
_LIST_END = lazy.regex(r"(?:['’]s)?(?:[,;.]|\s*\(|\s*\n|\s*$)")
# Another initial and surname before or after, so the list is one of names.
_LIST_BEFORE = lazy.regex(
    r"\b\p{Lu}{1,2}\.?[ \t]+\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\([^)\n]{1,12}\))?[,;] $"
)
_LIST_AFTER = lazy.regex(r"(?:[ \t]*\([^)\n]{1,12}\))?[,;][ \t]+\p{Lu}{1,2}\.?[ \t]+\p{Lu}")
_NOT_A_NAME_BEFORE = lazy.regex(r"\b(?:the|a|an|The|A|An|and|of|for|&)\s+$")
_PLACE_BEFORE = lazy.regex(r"\b(?:in|at|from|to|near|across|into|outside)\s+$")
_ACRONYM_START = lazy.regex(r"\p{Lu}\p{Lu}")
_FIRM_AFTER = lazy.regex(r"(?:['’]s)?\s+(?:and|&)\s+(?:Co|Cos|Company|Sons|Partners)\b")
_AGE_AFTER = lazy.regex(r"^,\s*\d{1,3},")  # "Marcel Lazar, 44, was ...": an age
# After "said X", X is a name only if the clause ends or an appositive
# follows ("said Walker." / "said Walker, who"), not in "says Milwaukee officials".
_NAME_ENDS_CLAUSE = lazy.regex(r"^(?:['’]s)?\s*(?:[,.;:!?)\"”]|$|\s+(?:of|who|in|at|on|from)\b)")
# "Barrett spokesman Jeff Fleming": a lone word before one of these is a person.
_ROLE_CUE = lazy.regex(
    r"^\s+(?:spokesman|spokeswoman|spokesperson|aide|adviser|press secretary|chief of staff)\b"
)
# Capitalised words that open a job description, not surnames.
_ROLE_MODIFIERS = frozenset(
    {"Legal", "Shadow", "Independent", "Senior", "Press", "Campaign", "Party", "Club", "Team"}
    | {"Company", "Government", "Official", "Union", "Council", "Community", "School", "Police"}
    | {"Army", "Military", "Defence", "Defense", "Foreign", "Health", "Education", "Transport"}
    | {"Neighbors", "Neighbours", "Family", "Church", "Hospital", "Museum", "Airport", "Court"}
)
# Words after the first of a run that make it a school or a place ("Jefferson
# Elementary"), not a given name and surname.
_PLACE_WORDS = frozenset(
    {"Elementary", "Middle", "Academy", "Primary", "Secondary", "Junior", "Stadium", "Park"}
    | {"Square", "Street", "Avenue", "Road", "Hall", "Centre", "Center", "Bridge", "Island"}
)
_ADJECTIVE_ENDINGS = ("ial", "ical", "ional", "ese")
# A title and "of" or "for" before a run: the words that follow name the
# office, and the person starts at the given name after them ("Chancellor
# of the Exchequer Nigel Lawson", "Secretary of Defense Dick Cheney").
_OFFICE_OF = lazy.regex(r"(\p{Lu}[\p{L}-]*)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")
_DETERMINER_BEFORE = lazy.regex(r"\b(?:the|a|an|The|A|An)\s+$")
_QUOTE_CHARS = lazy.regex(r"[\"“”]")
# A paragraph: lines up to a blank one. The look-ahead stays on the next
# line ([^\S\n], not \s), so a thousand blank lines are not rescanned.
_PARAGRAPH = lazy.regex(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]+)*")
_WORD = lazy.regex(r"[\p{L}\p{M}'’-]+")
_ALNUM_WORD = lazy.regex(r"\w+")
_SPACE_SEPARATED = lazy.regex(r"\S+")


def quoted_spans(prose: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks. A quote left open at the end of
    a paragraph continues into the next when that one opens with a
    quotation mark (the multi-paragraph convention); otherwise it ends with
    its paragraph, so that one stray mark (an excerpt's closing quote, a
    typo) does not turn the quoting of the rest of the story inside out."""
    spans: list[tuple[int, int]] = []
    if '"' not in prose and "“" not in prose and "”" not in prose:
        return spans  # most wire copy: no quotation at all
    open_at: int | None = None
    for m in _QUOTE_OR_BREAK.finditer(prose):
        ch = m.group()
        if ch[0] == "\n":
            if open_at is not None:
                spans.append((open_at, m.start()))
                # Reopened by the next paragraph's own mark, if it has one.
                open_at = None
            continue
        if open_at is None:
            if ch != "”":
                open_at = m.end()
        elif ch == "“":
            # A new opening mark: the previous quote ran on.
            spans.append((open_at, m.start()))
            open_at = m.end()
        else:
            spans.append((open_at, m.start()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(prose)))
    return spans


# A quotation mark, or a paragraph break with the blank space after it.
_QUOTE_OR_BREAK = lazy.regex(r"[\"“”]|\n[^\S\n]*\n\s*")


def _headline_spans(prose: str) -> list[tuple[int, int]]:
    """Headlines: the first paragraph if it has no closing punctuation, and
    paragraphs in title case or capitals with none."""
    spans = []
    number = -1
    for m in _PARAGRAPH.finditer(prose):
        para = m.group().strip()
        if not para:
            continue  # front matter, blanked out of the prose
        number += 1
        if para[-1] in '.!?"”’:)':
            continue
        if number == 0 and len(para.split()) <= 20:
            spans.append((m.start(), m.end()))  # a first line with no full stop: the headline
            continue
        words = [w for w in _WORD.findall(para) if len(w) > 3]
        if 2 <= len(words) <= 25 and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
            spans.append((m.start(), m.end()))
    return spans


def _opens_sentence(before: str) -> bool:
    """The text before a word ends a sentence (or there is none)."""
    rest = before.rstrip(" \t\u00a0\"“'‘")
    return not rest or rest[-1] in ".!?:\n"


def _used_in_lower_case(word: str, prose: str) -> bool:
    """A capitalised word the story also writes in lower case is a common
    word at a sentence start ("Maybe Trump", "Outside Carrier"), not a name."""
    lower = word.lower()
    if lower.isalpha():
        return lower in _words_of(prose)
    import regex

    return regex.search(rf"\b{regex.escape(lower)}\b", prose) is not None


@functools.lru_cache(maxsize=4)
def _words_of(prose: str) -> frozenset[str]:
    """The words of a story as written, found once per story."""
    return frozenset(_ALNUM_WORD.findall(prose))


def _lead_headline_end(
    prose: str, dateline: tuple[int, int] | None, title: str | None = None
) -> int:
    """Where a headline written as a sentence (and its dek) ends, or 0.

    The first paragraph is a headline, not a lede, when it has at most two
    lines of at most 20 words each, no dateline, and the story goes on after
    it ("Trump calls for bringing back surveillance." then the body). Front
    matter (blank in the prose) does not count as the first paragraph; when
    it gives the title, the first paragraph is a headline only if it repeats
    that title.
    """
    first = None
    for m in _PARAGRAPH.finditer(prose):
        if not m.group().isspace():
            first = m
            break
    if first is None or first.end() >= len(prose.rstrip()):
        return 0
    if title and fold_text(" ".join(_WORD.findall(title))) not in fold_text(
        " ".join(_WORD.findall(first.group()))
    ):
        return 0
    if dateline and dateline[0] < first.end():
        return 0
    lines = first.group().strip().split("\n")
    if len(lines) > 2 or any(len(line.split()) > 20 for line in lines):
        return 0
    return first.end()


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _inside_sorted(pos: int, spans: list[tuple[int, int]]) -> bool:
    """``_inside`` for spans in order that do not overlap (quotations)."""
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class PeopleExtractor:
    name = "people"
    requires: tuple[str, ...] = ()

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        lex = lexicon()
        patterns = _patterns()
        _, speech, role_after, role_before = patterns
        quotes = quoted_spans(prose)
        headlines = _headline_spans(prose)
        skip = list(headlines)
        if document.metadata.dateline_span:
            skip.append(document.metadata.dateline_span)
        mentions: list[PersonMention] = []
        singles: list[tuple[int, int, str, bool]] = []  # candidate lone words
        not_names = lex.not_names
        scan = prose
        if '"' in prose or "“" in prose:
            # Robert C. "Bobby" Scott: the nickname is blanked for the scan, so
            # the name reads as one run; spans and text still come from prose.
            scan = _NICKNAME.sub(lambda n: " " * len(n.group()), prose)
        for m in _runs(scan):
            word = m.group()
            if " " not in word and word.rstrip(".,") in not_names:
                bare = word.rstrip(".,")
                if (
                    bare in _COMPASS_SURNAMES
                    and not _inside(m.start(), skip)
                    and not _DETERMINER_BEFORE.search(prose[max(0, m.start() - 6) : m.start()])
                ):
                    # "North" alone: a person only as the surname of "Oliver North" here.
                    singles.append((m.start(), m.start() + len(bare), bare, False))
                continue  # a lone sentence opener ("The", "But"): the common case, skipped fast
            start = m.start()
            if _inside(start, skip):
                continue
            if len(word.split(None, 1)) == 1:
                # One word, the common case: read on its own.
                found = _read_word(start, m.end(), word, prose, lex, patterns, quotes)
                if found is not None:
                    if isinstance(found, PersonMention):
                        mentions.append(found)
                    else:
                        singles.append(found)
                continue
            for tokens in _split_sentences(m, lex):
                for mention in _read_run(
                    tokens, prose, lex, speech, role_after, role_before, quotes
                ):
                    if isinstance(mention, PersonMention):
                        mentions.append(mention)
                    else:
                        singles.append(mention)
        # Full names with no cue of their own ("Parker Griffith experienced")
        # count when the story gives the surname a title elsewhere ("said Dr.
        # Griffith"); organisations speak and have spokesmen too ("Carrier
        # said", "Carrier spokesman"), so neither confirms. Not in a
        # headline, whose capitals prove nothing ("Donor Adelson"), and not
        # when someone else is named in full with the surname ("Donald Trump"
        # makes "Dump Trump" a phrase).
        lead_end = _lead_headline_end(
            prose, document.metadata.dateline_span, document.metadata.title
        )
        confirmed = {fold(p.surname) for p in mentions if p.kind != "full" and p.cue == "title"}
        confirmed -= {
            fold(p.surname) for p in mentions if p.kind == "full" and p.cue != "unconfirmed"
        }
        listed = _listed_with_names(mentions, prose, lead_end) if mentions else set()
        mentions = [
            records.replace(p, cue="listed" if p.start in listed else "named-elsewhere")
            if p.cue == "unconfirmed"
            else p
            for p in mentions
            if p.cue != "unconfirmed"
            or p.start in listed
            or (
                fold(p.surname) in confirmed
                and p.start >= lead_end
                and not _used_in_lower_case(p.given or "", prose)
            )
        ]
        # A lone word the story also writes as a company ("Swissair <SWSZ.Z>",
        # "Mediq Inc") speaks as the company: "Swissair said" is no person.
        if "<" in prose or "Inc" in prose or "Corp" in prose:
            firms = {f.group(1) for f in _FIRM_NAME.finditer(prose)}
            if firms:
                mentions = [
                    p
                    for p in mentions
                    if not (p.kind == "surname" and p.cue == "speech" and p.surname in firms)
                ]
        # Lone words that are the surname of someone named in full here.
        known = {fold(p.surname): p.surname for p in mentions}
        taken = {p.start for p in mentions}
        for start, end, word, _possessive in singles:
            if start in taken or fold(word) not in known:
                continue
            mentions.append(
                PersonMention(
                    start, end, prose[start:end], None, word, start, "surname",
                    quoted=_inside_sorted(start, quotes),
                    attributive=_attributive(prose, start, end),
                    cue="known-surname",
                )
            )  # fmt: skip
        mentions.sort(key=lambda p: p.start)
        if lead_end:
            mentions = [
                records.replace(p, headline=True) if p.start < lead_end else p for p in mentions
            ]
        return mentions


def _listed_with_names(mentions: list[PersonMention], prose: str, lead_end: int) -> set[int]:
    """Starts of unconfirmed full names ("Martyn Williams", given name unknown)
    that a list joins to a full name with a cue ("Tom Shanklin and Martyn
    Williams", "Huma Abedin and Cheryl Mills"), or that repeat such a name."""
    full = [p for p in mentions if p.kind == "full" and p.start >= lead_end]
    good = {p.start for p in full if p.cue != "unconfirmed"}
    if len(good) == len(full):
        return set()
    for _ in range(2):  # a chain of two unknown names in one list
        for a, b in itertools.pairwise(full):
            if (a.start in good) == (b.start in good):
                continue
            new = b if a.start in good else a
            if (
                _LIST_JOIN.match(prose[a.end : b.start])
                and not _OF_BEFORE.search(prose[max(0, new.start - 6) : new.start])
                and not _used_in_lower_case(new.given or "", prose)
            ):  # not "Orin Kramer of Boston Provident, Charles Myers": a firm
                good.add(a.start)
                good.add(b.start)
    names = {p.text for p in full if p.start in good}
    return {
        p.start for p in full if p.cue == "unconfirmed" and (p.start in good or p.text in names)
    }


def _no_name_word(word: str, lex: Lexicon) -> bool:
    """A word no name contains: an organisation word or an acronym."""
    word = word.rstrip(",")
    return word in lex.organisation_words or (word.isupper() and len(word) > 1)


def _describes(word: str, prose: str, lex: Lexicon) -> bool:
    """A capitalised word that describes the person after it: a party,
    nationality, job or organisation ("Democrat", "Kenyan", "Correspondent",
    "BBC", "Model"), not part of a name."""
    word = word.rstrip(",")
    if word in lex.particles or _strip_token(word)[1]:
        return False  # "Ludwig van", "Trump's": a name or a possessive
    lower = word.lower()
    return (
        word in lex.not_names
        or word in lex.organisation_words
        or word in lex.title_words
        or (word.isupper() and len(word) > 1)  # "BBC", "CEO"
        or lower in _DESCRIPTORS
        or lower in lex.role_set
        or word.endswith(_NATIONALITY_ENDINGS)
        or _used_in_lower_case(word, prose)
    )


def _after_office(prose: str, start: int, lex: Lexicon) -> bool:
    """Whether a run opens after a title and "of" or "for" ("Chancellor of the
    Exchequer Nigel Lawson"), so that its first words name the office."""
    m = _OFFICE_OF.search(prose[max(0, start - 40) : start])
    return m is not None and (m[1] in lex.titles or m[1] in _OFFICE_TITLES)


def _attributive(prose: str, start: int, end: int) -> bool:
    return bool(
        _DETERMINER_BEFORE.search(prose[max(0, start - 6) : start])
        or _ATTRIBUTIVE_NOUNS.match(prose[end : end + 30])
    )


def _strip_token(token: str) -> tuple[str, bool]:
    """Drop a possessive ending; report whether there was one."""
    if "'" not in token and "’" not in token:
        return token, False
    for ending in ("'s", "’s", "'", "’"):
        if token.endswith(ending) and len(token) > len(ending) + 1:
            return token[: -len(ending)], True
    return token, False


Token = tuple[int, int, str]


def _split_sentences(m: Any, lex: Lexicon) -> list[list[Token]]:
    """A run's words, cut after a word that ends a sentence ("Brown. Rover")
    or a possessive ("Thatcher's Conservatives")."""
    run = m.group()
    if len(run.split(None, 1)) == 1:
        return [[(m.start(), m.end(), run)]]  # one word: the common case
    pieces: list[list[Token]] = [[]]
    for t in _SPACE_SEPARATED.finditer(run):
        text = t.group()
        pieces[-1].append((m.start() + t.start(), m.start() + t.end(), text))
        ends_sentence = (
            text.endswith(".")
            and len(text) > 2
            and text not in lex.titles
            and text not in lex.suffixes
            and text not in lex.courtesy
            and text not in lex.title_words
            and not _INITIALS.match(text)  # "A.J. Spiker"
        )
        # "Margaret Thatcher's Conservatives": a possessive ends the name.
        possessive = text.endswith(("'s", "’s")) and len(text) > 3
        if ends_sentence or possessive:
            pieces.append([])
    return [p for p in pieces if p]


def _lone_word_cue(
    word: str, possessive: bool, before: str, after: str, prose: str, speech: Any
) -> str:
    """What makes a lone capitalised word a surname: "speech" ("Walker
    said", "said Walker"), "role" ("Walker, a spokesman"), or "" for none."""
    if (
        (speech.match(after) and not possessive)  # "Ireland's continued": no speaker
        or (
            before.rstrip(" \t,").lower().endswith(_SPEECH_BEFORE)
            and _NAME_ENDS_CLAUSE.match(after)
        )
    ) and not _PLACE_BEFORE.search(before):
        return "speech"  # but not "speaking in Dublin, said": a place
    if (
        _ROLE_CUE.match(after)
        and not _NOT_A_NAME_BEFORE.search(before)
        and not word.endswith(_ADJECTIVE_ENDINGS)  # "Presidential spokesman"
        and word not in _ROLE_MODIFIERS  # "Legal adviser", "Shadow spokesman"
        and not _used_in_lower_case(word, prose)
    ):
        return "role"  # not "Auction spokesman" in a story about an auction
    return ""


def _read_word(
    start: int,
    end: int,
    text: str,
    prose: str,
    lex: Lexicon,
    patterns: tuple[Any, Any, Any, Any],
    quotes: list[tuple[int, int]],
) -> PersonMention | tuple[int, int, str, bool] | None:
    """:func:`_read_run` for a run of one word (most runs), step for step the
    same reading without the steps that only a longer run takes: a mention,
    a candidate lone word (start, end, word, possessive) or None."""
    written = text
    if (
        text.rstrip(".,") in lex.not_names
        and text not in lex.titles
        and text not in _COMPASS_SURNAMES
    ):
        return None  # a never-name word ("The", "But")
    # A sentence-final period is punctuation, not an initial (twice, as
    # _read_run strips it before and after the suffixes).
    for _ in range(2):
        if (
            text.endswith(".")
            and len(text) > 2
            and text not in lex.suffixes
            and text not in lex.titles
        ):
            text = text[:-1]
    word, possessive = _strip_token(text)
    if word in lex.particles:
        # No capital word left: _read_run's own reading.
        found = _read_run([(start, end, written)], prose, lex, *patterns[1:], quotes)
        return found[0] if found else None
    name_end = start + len(word)
    if word in _COMPASS_SURNAMES:
        if _DETERMINER_BEFORE.search(prose[max(0, start - 6) : start]):
            return None  # "the North": a region
        return (start, name_end, word, possessive)  # "North's": see "North"
    if word.rstrip(".") in lex.not_names or word in lex.organisation_words:
        return None  # an organisation or a never-name word
    if word.isupper() and len(word) > 1 and not word.endswith("."):
        return None  # acronyms and text in capitals
    if _ACRONYM_START.match(word):
        return None  # "BAe", "PCs": two capitals open an acronym, not a surname
    near = prose[name_end : name_end + 12]  # a cheap test before the pattern
    if ("and" in near or "&" in near) and _FIRM_AFTER.match(prose, name_end):
        return None  # "Schroder and Co": a firm
    if word in lex.organisations or len(word) < 2 or word.endswith("."):
        return None
    if unicodedata.category(prose[name_end : name_end + 1] or " ")[0] == "C":
        return None  # cut short by a control character: mis-encoded text ("RaÃÂ\x81ol")
    if word in lex.title_words or word in lex.titles:
        return None  # "Director", "Governor" alone
    after = prose[name_end + (len(text) - len(word)) : name_end + 80]
    before = prose[max(0, start - 60) : start]
    cue = _lone_word_cue(word, possessive, before, after, prose, patterns[1])
    if not cue:
        return (start, name_end, word, possessive)
    return PersonMention(
        start, name_end, prose[start:name_end], None, word, start, "surname",
        quoted=_inside_sorted(start, quotes),
        attributive=_attributive(prose, start, name_end), cue=cue,
    )  # fmt: skip


def _read_run(
    tokens: list[Token],
    prose: str,
    lex: Lexicon,
    speech: Any,
    role_after: Any,
    role_before: Any,
    quotes: list[tuple[int, int]],
) -> list[Any]:
    # A team sheet or list of initials and surnames: "W Pozzebon, A Masi,
    # KP Robertson;" ("A" is then an initial, not the article).
    listed = (
        len(tokens) >= 2
        and _LIST_INITIALS.match(tokens[0][2]) is not None
        and prose[max(0, tokens[0][0] - 2) : tokens[0][0]] in (", ", "; ")
        and _LIST_END.match(prose, tokens[-1][1]) is not None
        and (
            _LIST_BEFORE.search(prose[max(0, tokens[0][0] - 40) : tokens[0][0]]) is not None
            or _LIST_AFTER.match(prose, tokens[-1][1]) is not None
        )
    )
    # Sentence openers and other never-name words at the front.
    while (
        not listed
        and tokens
        and (tokens[0][2].rstrip(".,") in lex.not_names and tokens[0][2] not in lex.titles)
        and not (len(tokens) == 1 and tokens[0][2] in _COMPASS_SURNAMES)
    ):
        tokens.pop(0)
    if not tokens:
        return []
    # A capitalised describing word before a name: "Singer Tom Jones",
    # "Senators Charles E. Grassley" (a given name stays: "Bill de Blasio").
    if len(tokens) >= 3:
        first = tokens[0][2]
        if (
            fold(first) not in lex.given_names
            and first not in lex.titles
            and first not in lex.title_words
            and f"{first} {tokens[1][2]}" not in lex.titles  # "Vice President"
            and (
                first.lower() in _DESCRIPTORS
                or (
                    fold(tokens[1][2]) in lex.given_names  # "Year Barack Obama"
                    and _used_in_lower_case(first, prose)
                )
            )
        ):
            tokens = tokens[1:]
    # A sentence-final period on the last word is punctuation, not an initial.
    start, end, text = tokens[-1]
    if text.endswith(".") and len(text) > 2 and text not in lex.suffixes and text not in lex.titles:
        tokens[-1] = (start, end - 1, text[:-1])
    # Suffixes (Jr., III) and honours (QC, OBE) after the name come off
    # first, so a title word before them is the surname ("John Pope Jr").
    while len(tokens) > 1 and (
        tokens[-1][2].rstrip(",") in lex.suffixes or tokens[-1][2].rstrip(",") in _POST_NOMINALS
    ):
        tokens.pop()
    start, end, text = tokens[-1]
    if text.endswith(".") and len(text) > 2 and text not in lex.suffixes and text not in lex.titles:
        tokens[-1] = (start, end - 1, text[:-1])
    # The title phrase: everything up to the last title word.
    title_end = -1
    title_key = None
    # A title word that ends the run is a surname (Stephen King, Mike Judge).
    for i, (_, _, text) in enumerate(tokens[:-1]):
        word = _strip_token(text)[0]
        # Two-word titles: "Vice President", "Lt. Gov.", and those whose last
        # word is no title alone: "Attorney General", "District Attorney".
        pair = f"{tokens[i - 1][2]} {word}" if i > 0 else ""
        spaced = word.replace("-", " ")  # "Vice-President", British style
        if (
            word in lex.titles
            or word in lex.courtesy
            or pair in lex.titles
            or spaced in lex.titles
            or word in _OFFICE_TITLES
        ):
            title_end = i
            title_key = lex.titles.get(pair, lex.titles.get(word, lex.titles.get(spaced)))
    title = None
    if title_end >= 0:
        last = tokens[title_end][2]
        if _strip_token(last)[1]:
            return []  # "Sheriff's Office": a possessive title is an organisation
        title = prose[tokens[0][0] : tokens[title_end][1]]
        if tokens[title_end][2] in lex.courtesy:
            title_key = None
        tokens = tokens[title_end + 1 :]
    if not tokens:
        return []
    # A capitalised description before a full name: "BBC Political
    # Correspondent James Hardy", "Liberal Democrat Alan Beith", "Kenyan
    # Bernard Lagat", "Perry Capital CEO Richard Perry". The name starts at a
    # known given name after a word that describes (never inside a name that
    # opens with a given name: "John Paul Jones").
    if len(tokens) >= 3:
        opens_with_given = fold(tokens[0][2]).rstrip(".") in lex.given_names
        office = not opens_with_given and _after_office(prose, tokens[0][0], lex)
        for i in range(1, len(tokens) - 1):
            if (
                fold(tokens[i][2]) in lex.given_names
                and (office or _describes(tokens[i - 1][2], prose, lex))
                # "Perry Capital CEO Richard Perry": a firm or an acronym is
                # never inside a name, whatever the first word is.
                and (not opens_with_given or any(_no_name_word(t[2], lex) for t in tokens[1:i]))
            ):
                tokens = tokens[i:]
                break
    # Split off suffixes (Jr., III) and a possessive on the last word.
    while len(tokens) > 1 and tokens[-1][2].rstrip(",") in lex.suffixes:
        tokens.pop()
    start, end, text = tokens[-1]
    bare, possessive = _strip_token(text)
    tokens[-1] = (start, start + len(bare), bare)
    words = [t[2] for t in tokens]
    # A particle opening a sentence is capitalised: "Bin Salman's office".
    capital_words = [
        w
        for i, w in enumerate(words)
        if w not in lex.particles
        and not (i == 0 and len(words) > 1 and w.lower() in LEADING_PARTICLES)
    ]
    if len(words) == 1 and words[0] in _COMPASS_SURNAMES and title is None:
        if _DETERMINER_BEFORE.search(prose[max(0, tokens[0][0] - 6) : tokens[0][0]]):
            return []  # "the North": a region
        return [(tokens[0][0], tokens[0][1], words[0], possessive)]  # "North's": see "North"
    # An organisation or place word after the first ("Milwaukee Police
    # Department"); as the first word it may be a given name ("Bill Jones").
    organisation = (
        any(
            w in lex.organisation_words
            or w in _PLACE_WORDS
            or (
                w.rstrip(".") in lex.not_names
                and len(w.rstrip(".")) > 1
                # "Oliver North": a compass word after a known given name is a surname
                and not (
                    w in _COMPASS_SURNAMES
                    and len(capital_words) == 2
                    and fold(capital_words[0]) in lex.given_names
                )
            )
            for w in capital_words[1:]  # a middle initial "A." is no article
        )
        or (
            (capital_words[0].rstrip(".") in lex.not_names and not listed)
            or (len(capital_words) == 1 and capital_words[0] in lex.organisation_words)
        )
    )
    if organisation and (title is None or len(capital_words) > 1):
        return []
    if len(capital_words) == 1 and capital_words[0] in lex.organisation_words:
        return []
    if any(
        w.isupper() and len(w) > 1 and not w.endswith(".") for w in capital_words[int(listed) :]
    ):
        return []  # acronyms and text in capitals
    if len(capital_words) == 1 and _ACRONYM_START.match(capital_words[0]):
        return []  # "BAe", "PCs": two capitals open an acronym, not a surname
    firm_at = tokens[-1][1]
    near = prose[firm_at : firm_at + 12]  # a cheap test before the pattern
    if ("and" in near or "&" in near) and _FIRM_AFTER.match(prose, firm_at):
        return []  # "J Henry Schroder Wagg and Co": a firm named after its founders
    name_start, name_end = tokens[0][0], tokens[-1][1]
    quoted = _inside_sorted(name_start, quotes)
    after = prose[name_end + (len(text) - len(bare)) : name_end + 80]
    before = prose[max(0, name_start - 60) : name_start]
    role = None
    if len(capital_words) > 1:  # roles are read for full names only: lone words are many
        role_m = role_after.match(after) or role_before.search(before)
        if role_m:
            role = role_m.group(1)

    if len(capital_words) == 1:
        word = capital_words[0]
        if word in lex.organisations or len(word) < 2 or word.endswith("."):
            return []
        if unicodedata.category(prose[name_end : name_end + 1] or " ")[0] == "C":
            return []  # cut short by a control character: mis-encoded text ("RaÃÂ\x81ol")
        if word in lex.not_names or word in lex.title_words or word in lex.titles:
            return []  # "The Lord Of the Rings", "Director General"
        if title and title.split()[-1] in _GIVEN_NAME_TITLES:
            return []  # "Sir Richard", "King Abdullah": a given name, not a surname
        if title and title.split()[-1] in _PEERAGE_TITLES:
            cue = "peerage"  # "Lord Falconer": the peerage is the name in British style
        elif title is not None:
            cue = "title"
        else:
            cue = _lone_word_cue(word, possessive, before, after, prose, speech)
        surname = prose[name_start:name_end] if len(words) > 1 else word  # "de Blasio"
        if len(words) > 1 and words[0][0].isupper() and _opens_sentence(before):
            surname = words[0].lower() + surname[len(words[0]) :]  # "Bin Salman's office"
        if not cue:
            return [(name_start, name_end, surname, possessive)]
        kind = "title-surname" if title is not None and title_key is not None else "surname"
        return [
            PersonMention(
                name_start, name_end, prose[name_start:name_end], None, surname, name_start, kind,
                title=title, title_key=title_key, role=role, quoted=quoted,
                attributive=_attributive(prose, name_start, name_end), cue=cue,
            )
        ]  # fmt: skip
    if len(capital_words) > 5:
        return []
    given = words[0]
    if given in lex.particles:
        return []
    # Surname: from the first particle after the given name (van Beethoven),
    # else the last word; middle names and initials sit between.
    surname_index = len(tokens) - 1
    for i in range(1, len(tokens) - 1):
        if tokens[i][2] in lex.particles:
            surname_index = i
            break
    surname_start = tokens[surname_index][0]
    surname = prose[surname_start:name_end]
    if fold(given).rstrip(".") in lex.given_names or (
        listed
        or (
            _INITIALS.match(given)
            and given not in lex.title_words
            and given.rstrip(".") not in lex.not_names
            and given.replace(".", "") not in _PLACE_INITIALS
        )
    ):
        cue = "given-name"
    elif title is not None:
        cue = "title"
    elif role is not None:
        cue = "role"
    elif _CREDIT_BEFORE.search(before):
        cue = "credit"
    elif _AGE_AFTER.match(after):
        cue = "age"
    elif len(capital_words) == 2:
        cue = "unconfirmed"  # a person if the story names the surname as one elsewhere
    else:
        return []  # "Iron Mike Tyson": a longer run is a nickname or a phrase
    return [
        PersonMention(
            name_start, name_end, prose[name_start:name_end], given, surname, surname_start, "full",
            title=title, title_key=title_key, role=role, quoted=quoted, cue=cue,
        )
    ]  # fmt: skip
