"""One person's name spelled two ways, in one story or across the run.

**What it flags.** A person's name spelled differently from the way the
rest of the run (or the names registry) spells it: "Christine Newman-Ortiz"
in one story, "Christine Neumann-Ortiz" in another. Spellings count as one
person when the given names agree and the surnames differ by a letter or
two, by diacritics (Nunez / Núñez), by a hyphen or a space, or by a
romanisation (Gorbachev / Gorbachov); when the surnames agree and the given
names differ by one letter or are one name romanised two ways (Mohammed /
Muhammad Morsi); or both at once for a romanised given name (Usama bin
Ladin / Osama bin Laden). Surname-only mentions ("Newman-Ortiz said") count
with them, and so does a lone capitalised word a slip away from the surname
of someone the same story names in full, even with no cue before it ("the
players Whitfeld recruited" after "Coach Dana Whitfield"; also with a
capital inside: "McCafferty also praised" after "Fran McCaffery"), unless it is a
given name, a common surname, a word other stories of the run use, a place
after "in" or "from", or one of a list of names. Matters of style are not
spellings: a curly or straight apostrophe, an initial with or without its
period, a capital after a hyphen (Chi-Cheng / Chi-cheng) or on the Arabic
article (al- / Al-), a particle capitalised at a sentence start or alone
("Van Gogh" for Theo van Gogh), the syllables of a romanised given name
joined by a hyphen or written apart (Ban Ki-moon / Ban Ki Moon; but
Scott-Thomas / Scott Thomas is a spelling), and diacritics left out by a
story that writes no letter with a diacritic anywhere (Francois in
plain-letter copy, François elsewhere). A short and a full given name (Larry /
Laurence Tisch) are not spellings either (see FL102).

Two people with similar names are told apart by their titles (Mayor Tom
Barrett / Ald. Tom Barnett), by different middle initials (Robert E.
Johnstone / Robert F. Johnston), by both being named in full in one story,
by two known given names a letter apart that several stories each use
(Ivana Trump in 6 stories, Ivanka Trump in 12: neither a slip, which is
made once or twice or drowned by the right spelling),
or by a registry ``not:`` entry; a person a story introduces by title alone
("President Reagan", then "Reagan") is not taken for a near full name in it
(Donald Regan). Two names run together where a separator was lost ("Ben
SasseA.J. Spiker") are a typo in the copy, not a spelling. Across stories, a
slip inside an uncommon surname (Davenport / Daveport) counts as it is; a
pair that is more often two people needs the two stories to share other
proper nouns first, words that are not the run's main subjects (in more
than one story in 50): two common surnames (Thompson / Thomson), a surname
and its patronymic (Nettle / Nettles), an accent or hyphen on a common
surname (Jose Garcia / José García), a different first letter in a long
surname (Hurosawa / Kurosawa) or two given names a letter apart (Damian /
Damien). Short surnames with different first letters (Terry / Kerry) and
surnames under three letters are never taken for one another; three- and
four-letter ones only for a doubled letter (Vos / Voss, Flyn / Flynn).

Each minority spelling is reported once, at its first use, with its other
uses and the majority spelling's uses as related places; and one story gets
one finding per name: a second minority spelling there (Hassell and Hassall
beside Hassel) is a related place of the first. When the spellings
are used equally often and no registry decides, one finding says so, where
the second spelling first appears. With a names registry, every use of a
spelling the registry does not list is reported, each with its safe fix.

**Why.** A misspelled name is the correction a newsroom publishes most, and
a reader who sees two spellings trusts neither.

**Example.**

    "It is very problematic ...," said Christine Newman-Ortiz of Voces de la Frontera.

while another story of the run has "Christine Neumann-Ortiz" three times.

**Fix.** Check the spelling with the source and use it everywhere. With a
names registry (``names-registry:`` in the config) the registry's spelling
is offered as a safe fix (``factlint check --fix``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from factlint import Edit, Finding, Fix, Severity, lazy, records
from factlint.document import Document
from factlint.facts import Facts
from factlint.facts.identity import (
    Name,
    PeopleIndexRule,
    Person,
    Ref,
    name_key,
    people_index,
    surname_keys,
    typography,
)
from factlint.facts.people import fold
from factlint.findings import Related
from factlint.rules import Corpus, place, related_at

MAX_RELATED = 5


class NameVariant(PeopleIndexRule):
    code = "FL101"
    name = "name-variant"
    severity = Severity.WARNING
    requires = ("people",)

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str]:
        """Archive lookup keys: the blocking keys of the story's surnames."""
        return surname_keys(facts)

    fixable = True

    def check_people(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        findings: list[tuple[int, Finding]] = []
        for number, person in enumerate(index.people):
            for part in _spelling_sets(person):
                findings.extend((number, f) for f in self._check_person(corpus, part))
        yield from _one_per_cluster(findings)

    def _check_person(self, corpus: Corpus, person: Person) -> Iterator[Finding]:
        varied_given = any(
            fold(a.surname) == fold(b.surname) or a.given_fold != b.given_fold
            for a, b in person.variants
        )
        groups: dict[str, list[Ref]] = {}
        if varied_given:
            for name in person.names:
                groups.setdefault(name.key, []).extend(name.refs)
        else:
            groups = dict(person.refs_by_surname())
        groups = _merge_styles(groups, corpus.documents)
        canonical = self._canonical_spelling(person, varied_given)
        if len(groups) < 2 and not (canonical and any(k != canonical for k in groups)):
            return
        counts = {k: len(v) for k, v in groups.items()}
        if canonical is not None:
            preferred = [canonical]
        else:
            top = max(counts.values())
            preferred = [k for k, n in counts.items() if n == top]
        tie = canonical is None and len(preferred) > 1
        if tie:
            # One finding for the tie, at the first use of the spelling that
            # came in last: the place the spellings parted.
            first_seen = {k: (v[0].doc, v[0].mention.start) for k, v in groups.items()}
            reported = [max(preferred, key=lambda k: first_seen[k])]
            reported += [k for k in groups if k not in preferred]
        else:
            reported = [k for k in groups if k not in preferred]
        documents = corpus.documents
        shown = {k: _as_written(k, v, varied_given) for k, v in groups.items()}
        for spelling in reported:
            refs = groups[spelling]
            others = [k for k in groups if k != spelling]
            parts = []
            for other in others:
                first = groups[other][0]
                n = len(groups[other])
                parts.append(
                    f'"{shown[other]}" in {place(documents[first.doc], first.mention.start)}'
                    f" ({n} use{'s' if n != 1 else ''})"
                )
            message = f'"{shown[spelling]}" here'
            if len(refs) > 1:
                message += f" ({len(refs)} uses)"
            message += "; " + "; ".join(parts)
            if canonical is not None:
                # The registry's spelling is a safe fix, offered at every use.
                message += f'. The names registry spells it "{canonical}".'
                for ref in refs:
                    start, end = _span(ref, varied_given)
                    fix = Fix(f'write "{canonical}"', (Edit(start, end, canonical),), safe=True)
                    yield self.finding(
                        documents[ref.doc],
                        start,
                        end,
                        message,
                        related=self._related(documents, groups, others, varied_given),
                        fix=fix,
                        subject=spelling,
                    )
                continue
            if tie and spelling in preferred:
                message += (
                    ". The spellings are used equally often, so factlint cannot tell"
                    " which is right: check with the source."
                )
            else:
                message += f'. The majority spells it "{shown[preferred[0]]}".'
            # Reported once, at its first use; its later uses and the other
            # spellings' uses are the related places.
            related = [
                related_at(documents[r.doc], *_span(r, varied_given), f'"{spelling}" again here')
                for r in refs[1:MAX_RELATED]
            ]
            related += self._related(documents, groups, others, varied_given)
            start, end = _span(refs[0], varied_given)
            yield self.finding(
                documents[refs[0].doc], start, end, message, related=related, subject=spelling
            )

    @staticmethod
    def _related(
        documents: Sequence[Document],
        groups: dict[str, list[Ref]],
        others: list[str],
        varied_given: bool,
    ) -> list[Related]:
        related = []
        for other in others:
            other_refs = groups[other]
            for other_ref in other_refs[:MAX_RELATED]:
                related.append(
                    related_at(
                        documents[other_ref.doc],
                        *_span(other_ref, varied_given),
                        f'"{other}" here ({len(other_refs)} uses in all)'
                        if len(other_refs) != 1
                        else f'"{other}" here (its only use)',
                    )
                )
        return related

    def _canonical_spelling(self, person: Person, varied_given: bool) -> str | None:
        if person.canonical is None:
            return None
        if varied_given:
            return person.canonical
        parts = person.canonical.split()
        return " ".join(parts[1:])


def _one_per_cluster(findings: list[tuple[int, Finding]]) -> Iterator[Finding]:
    """One finding per name and story: two minority spellings of one person
    in one story (Hassell / Hassall beside Hassel), or one spelling that two
    people of the index share there ("Gordon Bullock", then "G Bullock",
    where the run has Bulloch), are one error for the editor; the later places
    become related locations of the first. Registry findings, one per use
    with its own fix, stay as they are."""
    owner: dict[tuple[str, object], int] = {}  # (story, person or spelling) -> group
    groups: list[list[Finding]] = []
    for person, finding in findings:
        if finding.fix is not None:
            groups.append([finding])
            continue
        keys = ((finding.location.path, person), (finding.location.path, fold(finding.subject)))
        number = next((owner[k] for k in keys if k in owner), len(groups))
        if number == len(groups):
            groups.append([])
        groups[number].append(finding)
        for key in keys:
            owner.setdefault(key, number)
    for members in groups:
        head, *rest = sorted(members, key=lambda f: f.location.start)
        if not rest:
            yield head
            continue
        related = [r for r in head.related if r.location not in {o.location for o in rest}]
        related += [Related(o.location, f'"{o.subject}" here too') for o in rest]
        seen = {head.location, *(r.location for r in related)}
        for other in rest:
            for extra in other.related:
                if extra.location not in seen:
                    seen.add(extra.location)
                    related.append(extra)
        yield records.replace(head, related=tuple(related))


_AFTER_HYPHEN = lazy.re(r"(?<=-)[A-Z]")
_ARTICLE = lazy.re(r"\b[AE]l-")
# A hyphen and a small letter inside a name: the joined syllables of a
# romanised given name ("Ki-moon", "Jong-un", "Geun-hye").
_JOINED_SYLLABLE = lazy.re(r"(?<=[A-Za-z])-([a-z])")


def _style(spelling: str) -> str:
    """A spelling without the matters of house style the copy varies on:
    a capital after a hyphen (Chi-Cheng / Chi-cheng, Woong-Bae / Woong-bae)
    and the Arabic article's capital (al-Chalabi / Al-Chalabi)."""
    spelling = _AFTER_HYPHEN.sub(lambda m: m.group().lower(), spelling)
    return _ARTICLE.sub(lambda m: m.group().lower(), spelling)


def _apart(spelling: str) -> str:
    """Syllables joined by a hyphen and a small letter, written apart:
    "Ki-moon" -> "Ki Moon"."""
    return _JOINED_SYLLABLE.sub(lambda m: " " + m.group(1).upper(), spelling)


def _as_written(key: str, refs: Sequence[Ref], varied_given: bool) -> str:
    """A spelling as the stories write it. Spellings are compared without
    matters of style (:func:`typography`: "la Roche" for "La Roche" at a
    sentence start, apostrophes straight); a message quotes the form most
    uses of that spelling write (the first, on a tie)."""
    written: dict[str, int] = {}
    for ref in refs:
        mention = ref.mention
        if varied_given:
            form = f"{mention.given} {mention.surname}"
            same = name_key(mention.given or "", mention.surname) == key
        else:
            form = mention.surname
            same = typography(mention.surname) == key
        if same:
            written[form] = written.get(form, 0) + 1
    return max(written, key=written.__getitem__) if written else key


def _merge_styles(
    groups: dict[str, list[Ref]], documents: Sequence[Document]
) -> dict[str, list[Ref]]:
    """Spellings that differ only in style count as one, shown as the form
    used most. Style is what :func:`_style` leaves out; the syllables of a
    romanised given name joined by a hyphen or written apart ("Ban Ki-moon"
    / "Ban Ki Moon", "Kim Jong-un" / "Kim Jong Un": the hyphen and small
    letter of one are the space and capital of the other), though a hyphen
    before a capital stays a spelling (Scott-Thomas / Scott Thomas); and a
    spelling with diacritics and one without when every story that leaves
    them out writes no letter with a diacritic at all (François / Francois):
    copy kept to plain letters is the outlet's style, not a misspelling."""
    by_style: dict[str, list[str]] = {}
    for key, refs in groups.items():
        if refs:
            by_style.setdefault(_style(key), []).append(key)
    for key in [k for keys in by_style.values() for k in keys]:
        own, apart = _style(key), _style(_apart(key))
        if apart != own and apart in by_style and own in by_style:
            by_style[apart].extend(by_style.pop(own))
    plain: dict[str, str] = {}  # accent-free style -> style with accents
    for style in by_style:
        if not style.isascii():
            plain.setdefault(_without_diacritics(style), style)
    for style in list(by_style):
        target = plain.get(style) if style.isascii() else None
        if target and all(
            _plain_letters(documents[r.doc]) for k in by_style[style] for r in groups[k]
        ):
            by_style[target].extend(by_style.pop(style))
    merged = {}
    for keys in by_style.values():
        main = max(keys, key=lambda k: len(groups[k]))
        refs = [r for k in keys for r in groups[k]]
        merged[main] = sorted(refs, key=lambda r: (r.doc, r.mention.start))
    return merged


def _without_diacritics(text: str) -> str:
    """The text without diacritics, its case kept: 'François' -> 'Francois'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LETTER_WITH_DIACRITIC = lazy.re(r"[À-ÖØ-öø-ɏ]")


def _plain_letters(document: Document) -> bool:
    """Whether a story writes no letter with a diacritic anywhere."""
    return _LETTER_WITH_DIACRITIC.search(document.prose) is None


def _spelling_sets(person: Person) -> list[Person]:
    """The person's names that are spellings of one another. Names joined
    only as a short and a full given name (Larry / Laurence Tisch) are not
    spellings of one name: that is FL102's business."""
    if not person.aliases or not person.variants:
        return [person]
    parent = {name.key: name.key for name in person.names}

    def find(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for a, b in person.variants:
        parent[find(a.key)] = find(b.key)
    sets: dict[str, list[Name]] = {}
    for name in person.names:
        sets.setdefault(find(name.key), []).append(name)
    if len(sets) == 1:
        return [person]
    out = []
    for names in sets.values():
        keys = {n.key for n in names}
        variants = [(a, b) for a, b in person.variants if a.key in keys]
        if not variants:
            continue
        # Surname-only mentions go with the set that shares their spelling.
        surnames = {typography(n.surname) for n in names}
        out.append(
            Person(
                names=names,
                variants=variants,
                surname_refs=[
                    r for r in person.surname_refs if typography(r.mention.surname) in surnames
                ],
                canonical=person.canonical,
            )
        )
    return out


def _span(ref: Ref, varied_given: bool) -> tuple[int, int]:
    mention = ref.mention
    if varied_given:
        return mention.start, mention.end
    return mention.surname_start, mention.end


RULE = NameVariant
