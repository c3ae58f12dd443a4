"""The command line of the archive: ``factlint index`` and ``check --archive``."""

from __future__ import annotations

import argparse
import os
import sys
import time

from factlint.errors import ExitCode, FatalError
from factlint.sanitize import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Where ``factlint index`` and ``check --archive`` look when given no file.
DEFAULT_ARCHIVE = os.path.join(".factlint", "archive.sqlite")
#: The stories a draft's lookup key brings in, at most (``check
#: --archive-limit``): the ones indexed last. A key rarer than this (an
#: unusual surname or quotation) brings in all its stories; a common one (the
#: surname "Brown", the quotation shingle "we will see") the newest, so a
#: draft's cost does not grow with the archive. Each story loaded costs the
#: corpus rules 1 to 5 ms (a real story as a draft brought in 209 stories of
#: a synthetic million at 10, 1,881 at 100); ten stories naming a person are
#: enough to show how the newsroom spells the name.
PER_KEY = 10


def add_arguments(
    sub: Any, common: argparse.ArgumentParser, check: argparse.ArgumentParser
) -> None:
    check.add_argument(
        "--archive",
        metavar="FILE",
        help="compare with the stories of this archive (built by 'factlint index';"
        " default: 'archive' in the config)",
    )
    check.add_argument(
        "--archive-limit",
        type=int,
        metavar="N",
        help=f"archived stories a lookup key brings in at most, the ones indexed last"
        f" (default {PER_KEY}; 0: all, as --reference would compare)",
    )
    index = sub.add_parser(
        "index",
        parents=[common],
        help="store stories and their facts in an archive that check compares with",
    )
    index.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of stories")
    index.add_argument(
        "--archive",
        metavar="FILE",
        help=f"the archive to create or bring up to date (default: 'archive' in the config,"
        f" else {DEFAULT_ARCHIVE})",
    )
    index.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="worker processes (default and most: all cores)"
    )
    index.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a Dask cluster (tcp://host:8786), or 'local' for a LocalCluster of"
        " --jobs workers (needs factlint[distributed])",
    )
    index.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    index.add_argument("--date", metavar="YYYY-MM-DD")
    index.add_argument("--max-file-size", metavar="SIZE")
    index.add_argument("--timeout-per-file", metavar="SECONDS")


def cmd_index(args: argparse.Namespace, config: Any, registry: Any) -> int:
    from factlint import engine
    from factlint.archive import build_index

    if args.jobs is not None and args.jobs < 1:
        raise FatalError("--jobs must be at least 1")
    if engine.STDIN in args.paths:
        raise FatalError("index: stories are read from files, not standard input")
    path = args.archive or config.archive or DEFAULT_ARCHIVE
    sources, errors = engine.collect_sources(args.paths, registry, config, None)
    progress = _Progress() if sys.stderr.isatty() and not os.environ.get("CI") else None
    started = time.perf_counter()
    stats = build_index(
        path,
        sources,
        registry,
        config,
        jobs=(
            (engine.workers_for(sources) if args.jobs is None else engine.worker_count(args.jobs))
            if args.scheduler is None
            else (args.jobs or 1)
        ),
        scheduler=args.scheduler,
        progress=progress,
    )
    if progress:
        progress.close()
    errors.extend(stats.errors)
    for line in errors:
        print(f"factlint: error: {clean(line)}", file=sys.stderr)
    for line in stats.notices:
        print(f"factlint: note: {clean(line)}", file=sys.stderr)
    if stats.rebuilt:
        print(
            f"factlint: note: {clean(path)} was built by {clean(stats.rebuilt)}; rebuilt it",
            file=sys.stderr,
        )
    print(
        f"factlint: archive {clean(path)}: {stats.stories} stories ({stats.extracted} extracted,"
        f" {stats.unchanged + stats.touched} unchanged, {stats.dropped} dropped)"
        f" in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return ExitCode.ERROR if errors else ExitCode.OK


def open_for_check(args: argparse.Namespace, config: Any, registry: Any) -> Any:
    """The archive ``check`` compares with: ``--archive``, else the config's
    ``archive:`` (skipped with a note while it has not been built)."""
    from factlint.archive import Archive

    limit = getattr(args, "archive_limit", None)
    if limit is not None and limit < 0:
        raise FatalError("--archive-limit must be 0 (no limit) or more")
    per_key = PER_KEY if limit is None else (limit or None)
    given = getattr(args, "archive", None)
    if given:
        return Archive(given, registry, per_key=per_key)
    if config.archive and args.command == "check":
        if not os.path.exists(config.archive):
            print(
                f"factlint: note: the archive {clean(config.archive)} (from the config) does not"
                f" exist yet; build it with 'factlint index'. Checking without it.",
                file=sys.stderr,
            )
            return None
        return Archive(config.archive, registry, per_key=per_key)
    return None


class _Progress:
    """``indexed 120/19043 stories`` on a terminal, after the first second."""

    def __init__(self) -> None:
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._start < 1.0 or (now - self._last < 0.1 and done != total):
            return
        self._last, self._shown = now, True
        sys.stderr.write(f"\rfactlint: indexed {done}/{total} stories")
        sys.stderr.flush()

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
