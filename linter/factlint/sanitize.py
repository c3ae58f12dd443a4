"""What reaches a terminal or a report file: no control characters, valid text.

A document or a file name may hold control characters (ESC, OSC, BEL, NUL):
printed raw they retitle or reprogram the user's terminal, and in XML they
make the report invalid. A file name that is not valid UTF-8 arrives from the
operating system with surrogate escapes (PEP 383), which no UTF-8 writer
accepts. Every path and message factlint shows goes through :func:`clean`,
which writes both as visible escapes: ``\\x1b``, ``\\x07``, and ``\\xff`` for
the undecodable byte 0xFF (as ruff and Python's ``backslashreplace`` do).
"""

from __future__ import annotations

import re

from factlint import lazy, records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# C0 controls, DEL, C1 controls and lone surrogates. Tab and newline are kept
# in messages (``keep_lines``), never in paths.
_UNSAFE = lazy.re(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_PATH = lazy.re(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ESCAPED_BYTE = lazy.re(r"\\x([0-9a-f]{2})")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    if code > 0xFF:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def clean(text: str) -> str:
    """``text`` with control characters and surrogates as visible escapes;
    tabs and line breaks are kept."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def clean_path(path: str) -> str:
    """A file name for display: every control character escaped, even a line break."""
    return _UNSAFE_PATH.sub(_escape, path) if _UNSAFE_PATH.search(path) else path


def path_bytes(shown: str) -> bytes:
    """The bytes of a file name from its :func:`clean_path` form (``\\xff`` → 0xFF)."""
    out = bytearray()
    cursor = 0
    for m in _ESCAPED_BYTE.finditer(shown):
        out += shown[cursor : m.start()].encode("utf-8")
        out.append(int(m.group(1), 16))
        cursor = m.end()
    out += shown[cursor:].encode("utf-8")
    return bytes(out)


def clean_report(report: Any) -> Any:
    """The report with every path and message cleaned (a no-op for clean text)."""
    from factlint.findings import Related

    def location(loc: Any) -> Any:
        shown = clean_path(loc.path)
        return loc if shown == loc.path else records.replace(loc, path=shown)

    findings = tuple(
        records.replace(
            f,
            message=clean(f.message),
            location=location(f.location),
            related=tuple(Related(location(r.location), clean(r.message)) for r in f.related),
        )
        for f in report.findings
    )
    return records.replace(
        report,
        findings=findings,
        files=tuple(clean_path(p) for p in report.files),
        errors=tuple(clean(e) for e in report.errors),
        notices=tuple(clean(n) for n in report.notices),
        texts={clean_path(p): t for p, t in report.texts.items()},
        facts={clean_path(p): f for p, f in report.facts.items()},
    )
