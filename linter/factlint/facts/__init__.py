"""Facts: what extractors find in a document, computed once, read by rules.

An extractor is any object with a ``name`` (the key its facts go under), a
tuple ``requires`` of other extractors' names it reads, and
``extract(document, facts) -> list``. Each fact is a frozen record
(:mod:`factlint.records`) of plain values (str, int, float, bool, None,
tuples and lists of those), so facts can be shown as JSON, compared and sent
between processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from factlint import records
from factlint.document import Document
from factlint.errors import FatalError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol
else:
    Protocol = object  # what the protocol promises is for type checkers only


class Extractor(Protocol):
    name: str
    requires: tuple[str, ...]

    def extract(self, document: Document, facts: Facts) -> list[Any]: ...


class Facts(Mapping[str, "list[Any]"]):
    """The facts of one document, by extractor name."""

    def __init__(self, values: dict[str, list[Any]] | None = None) -> None:
        self._values: dict[str, list[Any]] = values if values is not None else {}

    def __getitem__(self, name: str) -> list[Any]:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def get_list(self, name: str) -> list[Any]:
        """The facts under ``name``, or an empty list if that extractor did not run."""
        return self._values.get(name, [])

    def to_dict(self) -> dict[str, list[Any]]:
        return {name: [fact_to_dict(f) for f in facts] for name, facts in self._values.items()}


def fact_to_dict(fact: Any) -> Any:
    if records.is_record(fact) and not isinstance(fact, type):
        return {f.name: fact_to_dict(getattr(fact, f.name)) for f in records.fields(fact)}
    if isinstance(fact, (list, tuple)):
        return [fact_to_dict(x) for x in fact]
    if isinstance(fact, dict):
        return {str(k): fact_to_dict(v) for k, v in fact.items()}
    return fact


def extraction_order(extractors: Mapping[str, Extractor], wanted: Iterable[str]) -> list[str]:
    """Names to run, dependencies first; unknown names are a FatalError."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str, needed_by: str | None) -> None:
        if name in order:
            return
        if name not in extractors:
            who = f" (needed by {needed_by})" if needed_by else ""
            raise FatalError(f"no extractor provides facts {name!r}{who}")
        if name in visiting:
            raise FatalError(f"extractor {name!r} depends on itself")
        visiting.add(name)
        for dep in extractors[name].requires:
            visit(dep, name)
        visiting.discard(name)
        order.append(name)

    for name in wanted:
        visit(name, None)
    return order


def extract_facts(
    document: Document, extractors: Mapping[str, Extractor], order: list[str]
) -> Facts:
    facts = Facts()
    for name in order:
        facts._values[name] = list(extractors[name].extract(document, facts))
    return facts
