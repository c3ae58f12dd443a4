"""Baselines: adopt factlint on an archive that already has findings.

``--write-baseline FILE`` records today's findings by fingerprint (rule code,
file relative to the project root and the normalised text involved, never
line numbers, see
:mod:`factlint.fingerprints`); ``--baseline FILE`` then reports only findings
that are not in it, and says how many recorded entries no longer match.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from factlint.errors import FatalError
from factlint.findings import Finding
from factlint.fingerprints import fingerprints
from factlint.records import record
from factlint.sanitize import clean, clean_path

FORMAT_VERSION = 1


@record(frozen=True)
class BaselineResult:
    new: list[Finding]
    stale: int  # recorded entries that matched nothing in this run


def write_baseline(path: Path, findings: Sequence[Finding], root: Path | None = None) -> None:
    entries = [
        {
            "fingerprint": fp,
            "code": f.code,
            "path": clean_path(f.location.path),
            "message": clean(f.message),
        }
        for f, fp in zip(findings, fingerprints(findings, root), strict=True)
    ]
    data = {"factlint-baseline": FORMAT_VERSION, "findings": entries}
    try:
        from factlint.fixes import write_file_atomically

        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_file_atomically(str(path), text.encode("utf-8"))
    except OSError as exc:
        raise FatalError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None


#: A baseline larger than this is refused (an archive of a million findings
#: takes about 200 MB).
MAX_BASELINE_SIZE = 512 * 1024 * 1024


def read_baseline(path: Path) -> set[str]:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise FatalError(f"{path}: baseline is not a regular file")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BASELINE_SIZE + 1)
        if len(raw) > MAX_BASELINE_SIZE:
            raise FatalError(f"{path}: baseline is over {MAX_BASELINE_SIZE // 1024**2} MB")
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise FatalError(
            f"{path}: baseline file not found (create it with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise FatalError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise FatalError(f"{path}: baseline is nested too deeply to be a baseline") from None
    if not isinstance(data, dict) or data.get("factlint-baseline") != FORMAT_VERSION:
        raise FatalError(f"{path}: not a factlint baseline (version {FORMAT_VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and "fingerprint" in e for e in entries
    ):
        raise FatalError(
            f"{path}: baseline 'findings' must be a list of entries with a fingerprint"
        )
    return {str(e["fingerprint"]) for e in entries}


def apply_baseline(
    findings: Sequence[Finding], recorded: set[str], root: Path | None = None
) -> BaselineResult:
    new: list[Finding] = []
    matched: set[str] = set()
    for finding, fp in zip(findings, fingerprints(findings, root), strict=True):
        if fp in recorded:
            matched.add(fp)
        else:
            new.append(finding)
    return BaselineResult(new=new, stale=len(recorded - matched))
