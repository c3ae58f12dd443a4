"""One person under a short and a full given name (Ed Flynn / Edward Flynn).

**What it flags.** A name written with a short form of the given name in
one place and the full form in another, within a story or across the run,
for the same surname and no conflicting title: "Milwaukee Police Chief Ed
Flynn" and "Police Chief Edward Flynn". Short forms come from the
``nicknames`` table (Ed, Ted and Ned for Edward; Bill for William; ...).
Across stories the two must share other proper nouns, three of them when
the surname is a common one (Tom Jones the singer is not Thomas Jones the
alderman), unless the registry or the same title ties them.

**Why.** A short form is usually deliberate (the name the person goes by),
so this is information, not an error: but a desk picks one form per person
and uses it in every story.

**Example.** "Milwaukee Police Chief Ed Flynn has said ..." in one story,
"Police Chief Edward Flynn" in another.

**Fix.** Use the form the person is known by (check the newsroom's names
registry) in every story.
"""

from __future__ import annotations

from collections.abc import Iterator

from factlint import CorpusRule, Finding, Severity
from factlint.facts.identity import people_index
from factlint.rules import Corpus, place, related_at


class NameAlias(CorpusRule):
    code = "FL102"
    name = "name-alias"
    severity = Severity.INFO
    requires = ("people",)

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        documents = corpus.documents
        for person in index.people:
            for a, b in person.aliases:
                if not a.refs or not b.refs:
                    continue
                # Reported once, at the first use of the form used less (the
                # one the desk departed from); on a tie, the form that came in
                # last. Every other use is a related place.
                first_a = (a.refs[0].doc, a.refs[0].mention.start)
                first_b = (b.refs[0].doc, b.refs[0].mention.start)
                here, other = (a, b) if (len(a.refs), first_b) < (len(b.refs), first_a) else (b, a)
                first = other.refs[0]
                where = place(documents[first.doc], first.mention.start)
                uses = len(other.refs)
                ref = here.refs[0]
                related = [
                    related_at(
                        documents[r.doc], r.mention.start, r.mention.end, f'"{here.key}" again here'
                    )
                    for r in here.refs[1:5]
                ]
                related += [
                    related_at(
                        documents[r.doc], r.mention.start, r.mention.end, f'"{other.key}" here'
                    )
                    for r in other.refs[:5]
                ]
                count = f" ({len(here.refs)} uses)" if len(here.refs) > 1 else ""
                yield self.finding(
                    documents[ref.doc],
                    ref.mention.start,
                    ref.mention.end,
                    f'"{here.key}" here{count}, "{other.key}" in {where}'
                    f" ({uses} use{'s' if uses != 1 else ''}): one person under a short"
                    " and a full given name; use one form",
                    related=related,
                    subject=here.key,
                )


RULE = NameAlias
