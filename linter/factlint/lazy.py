"""Patterns compiled when first used, not when their module is imported.

A pre-commit run checks one story with the rules a project selects; compiling
every pattern of every extractor and rule at import (``regex`` parses a long
alternation in Python, several milliseconds each) would make that run pay for
patterns it never reaches. ``lazy.regex(...)`` and ``lazy.re(...)`` return a
stand-in that compiles on its first attribute access and then keeps the
compiled pattern's methods as its own attributes, so later calls cost one
instance-attribute look-up, as a module global does.
"""

from __future__ import annotations

import re as _re
from collections.abc import Callable
from typing import Any, cast

import regex as _regex

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
        compiled = compile(source, flags)
        for attr in _FORWARD:
            if hasattr(compiled, attr):
                self.__dict__[attr] = getattr(compiled, attr)
        self.__dict__["compiled"] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.__dict__['_lazy'][1]!r})"


def regex(source: str, flags: int = 0) -> _regex.Pattern[str]:
    """Like ``regex.compile(source, flags)``, compiled on first use."""
    return cast("_regex.Pattern[str]", LazyPattern(_regex.compile, source, flags))


def re(source: str, flags: int = 0) -> _re.Pattern[str]:
    """Like ``re.compile(source, flags)``, compiled on first use."""
    return cast("_re.Pattern[str]", LazyPattern(_re.compile, source, flags))
