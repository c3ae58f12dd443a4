"""A person the story refers to by surname alone and never names in full.

**What it flags.** The first reference to a person when it is a surname
alone ("Barrett spokesman Jeff Fleming said ...") or a title and surname
("Sheriff Clarke wrote ...", "Mr Prettejohn urged ...") and the story never
gives that person's full name. The check claims only what a copy desk acts
on: a reader who meets "Mr Montieth" and nowhere "David Monteith" cannot
tell who is meant, and such a name is often a misspelling of the full name
given elsewhere. A surname counts as named in full when the story (not its
headline) gives any full name with it, before or after, also when two people
share it ("Hillary Clinton", "Bill Clinton", then "Clinton"), with initials
("A.J. Spiker"), surname first ("Xi Jinping") or in a form the extractor
does not read as a name ("Ramdhan Yadav Kotamaraja"), and when it is a
slip away from the surname of a full name the story gives ("Mr Barot"
after "Jacques Barrot"): that misspelling is one error, reported once, by
FL101. Not judged: quotations (a quote a stray mark left open ends with
its paragraph unless the next one reopens it); a kind of person after an
article ("pick a new Justice Brennan", "another Mr Jobs"); the author's
tagline that closes an opinion piece ("Mr. Phillips is director of ...");
the text after a paragraph that introduces an excerpt, extract, transcript
or letter ("The following is an excerpt from her new book"), whose names
are its author's, not the newsroom's;
surnames used as modifiers ("the Trump administration"); headlines, where a
surname alone is the style (a short first paragraph with no dateline, after
any front matter, unless the front matter's title says the headline is
elsewhere); the holder of a one-person office by title ("President Reagan",
"Pope Francis"); a peer by the peerage ("Lord Falconer"); a judge's style
("Mr Justice Sullivan"); a title and word that several stories of the run
use and none names in full, a name of its own ("Dr Dre", "Minister
Subroto"); a public figure named in full in many stories of the run (at
least 4, and one in 500); a character in a work ("Mr. Benn, with Brad Pitt
in the title role"); a lone word before a role that at least 3 stories of
the run use and none gives with a given name, a name of its own
("Ladbrokes spokesman"); and a lone word before a role that the run also
writes in lower case ("Legal adviser"). A lone word with no title counts as
a person when a role ("Barrett spokesman") or the names registry says so.
When the full name is known from another story or the registry, the message
suggests it; when several people in the run share the surname, it says so
instead of guessing.

**Why.** News style gives the full name, usually with a title, on first
reference; readers of this story may not have read the others.

**Example.**

    Barrett spokesman Jeff Fleming said the mayor remains committed to immigrants.

**Fix.**

    Mayor Tom Barrett's spokesman, Jeff Fleming, said the mayor remains committed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from factlint import Finding, Severity, lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.facts.identity import (
    PeopleIndexRule,
    Person,
    people_index,
    surname_keys,
)
from factlint.facts.people import LEADING_PARTICLES, Lexicon, PersonMention, fold, lexicon
from factlint.rules import Corpus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Offices held by one person at a time, whose holder the title names
# ("President Reagan", "Pope Francis", "Prime Minister Thatcher").
_ONE_HOLDER = frozenset(
    {"president", "vice-president", "pope", "prime-minister", "premier", "chancellor"}
)

# Titles that also name brands, characters and works ("Dr Pepper", "Dr
# Reddy's", "Miss Marple", "Coach Carter"): alone, too weak to call a person.
_ALSO_NAMES_THINGS = frozenset({"Dr", "Dr.", "Miss", "Coach"})
_COURTESY = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Mx.", "Dr", "Dr.", "Miss"})
# A person named in full in this many stories of the run, and at least one in
# this many, is a public figure whose surname alone the run's readers know.
_PROMINENT_STORIES = 4
_PROMINENT_SHARE = 500


class FirstReference(PeopleIndexRule):
    code = "FL103"
    name = "first-reference"
    severity = Severity.WARNING
    requires = ("people",)

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str]:
        """Archive lookup keys: the blocking keys of the story's surnames."""
        return surname_keys(facts)

    def check_people(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        registry_names: dict[str, str] = {}
        for person in index.people:
            if person.canonical:
                registry_names[fold(person.canonical.split()[-1])] = person.canonical
        # Stories naming each person in full, by given name and surname.
        stories_naming_person: Counter[tuple[str, str]] = Counter()
        for _document, facts in corpus:
            stories_naming_person.update(
                {
                    (fold(m.given or ""), _surname_key(m.surname))
                    for m in facts.get_list("people")
                    if m.kind == "full"
                }
            )
        stories_naming: Counter[str] = Counter()  # the best-known person of each surname
        for (_given, key), count in stories_naming_person.items():
            stories_naming[key] = max(stories_naming[key], count)
        prominent = max(_PROMINENT_STORIES, len(corpus) // _PROMINENT_SHARE)
        # "Dr Dre", "Minister Subroto", "Miss Universe": a title and a word
        # that several stories use and none names in full is a name of its own.
        titled: Counter[tuple[str, str]] = Counter()
        for _document, facts in corpus:
            titled.update(
                {
                    (m.title.split()[-1], _surname_key(m.surname))
                    for m in facts.get_list("people")
                    if m.title and m.kind != "full" and not m.quoted
                }
            )
        lex = lexicon()
        run_words = _RunWords(
            corpus,
            {
                m.surname
                for _document, facts in corpus
                for m in facts.get_list("people")
                if m.cue == "role" and m.kind != "full"
            },
        )
        for doc_index, (document, facts) in enumerate(corpus):
            people = facts.get_list("people")
            named_in_full = {
                _surname_key(m.surname) for m in people if m.kind == "full" and not m.headline
            }
            in_headline = {
                _surname_key(m.surname): m.text for m in people if m.kind == "full" and m.headline
            }
            full_starts = {m.start for m in people if m.kind == "full"}
            headline_end = max((m.end for m in people if m.headline), default=0)
            extract_at = _extract_start(document.prose)
            seen: set[str] = set()
            for mention in people:
                if mention.kind == "full" or mention.quoted or mention.attributive:
                    continue
                surname = _surname_key(mention.surname)
                if mention.headline or surname in seen or mention.start >= extract_at:
                    continue
                seen.add(surname)
                if _not_a_reference(document.prose, mention, full_starts):
                    continue
                if surname in named_in_full or not _unresolved(mention):
                    continue  # the story names the person in full, or the title does
                if _named_here_as_variant(index.person_of(doc_index, mention), doc_index):
                    continue  # "Mr Barot" after "Jacques Barrot": FL101 reports the spelling
                registry_name = registry_names.get(surname)
                if mention.cue == "role" and run_words.common_word(mention.surname):
                    continue  # "Legal adviser", "Shadow spokesman": a word, not a name
                if mention.cue == "role" and run_words.company_name(mention.surname):
                    continue  # "Noranda spokesman": "Noranda Inc" elsewhere in the run
                if (
                    mention.cue == "role"
                    and not stories_naming[surname]
                    and run_words.stories_using(mention.surname) >= _NAME_OF_ITS_OWN
                ):
                    continue  # "Ladbrokes spokesman": a name the run uses alone, never in full
                if mention.cue in ("speech", "known-surname") and not registry_name:
                    continue  # a lone word nobody names in full here: maybe an organisation
                if stories_naming[surname] >= prominent and not registry_name:
                    continue  # a public figure, named in full throughout the run
                if (
                    mention.title
                    and not stories_naming[surname]
                    and titled[(mention.title.split()[-1], surname)] >= 2
                ):
                    continue
                if _written_in_full(document.prose, mention.surname, lex, headline_end):
                    continue  # "Ramdhan Yadav Kotamaraja", "Xi Jinping": named after all
                what = "a title and surname" if mention.title else "a surname alone"
                message = (
                    f'"{document.text[mention.start : mention.end]}": first reference uses {what},'
                    " and the story never gives the full name"
                )
                if surname in in_headline:
                    message += f' (only the headline does: "{in_headline[surname]}")'
                message += "; give it (and a title) on first reference"
                suggestion = _suggest(
                    index.names_by_surname.get(fold(mention.surname), []), registry_name
                )
                if suggestion and surname not in in_headline:
                    message += f" ({suggestion})"
                start = mention.start
                if mention.title:
                    start = document.text.rfind(mention.title, 0, mention.start)
                    start = mention.start if start < 0 else start
                yield self.finding(document, start, mention.end, message, subject=mention.surname)


_WORK_BEFORE = lazy.regex(
    r"\b(?:played|plays|playing|portrayed|portrays|called|titled|entitled)\s+$"
)
_AS_BEFORE = lazy.regex(r"\bas\s+$")
_SAID_AFTER = lazy.regex(r"(?:['’]s)?\s+(?:said|says|put it|told|noted|wrote|argued)\b")
# An article before the name makes it a kind of person ("a new Justice
# Brennan", "another Mrs Thatcher", "the next Mr Jobs").
_TYPE_BEFORE = lazy.regex(
    r"(?<![\p{L}\p{M}'’-])(?:[Aa]n?|[Aa]nother|[Tt]he[ \t]+next)[ \t]+"
    r"(?:(?:new|second|future|young|modern|latter-day)[ \t]+)?$"
)
# A paragraph that introduces a document printed after it: "The following
# is an excerpt from ...", "Following are extracts from the communique".
_EXTRACT_INTRO = lazy.regex(
    r"\b(?:[Tt]he[ \t]+following|[Ff]ollowing)[ \t]+(?:is|are)\b[^\n]{0,80}?"
    r"\b(?:excerpts?|extracts?|(?:the[ \t]+)?(?:full[ \t]+)?text|transcripts?|letters?)\b[^\n]*"
)
_TITLE_ROLE_AFTER = lazy.regex(r"[^.!?\n]{0,60}?\bin[ \t]+the[ \t]+title[ \t]+role\b")
_PARAGRAPH_START = lazy.regex(r"(?:^|\n)[ \t]*$")
# "is Director of", "is a senior fellow at", "teaches law at": a role, not
# news ("is expected to appear in court").
_TAGLINE_AFTER = lazy.regex(
    r"[ \t]+(?:teaches|directs|(?:is|has[ \t]+been)[ \t]+(?:(?:a|an|the)[ \t]+)?"
    r"(?:\p{Lu}|(?:senior|professor|director|author|fellow|co-?founder|founder|president"
    r"|chair|editor|executive|former|member|partner|lecturer|research|visiting|associate"
    r"|assistant|contributing|columnist|writer|scholar)))"
)
# The rest of the story is this paragraph: nothing after it but blank space.
_LAST_PARAGRAPH = lazy.regex(r"[^\n]*\s*\Z")
_TWO_NAME_WORDS = lazy.regex(r"\p{Lu}[\p{Ll}\p{M}]+[ \t]+\p{Lu}[\p{Ll}\p{M}]+")
_ROLE_WORDS_AFTER = lazy.regex(r"(?:[ \t]+[a-z][\p{L}-]*){1,3}[ \t]+")


def _extract_start(prose: str) -> int:
    """Where the document a story introduces begins (the end of the
    introducing paragraph), or past the end when there is none."""
    found = _EXTRACT_INTRO.search(prose)
    return found.end() if found else len(prose) + 1


def _not_a_reference(prose: str, mention: PersonMention, full_starts: set[int]) -> bool:
    """A title and word that is a character or a work ("played Mrs Potts", "a
    song called Judge Y'Self"), or a word inside a longer title before the
    person's full name ("Chief Soviet arms negotiator Yuli Vorontsov")."""
    start = mention.start - len(mention.title or "") - 1
    if mention.title and _WORK_BEFORE.search(prose, max(0, start - 20), max(0, start)):
        return True
    if (
        mention.title
        and _AS_BEFORE.search(prose, max(0, start - 5), max(0, start))
        and not _SAID_AFTER.match(prose, mention.end, mention.end + 20)
    ):
        return True  # "appeared as Mrs Pearce in", but not "as Mr Blair said"
    if _TITLE_ROLE_AFTER.match(prose, mention.end):
        return True  # "Mr. Benn, with Brad Pitt in the title role": a character
    begin = start if mention.title else mention.start
    if _TYPE_BEFORE.search(prose, max(0, begin - 30), max(0, begin)):
        return True  # "pick a new Justice Brennan": a kind of person, not a reference
    if (
        _PARAGRAPH_START.search(prose, max(0, begin - 5), max(0, begin))
        and _TAGLINE_AFTER.match(prose, mention.end)
        and _LAST_PARAGRAPH.match(prose, mention.end)
    ):
        return True  # "Mr. Phillips is Director of ...": the author's tagline at the foot
    after = _ROLE_WORDS_AFTER.match(prose, mention.end, mention.end + 60)
    return bool(
        mention.title
        and after
        and (after.end() in full_starts or _TWO_NAME_WORDS.match(prose, after.end()))
    )


def _named_here_as_variant(person: Person | None, doc: int) -> bool:
    """Whether the run's index joins a surname reference to a person this
    story names in full (outside its headline) under a near spelling ("Mr
    Barot" after "Jacques Barrot"): the reader can tell who is meant, and
    the misspelling is one error, which FL101 reports."""
    if person is None:
        return False
    return any(
        ref.doc == doc and not ref.mention.headline for name in person.names for ref in name.refs
    )


def _unresolved(mention: PersonMention) -> bool:
    """Whether a surname reference still leaves the reader asking who."""
    if mention.cue == "peerage":
        return False  # "Lord Falconer": the peerage is the name in British style
    if mention.title_key in _ONE_HOLDER:
        return False  # "President Reagan", "Pope Francis"
    title = (mention.title or "").split()
    if not title:
        return True
    if title[-1] in _ALSO_NAMES_THINGS:
        return False  # "Dr Pepper", "Miss Marple", "Coach Carter": brands, characters, works
    if len(title) >= 2 and title[-1] in ("Justice", "Judge"):
        return False  # "Mr Justice Sullivan": a British judge's full style
    # "Energy Secretary Herrington", "Information Minister Harmoko": a title
    # that names the office names its one holder; "Sheriff Clarke" does not.
    return not (len(title) >= 2 and title[-1] not in _COURTESY)


_COMPANY_AFTER = (
    r"(?:Inc|Corp|Corporation|Co|Cos|Ltd|PLC|Plc|AG|SA|NV|AB|Group|Holdings|Bank|Petroleum)\b"
)


#: Stories that must use a lone word before a role, none naming anyone by
#: it in full, before it is taken for a name of its own ("Ladbrokes
#: spokesman": the bookmaker), not a person's surname.
_NAME_OF_ITS_OWN = 3
_LETTERS = lazy.regex(r"[\p{L}\p{M}]+")


class _RunWords:
    """What the run's stories write of the lone words before a role: in
    lower case ("legal", "shadow": a common word, not a surname), as a
    company ("Noranda Inc", "<Noranda ...>"), and in how many stories.
    Asked of a few hundred words in a big run; answered in one pass over the
    stories for all of them at once (a pass per word would read every story
    once per word). A word of letters alone matches exactly one run of
    letters, so one pattern finds every word at once; the rare word with a
    hyphen or a space in it is looked up alone."""

    def __init__(self, corpus: Corpus, words: Iterable[str]) -> None:
        self.corpus = corpus
        self.plain = {w for w in words if _LETTERS.fullmatch(w)}
        self.used: Counter[str] = Counter()
        self.lower: set[str] = set()  # words some story writes in lower case
        self.company: set[str] = set()
        self.other: dict[tuple[str, str], object] = {}  # the rare words, looked up alone
        self._scanned = False

    def _scan(self) -> None:
        import regex

        self._scanned = True
        if not self.plain:
            return
        words = sorted(self.plain, key=lambda w: (-len(w), w))
        any_word = "|".join(regex.escape(w) for w in words)
        lowers = sorted({w.lower() for w in words if w.lower() != w}, key=lambda w: (-len(w), w))
        used = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{any_word})(?![\p{{L}}\p{{M}}])")
        lower = None
        if lowers:
            any_lower = "|".join(regex.escape(w) for w in lowers)
            lower = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{any_lower})(?![\p{{L}}\p{{M}}])")
        company = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{any_word})(?=[ \t]+{_COMPANY_AFTER})"
            rf"|(?<=<)(?:{any_word})(?![\p{{L}}\p{{M}}])"
        )
        for document, _facts in self.corpus:
            prose = document.prose
            self.used.update({m.group() for m in used.finditer(prose)})
            if lower is not None:
                self.lower.update(m.group() for m in lower.finditer(prose))
            self.company.update(m.group() for m in company.finditer(prose))

    def common_word(self, word: str) -> bool:
        """Some story writes the word in lower case."""
        if word not in self.plain:
            return bool(self._alone("common", word, lambda: _common_word(word, self.corpus)))
        if not self._scanned:
            self._scan()
        return word.lower() != word and word.lower() in self.lower

    def company_name(self, word: str) -> bool:
        """Some story writes the word as a company."""
        if word not in self.plain:
            return bool(self._alone("company", word, lambda: _company(word, self.corpus)))
        if not self._scanned:
            self._scan()
        return word in self.company

    def stories_using(self, word: str) -> int:
        """How many stories write the word (up to ``_NAME_OF_ITS_OWN``)."""
        if word not in self.plain:
            return int(self._alone("used", word, lambda: _stories_using(word, self.corpus)))
        if not self._scanned:
            self._scan()
        return min(self.used[word], _NAME_OF_ITS_OWN)

    def _alone(self, what: str, word: str, answer: Callable[[], Any]) -> Any:
        if (what, word) not in self.other:
            self.other[what, word] = answer()
        return self.other[what, word]  # the answer's own type: bool or int


def _company(word: str, corpus: Corpus) -> bool:
    """Whether some story of the run writes the word as a company."""
    import regex

    pattern = regex.compile(
        rf"(?:(?<![\p{{L}}\p{{M}}]){regex.escape(word)}[ \t]+{_COMPANY_AFTER}"
        rf"|<{regex.escape(word)}(?![\p{{L}}\p{{M}}]))"
    )
    return any(pattern.search(document.prose) for document, _facts in corpus)


def _stories_using(word: str, corpus: Corpus) -> int:
    """How many stories of the run write the word (counted up to ``_NAME_OF_ITS_OWN``)."""
    import regex

    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}])")
    count = 0
    for document, _facts in corpus:
        if pattern.search(document.prose):
            count += 1
            if count == _NAME_OF_ITS_OWN:
                break  # enough to know
    return count


def _common_word(word: str, corpus: Corpus) -> bool:
    """Whether some story of the run writes the word in lower case."""
    import regex

    lower = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word.lower())}(?![\p{{L}}\p{{M}}])")
    return word.lower() != word and any(lower.search(document.prose) for document, _facts in corpus)


def _surname_key(surname: str) -> str:
    """A surname without its leading particle, folded: "Van Voorhis",
    "van Voorhis" and "Voorhis", "al-Assad" and "Assad" are one surname."""
    key = fold(surname)
    for sep in (" ", "-"):
        head, found, rest = key.partition(sep)
        if found and rest and (head in LEADING_PARTICLES or head in ("al", "el")):
            return rest
    return key


_GAP = "[ \t\u00a0]+"


def _written_in_full(prose: str, surname: str, lex: Lexicon, after: int) -> bool:
    """Whether the story writes the surname next to another capitalised
    name word: after a given name or initials the extractor does not know
    ("Ramdhan Yadav Kotamaraja", "JP McManus", "Melba Acosta Febo") or
    before a given name, surname first ("Xi Jinping", "Wang Yan"); after
    the headline, which does not count."""
    import regex

    first = f"[{regex.escape(surname[0].upper())}{regex.escape(surname[0].lower())}]"
    pattern = regex.compile(  # "van Voorhis" at a sentence start is "Van Voorhis"
        rf"(?<![\p{{L}}\p{{M}}'’.-]){first}{regex.escape(surname[1:])}(?![\p{{L}}\p{{M}}'’-])"
    )
    for m in pattern.finditer(prose, after):
        before = _WORD_BEFORE.search(prose, max(0, m.start() - 40), m.start())
        if before and _name_word(before.group(1), lex):
            return True
        following = _WORD_AFTER.match(prose, m.end(), m.end() + 40)
        if following and _name_word(following.group(1), lex):
            return True
    return False


# The word before, also across a joining particle ("Minas de Almaden").
_WORD_BEFORE = lazy.regex(
    rf"(?:^|\s)(\p{{Lu}}[\p{{L}}\p{{M}}.'’-]*){_GAP}(?:(?:de|da|del|di|du|van|von|der|y){_GAP})?$"
)
_WORD_AFTER = lazy.regex(rf"{_GAP}(\p{{Lu}}[\p{{L}}\p{{M}}'’-]*)(?![.\p{{L}}\p{{M}}'’-])")


def _name_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word that may be part of a person's name: not a title,
    a courtesy title, a sentence opener or a possessive."""
    if word.endswith(("'s", "’s")) or (word.endswith(".") and not _INITIAL.match(word)):
        return False
    bare = word.rstrip(".")
    return not (
        word in lex.titles
        or bare in lex.titles
        or word in lex.courtesy
        or bare in lex.courtesy
        or word in lex.title_words
        or word in lex.not_names
        or bare in lex.not_names
        or word in lex.suffixes
    )


_INITIAL = lazy.regex(r"^(?:\p{Lu}\.){1,3}$")


def _suggest(known: list, registry_name: str | None) -> str | None:  # type: ignore[type-arg]
    """The full name the run or the registry gives; when several people in
    the run share the surname, say so instead of guessing one."""
    if registry_name:
        return f'elsewhere: "{registry_name}"'
    counts: Counter[str] = Counter()
    by_given: dict[str, str] = {}  # "George Bush" and "George W Bush" are one
    for name in known:
        key = by_given.setdefault(fold(name.given), name.key)
        counts[key] += len(name.refs)
    if not counts:
        return None
    if len(counts) > 1:
        names = ", ".join(f'"{key}"' for key, _ in counts.most_common(3))
        return f"elsewhere several people share the surname: {names}"
    return f'elsewhere: "{counts.most_common(1)[0][0]}"'


RULE = FirstReference
