"""Which rules run: ``select``, ``extend-select``, ``ignore`` and per-file ignores.

A selector is a full code (``FL401``), a code prefix (``FL4``, ``FL40``), a
rule name (``truncated-link``) or ``ALL``. A selector that matches no rule is
an error, so a typo never silently turns a rule off.

A rule that reaches out over the network (``network = True``, such as FL404
dead-link) is selected only by its own code or name: ``ALL`` and a prefix
(``FL4``) leave it out of ``select`` and ``extend-select``, so widening a
selection never starts requests a user did not ask for. ``ignore`` and
per-file ignores match it as any other rule.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from factlint.errors import FatalError


def expand(
    selectors: Iterable[str], rules: Mapping[str, type], origin: str, *, selecting: bool = False
) -> set[str]:
    """The codes the selectors match. ``selecting`` (for ``select`` and
    ``extend-select``): ``ALL`` and prefixes leave out network rules."""
    codes: set[str] = set()
    names = {getattr(rule, "name", ""): code for code, rule in rules.items()}
    widened = {
        code for code, rule in rules.items() if not (selecting and getattr(rule, "network", False))
    }
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        if selector.upper() == "ALL":
            codes.update(widened)
            continue
        if selector in names:
            codes.add(names[selector])
            continue
        matched = {code for code in rules if code.startswith(selector.upper())}
        if not matched:
            raise FatalError(
                f"{origin}: unknown rule code or prefix {selector!r} (see 'factlint rules')"
            )
        codes.update(code for code in matched if code in widened or code == selector.upper())
    return codes


def selected_codes(
    rules: Mapping[str, type],
    select: Iterable[str] | None,
    extend_select: Iterable[str],
    ignore: Iterable[str],
    origin: str,
) -> set[str]:
    if select is None:
        chosen = {code for code, rule in rules.items() if getattr(rule, "default_enabled", True)}
    else:
        chosen = expand(select, rules, origin, selecting=True)
    chosen |= expand(extend_select, rules, origin, selecting=True)
    chosen -= expand(ignore, rules, origin)
    return chosen


def ignored_for_path(path: str, per_file_ignores: Mapping[str, set[str]]) -> set[str]:
    """Codes ignored for ``path`` (a POSIX-style path relative to the config)."""
    posix = PurePosixPath(path.replace("\\", "/"))
    codes: set[str] = set()
    for pattern, ignored in per_file_ignores.items():
        if (
            fnmatch.fnmatchcase(str(posix), pattern)
            or fnmatch.fnmatchcase(posix.name, pattern)
            or posix.match(pattern)
        ):
            codes |= ignored
    return codes
