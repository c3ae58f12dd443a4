"""Acronyms: each capitalised abbreviation in prose, and where (if anywhere)
the document spells it out.

An acronym counts as spelled out by "Immigration and Customs Enforcement
(ICE)", "ICE (Immigration and Customs Enforcement)", or simply by a
capitalised phrase whose initials make it ("Milwaukee Police Department" for
MPD), with small words (of, and, the, for, on, in, de, la) skipped or counted
("Democracy for America" for DFA, "Department Of Homeland Security" for DHS),
or by a spelling-out right beside it in any case ("digital terrestrial TV
(DTT)", "DTT (digital terrestrial TV)", "Democracy for America, or DFA",
"the export enhancement program, EEP,", "PCP, or angel dust", "TBG,
formerly known as ..."). In brackets, any words right before it spell it
out: with letters from inside a word ("London Interbank Offered Rate
(LIBOR)"), in another language's order or translated ("Vale Do Rio Doce
(CVRD)", "annualised money market rates (TAM)"), and a name right before
a bracketing pair of commas ("The French Cereals Intervention Board, ONIC,
said"). Anywhere in the story, capitalised words spell it out with letters
from inside a word too when every word gives at least its initial ("New
York Mercantile Exchange" for NYMEX, "Atlantic Richfield Co" for ARCO; not
"Secretary of State" for SAS). Names in wire markup ("<Kokusai Denwa
Denshin Co Ltd>") count, though the prose masks them.

Text in capitals (headlines, "FULL TEXT", "OBAMA’S LAST ..."), quotations,
the headline line (a short first line with no full stop, or in title case;
in a story with no title of its own, a short first paragraph of one or two
one-sentence lines, its headline and dek), the dateline (also "DALLAS/FORT
WORTH, Texas, March 3 - ", "ST. LOUIS, APril 7 - ", "CORAl GABLES, Fla,
March 30-", and a wire file's second story's: "LONDON, March 26 - "),
pointers to a wire page ("(See ECRA for spotlight index)"), labels
("NOTE:", "YEAR" alone on its line), wire markers closing a paragraph ("MORE"), titles
("MR."), routing codes, handles, emphasis (a word the story also writes in
lower case, a name it also writes in title case, a function word or
auxiliary: "IN a statement", "they COULD be", or a shout: "PREACH!"), a word
cited as a word ("text the word NEXT"), letters a combining mark continues
(mis-encoded text), the first word of a longer name ("MGM Grand", "FDR
Park", "CARLY for America", "CB and T Bancshares", "GMAC (Australia)
Finance Ltd"), US broadcast call
letters ("WKOW"), a state after its city ("Newark, NJ"), a share in a price
list ("BPB 10p to 660"), a line of a table (a fifth of it digits), credit
ratings ("rated AAA", "to B-3 from CAA"), codes and amounts ("PL 480", "ECU 1.5 billion"),
units ("40 GB", "per CWT"), case names ("NFIB v. Sebelius"), designators
("AN/ALQ-135"), photo credits ("... via Getty Images"), Roman numerals and
links are not acronyms. Letters the story treats as a name somewhere (with a
company word: "GAF Corp", "security firm RSA", "DZ bank"; before its
kind: "the CPB planning agency", "VAX systems", "USX's USS steel unit",
"the SCREG construction group"; a market or grade before
its commodity: "CBT wheat futures", "RBD palm oil"; with a wire
ticker: "BASF <BASF.F>"; a broadcaster by what it is: "WEEI radio";
described beside it: "Japan's next jet fighter, the FSX,", "The UN programme
tackling Aids, UNAIDS,", "EDGE, an
environmental justice group", "France's largest farm union, the FNSEA";
after its kind: "consortium TAV", "the
anabolic steroid THG", "standards called IFRS", "analyst Jason Kenney at
ING", "economist Marie-Pierre Ripert at IXIS", "co-lead managers are DBCM and
SBCI", "manager of mobile terminals
marketing for NEC", "CES organisers the CEA"; a model, carrier or railway
before its kind: "SRX SUVs", "GNER trains"; beside a firm named by its form:
"Cable & Wireless and NTL"; one of a list of three or more names: "AEG,
Zanussi and Frigidaire") are left out everywhere in it. A plural in capitals is spelled out by its
plural ("exchanges for physicals (EFPS)"), a small plural s may be a
letter of the name spelled out right before it ("million instructions per
second, or MIPs"), and "or" may be one of the small
words ("Identification Friend or Foe")."""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from factlint import lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Two to six capitals (digits and & inside), an optional plural s; or dotted
# forms such as U.N. (dotted forms are left to the allowlist).
# The capital first, its look-behind (one character wider) after it: a pattern
# that opens with a character set lets the engine skip to the next capital
# (three times faster over a story than a look-behind tried at every character).
_ACRONYM = lazy.re(
    r"([A-Z](?<![\w&.@#/<-][A-Z])[A-Z0-9&]{1,5})(s?)(?![\w&#;\u0300-\u036f-]|[./]\w)"
)
# Not acronyms: a label ("NOTE:", "RAMOS:"), a title ("MR."), a wire routing
# code ("(NRBK 0622)"), a dateline ("BERNE -"), a name with its company word
# ("GAF Corp", "RDF Media") or after one ("security firm RSA").
_LABEL_AFTER = lazy.re(r"s?(?::|\.(?=\s)(?<=(?:MR|MS|DR|ST|JR|SR)\.)|[ \t]+\d{3,4}\))")
# A dateline's place ("BERNE - ") opens its line; mid-sentence, "or DFA - which
# was founded" is an acronym beside its spelling-out.
_DASH_AFTER = lazy.re(r"s?(?:[ \t]+-[ \t]|[ \t]*[—–])")
_COMPANY_AFTER = lazy.re(
    r"s?[ \t]+(?:Corp|Corporation|Inc|Co|Ltd|Plc|PLC|Group|Media|Bank|Financial|Holdings"
    r"|AG|SA|NV|SpA|Cos|Industries|Capital|Securities|Airlines|Records|bank|airline"
    r"|(?i:industries|inc))\b"
)
# A wire ticker in markup after it ("BASF <BASF.F>"), or the news agency it is.
_TICKER_AFTER = lazy.re(r"s?[ \t]*<[A-Z][A-Z0-9]*(?:\.[A-Z]+)?>|s?[ \t]+news[ \t]+agency\b")
_KINDS = (
    r"(?:firm|company|bank|group|agency|network|channel|station|broadcaster|airline"
    r"|carrier|insurer|retailer|maker|label|band|brokerage|subsidiary|unit|giant|conglomerate"
    r"|lender|operator|chain|provider|organization|organisation|association|charity|union"
    r"|coalition|institute|railways?|exchange|ministry|federation|console|device|gadget|handheld"
    r"|format|magazine|newspaper|body|club|team|side|consortium|alliance|studio|publisher"
    r"|developer|pollster|watchdog|regulator|website|steroid|drug|substance|standard"
    r"|laboratory|laboratories|lab|character|producer|exporter|importer|refiner|utility"
    r"|newsagency|board|office|programme|program|partnership|associate|affiliate|stock"
    r"|broker|fund|telco|duo)s?"
)
_COMPANY_BEFORE = lazy.re(
    rf"\b(?i:{_KINDS})(?:[ \t]+|,[ \t]+(?:the[ \t]+)?"
    # the last of a list after its kind: "firms AM3D and SRS"
    r"|(?:[ \t]+[A-Z][\w&-]*){1,3}(?:,(?:[ \t]+[A-Z][\w&-]*){1,3})*,?[ \t]+(?:and|or)[ \t]+)$"
    # named by a common noun: "accounting standards called IFRS"
    r"|\b[a-z]{3,},?[ \t]+(?:called|named|dubbed)[ \t]+$"
    # an analyst's employer is a bank or broker: "an analyst at CCF"
    r"|\b(?:analysts?|strategists?|dealers?|traders?|brokers?)"
    r"(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
    r"[ \t]+(?:at|with)"
    r"[ \t]+(?:the[ \t]+)?$"
    # an economist's employer with no article is a bank or a firm ("economist
    # Marie Dupont at BXQ"; a body takes one: "an economist at the OECD"), and
    # so is a marketing or sales job's ("manager of handset marketing for NXQ")
    r"|\beconomists?(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]+(?:at|with)[ \t]+$"
    r"|\b(?:marketing|sales)[ \t]+(?:for|at|with)[ \t]+$"
    # an event's organisers or sponsors named after them: "CES organisers the CEA"
    r"|\b(?:organi[sz]ers|sponsors|promoters)[ \t]+(?:the[ \t]+)?$"
    # a bond issue's managers are banks: "Co-lead managers are DBCM and SBCI"
    r"|\b(?i:lead)[ \t]+managers?(?:[ \t]+(?:are|is|were|was|include))?[ \t]+"
    r"(?:[A-Z][\w&.-]*,?[ \t]+(?:and[ \t]+)?){0,4}$"
)
# A company beside one named by its form, with an ampersand or a company word
# ("Cable & Wireless and NTQ have announced", "NTQ and Acme Corp"): two firms.
_FIRM = (
    r"[A-Z][a-z][\w'’.-]*(?:[ \t]*&[ \t]*[A-Z][a-z][\w'’.-]*"
    r"|(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]+(?:Corp|Inc|Ltd|Plc|PLC|plc|Group|AG|SA|NV)\b\.?)"
)
_FIRM_AND_BEFORE = lazy.re(rf"{_FIRM}[ \t]+(?:and|or)[ \t]+$")
_FIRM_AND_AFTER = lazy.re(rf"s?[ \t]+(?:and|or)[ \t]+(?:the[ \t]+)?{_FIRM}")
# One of a list of names ("AEG, Zanussi and Frigidaire", "Cargill, Refco and
# ADM", "Beenie Man, TOK, Capleton and Vybz Kartel"): a company, band or
# brand among its peers, which the story names and does not explain.
_LIST_NAME = r"(?:the[ \t]+)?[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3}(?:[ \t]*<[^<>\n]*>)?"
_LIST_LAST_BEFORE = lazy.re(rf",[ \t]+({_LIST_NAME}),?[ \t]+(?:and|or)[ \t]+(?:the[ \t]+)?$")
_LIST_REST_AFTER = lazy.re(
    rf"s?(?:[ \t]*<[^<>\n]*>)?(?:,[ \t]+{_LIST_NAME})+,?[ \t]+(?:and|or)[ \t]+{_LIST_NAME}"
)
_LIST_ITEM_END = lazy.re(
    r"s?(?:[ \t]*<[^<>\n]*>)?(?:[ \t]*[,.;:)]|[ \t]*(?:\n|\Z)|[ \t]+(?:and|or|were|was|are|is"
    r"|have|has|had|said|say|says|will|would|all|both)\b)"
)
_LIST_BETWEEN_BEFORE = lazy.re(
    rf"(?:,|\b(?:include|includes|including|as|like))[ \t]+({_LIST_NAME}),[ \t]+(?:the[ \t]+)?$"
)
_LIST_NEXT_AFTER = lazy.re(rf"s?(?:[ \t]*<[^<>\n]*>)?(?:,|[ \t]+(?:and|or))[ \t]+({_LIST_NAME})")
_NAME_WORD = lazy.re(r"\b[A-Z][a-z]")


def _listed(prose: str, start: int, end: int) -> bool:
    """The letters are one of a list of three or more names, beside a name in
    title case: last ("Cargill, Refco and ADM"), first ("AEG, Zanussi and
    Frigidaire") or between ("MCI, Energis, NTT, Bell Canada", "classics
    such as Super Trouper, SOS and Dancing Queen")."""
    last = _LIST_LAST_BEFORE.search(prose, max(0, start - 80), start)
    if last and _NAME_WORD.search(last.group(1)) and _LIST_ITEM_END.match(prose, end):
        return True
    rest = _LIST_REST_AFTER.match(prose, end)
    if rest and _NAME_WORD.search(rest.group()):
        return True
    between = _LIST_BETWEEN_BEFORE.search(prose, max(0, start - 80), start)
    if between is None:
        return False
    after = _LIST_NEXT_AFTER.match(prose, end)
    return bool(
        after and (_NAME_WORD.search(between.group(1)) or _NAME_WORD.search(after.group(1)))
    )


# A broadcaster by what it is ("WEEI radio", "the TLC reality show", "ITV
# television station"), or a name described right beside it ("EDGE, an
# environmental justice group", "WKOW, the ABC affiliate"): a reader knows
# what it is without the letters spelled out.
_MEDIA_AFTER = lazy.re(
    r"s?[ \t]+(?:TV[ \t]+|(?:public|state|national|commercial|cable|satellite|local|private"
    r"|regional|digital|music|news)[ \t]+)?"
    r"(?:radio|television|network|channel|station|(?:reality |talk |TV )?show"
    r"|series|studios?|poll|index)\b"
    # a company, institute or part of one, with words between: "the DIW economic
    # research institute", "its USS steelmaking division"
    r"|s?(?:[ \t]+(?!(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|its|their|is|was"
    r"|are|were|has|had|have|said|says|will|would)\b)[a-z][a-z-]+){1,3}"
    r"[ \t]+(?:institute|consortium|division|subsidiary|unit|arm|company|bank|brokerage|body)\b"
    # a company by its trade: "the SNECMA aero-engine group", "the SCREG construction
    # group"; not a body's committee ("the GATT farm negotiating group")
    r"|s?(?:[ \t]+(?!(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|its|their|is|was"
    r"|are|were|has|had|have|said|says|will|would)\b)[a-z][a-z-]+){0,2}"
    r"[ \t]+(?!(?:negotiating|working|study|advisory|contact|steering|consultative|expert"
    r"|experts|pressure|lobby|interest|support|focus|peer|parliamentary|planning)\b)"
    r"[a-z][a-z-]+[ \t]+group\b"
    # a body or a product by its kind, with words between or none: "the ruling MPR
    # party", "the CPB planning agency", "EWSD digital switching systems", "AXE
    # exchanges", "the SQL programming language"
    r"|s?(?:[ \t]+(?!(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|its|their|is|was"
    r"|are|were|has|had|have|said|says|will|would|that|which|who)\b)[a-z][a-z-]+){0,2}"
    r"[ \t]+(?:agency|agencies|party|parties|unions?|federations?|associations?|systems?|models?"
    r"|computers?|language|microprocessors?|processors?|exchanges|switches|gateways|trucks?"
    r"|jets?|fighters?|engines?|family|consultancy|label|magazine|newspaper|website|formats?"
    r"|battery|batteries|SUVs?|sedans?|coupes?|vans?|railways?|airlines?)\b"
    # a carrier's trains, not a body that trains people: "GNER trains", "the SFA trains referees"
    r"|s?[ \t]+trains\b(?![ \t]+(?:the|a|an|its|their|his|her|them|[a-z]+s)\b)"
    # a market or a grade before its commodity: "CBT wheat futures", "LME nickel",
    # "RBD palm olein", "SRW wheat"; not a body's business ("ICO coffee quota talks",
    # "PIK corn redemptions")
    r"|s?[ \t]+(?:wheat|corn|maize|soybeans?|soyoil|soymeal|soyproducts?|oats|barley|sorghum"
    r"|rice|sugar|cocoa|coffee|cotton|palm|olein|stearin|rubber|copper|zinc|nickel|lead|tin"
    r"|aluminium|aluminum|silver|gold|platinum)\b"
    r"(?![ \t]+(?:quotas?|redemptions?|talks|agreements?|pacts?|council|certificates?"
    r"|programs?|programmes?|payments?|loans?|buffer|committee|negotiations|policy|sales)\b)"
    r"|s?(?:[ \t]+[a-z][a-z-]+){0,2}[ \t]+futures\b"
)
_DESCRIBED_AFTER = lazy.re(
    r"s?(?:[ \t]+and[ \t]+(?:[A-Z][\w&-]*[ \t]+){0,2}[A-Z][\w&-]*)?"
    r"(?:,|[ \t]+[-–—]|[ \t]*—)[ \t]+(?:a|an|the|[A-Z][\w.]*(?:'s|’s))[ \t]+"
    r"(?:[\w-]+,[ \t]+)?[^,.;\n]{0,60}?"
    r"\b(?:group|organi[sz]ation|company|firm"
    r"|affiliate|station|network|union|agency|association|party|coalition|charity|bank|institute"
    r"|council|committee|federation|league|body|movement|fund|alliance|society|channel"
    r"|broadcaster|newspaper|magazine|website|laboratory|lab|school|university|college"
    r"|supplier|provider|maker|manufacturer|retailer|chain|carrier|airline|operator|producer"
    r"|brand|label|band|insurer|lender|format|console|index|show|fair|exhibition|variation"
    r"|version|consortium|conglomerate|studio|publisher|developer|pollster|steroid|drug)s?\b"
)
# Set off by commas after a common noun that says what it is: "Japan's next
# jet fighter, the FSX, as ...", "the commodity board for margarine, fats and
# oils, MVO, said".
_APPOSITIVE_BEFORE = lazy.re(
    r"\b[a-z][a-z'’-]+,[ \t]+(?:the[ \t]+)?\Z"
    # a kind a few words back: "The UN programme tackling Aids, UNAIDS, said"
    rf"|\b(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}(?i:{_KINDS})"
    r"(?:[ \t]+[\w'’-]+){1,3},[ \t]+\Z"
)
_APPOSITIVE_END = lazy.re(r"s?,")
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
_NAME_AFTER = lazy.re(
    r"s?[ \t]+(?:(?:de|del|da|di|dal|van|von|der|den|la|le|for|of)[ \t]+){0,2}[A-Z][a-z]"
    r"|s?[ \t]+and[ \t]+[A-Z]\b|s?[ \t]+[a-z]+[A-Z]"
    # a company's name with its country in brackets: "GMAC (Australia) Finance Ltd"
    r"|s?[ \t]+\([A-Z][a-z]+\)[ \t]+[A-Z][a-z]"
)
# A shout, not an acronym: "PREACH!"
_SHOUT_AFTER = lazy.re(r"s?!")
# A code or amount after it ("PL 480", "ECU 1.5 billion", "CAN 79.3" in a
# rate table), a case name ("NFIB v. Sebelius"), a unit after a number or
# "per" ("40 GB", "dlrs per CWT").
_CODE_AFTER = lazy.re(
    r"s?[ \t]+(?:\d[\d.,]*(?![\w.,]*[A-Za-z])|vs?\.[ \t]|vs?[ \t]+[A-Z])|\$"  # "HK$327m"
)
_VIA = lazy.re(r"[ \t]+(?:via|for)[ \t]+(?:Getty|AP|AFP|Reuters|EPA)\b|/(?:AFP|AP|Getty)\b")
_VERSIONS_BEFORE = lazy.re(
    r"\b\d+,[ \t]+\d+,(?:[ \t]+[A-Z0-9]+,)*(?:[ \t]+[A-Z0-9]+)?[ \t]+(?:(?:and|or)[ \t]+)?\Z"
)
_UNIT_BEFORE = lazy.re(r"(?:\d[ \t]*|\bper[ \t]+|\d[ \t]+degrees?[ \t]+)\Z")
# A currency in an amount: "a 550 mln ECU loan", "125.9 mln SDR's".
_AMOUNT_BEFORE = lazy.re(r"\d[ \t]*(?:mln|bln|bn|million|billion|trillion)[ \t]+\Z")
_AMOUNT_AFTER = lazy.re(
    r"s?(?:'s|’s)?(?:[ \t]+(?:loans?|bonds?|eurobonds?|issues?|credits?|notes?|dlrs|francs|arrears"
    r"|facility|stand-by|of|in|to|from|for|at|and)\b|[ \t]*[,.;)]|[ \t]*(?:\n|\Z))"
)
_SEE_BEFORE = lazy.re(r"\((?:[^()\n]*?[ \t,])?(?i:see)[ \t]+[^()\n]{0,40}\Z")
_WORD_CITED = lazy.re(r"\b(?:word|words|keyword|text|texting)[ \t]+\Z")
_TITLE_BEFORE = lazy.re(r"\b(?:MR|MS|MRS|DR)\.?[ \t]+$")
# Spelled out right beside: "digital terrestrial TV (DTT)", "the DTT (digital
# terrestrial TV)", "Democracy for America, or DFA", "also known as ISIL".
_BESIDE_BEFORE = lazy.re(r"(?:,?[ \t]*\(|, or |,? also known as |,? known as | or |, )$")
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
        *("della", "di", "du", "des", "der", "von", "van", "und"),
    }
)
_LEGAL_WORDS = frozenset(
    {"co", "corp", "inc", "ltd", "plc", "ag", "sa", "nv", "spa", "gmbh", "llc", "bv", "ab"}
)
_ROMAN = lazy.re(r"^[IVXLCDM]+$")
_SMALL = (
    r"(?:(?:of|and|the|for|on|in|to|de|la|del|y|&|della|di|du|des|der|von|van|und)\s+)*"
    r"(?:[ld]['’])?"  # an elided article: "Banque de l'Union Europeenne"
)
_CAP_WORD = r"[A-Z][\w'’-]*"
# The capital first and its word boundary looked back at after it (as in
# _ACRONYM): the engine skips to the next capital.
_CAP_PHRASE = lazy.re(rf"[A-Z](?<!\w[A-Z])[\w'’-]*(?:[ \t]+{_SMALL}{_CAP_WORD})+")
_CAP_WORD_IN_PHRASE = lazy.re(_CAP_WORD)
_ANY_WORD_IN_PHRASE = lazy.re(r"[A-Za-z][\w'’-]*")
_TITLE_SMALL = frozenset({"Of", "And", "For", "On", "In", "To", "De", "La", "Del"})
_SMALL_IN_PHRASE = lazy.re(
    r"\s(?:of|and|the|for|on|in|to|de|la|del|y|della|di|du|des|der|von|van|und)\s"
)


@record(frozen=True)
class Acronym:
    start: int
    end: int
    text: str
    expansion: str | None  # the spelled-out form found in the document
    expansion_start: int | None


def _capitals_line(line: str) -> bool:
    """A line mostly in capitals (a headline, a label), where every word looks like an acronym."""
    letters, upper = _letters_and_capitals(line)
    return letters >= 8 and upper / letters > 0.6


def _letters_and_capitals(line: str) -> tuple[int, int]:
    """How many letters (``[^\\W\\d_]``) and capitals (``[A-Z]``) ``line`` holds.

    The ASCII ones are counted on the line's UTF-8 bytes, by deleting them
    (one pass in C, no object per letter); only the letters beyond ASCII are
    found one by one."""
    data = line.encode("utf-8", "surrogatepass")
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if not line.isascii():
        letters += len(_OTHER_LETTER.findall(line))
    return letters, len(data) - len(data.translate(None, _ASCII_LETTERS[:26]))


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_OTHER_LETTER = lazy.re(r"[^\x00-\x7f\W\d_]")  # a letter beyond ASCII


def spelled_out_forms(prose: str, wanted: set[str] | None = None) -> dict[str, tuple[int, str]]:
    """Initials of every run of capitalised words → (offset, phrase), earliest first.

    "Milwaukee Police Department" gives MPD, MP, PD and so on, small words
    skipped, so each acronym is one dictionary look-up. With ``wanted``, only
    those initials are kept.
    """
    forms: dict[str, tuple[int, str]] = {}
    for m in _CAP_PHRASE.finditer(prose):
        capitalised = [
            w for w in _CAP_WORD_IN_PHRASE.finditer(m.group()) if w.group() not in _TITLE_SMALL
        ]  # "Department Of Homeland Security" is DHS
        _initials_of(m, capitalised, forms, wanted)
        if _SMALL_IN_PHRASE.search(m.group()):  # "Democracy for America" is DFA too
            _initials_of(m, list(_ANY_WORD_IN_PHRASE.finditer(m.group())), forms, wanted)
    if wanted:
        _lower_case_forms(prose, wanted, forms)
    return forms


def _lower_case_forms(prose: str, wanted: set[str], forms: dict[str, tuple[int, str]]) -> None:
    """Initials of runs of words in any case, for the wanted acronyms of three
    letters or more: "the public sector borrowing requirement" spells out
    PSBR, "consumer price index" CPI, "small and medium enterprises" SME.
    Only consecutive words of four letters or more count, "and", "of" or
    "for" skipped between them (so that chance initials of everyday words do
    not), and
    each word starts at most six look-ups: the cost stays linear. Acronyms
    the capitalised words already spell out are not looked for (their form
    stays the capitalised one), and the search stops when none is left."""
    wanted = {w for w in wanted if len(w) >= 3 and w not in forms}
    if not wanted:
        return
    left = len(wanted)
    prefixes = {w[:i] for w in wanted for i in range(1, len(w) + 1)}
    for run in _WORD_RUN.finditer(prose):
        text = run.group()
        # the initials (ASCII letters) of its words, in capitals, one per word
        heads = "".join(_RUN_INITIAL.findall(text)).upper()
        words: list[re.Match[str]] | None = None  # the words, when an acronym is found
        for i in range(len(heads) - 1):
            if heads[i : i + 2] not in prefixes:
                continue  # no wanted acronym opens with these two initials
            for j in range(i + 1, min(len(heads), i + 6)):
                initials = heads[i : j + 1]
                if initials not in prefixes:
                    break
                if initials in wanted and initials not in forms:
                    if words is None:
                        words = list(_RUN_WORD.finditer(text))
                    start = run.start() + words[i].start()
                    forms[initials] = (start, text[words[i].start() : words[j].end()])
                    left -= 1
                    if not left:
                        return


# The letter first, its word boundary looked back at after it: the engine
# skips over the spaces and punctuation between words.
_WORD_RUN = lazy.re(
    r"[A-Za-z](?<!\w[A-Za-z])[\w'’-]{3,}(?:[ \t]+(?:(?:and|of|for)[ \t]+)?[A-Za-z][\w'’-]{3,})+\b"
)
_RUN_WORD = lazy.re(r"\b(?!(?:and|of|for)\b)[A-Za-z][\w'’-]*")
_RUN_INITIAL = lazy.re(r"\b(?!(?:and|of|for)\b)([A-Za-z])[\w'’-]*")  # _RUN_WORD's first letters


def _initials_of(
    m: re.Match[str],
    words: list[re.Match[str]],
    forms: dict[str, tuple[int, str]],
    wanted: set[str] | None,
) -> None:
    """Add the initials of each run of up to six of ``words`` (of the phrase
    ``m``) that opens with a capitalised word."""
    for i in range(len(words) - 1):
        initials = words[i].group()[0]
        if not initials.isupper():
            continue
        for j in range(i + 1, min(len(words), i + 6)):
            initials += words[j].group()[0].upper()
            if initials in forms or (wanted is not None and initials not in wanted):
                continue
            if words[j].group() in _SMALL_WORDS:
                continue  # "Entertainment and" is no name for EA: a name ends on a word
            start = m.start() + words[i].start()
            forms[initials] = (start, m.group()[words[i].start() : words[j].end()])


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
        phrases: list[tuple[int, str, list[re.Match[str]]]] | None = None
        defined: dict[str, tuple[int, str]] = {}
        written = _Written(prose)  # words the story writes in lower or title case
        named: set[str] = set()  # letters the story treats as a name somewhere
        tables: dict[int, bool] = {}
        head = _headline_end(prose, document.metadata.title is None)
        opening = _FIRST_WORD.search(prose)
        first = opening.start() if opening else -1  # the story's first word
        wanted = {"".join(c for c in m.group(1) if c.isalpha()) for m in matches}
        wanted |= {w[:-1] for w in wanted if len(w) > 3 and w.endswith("S")}
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
            token = m.group(1)
            if capitals[line_start]:
                continue
            if _next_to_capitals(prose, m.start(), m.end()):
                # not an acronym here, but it may be spelled out here for later
                # ("Vereinigte Kesselwerke AG, VKW")
                beside = _spelled_beside(document.text, m.start(), m.end(1), token)
                if beside is not None and token not in defined:
                    defined[token] = beside
                if _named(document.text, m.start(), m.end(1)):
                    named.add(token)  # "the UPN TV network"
                continue
            if m.start() < head or _not_an_acronym(prose, m.start(), m.end(1)):
                continue
            if _named(document.text, m.start(), m.end(1)):
                named.add(token)
                continue
            if token in _FUNCTION_WORDS or _table_line(prose, line_start, tables):
                continue  # "IN a prepared statement", "RBD palm olein April 327.50 June 329"
            if token.isalpha() and token.lower() in written:
                continue  # emphasis ("NOT", "ON"): the story uses the word in lower case
            if len(token) >= 4 and token.isalpha() and token.capitalize() in written:
                continue  # a word or name in capitals ("FAROOK", "APRIL"): "Farook", "April"
            if _set_apart(prose, m.start(), m.end(), first) or _rating(prose, m.start(), token):
                continue
            beside = _spelled_beside(document.text, m.start(), m.end(1), token)
            if beside is None and m[2] and token.isalpha():  # "instructions per second, or MIPs"
                beside = _spelled_beside(document.text, m.start(), m.end(1), token + "S")
            if beside is not None and token not in defined:
                defined[token] = beside
            if forms is None:
                forms = spelled_out_forms(with_markup_names(document.text, prose), wanted)
            letters = "".join(c for c in token if c.isalpha())
            spelled = forms.get(letters)
            if spelled is None and len(letters) > 3 and letters.endswith("S"):
                spelled = forms.get(letters[:-1])  # "PINS" after "Philippine Investment Notes"
            if spelled is None and token not in defined and len(letters) >= 3:
                if phrases is None:
                    phrases = _phrases(with_markup_names(document.text, prose))
                spelled = _inside_letters_form(phrases, letters)
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
        return [a for a in found if a.text not in named]


class _Written:
    """Whether the story writes a word (two to six ASCII letters, in lower
    case or in title case) as a whole word somewhere: as if looked up in the
    set of its words in lower case (``\\b[a-z]{2,12}\\b``) and in title case
    (``\\b[A-Z][a-z]{3,11}\\b``). The first few words are each one search
    for their letters (in C, skipping to them as ``str.find`` does), cheaper
    than building the sets, which a story with more words to look up builds
    once (so that the cost stays linear)."""

    __slots__ = ("every", "prose", "searches", "seen")

    def __init__(self, prose: str, searches: int = 12) -> None:
        self.prose = prose
        self.seen: dict[str, bool] = {}
        self.every: set[str] | None = None
        self.searches = searches

    def __contains__(self, word: str) -> bool:
        found = self.seen.get(word)
        if found is None:
            if self.every is None and len(self.seen) < self.searches:
                found = _whole_word(word).search(self.prose) is not None
            else:
                if self.every is None:
                    self.every = set(_LOWER_WORD.findall(self.prose))
                    self.every.update(_TITLE_WORD.findall(self.prose))
                found = word in self.every
            self.seen[word] = found
        return found


@functools.lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    # the letters first (the engine skips to them), then the word boundaries
    # either side: no word character before or after
    return re.compile(rf"{word}(?<!\w{word})(?!\w)")


_LOWER_WORD = lazy.re(r"\b[a-z]{2,12}\b")
_TITLE_WORD = lazy.re(r"\b[A-Z][a-z]{3,11}\b")


_CAPS_WORD = lazy.re(r"[A-Z][A-Z'’]+\b")
_LEADING_CAPS = lazy.re(r"(?:[A-Z][A-Z'’]+(?=[—–-]))?")
# English function words, in capitals for emphasis or a wire lede's first word.
_FUNCTION_WORDS = frozenset(
    {
        *("AN", "THE", "IN", "ON", "AT", "TO", "OF", "AND", "OR", "BUT", "FOR", "WITH"),
        *("BY", "IS", "AS", "IF", "SO", "NO", "NOT", "WE", "HE", "SHE", "THEY", "YOU"),
        *("ARE", "WAS", "WERE", "BE", "BEEN", "DO", "DID", "DOES", "HAS", "HAVE", "HAD"),
        *("CAN", "COULD", "WILL", "WOULD", "SHALL", "SHOULD", "MAY", "MIGHT", "MUST"),
        *("NEVER", "EVER", "ALL", "ANY", "ONLY", "VERY", "JUST", "YES", "MY", "OUR"),
        *("YOUR", "HIS", "HER", "THEIR", "THIS", "THAT", "WHAT", "WHY", "HOW", "THAN"),
    }
)
_FIRST_WORD = lazy.re(r"\w")
# A line a dateline opens ("DALLAS/FORT WORTH, Texas, March 3 - ", "APRIL 7 - ").
_DATELINE_LINE = lazy.re(r"[^\n]{0,60}?[ \t][-–—][ \t]")
# A label alone on its line ("YEAR"), or a wire marker closing a paragraph
# after its last sentence ("... the company added. MORE").
_ALONE = lazy.re(r"s?:?[ \t]*(?:-+|[—–])?[ \t]*(?:\n|\Z)")
_DATELINE_PLACE = lazy.re(r"[A-Z][A-Z.'/-]*(?:[ \t]+[A-Z][A-Z.'/-]*)*[ \t]+")
# A place's date and dash after it: "LONDON, March 26 - ", ", Fla, March 30-".
_DATE_DASH_AFTER = lazy.re(
    r"s?\.?,[ \t]+(?:[A-Z][A-Za-z.]*,[ \t]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?[ \t]+\d{1,2}[ \t]*[-–—][ \t]"
)
_SENTENCE_END_BEFORE = lazy.re(r"[.!?\"”][ \t]+\Z")
# A credit rating, not an abbreviation: "rated AAA", "to BB-plus from BBB".
_GRADES = frozenset({"AAA", "AA", "BBB", "BB", "CCC", "CC", "BAA", "CAA"})  # S&P's, Moody's
_RATING_WORDS = lazy.re(
    r"\brat(?:ed|es|ing|ings)\b|Moody|Poor'?s|\bS and P\b|\bD&?P-|\bdebt\b|\bpaper\b|\bbonds?\b"
)


def _headline_end(prose: str, untitled: bool = False) -> int:
    """The end of a headline: a short first line, then a blank line, with no
    full stop or in title case ("Hillary Just Vowed ... And It Says A LOT.").
    In a story with no title of its own (no front matter), a short first
    paragraph of one or two lines, each one sentence, is its headline (and
    dek) even with a full stop ("'SNL' has fun with Clinton's struggles.")."""
    end = prose.find("\n")
    if untitled:
        para = prose.find("\n\n")
        lines = prose[:para].strip().splitlines() if para > 0 else []
        if (
            0 < para <= 250
            and (len(lines) == 2 or (len(lines) == 1 and len(lines[0]) <= 120))
            and not _DATELINE_OPENS.match(lines[0])
            and all(len(line) <= 150 and not _SENTENCE_BREAK.search(line) for line in lines)
        ):
            return para
    if not (0 < end <= 150 and prose[end : end + 2] == "\n\n"):
        return 0
    if prose[end - 1] not in '.!?"”:':
        return end
    words = [w for w in prose[:end].split() if len(w) > 3 and w[0].isalpha()]
    if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
        return end
    return 0


_DATELINE_OPENS = lazy.re(r"[A-Z][A-Z .,'/]+[ \t]*[-–—(]")
_SENTENCE_BREAK = lazy.re(r"[a-z)][.!?][ \t]+[A-Z]")


def with_markup_names(text: str, prose: str) -> str:
    """The prose with the names in wire markup put back ("<Kokusai Denwa
    Denshin Co Ltd>"): the story names the company there."""
    if "<" not in text:
        return prose
    parts = []
    at = 0
    for m in _MARKUP_NAME.finditer(text):
        parts.append(prose[at : m.start(1)])
        parts.append(m.group(1))
        at = m.end(1)
    parts.append(prose[at:])
    return "".join(parts)


_MARKUP_NAME = lazy.re(r"<([A-Z][^<>\n]{1,80})>")


def _table_line(prose: str, line_start: int, seen: dict[int, bool]) -> bool:
    """A line of a table or price list: a fifth or more of its characters digits."""
    if line_start not in seen:
        line_end = prose.find("\n", line_start)
        line = prose[line_start : line_end if line_end >= 0 else len(prose)]
        visible = len("".join(line.split()))  # str.split splits where str.isspace
        seen[line_start] = visible > 0 and _digits(line) >= 0.2 * visible
    return seen[line_start]


def _digits(line: str) -> int:
    """How many characters of ``line`` are digits (``str.isdigit``): an ASCII
    line's counted on its bytes, by deleting them."""
    if line.isascii():
        data = line.encode("ascii")
        return len(data) - len(data.translate(None, b"0123456789"))
    return sum(map(str.isdigit, line))


def _set_apart(prose: str, start: int, end: int, first: int) -> bool:
    """A dateline's place, a label alone on its line or a wire marker at a
    paragraph's end: capitals set apart from the sentences, not an acronym."""
    opens = _opens_line(prose, start)
    if start == first and _DATELINE_LINE.match(prose, start):
        return True
    if (
        first < start
        and _DATELINE_PLACE.fullmatch(prose, first, start)
        and prose[end : end + 1] == ","
    ):
        return True  # "ST. LOUIS, April 7 - "
    if _DATE_DASH_AFTER.match(prose, end):
        # a dateline anywhere (a wire file's second story, a typo in the place):
        # "LONDON, March 26 - ", "CORAl GABLES, Fla, March 30-", "W. VA., April 3 - "
        return True
    if not _ALONE.match(prose, end):
        return False
    return opens or _SENTENCE_END_BEFORE.search(prose, max(0, start - 4), start) is not None


def _rating(prose: str, start: int, token: str) -> bool:
    """A credit grade ("rated AAA by Moody's"), not an abbreviation."""
    if token not in _GRADES:
        return False
    return _RATING_WORDS.search(prose, max(0, start - 120), start + 120) is not None


def _opens_line(prose: str, start: int) -> bool:
    """Only blank space between the line's start and ``start``."""
    line = prose.rfind("\n", max(0, start - 200), start) + 1
    return not prose[max(line, start - 200) : start].strip()


def _not_an_acronym(prose: str, start: int, end: int) -> bool:
    """A label, title, routing code, dateline or company name in capitals."""
    if _LABEL_AFTER.match(prose, end):
        return True
    if _DASH_AFTER.match(prose, end) and _opens_line(prose, start):
        return True
    if _NAME_AFTER.match(prose, end):  # "MGM Grand", "FDR Park", "UNC Nuclear Inc": a name
        return True
    if _TITLE_BEFORE.search(prose, max(0, start - 6), start):
        return True  # "MR. SMITH"
    if _WORD_CITED.search(prose, max(0, start - 12), start):
        return True  # "text the word NEXT"
    if _SEE_BEFORE.search(prose, max(0, start - 80), start):
        return True  # a pointer to a wire page or story: "(See ECRA for spotlight index)"
    token = prose[start:end]
    if _CALL_LETTERS.match(token) or _PENCE_AFTER.match(prose, end):
        return True
    if _SHOUT_AFTER.match(prose, end) or _CODE_AFTER.match(prose, end) or _VIA.match(prose, end):
        return True  # "PREACH!", "PL 480", "ECU 1.5 billion", "NFIB v. Sebelius"
    if _VERSIONS_BEFORE.search(prose, max(0, start - 40), start):
        return True  # a version in a list of numbered ones: "Windows 95, 98, 2000, NT and XP"
    if _UNIT_BEFORE.search(prose, max(0, start - 12), start):
        return True  # "a 40 GB drive", "dlrs per CWT"
    if _AMOUNT_BEFORE.search(prose, max(0, start - 14), start) and _AMOUNT_AFTER.match(prose, end):
        return True  # "a 550 mln ECU loan"
    return token in _STATES and _CITY_BEFORE.search(prose, max(0, start - 30), start) is not None


def _named(prose: str, start: int, end: int) -> bool:
    """A name with its company word ("GAF Corp", "security firm RSA", "DZ
    bank"), a broadcaster, body or product by what it is ("the CPB planning
    agency", "VAX systems"), a market or grade before its commodity ("LME
    nickel", "RBD palm oil"), or a name described beside it ("CMP, a gold
    mining company", "France's largest farm union, the FNSEA", "Japan's next
    jet fighter, the FSX,"): the story treats the letters as a name,
    everywhere in it."""
    return bool(
        _COMPANY_AFTER.match(prose, end)
        or _TICKER_AFTER.match(prose, end)
        or _MEDIA_AFTER.match(prose, end)
        or _DESCRIBED_AFTER.match(prose, end)
        or (
            _APPOSITIVE_BEFORE.search(prose, max(0, start - 60), start) is not None
            and _APPOSITIVE_END.match(prose, end) is not None
        )
        or _COMPANY_BEFORE.search(prose, max(0, start - 60), start)
        or _FIRM_AND_BEFORE.search(prose, max(0, start - 60), start)
        or _FIRM_AND_AFTER.match(prose, end)
        or _listed(prose, start, end)
    )


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
        words = list(_WORDS.finditer(before, 0, sep.start()))
        found = _initials_end(words, letters)
        if found is None and ("(" in sep.group() or sep.group().startswith(",")):
            found = _abbreviated_end(words, letters)  # "Vereinigte Kesselwerke AG, VKW"
        appositive = sep.group() == ", " and prose.startswith(",", end)
        if found is None and ("(" in sep.group() or sep.group().startswith(", or") or appositive):
            # A name in another language's order or a translation, right
            # before: "Vale Do Rio Doce (CVRD)", "the General Association
            # of the German Retail Trade (HDE)", "Campaign for an Independent
            # and Neutral Switzerland, or AUNS", "The French Cereals
            # Intervention Board, ONIC, said"
            name = _NAME_BEFORE.search(before, 0, sep.start())
            found = (name.start(),) if name else None
            if found is None and "(" in sep.group() and len(words) >= 2:
                # any words right before "(TAM)" are its spelling-out, translated
                # ("annualised money market rates (TAM)")
                found = (words[-min(len(words), len(letters) + 1)].start(),)
        if found is not None:
            return start - len(before) + found[0], before[found[0] :].rstrip(" ,(")
    if len(letters) >= 3:
        bare = _LOWER_WORDS_BEFORE.search(prose, max(0, start - 80), start)
        if bare is not None:
            words = list(_WORDS.finditer(bare.group()))
            found = _abbreviated_end(words, letters)
            if found is not None and words[-1].group()[0].lower() == letters[-1]:
                return bare.start() + found[0], bare.group()[found[0] :].rstrip()
    after = _PAREN_AFTER.match(prose, end)
    if after is not None:
        inner = list(_WORDS.finditer(after.group(1)))
        if len(inner) >= 2:
            return start, after.group(1)
    if _OR_AFTER.match(prose, end) or _KNOWN_AS_AFTER.match(prose, end):
        return start, prose[end : end + 40]  # "the hallucinogen PCP, or angel dust,"
    named = _NAME_AFTER_COMMA.match(prose, end)
    if named is not None and named.group(1)[0] == token[0]:
        return start, named.group(1)  # "CENTR, the Council of European ... Registries"
    return None


# Lower-case words right before it: "polychlorinated biphenyls PCBs".
_LOWER_WORDS_BEFORE = lazy.re(r"(?:\b[a-z][a-z'’-]*[ \t]+){2,6}\Z")
# Two or more capitalised words (small words between) ending right before
# the separator; "of the" and such inside.
_NAME_BEFORE = lazy.re(
    r"[A-Z][\w'’.-]*(?:[ \t]+(?:(?:of|and|the|for|an|a|on|in|de|do|da|des|du|la|le|del|y|für)"
    r"[ \t]+)*[A-Z][\w'’.-]*)+[ \t>]*(?:<[^<>\n]*>[ \t]*)?\Z"
)
_KNOWN_AS_AFTER = lazy.re(
    r"s?,?[ \t]+(?:formerly|also|once|previously)[ \t]+(?:known[ \t]+as|called)\b"
)
_OR_AFTER = lazy.re(r"s?,[ \t]+or[ \t]+[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)*,")
_NAME_AFTER_COMMA = lazy.re(
    r"s?,[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]*(?:[ \t]+(?:(?:of|and|the|for|on|in|de|la)[ \t]+)*"
    r"[A-Z][\w'’-]*){2,})"
)


def _abbreviated_end(words: list[re.Match[str]], letters: str) -> tuple[int] | None:
    """Before a bracketed acronym, the start of the last words it abbreviates
    with letters from inside a word too ("London Interbank Offered Rate
    (LIBOR)"): each word gives its initial and maybe more of its letters in
    order; small words may give none."""
    while words and words[-1].group().lower() in _LEGAL_WORDS:
        words = words[:-1]  # "<Kokusai Denshin Denwa Co Ltd> (KDD)"
    for k in range(2, min(len(words), len(letters) + 3) + 1):
        phrase = [w.group().lower() for w in words[-k:]]
        if phrase[0] not in _SMALL_WORDS and _abbreviates(phrase, letters):
            return (words[-k].start(),)
    return None


def _abbreviates(phrase: list[str], letters: str, skip_small: bool = True) -> bool:
    """Each word, in order, gives its initial (a small word may give none,
    with ``skip_small``) and then maybe more of its letters, in order, to
    spell ``letters``."""
    ways = {0}  # how many letters the words so far can spell
    for word in phrase:
        after: set[int] = set()
        for got in ways:
            if skip_small and word in _SMALL_WORDS:
                after.add(got)
            if got < len(letters) and word[0] == letters[got]:
                i, n = 1, got + 1
                after.add(n)
                while n < len(letters):
                    i = word.find(letters[n], i) + 1
                    if i == 0:
                        break
                    n += 1
                    after.add(n)
        ways = after
        if not ways:
            return False
    return len(letters) in ways


def _phrases(prose: str) -> list[tuple[int, str, list[re.Match[str]]]]:
    """Each run of capitalised words with a dotted legal suffix after it
    ("Petroleos de Venezuela, S.A."): (offset, phrase, its words)."""
    found = []
    for m in _CAP_PHRASE.finditer(prose):
        suffix = _DOTTED_SUFFIX.match(prose, m.end())
        phrase = prose[m.start() : suffix.end() if suffix else m.end()]
        found.append((m.start(), phrase, list(_ANY_WORD_IN_PHRASE.finditer(phrase))))
    return found


_DOTTED_SUFFIX = lazy.re(r",?[ \t]+(?:[A-Z]\.){2,3}")


def _inside_letters_form(
    phrases: list[tuple[int, str, list[re.Match[str]]]], letters: str
) -> tuple[int, str] | None:
    """The first capitalised words anywhere in the story that abbreviate
    ``letters`` with letters from inside a word too: "New York Mercantile
    Exchange" for NYMEX, "Atlantic Richfield Co" for ARCO, "Badass
    Teachers" for BAT. Each word gives its initial and maybe more of its
    letters, in order, every word its initial at least (so that "Secretary
    of State" is not SAS), a word for each letter but one at least and no
    possessive inside ("Iranian National" is not IRNA): a name, not chance
    letters."""
    wanted = letters.lower()
    for start, phrase, words in phrases:
        for i, word in enumerate(words):
            if word.group()[0] != letters[0]:
                continue
            for j in range(i + max(2, len(letters) - 1), min(len(words), i + len(letters)) + 1):
                run = [w.group().lower() for w in words[i:j]]
                if any(w.endswith(("'s", "’s")) for w in run[:-1]):
                    break
                if len(run[-1]) > 1 and run[-1] in _SMALL_WORDS:
                    continue  # "the National Indoor Arena and" is not AAA
                if _abbreviates(run, wanted, skip_small=False):
                    return start + word.start(), phrase[word.start() : words[j - 1].end()]
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
