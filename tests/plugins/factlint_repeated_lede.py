"""A third-party plugin, as a newsroom would write one: one corpus rule.

Loaded in tests through ``plugins:`` / ``plugin-paths:`` in ``.factlint.yml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlint import CorpusRule, Finding, Severity, hookimpl
from factlint.rules import Corpus, Rule, related_at


class RepeatedLede(CorpusRule):
    """Two stories open with the same first sentence.

    **What it flags.** A story whose first sentence is word for word the
    first sentence of another story in the run.

    **Why.** A copied lede usually means a draft was started from another
    story and not rewritten.

    **Example.** Two drafts both opening "Immigrant rights groups are
    accusing Milwaukee leaders ...".

    **Fix.** Rewrite the lede of the newer story.
    """

    code = "XT101"
    name = "repeated-lede"
    severity = Severity.WARNING

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        first_seen: dict[str, tuple[object, int, int]] = {}
        for document, _facts in corpus:
            text = document.prose
            start = len(text) - len(text.lstrip())
            end = text.find(".", start)
            if end < 0:
                continue
            lede = " ".join(text[start:end].split()).lower()
            if lede in first_seen:
                other, o_start, o_end = first_seen[lede]
                yield self.finding(
                    document,
                    start,
                    end + 1,
                    "this story opens with the same sentence as another",
                    related=[related_at(other, o_start, o_end, "the same lede here")],  # type: ignore[arg-type]
                )
            else:
                first_seen[lede] = (document, start, end + 1)


@hookimpl
def factlint_rules() -> Sequence[type[Rule]]:
    return [RepeatedLede]
