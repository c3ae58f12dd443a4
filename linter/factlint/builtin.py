"""The engine's own plugin: readers, the shared extractors, the reporters and
the rules about suppression comments (which only the engine can check)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from factlint.hookspecs import hookimpl

TYPE_CHECKING = False
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


class _Reporter:
    """A built-in reporter, imported when first called: a run imports the one it uses."""

    def __init__(self, module: str, needs_facts: bool = False) -> None:
        self.module = f"factlint.reporters.{module}"
        self.needs_facts = needs_facts  # as the module's ``render.needs_facts`` (a test holds it)
        self._render: Callable[[Report], str] | None = None

    def __call__(self, report: Report) -> str:
        if self._render is None:
            import importlib

            self._render = importlib.import_module(self.module).render
        return self._render(report)

    def __repr__(self) -> str:
        return f"<reporter {self.module}>"


@hookimpl
def factlint_reporters() -> dict[str, Callable[[Report], str]]:
    return {
        "text": _Reporter("text"),
        "concise": _Reporter("concise"),
        "json": _Reporter("json_report"),
        "sarif": _Reporter("sarif"),
        "github": _Reporter("github"),
        "gitlab": _Reporter("gitlab"),
        "junit": _Reporter("junit"),
        "html": _Reporter("html", needs_facts=True),
    }
