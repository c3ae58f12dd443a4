"""One person's name spelled two ways, in one story or across the run.

**What it flags.** Every place where a person's name is spelled differently
from the way the rest of the run (or the names registry) spells it:
"Christine Newman-Ortiz" in one story, "Christine Neumann-Ortiz" in another.
Spellings count as one person when the given names agree and the surnames
differ by a letter or two, by diacritics (Nunez / Núñez), by a hyphen or a
space, or when the given names differ by one letter; the surname-only
mentions ("Newman-Ortiz said") count with them. Matters of style are not
spellings: a curly or straight apostrophe, an initial with or without its
period, a particle capitalised at a sentence start or alone ("Van Gogh" for
Theo van Gogh).

Two people with similar names are told apart by their titles (Mayor Tom
Barrett / Ald. Tom Barnett), by both being named in full in one story, or by
a registry ``not:`` entry. Across stories, a slip inside an uncommon surname
(Davenport / Daveport) counts as it is; a pair that is more often two people
needs the two stories to share other proper nouns first: two common
surnames (Thompson / Thomson), a surname and its patronymic (Nettle /
Nettles), an accent or hyphen on a common surname (Jose Garcia / José
García), a different first letter in a long surname (Hurosawa / Kurosawa)
or two given names a letter apart (Damian / Damien). Short surnames with
different first letters (Terry / Kerry) and surnames under three letters
are never taken for one another; three- and four-letter ones only for a
doubled letter (Vos / Voss, Flyn / Flynn).

The finding sits at the minority spelling, with related places at the
majority one and its count; with a names registry, at every spelling the
registry does not list. When the spellings are used equally often and no
registry decides, the message says so instead of guessing.

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

from collections.abc import Iterator

from factlint import CorpusRule, Edit, Finding, Fix, Severity
from factlint.facts.identity import Person, Ref, people_index
from factlint.facts.people import fold
from factlint.rules import Corpus, place, related_at

MAX_RELATED = 5


class NameVariant(CorpusRule):
    code = "FL101"
    name = "name-variant"
    severity = Severity.WARNING
    requires = ("people",)
    fixable = True

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        for person in index.people:
            yield from self._check_person(corpus, person)

    def _check_person(self, corpus: Corpus, person: Person) -> Iterator[Finding]:
        varied_given = any(fold(a.surname) == fold(b.surname) for a, b in person.variants)
        groups: dict[str, list[Ref]] = {}
        if varied_given:
            for name in person.names:
                groups.setdefault(name.key, []).extend(name.refs)
        else:
            groups = dict(person.refs_by_surname())
        groups = {
            k: sorted(v, key=lambda r: (r.doc, r.mention.start)) for k, v in groups.items() if v
        }
        canonical = self._canonical_spelling(person, varied_given)
        if len(groups) < 2 and not (canonical and any(k != canonical for k in groups)):
            return
        counts = {k: len(v) for k, v in groups.items()}
        if canonical is not None:
            preferred = [canonical]
        else:
            top = max(counts.values())
            preferred = [k for k, n in counts.items() if n == top]
        documents = corpus.documents
        for spelling, refs in groups.items():
            if spelling in preferred and len(preferred) == 1:
                continue
            others = [k for k in groups if k != spelling]
            for ref in refs:
                document = documents[ref.doc]
                related = []
                parts = []
                for other in others:
                    other_refs = groups[other]
                    first = other_refs[0]
                    parts.append(
                        f'"{other}" in {place(documents[first.doc], first.mention.start)}'
                        f" ({len(other_refs)} use{'s' if len(other_refs) != 1 else ''})"
                    )
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
                start, end = _span(ref, varied_given)
                message = f'"{spelling}" here; ' + "; ".join(parts)
                fix = None
                if canonical is not None:
                    message += f'. The names registry spells it "{canonical}".'
                    fix = Fix(f'write "{canonical}"', (Edit(start, end, canonical),), safe=True)
                elif len(preferred) > 1:
                    message += (
                        ". The spellings are used equally often, so factlint cannot tell"
                        " which is right: check with the source."
                    )
                else:
                    message += f'. The majority spells it "{preferred[0]}".'
                yield self.finding(
                    document, start, end, message, related=related, fix=fix, subject=spelling
                )

    def _canonical_spelling(self, person: Person, varied_given: bool) -> str | None:
        if person.canonical is None:
            return None
        if varied_given:
            return person.canonical
        parts = person.canonical.split()
        return " ".join(parts[1:])


def _span(ref: Ref, varied_given: bool) -> tuple[int, int]:
    mention = ref.mention
    if varied_given:
        return mention.start, mention.end
    return mention.surname_start, mention.end


RULE = NameVariant
