"""Applying safe fixes: ``--fix`` writes, ``--diff`` only shows.

A file is written only when asked, only with fixes a rule marked safe, and
atomically: the new text goes to a temporary file in the same folder, which
then replaces the original (``os.replace``). The encoding (UTF-8, with the
byte-order mark if the file had one), line endings and permission bits are
kept. If the file changed since factlint read it, it is left alone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Callable, Sequence

from factlint.document import Document
from factlint.errors import sigterm_raises
from factlint.findings import Edit, Finding
from factlint.records import field, record
from factlint.sanitize import clean_path


@record
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
    import difflib  # only for --diff: a run that writes its report to a file needs none

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


def write_atomically(document: Document, new_text: str, path: str | None = None) -> None:
    """Replace the file with ``new_text``; refuse if it changed since it was read.

    A symbolic link is followed and its target fixed; a file with several
    hard links is rewritten in place so every link sees the fix; owner, group
    and permission bits are kept; a file the user may not write is refused;
    the content is checked again just before the replace.
    """
    target = os.path.realpath(path or document.path)
    original = (b"\xef\xbb\xbf" if document.bom else b"") + document.text.encode("utf-8")
    shown = document.path

    def check() -> None:
        with open(target, "rb") as handle:
            if handle.read() != original:
                raise FileChangedError(
                    f"{shown}: changed since factlint read it; not fixed (run again)"
                )

    check()
    if not os.access(target, os.W_OK):
        raise PermissionError(13, "permission denied (the file is not writable)")
    data = (b"\xef\xbb\xbf" if document.bom else b"") + new_text.encode("utf-8")
    info = os.stat(target)
    if info.st_nlink > 1:
        check()
        with open(target, "r+b") as out:
            out.write(data)
            out.truncate()
            out.flush()
            os.fsync(out.fileno())
        return
    write_file_atomically(target, data, info, before_replace=check)


def write_file_atomically(
    path: str,
    data: bytes,
    info: os.stat_result | None = None,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over
    ``path``; the temporary file is removed on any error, Ctrl-C or SIGTERM."""
    path = os.path.realpath(path)
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(path, "wb") as out:  # /dev/stdout, a pipe: nothing to replace
            out.write(data)
        return
    if info is None and existing is not None:
        info = existing
    folder = os.path.dirname(path)
    import tempfile  # here: a run that writes its report to a pipe or a terminal never needs it

    fd, temp = tempfile.mkstemp(prefix=".factlint-", suffix=".tmp", dir=folder)
    previous = sigterm_raises()
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if info is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        else:
            os.chmod(temp, stat.S_IMODE(info.st_mode))
            # Not allowed to give the file away: it stays the user's.
            with contextlib.suppress(OSError):
                os.chown(temp, info.st_uid, info.st_gid)
        if before_replace is not None:
            before_replace()
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
