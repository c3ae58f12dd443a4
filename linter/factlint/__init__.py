"""factlint: a fact-check and source-citation linter for news writing.

The public API for plugin authors is re-exported here. Importing ``factlint``
stays cheap (a pre-commit hook starts a fresh process per run): heavy modules
are imported only when a command needs them.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "CorpusRule",
    "Document",
    "DocumentRule",
    "Edit",
    "Facts",
    "Finding",
    "Fix",
    "Location",
    "Related",
    "Severity",
    "__version__",
    "hookimpl",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from factlint.document import Document
    from factlint.facts import Facts
    from factlint.findings import Edit, Finding, Fix, Location, Related, Severity
    from factlint.hookspecs import hookimpl
    from factlint.rules import CorpusRule, DocumentRule

_LAZY = {
    "CorpusRule": "factlint.rules",
    "DocumentRule": "factlint.rules",
    "Document": "factlint.document",
    "Facts": "factlint.facts",
    "Edit": "factlint.findings",
    "Finding": "factlint.findings",
    "Fix": "factlint.findings",
    "Location": "factlint.findings",
    "Related": "factlint.findings",
    "Severity": "factlint.findings",
    "hookimpl": "factlint.hookspecs",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'factlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
