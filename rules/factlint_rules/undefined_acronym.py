"""An acronym used with no spelled-out form earlier in the story.

**What it flags.** The first use of an abbreviation such as ``ICE`` or
``MPD`` when the story has not yet given the full name: neither "Immigration
and Customs Enforcement (ICE)" nor a capitalised phrase whose initials make
the acronym ("Milwaukee Police Department" before "MPD"). It is a checklist
of abbreviations a reader may need spelled out, not a list of every run of
capitals, so it claims less than it could:

- acronyms news readers know (AP style's FBI, CIA, NATO, GDP; everyday
  terms such as DVD, MBA, ZIP; honours, exams and bodies British readers
  know: OBE, GCSE, TUC; companies, brands, broadcasters and indexes known
  the world over by their initials: IBM, BT, CBS, FTSE, AIG, KLM), in
  ``undefined_acronym.json``;
- a company or brand: letters the story uses with shares, sales, customers,
  products, a launch or a deal ("shares of KTX", "KTX's board", "take over
  CMV", "the launch of the PSP"), a share's move in a market report ("BHP
  closed five cents up"), a maker showing or selling its wares ("NEC is
  showing a phone", "MPIO's tiny digital USB music players"), with an
  owner before them ("Sony's PSP"), as an owner with no article before a product in
  capitals or with a digit ("SBC's IPTV", "ATI's Radeon X800"; a body takes
  an article: "the OECD's PISA study"), beside a firm named by its form
  ("Cable & Wireless and NTL", "NTL and Acme Corp"), with a company word or
  a ticker ("GAF Corp", "security firm RSA", "BASF <BASF.F>"), after its
  kind ("consortium TAV", "firms AM3D and SRS", "the anabolic steroid THG",
  "standards called IFRS", "the ISEQ index", "central character CJ",
  "Australian associate CRA", "stocks Texaco and UAL"), before its kind
  ("the ruling MPR party", "the CPB planning agency", "VAX systems", "its
  PRISM family of services", "USX's USS steel unit", "the SCREG construction
  group", not a body's committee: "the GATT farm negotiating group"), set
  off by commas after what it is ("Japan's next jet fighter, the FSX,", "The
  UN programme tackling Aids, UNAIDS,"), a market or grade before its
  commodity ("CBT wheat futures", "LME nickel", "RBD palm oil"), a model,
  carrier or railway before its kind ("SRX SUVs", "GNER trains", "RENFE
  railways"), as an analyst's employer ("analyst Jason Kenney at ING") or an
  issue's managers ("co-lead managers are DBCM and SBCI"), an economist's
  with no article ("economist Marie-Pierre Ripert at IXIS"; a body takes
  one: "an economist at the OECD"), a marketing or sales job's ("manager of
  mobile terminals marketing for NEC") or an event's organisers ("CES
  organisers the CEA"), one of a list of names ("AEG, Zanussi and
  Frigidaire"), or described beside them ("CMV, a gold mining company",
  "MTN - the South African firm", "the DIW economic research institute"),
  anywhere in the story;
- a name spelled out beside it in any form: in brackets with letters from
  inside a word ("London Interbank Offered Rate (LIBOR)"), translated or in
  another language's order ("Vale Do Rio Doce (CVRD)", "The French Cereals
  Intervention Board, ONIC,"), with commas ("the export enhancement program,
  EEP,"), or after it ("PCP, or angel dust"; "TBG, formerly known as ...";
  "RSS - Really Simple Syndication -"; "polychlorinated biphenyls PCBs"); or
  earlier anywhere in the story with letters from inside a word, every word
  giving at least its initial (an elided article skipped: "Banque de l'Union
  Europeenne" before BUE) ("New York Mercantile Exchange" before NYMEX,
  "Atlantic Richfield Co" before ARCO, "Petroleos de Venezuela, S.A." before
  PDVSA), or in lower case before it ("small and medium enterprises" before
  SMEs); a name in wire markup counts ("<Kokusai Denwa Denshin Co Ltd>");
- broadcast call letters, a broadcaster by what it is, a state after its
  city, the headline (and dek) of an untitled story, datelines (a wire
  file's second story's too, or with a typo in the place: "CORAl GABLES,
  Fla, March 30-"), labels, wire markers ("MORE"), pointers to a wire page
  ("(See ECRA for spotlight index)"), credit ratings ("rated AAA", "to B-3
  from CAA"), codes, amounts and units ("PL 480", "ECU 1.5 billion", "a 550
  mln ECU loan", "40 GB", "per CWT", "39 degree API gravity"), case names
  and fixtures ("QPR v Nottm Forest"), table lines, function words and
  auxiliaries written in capitals ("IN a statement", "they COULD be"), names
  written in capitals ("FAROOK" beside "Farook"), Roman numerals and links
  (see ``factlint.facts.acronyms``); and a part of a longer name: a code or
  model with a digit ("U2", "A300s"), a hyphenated name ("TNK-BP"), a ticker
  ("under the symbol RIV", "the options symbol ... changed to VIY", "traded
  ... under the synbol TNDM", "listed as the debentures of Louisiana Land,
  LLXOO"), a trim after a model code ("C180 SE"), or capitals a capitalised
  word continues, its country in brackets between ("GMAC (Australia) Finance
  Ltd", "PNC Financial Corp", "Windows XP", "<NIM and Co Ltd>"), or a title
  that a capitalised "The" opens inside a sentence ("star of the TV
  programme The OC").

When the full name appears only later in the story, the message says where;
when the story spells out an acronym with the same letters in another order
("Court of Arbitration for Sport (CAS)", then "the CSA"), it says so and
points at that one: two letters swapped is the likelier error.

**Why.** News style spells a name out on first reference; a reader who
does not know the abbreviation loses the thread, and an unexplained acronym
often hides a wrong one.

**Example.**

    Clarke wants to turn inmates over to ICE for possible deportation.

**Fix.** Spell it out on first reference:

    Clarke wants to turn inmates over to U.S. Immigration and Customs
    Enforcement, or ICE, for possible deportation.

**Options.** ``allow``: more acronyms your readers know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache

from factlint import Document, DocumentRule, Facts, Finding, Severity, lazy
from factlint.facts.acronyms import with_markup_names
from factlint.rules import line_of, related_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


@cache
def allowed_acronyms() -> frozenset[str]:
    from factlint.data import load_data

    return frozenset(str(a) for a in load_data("undefined_acronym.json", __file__)["allowed"])


class UndefinedAcronym(DocumentRule):
    code = "FL501"
    name = "undefined-acronym"
    severity = Severity.INFO
    # Opt-in: a checklist aid, not a gate (benchmarks/precision.py measures
    # how much of what it reports on published copy is worth a look).
    default_enabled = False
    requires = ("acronyms",)
    options: ClassVar[Mapping[str, Any]] = {"allow": ()}

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        allowed = allowed_acronyms() | {str(a) for a in self.settings["allow"]}
        acronyms = facts.get_list("acronyms")
        prose = document.prose
        names = _names(with_markup_names(document.text, prose), {a.text for a in acronyms})
        seen: set[str] = set()
        # The acronyms the story spells out, by their letters in any order: an
        # undefined one with the same letters is most likely the same name with
        # two letters swapped ("CSA" after "Court of Arbitration for Sport (CAS)").
        spelled: dict[str, Any] = {}
        for acronym in acronyms:
            if acronym.expansion is not None:
                spelled.setdefault("".join(sorted(acronym.text)), acronym)
        for acronym in acronyms:
            if acronym.text in seen or acronym.text in allowed or acronym.text in names:
                continue
            if any(c.isdigit() for c in acronym.text):
                continue  # a model or code ("A300s", "MP3"), not a name to spell out
            if _a_trade_name(prose, acronym.text):
                seen.add(acronym.text)
                continue
            seen.add(acronym.text)
            expanded_at = acronym.expansion_start
            if expanded_at is not None and expanded_at <= acronym.end + 4:
                continue  # spelled out before it, or right after it ("RSS - Really Simple ...")
            twin = spelled.get("".join(sorted(acronym.text))) if expanded_at is None else None
            if twin is not None and twin.text != acronym.text:
                at = twin.expansion_start
                line = line_of(document, at)
                yield self.finding(
                    document,
                    acronym.start,
                    acronym.end,
                    f'"{acronym.text}" is not spelled out, but "{twin.text}" is'
                    f" ({twin.expansion}, line {line}): letters swapped? Use one form",
                    related=[
                        related_at(
                            document,
                            at,
                            at + len(twin.expansion),
                            f'"{twin.text}" spelled out here',
                        )
                    ],
                )
                continue
            if expanded_at is None:
                message = (
                    f'"{acronym.text}" is not spelled out; give the full name on first reference'
                )
            else:
                line = line_of(document, expanded_at)
                message = (
                    f'"{acronym.text}" is used before its full name "{acronym.expansion}"'
                    f" (line {line}); spell it out here"
                )
            yield self.finding(document, acronym.start, acronym.end, message)


# A capitalised word beside the acronym that makes it part of a name: "PNC
# Financial Corp", "RDF Media", "Windows XP", "Volvo S40". Titles after it
# ("OECD Secretary General") and sentence openers before it ("The OECD")
# leave it an acronym.
_WORD_AFTER = lazy.re(r"[ \t](?:and[ \t]+(?=Co\b|Sons\b|Partners\b))?([A-Z][a-z]+)\b")
_WORD_BEFORE = lazy.re(r"([^\s\w]?)[ \t]*\b([A-Z][a-z]+)[ \t]\Z")
_OPENERS = frozenset(
    {
        *("The", "A", "An", "In", "At", "For", "Of", "And", "But", "By", "On", "From"),
        *("With", "To", "As", "If", "When", "While", "After", "Before", "Under", "Its"),
        *("This", "That", "Both", "Neither", "Only", "Even", "Like", "Unlike", "Said"),
    }
)


# A company or brand known by its initials: its shares, sales and customers,
# a deal for it, its products, or its owner before it ("Sony's PSP"). A
# reader needs no spelling-out of a trade name (AP: "IBM" stands), and the
# story that trades in it treats it as a name.
_TRADE_AFTER = lazy.re(
    r"(?:'s|’s)?[ \t]+(?:shares?|stock|stockholders|shareholders|share[ \t]+price|subscribers"
    r"|customers|products|stores|shops|outlets|brand|profits?|sales|revenues?|earnings|losses"
    r"|board|console|handheld|handsets?|phones?|players?|cards?|chips?|software|cars?|computers?"
    r"|stake|unit|subsidiary|takeover|merger|bid|editor|business|division|operations)\b"
    r"|(?:'s|’s)(?:[ \t]+[\w.-]+){1,3}[ \t]+(?:shares|stock)\b"
    # its wares with words between: "MPIO's tiny digital USB music players"
    r"|(?:'s|’s)(?:[ \t]+[\w.-]+){1,4}[ \t]+(?:products|players|phones|handsets|consoles"
    r"|computers|chips|cards|cars|gadgets)\b"
    # a share's move in a market report: "BHP closed five cents up", "rose eight to 5.70"
    r"|[ \t]+(?:closed|rose|fell|added|lost|gained|eased|slipped|jumped|climbed|dropped|firmed)"
    r"[ \t]+(?:[\w.]+[ \t]+(?:cents?|pence|points?)\b|\d[\d.]*[ \t]+(?:up|down)\b"
    r"|[\w.]+[ \t]+to[ \t]+\d+\.\d\d\b)"
    # a maker showing or selling its wares: "NXQ is showing a phone", "BXQ sells its"
    r"|(?:[ \t]+(?:is|are|was|were))?[ \t]+(?:showing(?:[ \t]+off)?|selling|sells|shipping|ships"
    r"|manufactures|manufacturing)[ \t]+(?:a|an|its|their|the|new)\b"
)
# An owner before its product, a name in capitals or with a digit ("SXQ's
# IPTV", "AXQ's Radeon X800"), the owner with no article (a body takes one:
# "the OECD's PISA study").
_PRODUCT_AFTER = lazy.re(
    r"(?:'s|’s)[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?=[\w-]*(?:\d|[A-Z][A-Z]))[A-Z][\w-]*"
    r"(?![\w'’-])(?![ \t]+[A-Z][a-z])"
)
_ARTICLE_BEFORE = lazy.re(r"\b(?i:the|a|an)[ \t]+\Z")
_TRADE_BEFORE = lazy.re(
    r"(?:(?i:\b(?:shares|stock|stake|stakes|shareholders?)[ \t]+(?:of|in)|\b(?:bid|offer)[ \t]+for"
    r"|\b(?:takeover|acquisition|purchase|owners?|customers|subscribers|launch)[ \t]+of"
    r"|\b(?:take|took|taking|takes)[ \t]+over|\b(?:acquired?|acquires|acquiring|bought|buys?"
    r"|buying|merge[ \t]+with|merger[ \t]+with))"
    r"|\b[A-Z][a-z]+(?:'s|’s))[ \t]+(?:the[ \t]+)?\Z"
)


def _a_trade_name(prose: str, token: str) -> bool:
    """The story uses the acronym as a company or brand, anywhere."""
    at = prose.find(token)
    while at >= 0:
        end = at + len(token)
        whole = (at == 0 or not prose[at - 1].isalnum()) and (
            end == len(prose) or not prose[end].isalnum()
        )
        if whole and (
            _TRADE_AFTER.match(prose, end)
            or _TRADE_BEFORE.search(prose, max(0, at - 40), at)
            or (
                _PRODUCT_AFTER.match(prose, end)
                and not _ARTICLE_BEFORE.search(prose, max(0, at - 6), at)
            )
        ):
            return True
        at = prose.find(token, end)
    return False


# A ticker: "under the symbol RIV", "the options symbol for Viacom will be
# changed to VIY".
# "traded on the NASDAQ National Market System under the synbol TNDM", "will
# be listed as the debentures of Louisiana Land, LLXOO".
_TICKER = lazy.re(
    r"\b(?:symbols?|ticker)\b[^.!?\n]{0,50}\Z"
    r"|\b(?:traded|trades|trading|listed)\b[^.!?\n]{0,50}\b(?:under|as)\b[^.!?\n]{0,40}\Z",
    re.I,
)
# A model code before it: "the Mercedes Benz C180 SE".
_MODEL_AFTER = lazy.re(r"[ \t](?=[\w-]*\d)(?=[\w-]*[A-Z])[\w-]+\b")
_CODE_BEFORE = lazy.re(r"\b(?=[\w-]*[A-Z])[A-Za-z]*\d[\w-]*[ \t]\Z")
_MID_CAPITAL = lazy.re(r"[a-z,;][ \t]+([A-Z][a-z]+)\b")
_CAPITALS = lazy.re(r"\b[A-Z][A-Z0-9&]+\b")


def _names(prose: str, wanted: set[str]) -> set[str]:
    """The wanted acronyms that are part of a longer name anywhere in the story."""
    if not wanted:
        return set()
    # words the story capitalises inside a sentence: names ("the Sinclair Spectrum")
    names = {m.group(1) for m in _MID_CAPITAL.finditer(prose)}
    return {
        m.group()
        for m in _CAPITALS.finditer(prose)
        if m.group() in wanted and _in_a_name(prose, m.start(), m.end(), m.group(), names)
    }


def _in_a_name(prose: str, start: int, end: int, text: str, names: set[str]) -> bool:
    """The acronym is part of a longer name, not a name to spell out: it holds
    a digit ("U2", "P900", "G8"), it is joined to another name by a hyphen
    ("TNK-BP"), or a capitalised word beside it continues the name."""
    if any(c.isdigit() for c in text):
        return True
    if (start > 0 and prose[start - 1] == "-") or prose.startswith("-", end):
        return True
    if _TICKER.search(prose, max(0, start - 110), start):
        return True  # "began trading under the symbol RIV"
    if _CODE_BEFORE.search(prose, max(0, start - 20), start) or _MODEL_AFTER.match(prose, end):
        return True  # "C180 SE", "the DEX 600E"
    after = _WORD_AFTER.match(prose, end)
    if after and after.group(1) not in _lexicon_titles():
        return True
    if _TITLE_THE.search(prose, max(0, start - 12), start):
        return True  # a title: "star of the TV programme The OC"
    before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
    return bool(
        before
        and before.group(2) not in _OPENERS
        and before.group(2) not in _lexicon_titles()
        and (before.group(1) != "(" or prose.startswith(")", end))
        and before.group(1) not in (".", "!", "?", '"', "“", "‘")
        # at a sentence's start, only a word the story capitalises elsewhere
        # inside a sentence ("Sinclair QL a machine ...", not "Former AAA champion")
        and (not _line_start(prose, before.start(2)) or before.group(2) in names)
    )


# "The" capitalised after a word in lower case opens a title ("the TV
# programme The OC"), not a sentence.
_TITLE_THE = lazy.re(r"[a-z][ \t]+The[ \t]+\Z")


def _line_start(prose: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and prose[i] in " \t":
        i -= 1
    return i < 0 or prose[i] in "\n.!?:"


@cache
def _lexicon_titles() -> frozenset[str]:
    from factlint.facts.people import lexicon

    lex = lexicon()
    return frozenset(lex.titles) | lex.title_words


RULE = UndefinedAcronym
