"""The engine's own plugin: readers, the shared extractors, the reporters and
the rules about suppression comments (which only the engine can check)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factlint.hookspecs import hookimpl

if TYPE_CHECKING:
    from factlint.facts import Extractor
    from factlint.readers import Reader
    from factlint.report import Report
    from factlint.rules import Rule


@hookimpl
def factlint_rules() -> Sequence[type[Rule]]:
    from factlint.suppression_rules import UnknownSuppressionCode, UnusedSuppression

    return [UnusedSuppression, UnknownSuppressionCode]


@hookimpl
def factlint_readers() -> Sequence[Reader]:
    from factlint.readers import PlainTextReader
    from factlint.readers.markdown import MarkdownReader

    return [MarkdownReader(), PlainTextReader()]


@hookimpl
def factlint_extractors() -> Sequence[Extractor]:
    from factlint.facts.acronyms import AcronymExtractor
    from factlint.facts.dates import DateExtractor
    from factlint.facts.links import LinkExtractor
    from factlint.facts.people import PeopleExtractor
    from factlint.facts.quotes import QuoteExtractor

    return [
        LinkExtractor(),
        AcronymExtractor(),
        PeopleExtractor(),
        DateExtractor(),
        QuoteExtractor(),
    ]


@hookimpl
def factlint_reporters() -> dict[str, Callable[[Report], str]]:
    from factlint.reporters import concise, github, gitlab, html, json_report, junit, sarif, text

    return {
        "text": text.render,
        "concise": concise.render,
        "json": json_report.render,
        "sarif": sarif.render,
        "github": github.render,
        "gitlab": gitlab.render,
        "junit": junit.render,
        "html": html.render,
    }
