"""Every hook a factlint plugin can implement, in one place.

A plugin is a module (or object) with functions marked ``@factlint.hookimpl``
named like the specs below. Plugins are found through the ``factlint``
entry-point group, or listed under ``plugins:`` in the config. A misspelled
hook name is an error, not a silent no-op.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from factlint.facts import Extractor
    from factlint.readers import Reader
    from factlint.report import Report
    from factlint.rules import Rule

hookspec = pluggy.HookspecMarker("factlint")
hookimpl = pluggy.HookimplMarker("factlint")


@hookspec
def factlint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin contributes.

    Each class subclasses :class:`factlint.DocumentRule` or
    :class:`factlint.CorpusRule` and has a unique ``code`` and ``name``. A
    corpus rule compares drafts with an archive (``factlint index``) by
    returning lookup keys from :meth:`factlint.CorpusRule.archive_keys`; one
    that does not still works on the files of the run.
    """
    raise NotImplementedError


@hookspec
def factlint_extractors() -> Sequence[Extractor]:
    """Return fact extractors; each ``name`` must be unique across plugins."""
    raise NotImplementedError


@hookspec
def factlint_readers() -> Sequence[Reader]:
    """Return readers for more file formats (chosen by file suffix)."""
    raise NotImplementedError


@hookspec
def factlint_reporters() -> dict[str, Callable[[Report], str]]:
    """Return output formats: a name for ``--format`` mapped to a pure
    function from a :class:`factlint.report.Report` to text."""
    raise NotImplementedError
