"""One person given conflicting formal titles.

**What it flags.** A person called by two different formal titles before
the name ("Police Chief Edward Flynn" and "Sheriff Edward Flynn", "Sen.
Jones" and "Rep. Jones") in one story, or in stories of the run published
within ``window-days`` of each other (default 30; stories with no date are
compared with each other). A title and surname alone ("Rep. Jones") is
compared only with the full name in its own story, since it may be a
relative, and not at all when the story names two people of that surname
(Robert Dole and Elizabeth Dole); "President" and a surname alone is not
compared at all ("President Bush" in a story about Gov. Jeb Bush).

Titles compare as offices. "Milwaukee County Sheriff" and "Sheriff" agree,
as do "Gov." and "Governor", "Atty. Gen." and "Attorney General", "Euro MP"
and "MEP"; so do heads of one department or body named loosely in news
copy ("Finance Minister" and "Finance Secretary", "Budget Chief" and
"Budget Director", "Central Bank Governor" and "Central Bank President"),
and a body's "Chief" and any title of the same body ("U.N. Chief" and "U.N.
Secretary General") or a secretary general of no body named.
A deputy, assistant, associate, vice or under-secretary holds another
office than the title alone ("Deputy Superintendent" is not
"Superintendent"); an acting or interim holder holds the same one, and a
deputy and a vice-holder hold one office ("Deputy President", "Vice-President").

Left alone: honorifics held together with an office ("Dr. Whitfield" and
"Superintendent Karen Whitfield", also "Rev." and "Prof."), titles of
their time ("former", "then-", "ex-", "onetime", "previously", "the late",
or a year earlier than the story in the same sentence: "In 2008, Illinois
Sen. Barack Obama"), titles in quotations (the speaker's words), titles
held together (Speaker and Rep.), and roles after a name (a person can be
a senator and a committee chair).

A conflict is reported once per story, at the title fewer stories use,
with the other title as a related place.

**Why.** A wrong title is a factual error, and a common one when a story is
written from older copy.

**Example.** "Sen. Tammy Baldwin" in the lede, "Rep. Baldwin" later.

**Fix.** Check the person's current title and use it everywhere.

**Options.** ``window-days``: how far apart two stories' publication dates
may be for their titles to be compared.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from factlint import Finding, Severity, lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.facts.identity import (
    PeopleIndexRule,
    Ref,
    people_index,
    surname_keys,
)
from factlint.facts.people import fold, lexicon
from factlint.records import record
from factlint.rules import Corpus, place, related_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class TitleMismatch(PeopleIndexRule):
    code = "FL104"
    name = "title-mismatch"
    severity = Severity.WARNING
    requires = ("people",)
    options: ClassVar[Mapping[str, Any]] = {"window_days": 30}

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str]:
        """Archive lookup keys: the blocking keys of the story's surnames."""
        return surname_keys(facts)

    def check_people(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        documents = corpus.documents
        window = int(self.settings["window_days"])
        # Given names per story and surname: "Sen. Dole" in a story that
        # names Robert Dole and Elizabeth Dole may be either of them.
        givens: dict[tuple[int, str], set[str]] = {}
        for person in index.people:
            surname_refs = [
                ref
                for ref in person.surname_refs
                if len(_given_names(documents[ref.doc].text, ref, givens)) <= 1
            ]
            refs = [ref for name in person.names for ref in name.refs] + surname_refs
            offices: list[tuple[Ref, _Office]] = []
            for ref in refs:
                office = _current_office(documents[ref.doc], ref)
                if office is not None:
                    offices.append((ref, office))
            offices.sort(key=lambda pair: (pair[0].doc, pair[0].mention.start))
            # One story naming the person the same way a thousand times is one
            # office there (its first use), so the pairs below stay few.
            seen: set[tuple[int, bool, _Office]] = set()
            unique = []
            for ref, office in offices:
                use = (ref.doc, ref.mention.kind == "full", office)
                if use not in seen:
                    seen.add(use)
                    unique.append((ref, office))
            offices = unique
            # The title most stories give the person is taken as right: a
            # conflict is reported at the rarer title, once per story.
            count = Counter(key for _, key in {(ref.doc, o.key) for ref, o in offices})
            reported: set[tuple[int, tuple[str, ...]]] = set()
            for i, (ref, office) in enumerate(offices):
                for earlier, other in offices[:i]:
                    if office.agrees(other) or not _anchored(earlier, ref):
                        continue
                    if not self._comparable(documents[earlier.doc], documents[ref.doc], window):
                        continue
                    here, there, here_office = ref, earlier, office
                    if count[other.key] < count[office.key]:
                        here, there, here_office = earlier, ref, other
                    key = (here.doc, here_office.key)
                    if key in reported:
                        continue
                    reported.add(key)
                    yield self._finding(documents, here, there)

    def _finding(self, documents: Any, ref: Ref, other_ref: Ref) -> Finding:
        document = documents[ref.doc]
        other = documents[other_ref.doc]
        start = _title_start(document.text, ref)
        return self.finding(
            document,
            start,
            ref.mention.end,
            f'"{ref.mention.title}" here, but "{other_ref.mention.title}" in'
            f" {place(other, other_ref.mention.start)}: one person, two titles",
            related=[
                related_at(
                    other,
                    other_ref.mention.start,
                    other_ref.mention.end,
                    f'called "{other_ref.mention.title}" here',
                )
            ],
            subject=f"{ref.mention.surname} {ref.mention.title_key}",
        )

    @staticmethod
    def _comparable(a: Any, b: Any, window: int) -> bool:
        if a is b:
            return True
        da, db = a.metadata.published, b.metadata.published
        if da is None or db is None:
            return da is None and db is None
        return bool(abs((da - db).days) <= window)


# Titles one person holds at once: the Speaker is a member of the House, a
# premier is a minister.
_COMPATIBLE = frozenset(
    {
        frozenset({"speaker", "representative"}),
        frozenset({"prime-minister", "minister"}),
        frozenset({"chancellor", "minister"}),
    }
)
# Heads of a department or body, named loosely in news copy: "Finance
# Minister" and "Finance Secretary", "Budget Chief" and "Budget Director",
# "Central Bank Governor" and "Central Bank President". They agree when the
# titles share a portfolio word.
_LOOSE_HEADS = (
    frozenset({"minister", "secretary"}),
    frozenset({"chief", "director", "head", "president", "governor", "chairman", "commissioner"}),
)
# The words that name a portfolio or body, with their synonyms.
_PORTFOLIO = {
    "finance": "finance", "financial": "finance", "treasury": "treasury",
    "budget": "budget", "economy": "economy", "economic": "economy",
    "economics": "economy", "trade": "trade", "commerce": "commerce",
    "industry": "industry", "defence": "defence", "defense": "defence",
    "foreign": "foreign", "external": "foreign", "interior": "interior",
    "home": "interior", "justice": "justice", "labour": "labour", "labor": "labour",
    "employment": "employment", "energy": "energy", "oil": "oil", "petroleum": "oil",
    "mines": "mines", "mining": "mines", "agriculture": "agriculture",
    "farm": "agriculture", "health": "health", "education": "education",
    "environment": "environment", "transport": "transport",
    "transportation": "transport", "communications": "communications",
    "housing": "housing", "culture": "culture", "tourism": "tourism",
    "planning": "planning", "bank": "bank", "reserve": "reserve",
    "police": "police", "fire": "fire", "school": "school", "schools": "school",
    "revenue": "revenue", "tax": "revenue", "customs": "customs",
    "immigration": "immigration", "security": "security", "welfare": "welfare",
    "social": "welfare", "sport": "sport", "sports": "sport",
    "science": "science", "technology": "technology", "fisheries": "fisheries",
    "water": "water", "aviation": "aviation", "veterans": "veterans",
}  # fmt: skip
# Words that make another office of the same title: a Deputy Superintendent
# is not the Superintendent. "Acting" and "interim" make the same office.
_OTHER_OFFICE = frozenset({"deputy", "assistant", "associate", "vice", "under", "chief"})
_MODIFIERS = frozenset({"deputy", "assistant", "associate", "vice", "acting", "interim"})
# Abbreviations inside titles, spelled out to find the title they make.
_SPELLED = {"Atty.": "Attorney", "Gen.": "General", "Dist.": "District", "Lt.": "Lieutenant"}


@record(frozen=True)
class _Office:
    head: str  # the title's key: "minister", "attorney-general"
    modifiers: frozenset[str]  # "deputy", "vice"
    portfolio: frozenset[str]  # "finance", "bank"
    body: frozenset[str] = frozenset()  # the other words before the title: "u.n"

    @property
    def key(self) -> tuple[str, ...]:
        return (*sorted(self.modifiers), self.head)

    def agrees(self, other: _Office) -> bool:
        if self.modifiers != other.modifiers:
            return False
        if self.head == other.head:
            return True
        if frozenset((self.head, other.head)) in _COMPATIBLE:
            return True
        if "chief" in (self.head, other.head) and (
            self.body & other.body
            or ("secretary-general" in (self.head, other.head) and not (self.body and other.body))
        ):
            # "U.N. Chief" is the body's head, loosely: its "U.N. Secretary
            # General", or a "Secretary General" of no body named.
            return True
        return bool(self.portfolio & other.portfolio) and any(
            self.head in heads and other.head in heads for heads in _LOOSE_HEADS
        )


# A degree, a rank or the clergy's style, held together with any office.
_HONORIFICS = frozenset({"doctor", "reverend", "professor"})
# Titles kept after leaving office, so a title and surname alone may be a
# relative who held it.
_KEPT_FOR_LIFE = frozenset({"president"})
# "former Gov.", "then-Arkansas Gov.", "ex-Sen.", "the late Sen.", "previously
# Gov.": a past title, not a conflict.
_PAST_TITLE = lazy.re(
    r"\b(?:former|then|ex|onetime|one-time|late|previously|formerly)(?:[- ]\S*)?\s*$", re.I
)
# A year in the same clause: "In 2008, Illinois Sen. Barack Obama",
# "when Vice President George Bush ran in 1988": a title of its time.
_YEAR = lazy.re(r"(?<![\d$£€.,])\b(1[89]\d\d|20\d\d)(?!\s*%)\b(?![.,]?\d)")
# The capitalised words of a title phrase, read leftwards: "Central Bank
# Governor", "East Midlands MEP".
# The end of a sentence, not of an initial ("George H.W. Bush").
_SENTENCE_END = lazy.re(r"(?<![A-Z])[.!?;][\"”’)]?\s+|\n")
_WORD_BEFORE = lazy.re(r"(\S+)[ \t]+\Z")
_TITLE_WORD = lazy.re(r"[A-Z][\w.'’-]*\Z")


def _title_start(text: str, ref: Ref) -> int:
    title = ref.mention.title or ""
    start = text.rfind(title, max(0, ref.mention.start - len(title) - 40), ref.mention.start)
    return ref.mention.start if start < 0 or not title else start


def _title_phrase(text: str, start: int) -> tuple[list[str], int]:
    """The capitalised words just before a title ("Central Bank" before
    "Governor"), at most six, within the clause, and where they start."""
    words: list[tuple[str, int]] = []
    at = start
    for _ in range(6):
        m = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if not m:
            break
        word = m.group(1)
        if not _TITLE_WORD.match(word) and word not in _MODIFIERS:
            break  # a lower-case "deputy Energy Minister" is still a deputy
        at = m.start()
        words.append((word, at))
        if not word[:1].isupper():
            break
    return [w for w, _ in reversed(words)], (words[-1][1] if words else start)


def _current_office(document: Any, ref: Ref) -> _Office | None:
    """The formal title the story gives the person now, in its own words."""
    mention = ref.mention
    text = document.text
    if not mention.title_key or mention.quoted:
        return None  # "President Bernie Sanders," chanted the crowd
    title = mention.title or ""
    if "former" in title.lower():
        return None
    if mention.kind != "full" and mention.title_key in _KEPT_FOR_LIFE:
        return None  # "President Bush" in a story about Gov. Jeb Bush: his brother
    if mention.title_key in _HONORIFICS:
        return None  # "Dr. Whitfield" is also "Superintendent Karen Whitfield"
    start = _title_start(text, ref)
    before_title, phrase_start = _title_phrase(text, start)
    words = before_title + title.split()
    before = text[max(0, phrase_start - 25) : max(0, phrase_start)]
    if _PAST_TITLE.search(before) or _of_its_time(document, phrase_start, mention.end):
        return None
    lex = lexicon()
    head = mention.title_key
    spelled = [_SPELLED.get(w, w) for w in words]
    if len(spelled) >= 2:
        head = lex.titles.get(" ".join(spelled[-2:]), head)  # "Atty. Gen.": attorney general
    folded = [w.lower().rstrip(".,") for w in words]
    lowered = set(folded[:-1])
    if head == "mp" and lowered & {"euro", "european"}:
        head = "mep"  # "Euro MP"
    modifiers = frozenset(
        w
        for w, after in itertools.pairwise(folded)
        if w in _OTHER_OFFICE
        and w not in head.split("-")  # "Vice President" is its own key
        and (w != "under" or after == "secretary")  # not "Under Chancellor Merkel"
    )
    if head.startswith("vice-"):
        head, modifiers = head[len("vice-") :], modifiers | {"vice"}
    # A deputy and a vice-holder are one office: "Bundesbank Deputy President"
    # is its "Vice-President".
    modifiers = frozenset("vice" if w == "deputy" else w for w in modifiers)
    portfolio = frozenset(_PORTFOLIO[w] for w in lowered if w in _PORTFOLIO)
    body = frozenset(
        w
        for w in lowered
        if w not in _PORTFOLIO
        and w not in _OTHER_OFFICE
        and w not in _MODIFIERS
        and w not in head.split("-")
        and w not in lex.titles
        and w.capitalize() not in lex.titles
    )
    return _Office(head, modifiers, portfolio, body)


def _of_its_time(document: Any, start: int, end: int) -> bool:
    """A year before the title or after the name, in the same sentence and
    earlier than the story's own year: the title is of that time."""
    text = document.text
    left = text[max(0, start - 60) : start]
    ends = list(_SENTENCE_END.finditer(left))
    left = left[ends[-1].end() :] if ends else left
    right = text[end : end + 60]
    stop = _SENTENCE_END.search(right)
    right = right[: stop.start()] if stop else right
    published = document.metadata.published
    for part in (left, right):
        for m in _YEAR.finditer(part):
            if published is None or int(m.group(1)) < published.year:
                return True
    return False


def _given_names(text: str, ref: Ref, cache: dict[tuple[int, str], set[str]]) -> set[str]:
    """The given names the story puts before this surname."""
    surname = ref.mention.surname
    key = (ref.doc, surname)
    if key not in cache:
        given = lexicon().given_names
        found: set[str] = set()
        at = text.find(surname)
        while at >= 0:
            m = _WORD_BEFORE.search(text, max(0, at - 30), at)
            if m and fold(m.group(1)) in given:
                found.add(fold(m.group(1)))
            at = text.find(surname, at + len(surname))
        cache[key] = found
    return cache[key]


def _anchored(a: Ref, b: Ref) -> bool:
    """A surname alone ("President Bush") may be a relative of the person
    named in full ("Gov. Jeb Bush"): it is compared only with a full name in
    its own story, never with another lone surname or another story."""
    full_a, full_b = a.mention.kind == "full", b.mention.kind == "full"
    if a.doc != b.doc:
        return full_a and full_b
    return full_a or full_b


RULE = TitleMismatch
