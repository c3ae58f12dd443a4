"""Patterns compiled when first used, not when their module is imported, and
kept compiled between runs.

A pre-commit run checks one story with the rules a project selects; compiling
every pattern of every extractor and rule at import (``regex`` parses a long
alternation in Python, several milliseconds each) would make that run pay for
patterns it never reaches. ``lazy.regex(...)`` and ``lazy.re(...)`` return a
stand-in that compiles on its first attribute access and then keeps the
compiled pattern's methods as its own attributes, so later calls cost one
instance-attribute look-up, as a module global does.

Even the patterns a run does reach took a third of a cold run's time to
compile. So the result of compiling (what the engines build a pattern object
from, no code) is kept in a per-user cache file, as Python keeps bytecode:
``regex`` patterns by the data they pickle with (``Pattern._pickled_data``,
the arguments of ``_regex.compile``, which is how ``regex`` itself unpickles a
pattern), stdlib ``re`` patterns by the arguments of ``_sre.compile``, checked
equal to ``re.compile``'s own pattern (same flags, same code) before they are
stored. The file is JSON (reading it never runs code), named by the
interpreter and factlint's version, and holds a stamp (each engine's magic
number and code size, and the length and CRC-32 of the ``regex`` package's
Python files, which change with its version), which must match or the file
is ignored and then rewritten; entries are keyed by the pattern's source and
flags, so a changed pattern simply misses. A run whose patterns all come
from the file loads only the ``regex`` engine, not the package and its
parser (see :func:`_engine`).
It lives in ``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else
``~/.cache/factlint``; a folder or file that another user owns or could write
is not used. ``FACTLINT_NO_CACHE=1`` turns the cache off. New entries are
written once, when the process exits, atomically (a temporary file renamed);
other versions' files that no run has written for a month are then removed.
"""

from __future__ import annotations

import array
import binascii
import contextlib
import importlib
import json
import os
import re as _re
import sys
from collections.abc import Callable

from factlint import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, cast

    import regex as _regex
else:

    def cast(_kind: object, value: object) -> object:  # typing.cast, without importing typing
        return value


#: ``regex`` flags, as the package defines them (a test holds them equal): a
#: module can name them without importing the package (see :func:`_engine`).
REGEX_I = 0x2
REGEX_V1 = 0x100


def package_spec(name: str) -> Any:
    """The module spec of top-level package ``name`` as ``import`` would find
    it (through ``sys.meta_path``, so an editable install's finder too), or
    None; without importing the package, nor ``importlib.util`` (whose
    ``find_spec`` does the same, for a millisecond of a pre-commit run)."""
    module = sys.modules.get(name)
    if module is not None:
        return getattr(module, "__spec__", None)
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        spec = find(name, None) if find is not None else None
        if spec is not None:
            return spec
    return None


def _engine() -> tuple[Any, tuple[Any, ...]]:
    """The ``regex`` engine (its C part, which builds a pattern object from
    compiled data) and what identifies the package's compiler.

    Importing the ``regex`` package runs its pattern parser's module, a
    tenth of a pre-commit run, which a run whose patterns all come from the
    cache never calls; so the C part is loaded alone, from the package's
    folder, under its own name (the package, imported later to compile a
    pattern, finds it loaded and uses the same module). The compiler is
    identified by the length and CRC-32 of the package's Python files (its
    parser and compiler): another version changes them and the cache is
    then ignored, while two virtualenvs with the same version share it.
    """
    from importlib import machinery

    spec = package_spec("regex")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    stamp: list[Any] = []
    for folder in folders[:1]:
        for name in ("_main.py", "_regex_core.py", "regex.py"):
            try:
                with open(os.path.join(folder, name), "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            stamp.append([name, len(data), binascii.crc32(data)])
    if not stamp:  # no sources to read (a zip, compiled files only): its version, then
        import regex

        stamp.append(["version", regex.__version__])
    loaded = sys.modules.get("regex._regex")
    if loaded is None:
        found = machinery.PathFinder.find_spec("_regex", folders) if folders else None
        if found is None or found.origin is None:
            loaded = importlib.import_module("regex._regex")  # laid out otherwise: the usual way
        else:
            loader = machinery.ExtensionFileLoader("regex._regex", found.origin)
            module_spec = machinery.ModuleSpec("regex._regex", loader, origin=found.origin)
            loaded = loader.create_module(module_spec)
            loaded.__spec__ = module_spec
            loader.exec_module(loaded)
            sys.modules["regex._regex"] = loaded
    return loaded, tuple(map(tuple, stamp))


# (untyped: the stubs know only the public API)
_REGEX_ENGINE, _REGEX_FILES = _engine()


def _sre() -> Any:
    return importlib.import_module("_sre")


_FORWARD = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)

#: Bumped when the layout of the cache file changes.
_FORMAT = 2
_MAX_ENTRIES = 2000


class LazyPattern:
    """Compiles ``source`` with ``compile`` the first time it is used."""

    def __init__(self, compile: Callable[..., Any], source: str, flags: int) -> None:
        self.__dict__["_lazy"] = (compile, source, flags)
        # The source is known without compiling: patterns built from others'
        # ``.pattern`` stay lazy too.
        self.__dict__["pattern"] = source

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not set yet: the first use.
        compile, source, flags = self.__dict__["_lazy"]
        compiled = _CACHE.compile(compile, source, flags)
        for attr in _FORWARD:
            if hasattr(compiled, attr):
                self.__dict__[attr] = getattr(compiled, attr)
        self.__dict__["compiled"] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.__dict__['_lazy'][1]!r})"


def regex(source: str, flags: int = 0) -> _regex.Pattern[str]:
    """Like ``regex.compile(source, flags)``, compiled on first use."""
    return cast("_regex.Pattern[str]", LazyPattern(_regex_compile, source, flags))


def re(source: str, flags: int = 0) -> _re.Pattern[str]:
    """Like ``re.compile(source, flags)``, compiled on first use."""
    return cast("_re.Pattern[str]", LazyPattern(_re_compile, source, flags))


def compile_regex(source: str, flags: int = 0) -> _regex.Pattern[str]:
    """``regex.compile(source, flags)`` now, through the cache."""
    return cast("_regex.Pattern[str]", _CACHE.compile(_regex_compile, source, flags))


def compile_re(source: str, flags: int = 0) -> _re.Pattern[str]:
    """``re.compile(source, flags)`` now, through the cache."""
    return cast("_re.Pattern[str]", _CACHE.compile(_re_compile, source, flags))


# The module functions are looked up when called (not bound here), as
# ``regex.compile(...)`` in a module would be.
def _regex_compile(source: str, flags: int) -> Any:
    import regex

    return regex.compile(source, flags)


def _re_compile(source: str, flags: int) -> Any:
    return _re.compile(source, flags)


def cache_dir() -> str | None:
    """The folder of the pattern cache, or None when it is turned off."""
    if os.environ.get("FACTLINT_NO_CACHE", "") not in ("", "0"):
        return None
    folder = os.environ.get("FACTLINT_CACHE_DIR")
    if folder:
        return folder
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
    )
    if not base:
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "factlint")


def _stamp() -> dict[str, Any]:
    """What the cached data depends on besides each pattern's source and flags."""
    sre = _sre()
    return {
        "format": _FORMAT,
        "python": sys.version,
        "byteorder": sys.byteorder,
        "sre": [sre.MAGIC, sre.CODESIZE],
        "regex": [_REGEX_ENGINE.MAGIC, _REGEX_ENGINE.get_code_size()],
        "regex_files": [list(entry) for entry in _REGEX_FILES],
        "factlint": __version__,
    }


def _file_name() -> str:
    tag = sys.implementation.cache_tag or "python"
    raw = f"patterns-{tag}-factlint{__version__}.json"
    return "".join(c if c.isalnum() or c in ".-_" else "_" for c in raw)


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (always so where there are no uids)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


class _PatternCache:
    def __init__(self) -> None:
        self._entries: dict[str, list[Any]] | None = None  # None: not read yet
        self._new: dict[str, list[Any]] = {}
        self._path: str | None = None

    def compile(self, compile: Callable[..., Any], source: str, flags: int) -> Any:
        if compile is _regex_compile:
            kind = "regex"
        elif compile is _re_compile:
            kind = "re"
        else:
            return compile(source, flags)
        flags = int(flags)
        key = f"{kind}\x00{flags}\x00{source}"
        entries = self._read() if self._entries is None else self._entries
        data = entries.get(key)
        if data is not None:
            try:
                return _build(kind, source, data)
            except Exception:  # a file from elsewhere: compile as if it were absent
                entries.pop(key, None)
        compiled = compile(source, flags)
        if self._path is not None:
            data = _data(kind, source, flags, compiled)
            if data is not None:
                if not self._new:
                    import atexit

                    atexit.register(self.write)
                self._new[key] = entries[key] = data
        return compiled

    def _read(self) -> dict[str, list[Any]]:
        self._entries = {}
        folder = cache_dir()
        if folder is None:
            return self._entries
        self._path = os.path.join(folder, _file_name())
        loaded = _load(self._path)
        if loaded is not None:
            self._entries = loaded
        return self._entries

    def write(self) -> None:
        """Add this process's new entries to the file (run at exit)."""
        path, new = self._path, self._new
        self._new = {}
        if path is None or not new:
            return
        folder = os.path.dirname(path)
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            if not _private(os.stat(folder)):
                return
            entries = _load(path) or {}
            if len(entries) + len(new) > _MAX_ENTRIES:
                entries = {}  # patterns of older checkouts: start again
            entries.update(new)
            text = json.dumps(
                {"stamp": _stamp(), "entries": entries}, ensure_ascii=False, separators=(",", ":")
            )
            temporary = f"{path}.{os.getpid()}.tmp"
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
            _prune(folder, os.path.basename(path))
        except Exception:  # at exit: never an error; a cache that cannot be written is only slower
            pass


#: Another version's cache file (or a writer's leftover) unused for this long is removed.
PRUNE_AFTER = 30 * 24 * 3600


def _prune(folder: str, keep: str) -> None:
    """Remove the cache files of other factlint, Python or ``regex``
    versions that no run has written for :data:`PRUNE_AFTER` seconds (an
    upgrade leaves its predecessor's file behind; a version still in use
    elsewhere rewrites its file when it compiles something new, and one
    pruned by mistake is only compiled again)."""
    import time

    old = time.time() - PRUNE_AFTER
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name == keep or not name.startswith("patterns-"):
                continue
            if not name.endswith((".json", ".tmp")) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime < old:
                    os.unlink(entry.path)


def _load(path: str) -> dict[str, list[Any]] | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            folder = os.stat(os.path.dirname(path))
            if not (_private(st) and _private(folder)):
                return None
            loaded = json.loads(fh.read().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(loaded, dict) or loaded.get("stamp") != _stamp():
        return None
    entries = loaded.get("entries")
    return entries if isinstance(entries, dict) else None


def _data(kind: str, source: str, flags: int, compiled: Any) -> list[Any] | None:
    """What to store for ``compiled`` (None: it cannot be stored)."""
    try:
        if kind == "regex":
            (_, pflags, code, group_index, index_group, named_lists, named_list_indexes,
             req_offset, req_chars, req_flags, group_count) = compiled._pickled_data  # fmt: skip
            import regex  # compiled just now: imported

            if named_lists or named_list_indexes or pflags & regex.LOCALE:
                return None
            data = [
                pflags,
                _b64(code),
                group_index,
                sorted(index_group.items()),
                req_offset,
                list(req_chars),
                req_flags,
                group_count,
            ]
        else:
            arguments = _sre_arguments(source, flags)
            if arguments is None or compiled.flags & _re.LOCALE:
                return None
            data = arguments
        # Stored only if what the file gives back is the same pattern.
        rebuilt = _build(kind, source, json.loads(json.dumps(data)))
        if kind == "regex":
            same = rebuilt._pickled_data == compiled._pickled_data
        else:
            same = rebuilt == compiled and rebuilt.groupindex == compiled.groupindex
        return data if same else None
    except Exception:
        return None


def _sre_arguments(source: str, flags: int) -> list[Any] | None:
    """The arguments ``re.compile`` gives ``_sre.compile`` (after the source)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if flags & _re.DEBUG:
        return None
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = array.array("I", code)
    if words.itemsize != _sre().CODESIZE:
        return None
    words_b64 = _b64(words.tobytes())
    return [flags | parsed.state.flags, words_b64, parsed.state.groups - 1, groupindex, indexgroup]


def _build(kind: str, source: str, data: list[Any]) -> Any:
    if kind == "regex":
        pflags, code, group_index, index_group, req_offset, req_chars, req_flags, groups = data
        return _REGEX_ENGINE.compile(
            source,
            pflags,
            binascii.a2b_base64(code),
            group_index,
            {int(i): name for i, name in index_group},
            {},
            [],
            req_offset,
            tuple(req_chars),
            req_flags,
            groups,
        )
    pflags, code, groups, groupindex, indexgroup = data
    words = array.array("I")
    words.frombytes(binascii.a2b_base64(code))
    return _sre().compile(source, pflags, words.tolist(), groups, groupindex, tuple(indexgroup))


def _b64(data: bytes) -> str:
    return binascii.b2a_base64(data, newline=False).decode("ascii")


_CACHE = _PatternCache()
