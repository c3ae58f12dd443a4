"""Who is who across the run: group person mentions that name the same person.

Distinct full names (``Christine Newman-Ortiz``) are the nodes. Candidate
pairs come from blocking on the surname's first three letters, its last
three letters, and the given name with each one-letter deletion of the
surname (two spellings one edit apart always share one), so the work grows
with the number of distinct names, never with all pairs. A pair is

- a **variant** (one person, two spellings) when the given names agree and
  the surnames differ by a small edit (Damerau-Levenshtein 1, or 2 for
  surnames of 7+ letters with Jaro-Winkler >= 0.9), by diacritics, case, a
  hyphen or space, or when the surnames agree and the given names differ by
  one edit (5+ letters);
- also a variant when the given names (Mohammed / Muhammad) or the
  surnames (Gorbachev / Gorbachov) are one name romanised two ways (a table
  derived from the MIT-licensed ``name-variants`` package, in
  ``data/romanization.json``), a romanised given name with a surname slip
  too (Usama bin Ladin / Osama bin Laden);
- an **alias** when the surnames agree and one given name is a short form of
  the other (Ed / Edward, from the ``nicknames`` table);

and never either when the two carry conflicting formal titles (Mayor Tom
Barrett / Ald. Tom Barnett) or different middle initials (Robert E.
Johnstone / Robert F. Johnston), when the registry says they are different
people, or when both appear in full in the same story (two people there), or when
two known given names a letter apart are each used in several stories
(Ivana / Ivanka Trump: see ``_two_established_names``).
Across stories, pairs that are more often two people (two common surnames,
a patronymic, a different first letter, an alias) count only when the
stories share other proper nouns, leaving out the run's main subjects (words
in more than one story in 50); see ``_context_needed``. Surnames under three
letters never pair, three- and four-letter ones only for a doubled letter.
Names run together where a separator was lost ("Ben SasseA.J. Spiker") are
left out; a capitalised particle before the surname is part of it (Barend
Du Plessis).

Surname-only mentions join the person named in full in the same story (a
near spelling too, unless its title conflicts, it is the family in the
plural, or the story introduced that surname by a title alone: "President
Reagan" is not Donald Regan), or, as a distant reference that suggests a
full name but does not count as a spelling, the only person in the run with
that surname. Lone capitalised words a slip away from the surname of a
person the story names in full, which the extractor had no cue for, join
as surname mentions (see ``_lone_surnames``).
"""

from __future__ import annotations

import functools
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from sys import intern

from factlint import lazy, records
from factlint.facts.people import (
    LEADING_PARTICLES,
    PersonMention,
    fold,
    lexicon,
    nickname_table,
)
from factlint.records import field, record
from factlint.rules import CorpusRule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _T = TypeVar("_T")

    from factlint.config import Config
    from factlint.findings import Finding
    from factlint.names_registry import NamesRegistry
    from factlint.rules import Corpus

_NOT_LETTER = lazy.re(r"[^a-z]")
# A lower-case letter then a capital that ends the word ("SasseA" in "Ben
# SasseA.J. Spiker"): two names run together by a lost separator, a typo in
# the copy, not a spelling of either name. "McCaul", "KellyAnne" go on.
_RUN_TOGETHER = lazy.re(r"[a-z][A-Z](?![a-z])")
# A capitalised word standing alone (no capitalised word either side), for
# lone surnames the extractor had no cue for ("the players Whitfeld recruited"),
# also with a capital inside ("McCafferty", "DeVries", "O'Brien").
_LONE_CAPITALISED = lazy.re(
    r"[A-Z](?<![\w.'’-][A-Z])(?:[a-z]{1,3}[A-Z]|['’][A-Z])?[a-z]{3,}(?![\w’'-])(?! [A-Z])"
)
_AFTER_CAPITALISED = lazy.re(r"[A-Z][\w’'.-]* $")
# ... and not where a place or a thing goes ("bronze in Greece"), nor in a
# list of names ("Dowson, Haughton, Monye").
_AFTER_PLACE_WORD = lazy.re(
    r"(?:\b(?:in|to|from|of|at|for|against|into|across|near|the|a|an)|[A-Z][\w’'-]*,) $"
)
_BEFORE_LIST = lazy.re(r", [A-Z]")
_DOUBLES = lazy.re(r"(.)\1+")
# Proper nouns inside a sentence (after a lower-case word or a comma), so
# sentence openers such as "They" or "After" do not count as shared context.
_CAPITALISED = lazy.re(r"[A-Z](?<![\w.'’-][A-Z])(?:[a-z]{1,3}[A-Z]|['’][A-Z])?[a-z]{3,}")
#: Proper nouns two stories must share before a near spelling of two common
#: surnames (Thomson / Thompson) in them is taken for one name misspelled.
COMMON_SURNAME_CONTEXT = 3
#: ... and before a different first letter (Hurosawa / Kurosawa) is.
DIFFERENT_INITIAL_CONTEXT = 2


_NONE: frozenset[str] = frozenset()


def _appended(values: Sequence[_T], value: _T) -> list[_T]:
    """``values`` (a person's pairs or references) with ``value`` appended."""
    if isinstance(values, list):
        values.append(value)
        return values
    return [value]


def _with(values: AbstractSet[str], value: str) -> set[str]:
    """``values`` (a name's titles or middle initials) with ``value`` added."""
    if isinstance(values, set):
        values.add(value)
        return values
    return {value}


@record(frozen=True, slots=True)
class Ref:
    """One mention in one document of the run."""

    doc: int
    mention: PersonMention


@record(slots=True)
class Name:
    """One distinct full name as written (a node)."""

    key: str
    given: str
    surname: str
    refs: list[Ref] = field(default_factory=list)
    # Most names have neither: one shared empty set until they do (see _with).
    titles: AbstractSet[str] = _NONE
    middles: AbstractSet[str] = _NONE  # "E" of Robert E. Johnstone
    registry: bool = False  # the registry's canonical or alias form
    given_fold: str = field(init=False, repr=False, compare=False)
    given_letters: str = field(init=False, repr=False, compare=False)
    surname_letters: str = field(init=False, repr=False, compare=False)
    letters: str = field(init=False, repr=False, compare=False)
    key_fold: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Compared many times during resolution: computed once, and one
        # string for equal ones (a run's names share most of their parts).
        self.given_fold = intern(fold(self.given))
        self.given_letters = intern(_letters(self.given))
        self.surname_letters = intern(_letters(self.surname))
        self.letters = intern(_letters(self.key))
        self.key_fold = intern(fold(self.key))


@record(slots=True)
class Person:
    """Names that resolve to one person, with how they relate."""

    names: list[Name]
    # Most people have none of these: an empty tuple until they do (_appended).
    variants: Sequence[tuple[Name, Name]] = ()
    aliases: Sequence[tuple[Name, Name]] = ()
    surname_refs: Sequence[Ref] = ()
    # Lone surnames in stories that never name the person in full, joined
    # because no one else in the run has the surname: enough to suggest the
    # full name, too weak to count as a spelling ("Philips said" may be the
    # company).
    distant_refs: Sequence[Ref] = ()
    canonical: str | None = None  # the registry's spelling

    def refs_by_surname(self) -> dict[str, list[Ref]]:
        """Every mention, keyed by the surname spelling it uses."""
        out: dict[str, list[Ref]] = defaultdict(list)
        for name in self.names:
            for ref in name.refs:
                out[typography(name.surname)].append(ref)
        for ref in self.surname_refs:
            out[typography(ref.mention.surname)].append(ref)
        return out


@record(slots=True)
class PeopleIndex:
    people: list[Person]
    by_ref: dict[int, Person]  # _ref_key(doc, mention start) -> person
    names_by_surname: dict[str, list[Name]]  # folded surname -> names

    def person_of(self, doc: int, mention: PersonMention) -> Person | None:
        return self.by_ref.get(_ref_key(doc, mention.start))


def _ref_key(doc: int, start: int) -> int:
    """One int for a mention's place (a pair would cost a tuple per mention)."""
    return doc << 32 | start


def typography(text: str) -> str:
    """A name as a spelling, without matters of style: apostrophes
    straightened (O’Neill / O'Neill) and a leading particle in lower case,
    since "Van Gogh" alone or at a sentence start is the style for "van
    Gogh"."""
    text = text.replace("’", "'")
    first, space, rest = text.partition(" ")
    if space and first[:1].isupper() and first.lower() in LEADING_PARTICLES:
        return first.lower() + space + rest
    return text


def name_key(given: str, surname: str) -> str:
    if len(given) == 2 and given.endswith("."):
        given = given[0]  # "J. Wagg" and "J Wagg" are one spelling set in two styles
    return f"{typography(given)} {typography(surname)}"


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", fold(text))


@functools.cache
def common_surnames() -> frozenset[str]:
    """The 5,000 commonest surnames (US Census): real names, not typos."""
    from factlint.data import load_data

    return frozenset(load_data("surnames.json")["surnames"])


def both_common(a: str, b: str) -> bool:
    """Two spellings that are both common surnames (Thomson / Thompson):
    more likely two people than one misspelled."""
    common = common_surnames()
    return _letters(a) in common and _letters(b) in common


def surnames_close(a: str, b: str) -> bool:
    """Two surname spellings that are one name misspelled."""
    la, lb = _letters(a), _letters(b)
    if la == lb:
        # Differs only by diacritics, case, hyphen or space (not by the style
        # of its apostrophe); too short a word may be an acronym (BAe / Bae).
        return len(la) >= 4 and typography(a) != typography(b)
    for prefix in ("mac", "mc"):
        if la.startswith(prefix) and lb.startswith(prefix):
            # McFaul / McCaul: the name proper starts after the prefix.
            la, lb = la[len(prefix) :], lb[len(prefix) :]
            break
    shortest = min(len(la), len(lb))
    if shortest < 3:
        return False  # Ng / Wu: too short to tell a typo from another name
    if shortest <= 4:
        # Smit / Smith, Reid / Reed: short names a letter apart are mostly
        # two names; only a doubled letter (Vos / Voss, Flyn / Flynn) is a
        # typical slip.
        return _DOUBLES.sub(r"\1", la) == _DOUBLES.sub(r"\1", lb)
    if la[0] != lb[0] and shortest < 7:
        return False  # Hill / Gill, Terry / Kerry: a slip in the first letter is rare
    # Imported here: most runs on one story never get this far (10 ms saved).
    from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

    distance = DamerauLevenshtein.distance(la, lb)
    if distance == 1:
        return True
    if distance != 2 or min(len(la), len(lb)) < 7 or JaroWinkler.similarity(la, lb) < 0.9:
        return False
    # Two slips in one name are rare; a common surname two letters from another
    # name is usually that other name (Scarlett Johnson / Scarlett Johansson).
    common = common_surnames()
    return la not in common and lb not in common


@functools.cache
def _romanisations() -> dict[str, int]:
    """Spellings of one romanised name (Mohammed / Muhammad, Usama / Osama,
    Gorbachev / Gorbachov): each folded form to its group's number."""
    from factlint.data import load_data

    groups = load_data("romanization.json")["groups"]
    return {form: i for i, group in enumerate(groups) for form in group}


def romanised_alike(la: str, lb: str) -> bool:
    """Two spellings of one name romanised two ways (from the table), given
    as their letters (``_letters``)."""
    if la == lb:
        return False
    table = _romanisations()
    group = table.get(la)
    return group is not None and table.get(lb) == group


def givens_close(a: str, b: str) -> bool:
    return _given_letters_close(_letters(a), _letters(b))


def _given_letters_close(la: str, lb: str) -> bool:
    if la == lb:
        return True
    if min(len(la), len(lb)) < 5:
        return False
    from rapidfuzz.distance import DamerauLevenshtein

    return bool(DamerauLevenshtein.distance(la, lb) == 1)


def _blocking_keys(name: Name, deletions: bool) -> Iterable[str]:
    """The keys that pair ``name`` with candidates, each as one string, its
    kind's letter first: the surname's ends, or (``deletions``) the given
    name with the surname and each one-letter deletion of it."""
    s = name.surname_letters
    if not deletions:
        # Same surname or a far edit that leaves its first or last three letters
        # intact (given-name variants, aliases, two-letter slips in long names).
        yield "p" + s[:3]
        yield "s" + s[-3:]
        return
    # One edit anywhere (Beith / Belth, Marlu / Mralu) with the same given
    # name: two spellings one edit apart share a one-letter deletion.
    given = name.given_fold
    yield f"d{given} {s}"
    for i in range(len(s)):
        yield f"d{given} {s[:i]}{s[i + 1 :]}"


def _context_needed(a: Name, b: Name) -> int:
    """How many other proper nouns two stories must share before a near
    spelling in one is taken for the other's name misspelled.

    A slip inside a name that is no common surname (Davenport / Daveport)
    needs none. Two common surnames (Thomson / Thompson, Sanders / Saunders)
    or a name and its patronymic (Nettle / Nettles) are more often two
    people, and a different first letter (Hurosawa / Kurosawa) is rarely a
    typo: those need the stories to share context, as do two given names a
    letter apart (Damian / Damien).
    """
    if a.surname_letters == b.surname_letters:
        if a.given_fold == b.given_fold:
            # Only a hyphen, a space or an accent (Seitz-Wald / Seitz Wald);
            # José García and Jose Garcia in unrelated stories may be two men.
            return COMMON_SURNAME_CONTEXT if both_common(a.surname, b.surname) else 0
        return 1  # the given names differ (Mathew / Matthew, Damian / Damien)
    if a.surname_letters[:1] != b.surname_letters[:1]:
        return DIFFERENT_INITIAL_CONTEXT
    sa, sb = sorted((a.surname_letters, b.surname_letters), key=len)
    if both_common(a.surname, b.surname) or sb == sa + "s":
        return COMMON_SURNAME_CONTEXT  # Thomson / Thompson, Nettle / Nettles
    return 0


#: Stories that must use each of two given names a letter apart (Ivana /
#: Ivanka Trump), and the most one may outnumber the other, before the two
#: are taken for two people rather than one name misspelled.
ESTABLISHED_STORIES = 3
ESTABLISHED_RATIO = 5


def _two_established_names(a: Name, b: Name, stories_a: int, stories_b: int) -> bool:
    """Two known given names a letter apart under one surname, each used in
    several stories and neither swamping the other (Ivana Trump in 6,
    Ivanka Trump in 12): two people the run writes about, not a slip, which
    is made once or twice (Katherine Hepburn in 2 stories against
    Katharine in 5) or drowned by the right spelling (Hilary Clinton in 3
    against Hillary in hundreds)."""
    if a.surname_letters != b.surname_letters or a.given_fold == b.given_fold:
        return False
    if a.registry or b.registry:
        return False
    low, high = sorted((stories_a, stories_b))
    if low < ESTABLISHED_STORIES or high > ESTABLISHED_RATIO * low:
        return False
    given = lexicon().given_names
    return a.given_fold in given and b.given_fold in given


def _alias_context(a: Name) -> int:
    """Proper nouns two stories must share before a short and a full given
    name in them (Ed Flynn / Edward Flynn) are taken for one person: more
    for a common surname (Tom Jones / Tommy Jones are often two men)."""
    return COMMON_SURNAME_CONTEXT if a.surname_letters in common_surnames() else 1


def relation(a: Name, b: Name, together: bool, never: set[frozenset[str]]) -> str | None:
    """'variant', 'alias' or None for two distinct names."""
    if never and frozenset((a.key_fold, b.key_fold)) in never:
        return None
    if a.titles and b.titles and not (a.titles & b.titles):
        return None  # conflicting formal titles: two people
    if a.middles and b.middles and not (a.middles & b.middles):
        return None  # Robert E. Johnstone / Robert F. Johnston: two people
    same_surname = a.surname_letters == b.surname_letters
    if (
        same_surname
        and a.given_fold != b.given_fold
        and nickname_table().related(a.given, b.given)
        # Hilary / Hillary: a slip, not a short form
        and not _given_letters_close(a.given_letters, b.given_letters)
    ):
        return "alias"
    if together and a.letters != b.letters and not (a.registry or b.registry):
        return None  # both written in full in one story: two people
    if a.given_fold == b.given_fold and surnames_close(a.surname, b.surname):
        return "variant"
    if (
        same_surname
        and a.given != b.given
        and _given_letters_close(a.given_letters, b.given_letters)
    ):
        return "variant"
    if romanised_alike(a.given_letters, b.given_letters) and (
        same_surname or surnames_close(a.surname, b.surname)
    ):
        return "variant"  # Mohammed / Muhammad Morsi, Usama bin Ladin / Osama bin Laden
    if a.given_fold == b.given_fold and romanised_alike(a.surname_letters, b.surname_letters):
        return "variant"
    return None


def _titles_conflict(title_key: str | None, titles: AbstractSet[str]) -> bool:
    """ "Ald. Barnett" after "Mayor Tom Barrett": another person, not a typo."""
    return bool(title_key and titles and title_key not in titles)


def _rejoin_surname(mention: PersonMention, hyphenated: set[tuple[str, str]]) -> PersonMention:
    """ "Alex Seitz Wald" where the run has "Alex Seitz-Wald": the middle word
    is the first half of the surname, written with a space for a hyphen. A
    capitalised particle before the surname ("Carlo De Benedetti") is part of
    it too."""
    offset = mention.surname_start - mention.start
    before = mention.text[:offset].split()
    if len(before) < 2 or "." in before[-1]:
        return mention
    joined = f"{before[-1]} {mention.surname}"
    if before[-1].lower() in LEADING_PARTICLES and mention.surname[:1].isupper():
        pass  # "Barend Du Plessis", "Roland De Marigny": the particle is the surname's
    elif "-" in mention.surname or (fold(mention.given or ""), _letters(joined)) not in hyphenated:
        return mention
    start = mention.start + mention.text.rindex(before[-1], 0, offset)
    return records.replace(mention, surname=joined, surname_start=start)


@functools.cache
def _mention_fields() -> tuple[str, ...]:
    return tuple(f.name for f in records.fields(PersonMention))


def _shared_strings(mention: PersonMention) -> PersonMention:
    """An equal mention whose strings are one object with equal strings of
    the run (the index keeps the mentions of stored documents, read back
    from the run store as copies: names, kinds and cues repeat)."""
    strings: dict[str, Any] = {}
    for name in _mention_fields():
        value = getattr(mention, name)
        if type(value) is str:
            strings[name] = intern(value)
    return records.replace(mention, **strings)


def _middle_initial(mention: PersonMention) -> str | None:
    """The middle initial written between given name and surname, if any."""
    middle = mention.text[len(mention.given or "") : mention.surname_start - mention.start].strip()
    if len(middle) == 2 and middle[0].isupper() and middle[1] == ".":
        return middle[0]
    return None


def build_index(corpus: Corpus, registry: NamesRegistry | None = None) -> PeopleIndex:
    names: dict[str, Name] = {}
    docs_of: dict[str, set[int]] = defaultdict(set)
    surname_only: list[Ref] = []
    hyphenated = {
        (fold(m.given), _letters(m.surname))
        for _document, facts in corpus
        for m in facts.get_list("people")
        if m.kind == "full" and m.given and "-" in m.surname
    }
    titled: dict[int, set[str]] = defaultdict(set)  # doc -> surnames met with a title alone
    from factlint.store import StoredFacts

    for doc_index, (_document, facts) in enumerate(corpus):
        # A stored document's mentions are copies read back for the index
        # alone: their strings are shared with equal ones (see _shared_strings).
        stored = isinstance(facts, StoredFacts)
        for mention in facts.get_list("people"):
            if stored:
                mention = _shared_strings(mention)
            if _RUN_TOGETHER.search(mention.surname) or (
                mention.given and _RUN_TOGETHER.search(mention.given)
            ):
                continue  # "Ben SasseA.J. Spiker": two names run together, not a spelling
            if mention.kind == "full" and mention.given:
                mention = _rejoin_surname(mention, hyphenated)
            if mention.kind == "title-surname":
                titled[doc_index].add(fold(typography(mention.surname)))
            ref = Ref(doc_index, mention)
            if mention.kind != "full" or mention.given is None:
                surname_only.append(ref)
                continue
            key = name_key(mention.given, mention.surname)
            name = names.get(key)
            if name is None:
                name = names[key] = Name(key, mention.given, mention.surname)
            name.refs.append(ref)
            middle = _middle_initial(mention)
            if middle:
                name.middles = _with(name.middles, middle)
            if mention.title_key and "former" not in (mention.title or "").lower():
                name.titles = _with(name.titles, mention.title_key)
            docs_of[key].add(doc_index)

    # Kept for every story while the index is built: each distinct word once
    # (one string shared by the stories that use it, ``pool``) and a story's
    # words as a tuple, a fraction of the memory of a set per story.
    raw_words: dict[int, tuple[str, ...]] = {}
    pool: dict[str, str] = {}

    def words_of(i: int) -> tuple[str, ...]:
        """The distinct capitalised words of a story (found once, for both uses)."""
        if i not in raw_words:
            found = set(_CAPITALISED.findall(corpus.documents[i].prose))
            raw_words[i] = tuple(pool.setdefault(w, w) for w in found)
        return raw_words[i]

    surname_only.extend(_lone_surnames(corpus, names.values(), surname_only, words_of))

    never: set[frozenset[str]] = set()
    canonical_of: dict[str, str] = {}
    if registry is not None:
        for entry in registry.entries:
            forms = [entry.name, *entry.aliases]
            for form in forms:
                parts = form.split()
                key = name_key(parts[0], " ".join(parts[1:]))
                canonical_of[fold(key)] = entry.name
                if key not in names:
                    names[key] = Name(key, parts[0], " ".join(parts[1:]), registry=True)
                else:
                    names[key].registry = True
            for other in entry.not_same:
                for form in forms:
                    never.add(frozenset((fold(form), fold(other))))

    signatures: dict[int, tuple[str, ...]] = {}

    def signature(i: int) -> tuple[str, ...]:
        """The story's distinct folded proper nouns, as a tuple (see ``raw_words``)."""
        if i not in signatures:
            # Sentence openers ("They", "After") and given names ("John",
            # "Robert") say nothing about which story is about whom.
            lex = lexicon()
            words = {fold(w) for w in words_of(i)}
            signatures[i] = tuple(
                pool.setdefault(w, w)
                for w in words
                if w not in lex.given_names and w.title() not in lex.not_names
            )
        return signatures[i]

    common_words: set[str] = set()

    def shared_context(docs_a: set[int], docs_b: set[int], own: set[str]) -> int:
        """The most capitalised words one story of each side shares, leaving
        out the words of the run's main subjects (in more than one story in
        50, and more than ten): stories about one campaign all name Trump and
        Clinton, which says nothing about which Johnson is which."""
        if not common_words and len(corpus.documents) > 1:
            frequency: dict[str, int] = defaultdict(int)
            for i in range(len(corpus.documents)):
                for word in {fold(w) for w in words_of(i)}:  # not kept: memory
                    frequency[word] += 1
            limit = max(10, len(corpus.documents) // 50)
            common_words.update(w for w, n in frequency.items() if n > limit)
            common_words.add("")  # computed: not empty any more
        skip = own | common_words
        best = 0
        for i in sorted(docs_a)[:8]:
            for j in sorted(docs_b)[:8]:
                shared = {w for w in signature(i) if w not in skip}.intersection(signature(j))
                best = max(best, len(shared))
        return best

    # Union-find over names joined by a variant or alias relation.
    parent = {key: key for key in names}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    edges: dict[tuple[str, str], str] = {}

    def pair_up(block: list[Name]) -> None:
        """Relate the names of one block, pair by pair."""
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                pair = (a.key, b.key) if a.key < b.key else (b.key, a.key)
                if pair in edges:
                    continue
                together = bool(docs_of[a.key] & docs_of[b.key])
                kind = relation(a, b, together, never)
                if kind == "variant" and _two_established_names(
                    a, b, len(docs_of[a.key]), len(docs_of[b.key])
                ):
                    kind = None  # Ivana / Ivanka Trump: two people, each named often
                if kind and not together and not (a.registry or b.registry):
                    # Billy Preston the musician is not Robert Preston.
                    needed = _context_needed(a, b) if kind == "variant" else _alias_context(a)
                    if a.titles & b.titles:
                        needed = 0  # the same title is context enough
                    if needed:
                        own = {fold(w) for w in (*a.key.split(), *b.key.split())}
                        if shared_context(docs_of[a.key], docs_of[b.key], own) < needed:
                            kind = None
                if kind:
                    edges[pair] = kind
                    parent[find(a.key)] = find(b.key)

    # The pairs that share a blocking key: under each key the one name that
    # has it, or a list when several do (most keys have one). The keys with
    # the given name only among the names of one given name, a group at a
    # time, so that few are held at once. Which pair comes first does not
    # change the result.
    by_given: dict[str, list[Name]] = defaultdict(list)
    for name in names.values():
        by_given[name.given_fold].append(name)
    groups_to_block = [list(names.values()), *(g for g in by_given.values() if len(g) > 1)]
    del by_given
    for number, group in enumerate(groups_to_block):
        blocks: dict[str, Name | list[Name]] = {}
        for name in group:
            for block_key in _blocking_keys(name, deletions=number > 0):
                found = blocks.get(block_key)
                if found is None:
                    blocks[block_key] = name
                elif isinstance(found, list):
                    found.append(name)
                else:
                    blocks[block_key] = [found, name]
        for block in blocks.values():
            if isinstance(block, list):
                pair_up(block)

    # The stories' words are needed no further: free them before the people are made.
    del groups_to_block, blocks
    raw_words.clear()
    pool.clear()
    signatures.clear()
    common_words.clear()

    groups: dict[str, list[Name]] = defaultdict(list)
    for key, name in names.items():
        groups[find(key)].append(name)
    people: list[Person] = []
    person_of_name: dict[str, Person] = {}
    for group in groups.values():
        person = Person(names=sorted(group, key=lambda n: n.key))
        for name in group:
            person_of_name[name.key] = person
            canonical = canonical_of.get(fold(name.key))
            if canonical:
                person.canonical = canonical
        people.append(person)
    for (ka, kb), kind in sorted(edges.items()):
        person = person_of_name[ka]
        if kind == "variant":
            person.variants = _appended(person.variants, (names[ka], names[kb]))
        else:
            person.aliases = _appended(person.aliases, (names[ka], names[kb]))

    # Surname-only mentions: the person named in full in the same story, else
    # (as a distant reference) the only person in the run with that surname.
    by_surname: dict[str, list[Name]] = defaultdict(list)
    for name in names.values():
        by_surname[fold(typography(name.surname))].append(name)
    by_ref: dict[int, Person] = {}
    for person in people:
        for name in person.names:
            for ref in name.refs:
                by_ref[_ref_key(ref.doc, ref.mention.start)] = person
    surname_blocks: dict[str, list[Name]] = defaultdict(list)
    for name in names.values():
        letters = _letters(name.surname)
        for surname_key in {"p" + letters[:3], "s" + letters[-3:]}:
            surname_blocks[surname_key].append(name)
    for ref in surname_only:
        candidates = by_surname.get(fold(typography(ref.mention.surname)), [])
        letters = _letters(ref.mention.surname)
        if (
            not candidates
            and len(letters) >= 5
            and ref.mention.cue != "known-surname"
            and ref.mention.kind != "title-surname"
            and fold(typography(ref.mention.surname)) not in titled.get(ref.doc, ())
        ):
            # (Not "President Reagan", nor a later "Reagan" in his story: a
            # person the story introduces by title is not Donald Regan.)
            # A misspelled lone surname in the story that names the person in
            # full ("Underley said" after "Jill Underly").
            near = {
                n.key: n
                for surname_key in ("p" + letters[:3], "s" + letters[-3:])
                for n in surname_blocks.get(surname_key, [])
                if ref.doc in docs_of[n.key]
                and letters != n.surname_letters + "s"  # "the Koethers": the family
                and surnames_close(n.surname, ref.mention.surname)
                and not _titles_conflict(ref.mention.title_key, n.titles)
            }
            candidates = list(near.values())
        here = {
            id(person_of_name[n.key]): person_of_name[n.key]
            for n in candidates
            if ref.doc in docs_of[n.key]
        }
        if len(here) == 1:
            chosen = next(iter(here.values()))
            chosen.surname_refs = _appended(chosen.surname_refs, ref)
            by_ref[_ref_key(ref.doc, ref.mention.start)] = chosen
        elif not here:
            everywhere = {id(person_of_name[n.key]): person_of_name[n.key] for n in candidates}
            if len(everywhere) == 1:
                chosen = next(iter(everywhere.values()))
                chosen.distant_refs = _appended(chosen.distant_refs, ref)
                by_ref[_ref_key(ref.doc, ref.mention.start)] = chosen
    return PeopleIndex(people, by_ref, dict(by_surname))


def _lone_surnames(
    corpus: Corpus,
    names: Iterable[Name],
    known: list[Ref],
    words_of: Callable[[int], tuple[str, ...]],
) -> list[Ref]:
    """Capitalised words standing alone within a slip of the surname of a
    person the same story names in full, which the extractor had no cue for
    ("Coach Dana Whitfield ... the players Whitfeld recruited"). Words that
    are given names, common surnames, known words or another person's
    surname in the run are left alone."""
    lex = lexicon()
    common = common_surnames()
    by_doc: dict[int, dict[str, str]] = defaultdict(dict)  # doc -> letters -> surname
    run_surnames: set[str] = set()
    for name in names:
        run_surnames.add(name.surname_letters)
        if len(name.surname_letters) < 5:
            continue
        for ref in name.refs:
            by_doc[ref.doc][name.surname_letters] = name.surname
    for ref in known:
        run_surnames.add(_letters(ref.mention.surname))
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for name in names:
        for ref in name.refs:
            spans[ref.doc].append((ref.mention.start, ref.mention.end))
    for ref in known:
        spans[ref.doc].append((ref.mention.start, ref.mention.end))
    found: list[Ref] = []
    for doc, surnames in by_doc.items():
        keys = {("p", s[:3]) for s in surnames} | {("s", s[-3:]) for s in surnames}
        prose = corpus.documents[doc].prose
        # Each distinct word is looked at once; places only for the few left.
        candidates = set()
        for word in words_of(doc):
            if len(word) < 5:
                continue
            letters = _letters(word)
            if ("p", letters[:3]) not in keys and ("s", letters[-3:]) not in keys:
                continue
            if letters in run_surnames or letters in common or fold(word) in lex.given_names:
                continue
            if word in lex.not_names:
                continue
            if any(
                letters + "s" != s_letters
                and s_letters + "s" != letters
                and surnames_close(s, word)
                for s_letters, s in surnames.items()
            ):
                candidates.add(word)
        if not candidates:
            continue
        for match in _LONE_CAPITALISED.finditer(prose):
            word = match.group()
            if word not in candidates:
                continue
            start, end = match.span()
            before = max(0, start - 40)
            if (
                _AFTER_CAPITALISED.search(prose, before, start)
                or _AFTER_PLACE_WORD.search(prose, before, start)
                or _BEFORE_LIST.match(prose, end)
                or any(a <= start < b for a, b in spans[doc])
            ):
                continue
            mention = PersonMention(
                start, end, word, None, word, start, "surname", cue="near-surname"
            )
            found.append(Ref(doc, mention))
    if found and len(corpus.documents) > 1:
        # A slip is made once; a word other stories use too is a word.
        words = {ref.mention.text for ref in found}
        seen: dict[str, set[int]] = defaultdict(set)
        for doc in range(len(corpus.documents)):
            for word in words.intersection(words_of(doc)):
                seen[word].add(doc)
        found = [ref for ref in found if seen[ref.mention.text] <= {ref.doc}]
    return found


_CACHE: dict[str, tuple[object, PeopleIndex]] = {}
#: The rules of the run that read the index and have not finished with it
#: (see :func:`will_use_people_index`).
_USERS: weakref.WeakSet[object] = weakref.WeakSet()


def will_use_people_index(user: object) -> None:
    """Say, when a rule is made (before any rule runs), that it will read
    the index: the index is then kept until every such rule has called
    :func:`done_with_people_index`, and dropped after the last one, so the
    rules that run after the names rules have its memory."""
    _USERS.add(user)


def done_with_people_index(user: object) -> None:
    _USERS.discard(user)
    if not _USERS:
        _CACHE.clear()


def releasing(user: object, findings: Iterable[Finding]) -> Iterator[Finding]:
    """``findings`` as they come, then :func:`done_with_people_index` (also
    when the caller stops early or a rule fails)."""
    try:
        yield from findings
    finally:
        done_with_people_index(user)


class PeopleIndexRule(CorpusRule):
    """A corpus rule that reads :func:`people_index`: it says so when made,
    and lets the index go when it is done (:func:`will_use_people_index`), so
    the index lives exactly as long as the rules that share it. Subclasses
    implement :meth:`check_people` instead of ``check_corpus``."""

    def __init__(self, config: Config, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(config, options)
        will_use_people_index(self)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        return releasing(self, self.check_people(corpus))

    def check_people(self, corpus: Corpus) -> Iterator[Finding]:
        raise NotImplementedError


def people_index(corpus: Corpus, config: Config) -> PeopleIndex:
    """The run's index, built once and shared by every names rule."""
    cached = _CACHE.get("index")
    if cached is not None and cached[0] is corpus:
        return cached[1]
    _CACHE.clear()  # another run's: free it before building this one
    registry = None
    if config.names_registry is not None:
        from factlint.names_registry import load_names_registry

        registry = load_names_registry(config.names_registry)
    index = build_index(corpus, registry)
    _CACHE["index"] = (corpus, index)
    return index


def surname_keys(facts: Mapping[str, list[Any]]) -> set[str]:
    """The archive's lookup keys for the people of one story (see
    :meth:`factlint.rules.CorpusRule.archive_keys`): every surname (aliases,
    given-name slips, lone surnames and titles pair same surnames), also as
    :func:`_rejoin_surname` may read it with the word before ("Seitz Wald");
    and for a full name, the given name with the surname's first and last
    three letters, and with the surname and each one-letter deletion of it
    (the near spellings :func:`build_index` pairs under one given name)."""
    keys: set[str] = set()
    for mention in facts.get("people", []):
        letters = _letters(mention.surname)
        if not letters:
            continue
        keys.add("n" + letters)
        before = mention.text[: mention.surname_start - mention.start].split()
        if len(before) >= 2:
            keys.add("n" + _letters(f"{before[-1]} {mention.surname}"))
        given = fold(mention.given) if mention.kind == "full" and mention.given else None
        if not given:
            continue
        if len(given) == 2 and given.endswith("."):
            given = given[0]
        keys.update((f"p{given} {letters[:3]}", f"s{given} {letters[-3:]}", f"d{given} {letters}"))
        keys.update(f"d{given} {letters[:i]}{letters[i + 1 :]}" for i in range(len(letters)))
    return keys
