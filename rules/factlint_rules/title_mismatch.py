"""One person given conflicting formal titles.

**What it flags.** A person called by two different formal titles before
the name ("Police Chief Edward Flynn" and "Sheriff Edward Flynn", "Sen.
Jones" and "Rep. Jones") in one story, or in stories of the run published
within ``window-days`` of each other (default 30; stories with no date are
compared with each other). A title and surname alone ("Rep. Jones") is
compared only with the full name in its own story, since it may be a
relative, and "President" and a surname alone is not compared at all
("President Bush" in a story about Gov. Jeb Bush). Titles compare
by kind, so "Milwaukee County Sheriff" and "Sheriff" agree, as do "Gov."
and "Governor"; titles with "former", "then-" or "ex-" are left alone, as
are titles in quotations (the speaker's words), titles held together
(Speaker and Rep.), and roles after a name (a person can be a senator and
a committee chair).

**Why.** A wrong title is a factual error, and a common one when a story is
written from older copy.

**Example.** "Sen. Tammy Baldwin" in the lede, "Rep. Baldwin" later.

**Fix.** Check the person's current title and use it everywhere.

**Options.** ``window-days``: how far apart two stories' publication dates
may be for their titles to be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from factlint import CorpusRule, Finding, Severity
from factlint.facts.identity import Ref, people_index
from factlint.rules import Corpus, place, related_at


class TitleMismatch(CorpusRule):
    code = "FL104"
    name = "title-mismatch"
    severity = Severity.WARNING
    requires = ("people",)
    options: ClassVar[Mapping[str, Any]] = {"window_days": 30}

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        index = people_index(corpus, self.config)
        documents = corpus.documents
        window = int(self.settings["window_days"])
        for person in index.people:
            refs = [ref for name in person.names for ref in name.refs] + person.surname_refs
            titled = [ref for ref in refs if _current_title(documents[ref.doc].text, ref)]
            titled.sort(key=lambda r: (r.doc, r.mention.start))
            reported: set[tuple[int, int]] = set()
            for i, ref in enumerate(titled):
                for earlier in titled[:i]:
                    pair = frozenset((earlier.mention.title_key, ref.mention.title_key))
                    if len(pair) == 1 or pair in _COMPATIBLE:
                        continue
                    if not _anchored(earlier, ref):
                        continue
                    if not self._comparable(documents[earlier.doc], documents[ref.doc], window):
                        continue
                    key = (ref.doc, ref.mention.start)
                    if key in reported:
                        continue
                    reported.add(key)
                    document = documents[ref.doc]
                    start = document.text.rfind(ref.mention.title or "", 0, ref.mention.start)
                    start = ref.mention.start if start < 0 else start
                    other = documents[earlier.doc]
                    yield self.finding(
                        document,
                        start,
                        ref.mention.end,
                        f'"{ref.mention.title}" here, but "{earlier.mention.title}" in'
                        f" {place(other, earlier.mention.start)}: one person, two titles",
                        related=[
                            related_at(
                                other,
                                earlier.mention.start,
                                earlier.mention.end,
                                f'called "{earlier.mention.title}" here',
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
# Titles kept after leaving office, so a title and surname alone may be a
# relative who held it.
_KEPT_FOR_LIFE = frozenset({"president"})
# "former Gov.", "then-Arkansas Gov.", "ex-Sen.": a past title, not a conflict.
_PAST_TITLE = re.compile(r"\b(?:former|then|ex|onetime|one-time|late)(?:[- ]\S*)?\s*$", re.I)


def _current_title(text: str, ref: Ref) -> bool:
    """A formal title the story gives the person now, in its own words."""
    mention = ref.mention
    if not mention.title_key or mention.quoted:
        return False  # "President Bernie Sanders," chanted the crowd
    title = mention.title or ""
    if "former" in title.lower():
        return False
    if mention.kind != "full" and mention.title_key in _KEPT_FOR_LIFE:
        return False  # "President Bush" in a story about Gov. Jeb Bush: his brother
    start = text.rfind(title, 0, mention.start) if title else mention.start
    before = text[max(0, start - 25) : max(0, start)]
    return not _PAST_TITLE.search(before)


def _anchored(a: Ref, b: Ref) -> bool:
    """A surname alone ("President Bush") may be a relative of the person
    named in full ("Gov. Jeb Bush"): it is compared only with a full name in
    its own story, never with another lone surname or another story."""
    full_a, full_b = a.mention.kind == "full", b.mention.kind == "full"
    if a.doc != b.doc:
        return full_a and full_b
    return full_a or full_b


RULE = TitleMismatch
