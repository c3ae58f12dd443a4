"""Loading plugins and collecting what they contribute into one Registry."""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

from factlint import hookspecs
from factlint.errors import FatalError
from factlint.records import record

if TYPE_CHECKING:
    from factlint.facts import Extractor
    from factlint.readers import Reader
    from factlint.report import Report
    from factlint.rules import Rule

# The engine's own plugins: readers, the link extractor, reporters. Built-in
# rules are not here; they arrive through the entry point like any plugin's.
ENGINE_PLUGINS = ("factlint.builtin",)

_CODE = re.compile(r"^[A-Z]{1,5}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@record(frozen=True)
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
    for ep_name, target in entry_points("factlint"):
        if pm.has_plugin(ep_name):
            continue
        module_name, _, attr = target.partition(":")
        try:
            plugin: object = importlib.import_module(module_name.strip())
            for part in filter(None, attr.strip().split(".")):
                plugin = getattr(plugin, part)
        except (ImportError, AttributeError) as exc:
            raise FatalError(f"cannot load plugin {ep_name!r} ({target}): {exc}") from None
        pm.register(plugin, ep_name)
    for name in plugins:
        if pm.has_plugin(name):
            continue
        try:
            module = _load_local(name, plugin_paths) or importlib.import_module(name)
        except ImportError as exc:
            raise FatalError(f"cannot import plugin {name!r}: {exc}") from None
        pm.register(module, name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise FatalError(f"plugin error: {exc}") from None
    return _collect(pm)


def _load_local(name: str, folders: Sequence[Path]) -> object | None:
    """Load plugin ``name`` from ``folder/name.py`` or ``folder/name/__init__.py``
    by its file path, under its own module name, without touching ``sys.path``
    (so a repository's ``difflib.py`` never shadows the real library)."""
    import importlib.util

    if not folders or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        return None
    if name in sys.modules:
        return sys.modules[name]
    for folder in folders:
        for candidate, package in (
            (folder / f"{name}.py", False),
            (folder / name / "__init__.py", True),
        ):
            if not candidate.is_file():
                continue
            spec = importlib.util.spec_from_file_location(
                name,
                candidate,
                submodule_search_locations=[str(candidate.parent)] if package else None,
            )
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
            return module
    return None


def entry_points(group: str) -> list[tuple[str, str]]:
    """``(name, "module:attr")`` of every installed entry point in ``group``.

    The same answer as ``importlib.metadata.entry_points(group=...)`` (a test
    holds them equal), read straight from the ``entry_points.txt`` files:
    importing ``importlib.metadata`` alone costs a pre-commit run ~20 ms.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            # "name-1.0.dist-info", or "name.egg-info" (a source tree's, no version).
            stem = name.rsplit(".", 1)[0]
            project = stem.split("-", 1)[0].lower().replace("_", "-").replace(".", "-")
            if project in seen:
                continue  # the first copy on sys.path wins, as at import
            try:
                with open(
                    os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8"
                ) as fh:
                    text = fh.read()
            except OSError:
                seen.add(project)
                continue
            seen.add(project)
            found.extend(_section(text, group))
    return found


def _section(text: str, group: str) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            key, _, value = line.partition("=")
            entries.append((key.strip(), value.strip()))
    return entries


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
