"""Base classes for rules. A plugin's rule subclasses one of them.

A rule's documentation is the docstring of the module it lives in (what it
flags, why, an example, the fix), or of the rule class when a plugin keeps
several rules in one module; its first line is the summary ``factlint
rules`` shows. ``factlint explain CODE`` prints the whole of it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence

from factlint.findings import Finding, Fix, Location, Related, Severity
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

    from factlint.config import Config
    from factlint.document import Document
    from factlint.facts import Facts


class Rule:
    """What every rule declares. Subclass DocumentRule or CorpusRule."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    default_enabled: ClassVar[bool] = True
    #: Whether the rule makes network requests. Such a rule is off by default
    #: and selected only by its own code or name, never by ``ALL`` or a
    #: prefix (see :mod:`factlint.selection`).
    network: ClassVar[bool] = False
    #: Names of the facts (extractors) the rule reads.
    requires: ClassVar[tuple[str, ...]] = ()
    #: Options a user may set under ``rules: {CODE: {...}}``, with defaults.
    options: ClassVar[Mapping[str, Any]] = {}
    #: The type of each option, checked before the rule runs: ``int``,
    #: ``float``, ``str``, ``bool``, ``list[str]``, ``list[int]``... An option
    #: not named here takes the type of its default (an empty list or tuple:
    #: a list of strings).
    option_types: ClassVar[Mapping[str, Any]] = {}
    #: Whether the rule can propose a fix marked safe.
    fixable: ClassVar[bool] = False

    def __init__(self, config: Config, options: Mapping[str, Any] | None = None) -> None:
        self.config = config
        self.settings: dict[str, Any] = {**self.options, **(options or {})}

    @classmethod
    def doc(cls) -> str:
        """The rule's own class docstring, else its module's (one rule per file)."""
        text = cls.__dict__.get("__doc__")
        if not text:
            module = sys.modules.get(cls.__module__)
            text = module.__doc__ if module else None
        return cleandoc(text or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0].strip()

    def finding(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        *,
        related: Sequence[Related] = (),
        fix: Fix | None = None,
        subject: str | None = None,
    ) -> Finding:
        """A finding of this rule at ``document.text[start:end]``."""
        return Finding(
            code=self.code,
            rule=self.name,
            message=message,
            severity=self.severity,
            location=Location(document.path, start, end),
            related=tuple(related),
            fix=fix,
            subject=subject if subject is not None else document.text[start:end],
        )


class DocumentRule(Rule):
    """A rule that looks at one document at a time."""

    def check(self, document: Document, facts: Facts) -> Iterable[Finding]:
        raise NotImplementedError


@record(frozen=True)
class Corpus:
    """Every document of the run with its facts, for corpus rules.

    ``references`` are the paths of the documents read only for comparison
    (``--reference`` and archived stories): findings on them are dropped by
    the engine, so most rules need not look; a rule whose work costs per
    document (FL404's requests) skips what only they hold.
    """

    documents: tuple[Document, ...]
    facts: tuple[Facts, ...]
    references: frozenset[str] = frozenset()

    def __iter__(self) -> Any:
        return iter(zip(self.documents, self.facts, strict=True))

    def __len__(self) -> int:
        return len(self.documents)


class CorpusRule(Rule):
    """A rule that sees the facts of every document in the run at once.

    **The archive.** ``factlint index`` stores the newsroom's published
    stories with their facts; ``factlint check --archive FILE`` then compares
    the drafts with them without reading the archive whole. A corpus rule
    takes part by returning *lookup keys* from :meth:`archive_keys`: at index
    time the keys of every story are stored (a key several rules return,
    once), and at check time every archived story that shares a key with a
    draft is loaded and put in the corpus exactly as a ``--reference``
    document is (first, in the order a walk of its folder finds it; compared
    with, never reported on, and shown as a related ``path:line``). Under a
    key more archived stories share than ``check --archive-limit`` (default
    10), the ones indexed last are loaded. Keys are blocking keys, the same ones
    the rule itself pairs candidates by (a surname's first three letters, a
    quotation's three-word shingle, two words of an event's clause): two
    stories the rule could compare must share one. A key that matches too
    much only costs time, one that misses loses findings.

    A rule that does not override :meth:`archive_keys` still works: it sees
    the drafts and whatever archived stories other rules' keys brought in.
    """

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str] | None:
        """The lookup keys of one story for this rule, or None (the default:
        the rule does not use the archive).

        Called on every story at ``factlint index`` and on every draft at
        ``factlint check --archive``, with the facts of the extractors the
        rule ``requires`` (at index time, every extractor's). Keys are plain
        strings of the rule's own making; they are hashed, so their length
        does not matter, and a collision (with another rule's key, too) only
        loads a story too many. They
        depend on the rule's options as configured when the archive was
        built: change the options, index again.
        """
        return None


def related_at(document: Document, start: int, end: int, message: str) -> Related:
    """A related location in ``document``."""
    return Related(Location(document.path, start, end), message)


def line_of(document: Document, offset: int) -> int:
    """The 1-based line of an offset, for messages that name another place."""
    return document.text.count("\n", 0, offset) + 1


def place(document: Document, offset: int) -> str:
    """``path:line`` of an offset, for messages that name another place."""
    return f"{document.path}:{line_of(document, offset)}"


def cleandoc(text: str) -> str:
    """``inspect.cleandoc``: the first line stripped on the left, the common
    indentation of the others removed, blank lines at both ends dropped.
    Every report carries each rule's summary, and importing ``inspect`` would
    cost a pre-commit run a tenth of its time (a test holds the two equal)."""
    lines = text.expandtabs().split("\n")
    margins = [len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()]
    margin = min(margins, default=0)
    lines = [lines[0].lstrip()] + [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)
