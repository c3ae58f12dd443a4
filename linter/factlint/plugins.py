"""Loading plugins and collecting what they contribute into one Registry."""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FunctionType, MethodType, ModuleType

from factlint import lazy
from factlint.errors import FatalError
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from factlint.facts import Extractor
    from factlint.readers import Reader
    from factlint.report import Report
    from factlint.rules import Rule

    Plugin = tuple[str, object]  # (name, module or object), as registered
    Hooks = Callable[[str], list[Any]]  # hook name -> the non-None results, in pluggy's order

# The engine's own plugins: readers, the link extractor, reporters. Built-in
# rules are not here; they arrive through the entry point like any plugin's.
ENGINE_PLUGINS = ("factlint.builtin",)

_CODE = lazy.re(r"^[A-Z]{1,5}[0-9]{1,4}$")
_NAME = lazy.re(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


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
    loaded = load_plugins(plugins, plugin_paths)
    hooks = plain_hooks(loaded)
    return _collect(hooks if hooks is not None else pluggy_hooks(loaded))


def load_plugins(plugins: Sequence[str] = (), plugin_paths: Sequence[Path] = ()) -> list[Plugin]:
    """Import every plugin of a run, in the order pluggy registers them: the
    engine's own, then the entry points, then those the config names (a name
    already loaded is not loaded twice)."""
    loaded: dict[str, object] = {}
    for name in ENGINE_PLUGINS:
        loaded[name] = importlib.import_module(name)
    for ep_name, target in entry_points("factlint"):
        if ep_name in loaded:
            continue
        module_name, _, attr = target.partition(":")
        try:
            plugin: object = importlib.import_module(module_name.strip())
            for part in filter(None, attr.strip().split(".")):
                plugin = getattr(plugin, part)
        except (ImportError, AttributeError) as exc:
            raise FatalError(f"cannot load plugin {ep_name!r} ({target}): {exc}") from None
        loaded[ep_name] = plugin
    for name in plugins:
        if name in loaded:
            continue
        try:
            module = _load_local(name, plugin_paths) or importlib.import_module(name)
        except ImportError as exc:
            raise FatalError(f"cannot import plugin {name!r}: {exc}") from None
        loaded[name] = module
    return list(loaded.items())


def pluggy_hooks(loaded: Sequence[Plugin]) -> Hooks:
    """Register the plugins with pluggy, validate them, and call hooks through it."""
    import pluggy

    from factlint import hookspecs

    pm = pluggy.PluginManager("factlint")
    pm.add_hookspecs(hookspecs)
    try:
        for name, plugin in loaded:
            pm.register(plugin, name)
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise FatalError(f"plugin error: {exc}") from None
    return lambda hook: list(getattr(pm.hook, hook)())


def plain_hooks(loaded: Sequence[Plugin]) -> Hooks | None:
    """Call the hooks as pluggy would, without loading it, when every plugin is
    a module whose hook implementations are plain: functions of no arguments,
    named like a spec, with no wrapper, ordering or ``specname`` option. pluggy
    then calls each hook's implementations newest-registered first and keeps
    the results that are not None, which is all this does (a test holds both
    ways equal). ``None`` for anything else, which pluggy handles (and
    validates: a misspelled hook is pluggy's error)."""
    from factlint import hookspecs

    specs = {name for name, value in vars(hookspecs).items() if hasattr(value, "factlint_spec")}
    impls: dict[str, list[Callable[[], Any]]] = {name: [] for name in specs}
    seen: set[int] = set()
    for _name, plugin in loaded:
        if not isinstance(plugin, ModuleType) or id(plugin) in seen:
            return None
        seen.add(id(plugin))
        for attr, value in vars(plugin).items():
            if isinstance(value, FunctionType):
                opts = getattr(value, "factlint_impl", None)
                if opts is None:
                    continue
                code = value.__code__
                if (
                    attr not in specs
                    or not isinstance(opts, dict)
                    or any(opts.get(key) for key in _OPTIONS)
                    or code.co_argcount + code.co_kwonlyargcount
                    or code.co_flags & (_VARARGS | _VARKEYWORDS)
                ):
                    return None
                impls[attr].append(value)
            elif isinstance(value, (classmethod, staticmethod, MethodType)) and (
                hasattr(value, "factlint_impl") or hasattr(value.__func__, "factlint_impl")
            ):
                return None

    def call(hook: str) -> list[Any]:
        results = (impl() for impl in reversed(impls[hook]))
        return [result for result in results if result is not None]

    return call


_OPTIONS = ("wrapper", "hookwrapper", "tryfirst", "trylast", "specname")
_VARARGS, _VARKEYWORDS = 0x04, 0x08  # inspect.CO_VARARGS, CO_VARKEYWORDS


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


def _collect(hooks: Hooks) -> Registry:
    rules: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    for batch in hooks("factlint_rules"):
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
    for batch in hooks("factlint_extractors"):
        for extractor in batch:
            if extractor.name in extractors:
                raise FatalError(f"two extractors provide facts {extractor.name!r}")
            extractors[extractor.name] = extractor
    readers: list[Reader] = []
    for batch in reversed(hooks("factlint_readers")):
        readers.extend(batch)
    reporters: dict[str, Callable[[Report], str]] = {}
    for mapping in reversed(hooks("factlint_reporters")):
        reporters.update(mapping)
    return Registry(
        rules=dict(sorted(rules.items())),
        extractors=extractors,
        readers=tuple(readers),
        reporters=reporters,
    )
