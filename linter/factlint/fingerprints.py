"""Fingerprints that identify a finding across edits.

Built from the rule code, the file (relative to the project root, so a
baseline matches from any working directory) and the normalised text the finding is
about (never its line number), plus an occurrence counter for repeats of the
same text, so moving or editing other paragraphs keeps a finding's identity.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from factlint.findings import Finding

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return str(_SPACE.sub(" ", text)).strip().casefold()


def project_path(path: str, root: str | os.PathLike[str] | None) -> str:
    """``path`` relative to the project ``root``, with ``/``: the same file has
    the same name whether it was given as ``stories/a.md``, ``../x/stories/a.md``
    or an absolute path. A file outside the root keeps its absolute path."""
    if root is None or path == "<stdin>":
        return path
    full = os.path.realpath(path)
    base = os.path.realpath(root)
    try:
        if os.path.commonpath([full, base]) != base:
            return full.replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return full.replace(os.sep, "/")
    return os.path.relpath(full, base).replace(os.sep, "/")


def fingerprints(
    findings: Iterable[Finding], root: str | os.PathLike[str] | None = None
) -> list[str]:
    """One fingerprint per finding, in order; paths count relative to ``root``."""
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    out: list[str] = []
    names: dict[str, str] = {}
    for f in findings:
        path = f.location.path
        if path not in names:
            names[path] = project_path(path, root)
        key = (f.code, names[path], normalise(f.subject))
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha256(
            "\x1f".join((*key, str(n))).encode("utf-8", "surrogateescape")
        ).hexdigest()
        out.append(digest[:32])
    return out
