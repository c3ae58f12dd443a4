"""Applying safe fixes: ``--fix`` writes, ``--diff`` only shows.

A file is written only when asked, only with fixes a rule marked safe, and
atomically: the new text goes to a temporary file in the same folder, which
then replaces the original (``os.replace``). The encoding (UTF-8, with the
byte-order mark if the file had one), line endings and permission bits are
kept. If the file changed since factlint read it, it is left alone.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from factlint.document import Document
from factlint.findings import Edit, Finding
from factlint.sanitize import clean_path


@dataclass
class FixPlan:
    """The new text of each file, and the findings each plan fixes."""

    texts: dict[str, str] = field(default_factory=dict)
    fixed: list[Finding] = field(default_factory=list)


def plan_fixes(findings: Sequence[Finding], documents: Sequence[Document]) -> FixPlan:
    by_path = {d.path: d for d in documents}
    chosen: dict[str, list[tuple[Edit, Finding]]] = {}
    for finding in findings:
        if finding.fix is None or not finding.fix.safe or finding.location.path not in by_path:
            continue
        chosen.setdefault(finding.location.path, []).extend((e, finding) for e in finding.fix.edits)
    plan = FixPlan()
    for path, edits in chosen.items():
        text = by_path[path].text
        edits.sort(key=lambda pair: (pair[0].start, pair[0].end))
        pieces: list[str] = []
        cursor = 0
        fixed: list[Finding] = []
        for edit, finding in edits:
            if edit.start < cursor:
                continue  # overlaps an earlier edit: leave it for the next run
            pieces.append(text[cursor : edit.start])
            pieces.append(edit.replacement)
            cursor = edit.end
            if finding not in fixed:
                fixed.append(finding)
        pieces.append(text[cursor:])
        new_text = "".join(pieces)
        if new_text != text:
            plan.texts[path] = new_text
            plan.fixed.extend(fixed)
    return plan


def unified_diff(plan: FixPlan, documents: Sequence[Document]) -> str:
    by_path = {d.path: d for d in documents}
    out: list[str] = []
    for path, new_text in sorted(plan.texts.items()):
        old = by_path[path].text.splitlines(keepends=True)
        new = new_text.splitlines(keepends=True)
        shown = clean_path(path)
        out.extend(difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"))
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


class FileChangedError(Exception):
    pass


def write_atomically(document: Document, new_text: str) -> None:
    """Replace the file with ``new_text``; refuse if it changed since it was read."""
    path = document.path
    with open(path, "rb") as handle:
        current = handle.read()
    original = (b"\xef\xbb\xbf" if document.bom else b"") + document.text.encode("utf-8")
    if current != original:
        raise FileChangedError(f"{path}: changed since factlint read it; not fixed (run again)")
    data = (b"\xef\xbb\xbf" if document.bom else b"") + new_text.encode("utf-8")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=".factlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
