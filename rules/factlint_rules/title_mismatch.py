"""One person given conflicting formal titles.

**What it flags.** A person called by two different formal titles before
the name ("Police Chief Edward Flynn" and "Sheriff Edward Flynn", "Sen.
Jones" and "Rep. Jones") in one story, or in stories of the run published
within ``window-days`` of each other (default 30; stories with no date are
compared with each other). Titles compare by kind, so "Milwaukee County
Sheriff" and "Sheriff" agree, as do "Gov." and "Governor"; titles with
"former" are left alone, and so are roles after a name (a person can be a
senator and a committee chair).

**Why.** A wrong title is a factual error, and a common one when a story is
written from older copy.

**Example.** "Sen. Tammy Baldwin" in the lede, "Rep. Baldwin" later.

**Fix.** Check the person's current title and use it everywhere.

**Options.** ``window-days``: how far apart two stories' publication dates
may be for their titles to be compared.
"""

from __future__ import annotations

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
            titled: list[Ref] = [
                ref
                for name in person.names
                for ref in name.refs
                if ref.mention.title_key and "former" not in (ref.mention.title or "").lower()
            ]
            titled += [
                ref
                for ref in person.surname_refs
                if ref.mention.title_key and "former" not in (ref.mention.title or "").lower()
            ]
            titled.sort(key=lambda r: (r.doc, r.mention.start))
            reported: set[tuple[int, int]] = set()
            for i, ref in enumerate(titled):
                for earlier in titled[:i]:
                    if earlier.mention.title_key == ref.mention.title_key:
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


RULE = TitleMismatch
