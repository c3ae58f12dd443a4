"""One person under a short and a full given name (Ed Flynn / Edward Flynn).

**What it flags.** A name written with a short form of the given name in
one place and the full form in another, within a story or across the run,
for the same surname and no conflicting title: "Milwaukee Police Chief Ed
Flynn" and "Police Chief Edward Flynn". Short forms come from the
``nicknames`` table (Ed, Ted and Ned for Edward; Bill for William; ...).
Across stories it takes the same formal title on both forms (the same
office named two ways) and other proper nouns the stories share that are not
the run's main subjects, three of them when the surname is a common one (Tom
Jones the singer is not Thomas Jones the alderman; Sen. Ron Johnson is not
the Ronald Johnson of a Chicago story that also names Trump and Clinton), or
the registry. Without a title in common, a formal form in one story ("Robert
Dole, the Kansas Republican") is a paper's style or another person. Left
alone: a full form with its middle initial (Timothy M. Kaine: a paper's
formal style for Tim Kaine), a pair the story itself gives together
(Robert C. "Bobby" Scott), and names inside quotations (the speaker's
words). A given name one letter out (Hilary / Hillary) is a misspelling,
for FL101.

Each pair is reported once, at the first use of the form used less (on a
tie, the form that came in last), with its other uses and the other form's
as related places.

**Why.** A short form is usually deliberate (the name the person goes by),
so this is information, not an error: but a desk picks one form per person
and uses it in every story.

**Example.** "Milwaukee Police Chief Ed Flynn has said ..." in one story,
"Police Chief Edward Flynn" in two others.

**Fix.** Use the form the person is known by (check the newsroom's names
registry) in every story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from factlint import Finding, Severity
from factlint.document import Document
from factlint.facts import Facts
from factlint.facts.identity import (
    Name,
    PeopleIndexRule,
    people_index,
    surname_keys,
)
from factlint.rules import Corpus, place, related_at


class NameAlias(PeopleIndexRule):
    code = "FL102"
    name = "name-alias"
    severity = Severity.INFO
    requires = ("people",)

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str]:
        """Archive lookup keys: the blocking keys of the story's surnames."""
        return surname_keys(facts)

    def check_people(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        documents = corpus.documents
        for person in index.people:
            for a, b in person.aliases:
                if a.middles or b.middles:
                    # A full name with its middle initial (Timothy M. Kaine,
                    # Rudolph W. Giuliani) is a paper's formal style for the
                    # name the person goes by, not a second form to fix.
                    continue
                # A name as a speaker says it is the speaker's ("Jim Baker is
                # monitoring that"): not the desk's to change.
                a_refs = [r for r in a.refs if not r.mention.quoted]
                b_refs = [r for r in b.refs if not r.mention.quoted]
                if not a_refs or not b_refs:
                    continue
                if _declared(documents, a, b) or _declared(documents, b, a):
                    continue  # Robert C. "Bobby" Scott: the story gives both forms
                docs_a = {r.doc for r in a_refs}
                if not docs_a & {r.doc for r in b_refs} and not (a.titles & b.titles):
                    # Across stories, only the same office named both ways
                    # (Police Chief Ed Flynn / Police Chief Edward Flynn) is
                    # worth a look; otherwise the second form is a paper's
                    # style (Robert Dole in a formal story) or another man.
                    continue
                # Reported once, at the first use of the form used less (the
                # one the desk departed from); on a tie, the form that came in
                # last. Every other use is a related place.
                first_a = (a_refs[0].doc, a_refs[0].mention.start)
                first_b = (b_refs[0].doc, b_refs[0].mention.start)
                if (len(a_refs), first_b) < (len(b_refs), first_a):
                    here, other, here_refs, other_refs = a, b, a_refs, b_refs
                else:
                    here, other, here_refs, other_refs = b, a, b_refs, a_refs
                first = other_refs[0]
                where = place(documents[first.doc], first.mention.start)
                uses = len(other_refs)
                ref = here_refs[0]
                related = [
                    related_at(
                        documents[r.doc], r.mention.start, r.mention.end, f'"{here.key}" again here'
                    )
                    for r in here_refs[1:5]
                ]
                related += [
                    related_at(
                        documents[r.doc], r.mention.start, r.mention.end, f'"{other.key}" here'
                    )
                    for r in other_refs[:5]
                ]
                count = f" ({len(here_refs)} uses)" if len(here_refs) > 1 else ""
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


def _declared(documents: Sequence[Document], full: Name, short: Name) -> bool:
    """Whether some story writes the one form with the other in quotation
    marks inside the name (Robert C. "Bobby" Scott): the paper says which
    name the person goes by, and both forms are then its own style."""
    pattern = re.compile(rf"[\"“‘']{re.escape(short.given)}[\"”’']")
    return any(
        pattern.search(documents[r.doc].text, r.mention.start, r.mention.end) for r in full.refs
    )


RULE = NameAlias
