"""A surname used alone before the person's full name appears in the story.

**What it flags.** The first reference to a person in a story when it is a
surname alone ("Barrett spokesman Jeff Fleming said ...") or a title and
surname ("Sheriff Clarke wrote ...") and the full name comes later or not at
all. Quotations are the speaker's words and are not judged; neither is a
surname used as a modifier after "the" or before "administration",
"campaign" and the like ("the Trump administration"), a peer named by the
peerage ("Lord Falconer", British style), a knight by the given name ("Sir
Richard"), or a headline, where a surname alone is the style: a short first
paragraph (one or two lines of at most 20 words, no dateline) before the
story. A lone word counts as a person when a title, a role ("Barrett
spokesman") or the same surname elsewhere in the run or the names registry
says so. When the full name is known from another story or the registry,
the message suggests it.

**Why.** News style gives the full name, usually with a title, on first
reference; readers of this story may not have read the others.

**Example.**

    Barrett spokesman Jeff Fleming said the mayor remains committed to immigrants.

**Fix.**

    Mayor Tom Barrett's spokesman, Jeff Fleming, said the mayor remains committed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from factlint import CorpusRule, Finding, Severity
from factlint.facts.identity import people_index
from factlint.facts.people import PersonMention, fold
from factlint.rules import Corpus


class FirstReference(CorpusRule):
    code = "FL103"
    name = "first-reference"
    severity = Severity.WARNING
    requires = ("people",)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        registry_names: dict[str, str] = {}
        for person in index.people:
            if person.canonical:
                registry_names[fold(person.canonical.split()[-1])] = person.canonical
        for doc_index, (document, facts) in enumerate(corpus):
            firsts: dict[object, PersonMention] = {}
            for mention in facts.get_list("people"):
                if mention.quoted or mention.attributive or mention.headline:
                    continue
                owner = index.person_of(doc_index, mention)
                key: object = id(owner) if owner is not None else fold(mention.surname)
                if key not in firsts:
                    firsts[key] = mention
            for mention in firsts.values():
                if mention.kind == "full" or mention.cue == "peerage":
                    continue
                known = index.names_by_surname.get(fold(mention.surname), [])
                full_here = [
                    m for m in facts.get_list("people")
                    if m.kind == "full" and fold(m.surname) == fold(mention.surname)
                ]  # fmt: skip
                registry_name = registry_names.get(fold(mention.surname))
                if mention.cue in ("speech", "known-surname") and not (full_here or registry_name):
                    continue  # a lone word nobody names in full here: maybe an organisation
                what = "a title and surname" if mention.title else "a surname alone"
                message = (
                    f'"{document.text[mention.start : mention.end]}": first reference uses {what}'
                )
                later = [m for m in full_here if not m.headline]
                if later:
                    message += f'; the full name "{later[0].text}" comes later'
                elif full_here:
                    message += (
                        f'; the full name "{full_here[0].text}" is only in the headline:'
                        " give it in the story too"
                    )
                else:
                    message += "; give the full name (and title) on first reference"
                    suggestion = _suggest(known, registry_name)
                    if suggestion:
                        message += f' (elsewhere: "{suggestion}")'
                start = mention.start
                if mention.title:
                    start = document.text.rfind(mention.title, 0, mention.start)
                    start = mention.start if start < 0 else start
                yield self.finding(document, start, mention.end, message, subject=mention.surname)


def _suggest(known: list, registry_name: str | None) -> str | None:  # type: ignore[type-arg]
    if registry_name:
        return registry_name
    counts: Counter[str] = Counter()
    for name in known:
        counts[name.key] += len(name.refs)
    return counts.most_common(1)[0][0] if counts else None


RULE = FirstReference
