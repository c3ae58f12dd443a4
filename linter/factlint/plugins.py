"""Loading plugins and collecting what they contribute into one Registry."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy
import regex

from factlint import hookspecs
from factlint.errors import FatalError

if TYPE_CHECKING:
    from factlint.facts import Extractor
    from factlint.readers import Reader
    from factlint.report import Report
    from factlint.rules import Rule

# The engine's own plugins: readers, the link extractor, reporters. Built-in
# rules are not here; they arrive through the entry point like any plugin's.
ENGINE_PLUGINS = ("factlint.builtin",)

_CODE = regex.compile(r"^[A-Z]{1,5}[0-9]{1,4}$")
_NAME = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Registry:
    rules: dict[str, type[Rule]]
    extractors: dict[str, Extractor]
    readers: tuple[Reader, ...]
    reporters: dict[str, Callable[[Report], str]]

    def reader_for(self, path: str) -> Reader | None:
        lower = path.lower()
        for reader in self.readers:
            if lower.endswith(reader.suffixes):
                return reader
        return None

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(s for r in self.readers for s in r.suffixes)


def load_registry(plugins: Sequence[str] = (), plugin_paths: Sequence[Path] = ()) -> Registry:
    """Load engine plugins, entry-point plugins and the named ``plugins``."""
    pm = pluggy.PluginManager("factlint")
    pm.add_hookspecs(hookspecs)
    for name in ENGINE_PLUGINS:
        pm.register(importlib.import_module(name), name)
    pm.load_setuptools_entrypoints("factlint")
    for folder in plugin_paths:
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    for name in plugins:
        if pm.has_plugin(name):
            continue
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise FatalError(f"cannot import plugin {name!r}: {exc}") from None
        pm.register(module, name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise FatalError(f"plugin error: {exc}") from None
    return _collect(pm)


def _collect(pm: pluggy.PluginManager) -> Registry:
    rules: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    for batch in pm.hook.factlint_rules():
        for rule in batch:
            code, name = getattr(rule, "code", ""), getattr(rule, "name", "")
            if not _CODE.match(code):
                raise FatalError(f"rule {rule.__qualname__}: code {code!r} is not like 'FL101'")
            if not _NAME.match(name):
                raise FatalError(f"rule {code}: name {name!r} is not kebab-case")
            if code in rules and rules[code] is not rule:
                raise FatalError(
                    f"rule code {code} is defined twice"
                    f" ({rules[code].__module__}, {rule.__module__})"
                )
            if names.get(name, code) != code:
                raise FatalError(f"rule name {name!r} is used by {names[name]} and {code}")
            rules[code] = rule
            names[name] = code
    extractors: dict[str, Extractor] = {}
    for batch in pm.hook.factlint_extractors():
        for extractor in batch:
            if extractor.name in extractors:
                raise FatalError(f"two extractors provide facts {extractor.name!r}")
            extractors[extractor.name] = extractor
    readers: list[Reader] = []
    for batch in reversed(pm.hook.factlint_readers()):
        readers.extend(batch)
    reporters: dict[str, Callable[[Report], str]] = {}
    for mapping in reversed(pm.hook.factlint_reporters()):
        reporters.update(mapping)
    return Registry(
        rules=dict(sorted(rules.items())),
        extractors=extractors,
        readers=tuple(readers),
        reporters=reporters,
    )
