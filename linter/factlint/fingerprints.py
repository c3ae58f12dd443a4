"""Fingerprints that identify a finding across edits.

Built from the rule code, the file and the normalised text the finding is
about (never its line number), plus an occurrence counter for repeats of the
same text, so moving or editing other paragraphs keeps a finding's identity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factlint.findings import Finding

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return str(_SPACE.sub(" ", text)).strip().casefold()


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in order."""
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    out: list[str] = []
    for f in findings:
        key = (f.code, f.location.path, normalise(f.subject))
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha256(
            "\x1f".join((*key, str(n))).encode("utf-8", "surrogateescape")
        ).hexdigest()
        out.append(digest[:32])
    return out
