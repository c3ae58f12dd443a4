"""The run: find files, read them, extract facts, apply rules, filter."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from factlint import records
from factlint.config import Config
from factlint.document import Document
from factlint.errors import FatalError, InputError
from factlint.facts import Facts, extract_facts, extraction_order
from factlint.findings import Finding, Location, Related
from factlint.plugins import Registry
from factlint.positions import LineIndex
from factlint.records import field, record
from factlint.rules import Corpus, CorpusRule, DocumentRule, Rule
from factlint.selection import expand, ignored_for_path
from factlint.suppression_rules import SuppressionRule
from factlint.suppressions import Suppression, is_suppressed, parse_suppressions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from typing import Any

    from factlint.store import RunStore

STDIN = "-"
#: One empty list for every document that has nothing to keep (never changed).
_EMPTY: list[Any] = []
_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


@record
class Source:
    """A file to check: where to read it from and the name to report."""

    display: str
    read_from: str  # a filesystem path, or "-" for standard input
    #: Read only so corpus rules can compare against it; never reported on.
    reference: bool = False


@record
class RunResult:
    documents: list[Document] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    suppressions: dict[str, list[Suppression]] = field(default_factory=dict)
    #: Paths of documents read only for comparison (``--reference``).
    references: set[str] = field(default_factory=set)
    #: Where the text and facts of documents past the threshold are kept (see
    #: :mod:`factlint.store`); None: every document is in memory.
    store: RunStore | None = None

    def texts(self) -> Mapping[str, str]:
        """The text of each document by path, read (from the store) when asked for."""
        return _Texts({d.path: d for d in self.documents})

    def close(self) -> None:
        """Remove the run's temporary store, if it has one (also done when the
        result is dropped, and at exit)."""
        if self.store is not None:
            self.store.close()

    def checked(self) -> list[tuple[Document, Facts]]:
        """The documents being checked (not the reference ones), with their facts."""
        return [
            (d, f)
            for d, f in zip(self.documents, self.facts, strict=True)
            if d.path not in self.references
        ]


class _Texts(Mapping[str, str]):
    def __init__(self, documents: dict[str, Document]) -> None:
        self._documents = documents

    def __getitem__(self, path: str) -> str:
        return self._documents[path].text

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)


def collect_sources(
    paths: Sequence[str],
    registry: Registry,
    config: Config,
    stdin_filename: str | None,
    references: Sequence[str] = (),
) -> tuple[list[Source], list[str]]:
    """Expand folders; explicit files are checked whatever their suffix.

    ``references`` are files or folders read only so corpus rules can compare
    the checked documents with them; a file both checked and referenced is
    checked.
    """
    sources, errors = _expand(paths, registry, config, stdin_filename, set(), reference=False)
    seen = {s.display for s in sources}
    more, more_errors = _expand(references, registry, config, None, seen, reference=True)
    # References first: they are the older stories, so a corpus rule that
    # keeps the first place it saw treats the checked documents as the new ones.
    return more + sources, errors + more_errors


def _expand(
    paths: Sequence[str],
    registry: Registry,
    config: Config,
    stdin_filename: str | None,
    seen: set[str],
    *,
    reference: bool,
) -> tuple[list[Source], list[str]]:
    sources: list[Source] = []
    errors: list[str] = []
    suffixes = registry.suffixes
    for given in paths:
        if given == STDIN:
            sources.append(Source(stdin_filename or "<stdin>", STDIN))
            continue
        if not os.path.lexists(given):
            errors.append(f"{given}: no such file or folder")
            continue
        if os.path.isdir(given):
            for full, entry in _walk(given, config):
                if entry.name.lower().endswith(suffixes) and full not in seen:
                    if _excluded(full, config):
                        continue
                    seen.add(full)
                    regular = entry.is_file(follow_symlinks=False) or (
                        entry.is_symlink() and _regular_or_missing(full)
                    )
                    if not regular:
                        # A FIFO or device would block the run or never end.
                        errors.append(f"{full}: not a regular file; skipped")
                        continue
                    sources.append(Source(full, full, reference))
        else:
            norm = os.path.normpath(given)
            if norm not in seen and not _excluded(norm, config):
                seen.add(norm)
                sources.append(Source(norm, norm, reference))
    return sources, errors


def _walk(top: str, config: Config) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """The files under ``top`` as :func:`os.walk` finds them (the files of a
    folder by name, then its subfolders by name; links to folders not
    followed), with their directory entries: whether a file is regular is
    known without a ``stat`` of each."""
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError:
        return
    files: list[os.DirEntry[str]] = []
    dirs: list[os.DirEntry[str]] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (dirs if is_dir else files).append(entry)
    for entry in sorted(files, key=lambda e: e.name):
        yield os.path.normpath(entry.path), entry
    for entry in sorted(dirs, key=lambda e: e.name):
        name = entry.name
        if name.startswith(".") or name in _SKIP_DIRS or entry.is_symlink():
            continue
        if not _excluded(entry.path, config):
            yield from _walk(entry.path, config)


def _regular_or_missing(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # a dangling link or a race: reading it reports the problem


def _excluded(path: str, config: Config) -> bool:
    if not config.exclude:
        return False
    posix = path.replace(os.sep, "/")
    name = posix.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(posix, pat) or fnmatch.fnmatchcase(name, pat) for pat in config.exclude
    )


def decode(display: str, data: bytes) -> tuple[str, bool]:
    """Bytes to text: UTF-8, with or without a byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(display, "is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise InputError(display, "is a binary file, not text")
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        offset = exc.start + (3 if bom else 0)
        raise InputError(
            display,
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {offset} (line {line});"
            " save the file as UTF-8",
        ) from None


def read_source(source: Source, registry: Registry, config: Config) -> Document | None:
    """Read and parse one file. Returns None for an empty file (a notice)."""
    return parse_document(source.display, read_bytes(source, config), registry, config)


def read_bytes(source: Source, config: Config) -> bytes:
    """The bytes of one source, or an :class:`InputError` naming the problem."""
    display = source.display
    try:
        if source.read_from == STDIN:
            data = sys.stdin.buffer.read(config.max_file_size + 1)
        else:
            size = os.stat(source.read_from).st_size
            if size > config.max_file_size:
                raise InputError(
                    display,
                    f"file is {_human(size)}, over the {_human(config.max_file_size)} limit"
                    " (raise it with --max-file-size)",
                )
            with open(source.read_from, "rb") as handle:
                data = handle.read(config.max_file_size + 1)
    except IsADirectoryError:
        raise InputError(display, "is a folder; pass folders to be searched, not read") from None
    except FileNotFoundError:
        raise InputError(display, "no such file (was it deleted during the run?)") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except OSError as exc:
        raise InputError(display, f"cannot read: {exc.strerror or exc}") from None
    return data


def parse_document(
    display: str, data: bytes, registry: Registry, config: Config
) -> Document | None:
    """Bytes already read to a Document (None when empty), with the reader for ``display``."""
    if len(data) > config.max_file_size:
        raise InputError(display, f"file is over the {_human(config.max_file_size)} limit")
    text, bom = decode(display, data)
    if not text.strip():
        return None
    reader = registry.reader_for(display) or registry.reader_for(".txt")
    if reader is None:
        raise FatalError("no reader for plain text is installed")
    document = reader.read(display, text)
    if bom:
        document = records.replace(document, bom=True)
    if document.metadata.published is None and config.date is not None:
        meta = records.replace(document.metadata, published=config.date, date_source="option")
        document = records.replace(document, metadata=meta)
    return document


def _human(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


def instantiate_rules(registry: Registry, config: Config, codes: Iterable[str]) -> list[Rule]:
    rules: list[Rule] = []
    for code in sorted(codes):
        cls = registry.rules[code]
        given = config.rules.get(code) or config.rules.get(cls.name) or {}
        # Option names, like config keys, may be written kebab-case or snake_case.
        options = {str(k).replace("-", "_"): v for k, v in given.items()}
        unknown = set(options) - set(cls.options)
        key = code if code in config.rules else cls.name
        if unknown:
            known = ", ".join(sorted(cls.options)) or "none"
            raise FatalError(
                f"{config.where(f'rules.{key}')}: rules.{code}:"
                f" unknown option{'s' if len(unknown) > 1 else ''}"
                f" {', '.join(sorted(unknown))} (known: {known})"
            )
        for raw_name, value in given.items():
            name = str(raw_name).replace("-", "_")
            problem = option_type_problem(cls, name, value)
            if problem:
                raise FatalError(
                    f"{config.where(f'rules.{key}.{raw_name}', f'rules.{key}')}:"
                    f" rules.{code}.{raw_name}: {problem}"
                )
        rules.append(cls(config, options))
    for key in config.rules:
        if key not in registry.rules and key not in {r.name for r in registry.rules.values()}:
            raise FatalError(f"{config.where(f'rules.{key}', 'rules')}: unknown rule code {key!r}")
    return rules


def option_type_problem(cls: type[Rule], name: str, value: Any) -> str | None:
    """Why ``value`` does not fit option ``name`` of rule ``cls``, or None.

    The type comes from the rule's ``option_types``, else from its default.
    """
    import typing  # here, not at the top: only a config that sets options gets here

    declared = cls.option_types.get(name)
    is_list = False
    element: Any = None
    if declared is None:
        default = cls.options.get(name)
        if isinstance(default, (list, tuple, set, frozenset)):
            kinds = {type(v) for v in default} or {str}
            is_list, element = True, kinds.pop() if len(kinds) == 1 else None
        elif default is not None:
            element = type(default)
        else:
            return None
    elif typing.get_origin(declared) in (list, tuple, set, frozenset):
        args = typing.get_args(declared)
        is_list, element = True, args[0] if args and isinstance(args[0], type) else None
    elif declared in (list, tuple, set, frozenset):
        is_list = True
    elif isinstance(declared, type):
        element = declared
    if is_list:
        if not isinstance(value, list):
            return f"expected a list, got {_kind(value)}"
        bad = [v for v in value if element is not None and not _is(v, element)]
        if bad:
            return f"expected a list of {element.__name__}, got {_kind(bad[0])} {bad[0]!r}"
        return None
    if element is not None and not _is(value, element):
        return f"expected {element.__name__}, got {_kind(value)} {value!r}"
    return None


def _is(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


Loaded = tuple[str, Document | None, Facts | None, str | None]
"""What reading one source gave: (display, document, facts, error or notice)."""


class FileTimeout(Exception):
    """Raised inside a stalled read, extraction or rule by :func:`time_limit`."""


def _on_alarm(signum: int, frame: object) -> None:
    raise FileTimeout


class time_limit:  # used as a function: ``with time_limit(s):``
    """Raise :class:`FileTimeout` in the block after ``seconds`` (0: no limit).

    A timer signal, so it stops a stall anywhere, even inside a regular
    expression; only in a main thread on a system with ``setitimer`` (there
    the block simply runs to its end). Inside :func:`alarm_handler` (a run
    checking many files, a rule at a time) the handler is already in place
    and each block only sets and clears the timer.
    """

    __slots__ = ("_armed", "_previous", "_seconds")

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._previous: Any = None
        self._armed = False

    def __enter__(self) -> None:
        if not (self._seconds > 0 and _HAS_TIMER and _in_main_thread()):
            return
        if not _HANDLER_SET:
            self._previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self._seconds)
        self._armed = True

    def __exit__(self, *exc: object) -> None:
        if self._armed:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self._previous is not None:
                signal.signal(signal.SIGALRM, self._previous)
                self._previous = None


_HAS_TIMER = hasattr(signal, "setitimer")
#: True while :func:`alarm_handler` has put :func:`_on_alarm` in place.
_HANDLER_SET = False


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def alarm_handler() -> Iterator[None]:
    """The handler of :class:`time_limit` in place for the block (then the
    previous one again), so the many limits inside only set the timer."""
    global _HANDLER_SET
    if _HANDLER_SET or not (_HAS_TIMER and _in_main_thread()):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _HANDLER_SET = True
    try:
        yield
    finally:
        _HANDLER_SET = False
        signal.signal(signal.SIGALRM, previous)


def load_source(source: Source, registry: Registry, config: Config, order: list[str]) -> Loaded:
    """Read one source and extract its facts; errors become messages, not exceptions."""
    try:
        with time_limit(config.timeout_per_file):
            return _load_source(source, registry, config, order)
    except FileTimeout:
        return (
            source.display,
            None,
            None,
            f"{source.display}: reading and extracting facts took over"
            f" {config.timeout_per_file:g} s; skipped (see --timeout-per-file)",
        )


def _load_source(source: Source, registry: Registry, config: Config, order: list[str]) -> Loaded:
    try:
        document = read_source(source, registry, config)
    except InputError as exc:
        return source.display, None, None, str(exc)
    if document is None:
        return source.display, None, None, None
    try:
        facts = extract_facts(document, registry.extractors, order)
    except FileTimeout:
        raise
    except Exception as exc:  # an extractor bug must not stop the other files
        return (
            source.display,
            None,
            None,
            f"{source.display}: extracting facts failed: {type(exc).__name__}: {exc}",
        )
    return source.display, document, facts, None


#: What the document rules gave on one document, one entry per rule in the
#: run's order: (findings, None), or ([], a problem): ``TIMEOUT`` or the
#: rule's exception as ``"TypeError: ..."``.
Outcome = tuple[list[Finding], str | None]
TIMEOUT = "timeout"


@record
class Checked:
    """One source read, extracted and checked by the document rules, where
    it was read (a worker process or this one): what the run still needs of it."""

    display: str
    document: Document | None = None
    #: Only the facts the run still needs (see :func:`_kept_facts`).
    facts: Facts | None = None
    message: str | None = None  # an error, or None (an empty file: a notice)
    outcomes: list[Outcome] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)


@record(frozen=True)
class Plan:
    """What a worker does with each document besides reading it: the
    document rules to apply, and the facts to send back (None: all)."""

    rules: tuple[DocumentRule, ...] = ()
    keep: tuple[str, ...] | None = None


def check_source(
    source: Source, registry: Registry, config: Config, order: list[str], plan: Plan, apply: bool
) -> Checked:
    """Read one source, extract its facts and, when ``apply`` (a document
    being checked, not a reference), apply the document rules of ``plan``:
    the per-document part of a run, the same in a worker and here."""
    with alarm_handler():
        return _check_source(source, registry, config, order, plan, apply)


def _check_source(
    source: Source, registry: Registry, config: Config, order: list[str], plan: Plan, apply: bool
) -> Checked:
    display, document, facts, message = load_source(source, registry, config, order)
    if document is None or facts is None:
        return Checked(display, message=message)
    outcomes: list[Outcome] = []
    if apply:
        for rule in plan.rules:
            try:
                with time_limit(config.timeout_per_file):
                    outcomes.append((list(rule.check(document, facts)), None))
            except FileTimeout:
                outcomes.append(([], TIMEOUT))
            except Exception as exc:  # a plugin bug must not hide other findings
                outcomes.append(([], f"{type(exc).__name__}: {exc}"))
    return Checked(
        display,
        document,
        _kept_facts(facts, plan.keep),
        outcomes=outcomes,
        suppressions=parse_suppressions(document.text),
    )


def _kept_facts(facts: Facts, keep: tuple[str, ...] | None) -> Facts:
    if keep is None:
        return facts
    return Facts({name: facts[name] for name in keep if name in facts})


# State of a worker process (--jobs): set once by _init_worker.
_WORKER: dict[str, object] = {}
#: Bytes of text each worker process must have before it pays for its start
#: and for sending documents and findings back: by default a run uses one
#: process below this much text, two from it, three from twice it, and so on
#: up to the cores. Measured with benchmarks/jobs.py on 2 cores: 320 to 640
#: short stories (330 to 580 KB) ran slower with two workers than with one,
#: 860 KB to 1.1 MB ran faster; the file count alone decided nothing.
BYTES_PER_WORKER = 800_000


def _init_worker(config: Config, order: list[str], plan: tuple[tuple[str, ...], Any]) -> None:
    from factlint.plugins import load_registry

    global _HANDLER_SET
    if _HAS_TIMER and not _HANDLER_SET:  # this process is the run's: the handler stays
        signal.signal(signal.SIGALRM, _on_alarm)
        _HANDLER_SET = True
    registry = _WORKER.get("registry") or load_registry(config.plugins, config.plugin_paths)
    _WORKER["registry"] = registry
    _WORKER["config"] = config
    _WORKER["order"] = order
    codes, keep = plan
    if not isinstance(_WORKER.get("plan"), Plan):  # spawned: make the rules here
        assert isinstance(registry, Registry)
        rules = instantiate_rules(registry, config, codes)
        _WORKER["plan"] = Plan(tuple(r for r in rules if isinstance(r, DocumentRule)), keep)


def _check_in_worker(task: tuple[Source, bool]) -> Checked:
    registry, config, order = _WORKER["registry"], _WORKER["config"], _WORKER["order"]
    plan = _WORKER["plan"]
    assert isinstance(registry, Registry) and isinstance(config, Config) and isinstance(order, list)
    assert isinstance(plan, Plan)
    return check_source(task[0], registry, config, order, plan, task[1])


def cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(requested: int | None) -> int:
    """``--jobs N``: never more processes than cores (all cores for None)."""
    return max(1, min(requested or cores(), cores()))


def workers_for(sources: Sequence[Source]) -> int:
    """The default ``--jobs``: one worker per :data:`BYTES_PER_WORKER` of
    text after the first, at most one per core. The files' sizes, not their
    number, decide: 320 short stories are less work than 30 long reports."""
    total = 0
    for source in sources:
        if source.read_from != STDIN:
            with contextlib.suppress(OSError):
                total += os.stat(source.read_from).st_size
    return worker_count(1 + total // BYTES_PER_WORKER)


@contextlib.contextmanager
def worker_pool(
    jobs: int, registry: Registry, config: Config, order: list[str], plan: Plan | None = None
) -> Iterator[ProcessPoolExecutor]:
    """``jobs`` processes that read and extract as this one does: their
    ``_WORKER`` holds the registry, config, extractor order and ``plan``
    (forked workers inherit the registry and the plan's rules; spawned ones
    load the registry once and make the rules from their codes)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    plan = plan or Plan()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    _WORKER.pop("plan", None)
    if method == "fork":
        _WORKER["registry"] = registry
        _WORKER["plan"] = plan
    codes = tuple(rule.code for rule in plan.rules)
    try:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(config, order, (codes, plan.keep)),
        ) as pool:
            yield pool
    finally:
        _WORKER.pop("plan", None)


def chunk_size(count: int, jobs: int) -> int:
    """Tasks per message to a worker: about eight rounds per worker, at most 64."""
    return max(1, min(64, count // (jobs * 8)))


def _check_all(
    sources: Sequence[Source],
    registry: Registry,
    config: Config,
    order: list[str],
    plan: Plan,
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[Checked]:
    """:func:`check_source` for every source, in their order: here, or in
    ``jobs`` worker processes (standard input and a single file: always here)."""
    files = [s for s in sources if s.read_from != STDIN]
    stdin = [s for s in sources if s.read_from == STDIN]
    references = {s.display for s in sources if s.reference}
    for source in stdin:
        yield check_source(source, registry, config, order, plan, source.display not in references)
    if jobs <= 1 or len(files) < 2:
        with alarm_handler():
            for done, source in enumerate(files, 1):
                apply = source.display not in references
                yield check_source(source, registry, config, order, plan, apply)
                if progress:
                    progress(done, len(files))
        return
    tasks = [(s, s.display not in references) for s in files]
    with worker_pool(jobs, registry, config, order, plan) as pool:
        chunk = chunk_size(len(files), jobs)
        for done, checked in enumerate(pool.map(_check_in_worker, tasks, chunksize=chunk), 1):
            yield checked
            if progress:
                progress(done, len(files))


def run(
    sources: Sequence[Source],
    registry: Registry,
    config: Config,
    codes: set[str],
    *,
    all_facts: bool = False,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    archive: Any = None,
) -> RunResult:
    """Read, extract and apply the document rules (in ``jobs`` processes;
    None: as many as the amount of text pays for, see :func:`workers_for`),
    then the corpus rules (with several processes, groups of them in forked
    ones: :func:`_corpus_rules_forked`). Findings and errors come out as if
    every rule had run here, one after the other.

    ``archive`` (a :class:`factlint.archive.Archive`) adds the archived
    stories that share a lookup key with the documents checked, as references.

    ``result.facts`` holds every extractor's facts with ``all_facts`` or an
    ``archive``; else only those the corpus rules read (with what they
    depend on): the rest stay in the process that extracted them.

    Past :func:`factlint.store.store_after` documents, the text and facts of
    each further one go to a temporary store on disk (``result.store``, see
    :mod:`factlint.store`), read back when a rule or a report asks for them;
    it is removed on an error here, else by ``result.close()``, when the
    result is dropped, or at exit.
    """
    result = RunResult()
    try:
        return _run(sources, registry, config, codes, all_facts, jobs, progress, archive, result)
    except BaseException:
        result.close()
        raise


def _run(
    sources: Sequence[Source],
    registry: Registry,
    config: Config,
    codes: set[str],
    all_facts: bool,
    jobs: int | None,
    progress: Callable[[int, int], None] | None,
    archive: Any,
    result: RunResult,
) -> RunResult:
    from factlint.store import RunStore, store_after

    threshold = store_after()
    result.rules = instantiate_rules(registry, config, codes)
    wanted = (
        list(registry.extractors) if all_facts else [n for r in result.rules for n in r.requires]
    )
    order = extraction_order(registry.extractors, dict.fromkeys(wanted))
    document_rules = [r for r in result.rules if isinstance(r, DocumentRule)]
    keep: tuple[str, ...] | None = None
    if not all_facts and archive is None:
        needed = [n for r in result.rules if isinstance(r, CorpusRule) for n in r.requires]
        keep = tuple(extraction_order(registry.extractors, dict.fromkeys(needed)))
    plan = Plan(tuple(document_rules), keep)
    files = [s for s in sources if s.read_from != STDIN]
    workers = workers_for(files) if jobs is None else worker_count(jobs)
    if len(files) < 2:
        workers = 1
    reference_paths = {s.display for s in sources if s.reference}
    #: Per checked document, in order: its path and what each document rule gave.
    outcomes: list[tuple[str, list[Outcome]]] = []
    for checked in _check_all(sources, registry, config, order, plan, workers, progress):
        display, document, facts = checked.display, checked.document, checked.facts
        if document is None or facts is None:
            if checked.message is None:
                result.notices.append(f"{display}: empty file, nothing to check")
            else:
                result.errors.append(checked.message)
            continue
        if threshold is not None and len(result.documents) >= threshold:
            if result.store is None:
                result.store = RunStore()
            document, facts = result.store.put(document, facts)
        result.documents.append(document)
        result.facts.append(facts)
        # Most stories have neither suppressions nor outcomes: one shared empty list.
        result.suppressions[document.path] = checked.suppressions or _EMPTY
        if display in reference_paths:
            result.references.add(display)
        else:
            gave = checked.outcomes
            if all(not found and problem is None for found, problem in gave):
                gave = _EMPTY  # nothing found, nothing failed: kept as one empty list
            outcomes.append((document.path, gave))

    if result.store is not None:
        result.store.flush()  # before any process is forked to read it
    if archive is not None:
        archive.add_references(result)
    raw: list[Finding] = []
    # One corpus, shared by corpus rules.
    corpus = Corpus(tuple(result.documents), tuple(result.facts), frozenset(result.references))
    corpus_rules = [r for r in result.rules if isinstance(r, CorpusRule)]
    corpus_outcomes: dict[int, Outcome] = {}
    if archive is None and workers > 1:
        corpus_outcomes = _corpus_rules_forked(corpus_rules, corpus, workers)
    number = {id(rule): n for n, rule in enumerate(document_rules)}
    for rule in result.rules:
        if isinstance(rule, DocumentRule):
            # As if the rule had run here on each document in turn: a timeout
            # skips one document, an exception the rest of the documents.
            n = number[id(rule)]
            for path, gave in outcomes:
                if not gave:
                    continue
                found, problem = gave[n]
                if problem is None:
                    raw.extend(found)
                elif problem == TIMEOUT:
                    result.errors.append(
                        f"{path}: rule {rule.code} ({rule.name}) took over"
                        f" {config.timeout_per_file:g} s; skipped for this file"
                        " (see --timeout-per-file)"
                    )
                else:
                    result.errors.append(f"rule {rule.code} ({rule.name}) failed: {problem}")
                    break
        elif isinstance(rule, CorpusRule):
            if id(rule) in corpus_outcomes:
                found, problem = corpus_outcomes[id(rule)]
            else:
                mine = corpus if archive is None else archive.corpus_for(rule, corpus)
                found, problem = apply_corpus_rule(rule, mine)
            raw.extend(found)
            if problem is not None:
                result.errors.append(f"rule {rule.code} ({rule.name}) failed: {problem}")
    result.findings = filter_findings(raw, result, config, registry)
    return result


def apply_corpus_rule(rule: CorpusRule, corpus: Corpus) -> Outcome:
    """The findings of a corpus rule, and its exception if it raised one
    (with the findings it gave before: a plugin bug must not hide them)."""
    found: list[Finding] = []
    try:
        for finding in rule.check_corpus(corpus):
            found.append(finding)
    except Exception as exc:
        return found, f"{type(exc).__name__}: {exc}"
    return found, None


#: The corpus rules and corpus of a run, for the processes forked to apply them.
_CORPUS_JOB: dict[str, Any] = {}


def _corpus_rules_in_child(numbers: list[int]) -> list[Outcome]:
    rules, corpus = _CORPUS_JOB["rules"], _CORPUS_JOB["corpus"]
    return [apply_corpus_rule(rules[n], corpus) for n in numbers]


def _corpus_rules_forked(
    rules: list[CorpusRule], corpus: Corpus, workers: int
) -> dict[int, Outcome]:
    """Apply the corpus rules in up to ``workers`` processes, this one among
    them, by id of rule. Rules that read the same facts stay together (they
    may share an index built from them, as the names rules share
    :func:`factlint.facts.identity.people_index`); the largest such group runs
    here, the others in processes forked now, which inherit the corpus
    instead of receiving it, and send back only findings. Without ``fork``,
    or with fewer than two groups, every rule runs here (returns ``{}``)."""
    import multiprocessing

    groups: dict[frozenset[str], list[int]] = {}
    for n, rule in enumerate(rules):
        groups.setdefault(frozenset(rule.requires), []).append(n)
    if len(groups) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    ordered = sorted(groups.values(), key=len, reverse=True)  # stable: rule order on ties
    here, others = ordered[0], ordered[1:]
    children = min(workers - 1, len(others))
    tasks: list[list[int]] = [[] for _ in range(children)]
    for k, group in enumerate(others):
        tasks[k % children].extend(group)
    from concurrent.futures import ProcessPoolExecutor

    outcomes: dict[int, Outcome] = {}
    _CORPUS_JOB.update(rules=rules, corpus=corpus)
    try:
        with ProcessPoolExecutor(children, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_corpus_rules_in_child, task) for task in tasks]
            for n in here:
                outcomes[id(rules[n])] = apply_corpus_rule(rules[n], corpus)
            for task, future in zip(tasks, futures, strict=True):
                try:
                    gave = future.result()
                except Exception:  # the process died: apply its rules here
                    gave = [apply_corpus_rule(rules[n], corpus) for n in task]
                for n, outcome in zip(task, gave, strict=True):
                    outcomes[id(rules[n])] = outcome
    finally:
        _CORPUS_JOB.clear()
    return outcomes


def filter_findings(
    findings: list[Finding], result: RunResult, config: Config, registry: Registry
) -> list[Finding]:
    per_file = {
        pattern: expand(codes, registry.rules, f"{config.describe()}: per-file-ignores")
        for pattern, codes in config.per_file_ignores.items()
    }
    ignored_cache: dict[str, set[str]] = {}
    kept: list[Finding] = []
    for document in result.documents:  # those read in the run were parsed where read
        if document.path not in result.suppressions:
            result.suppressions[document.path] = parse_suppressions(document.text)
    for finding in findings:
        path = finding.location.path
        if path in result.references:
            continue  # reference documents are compared with, never reported on
        if path not in ignored_cache:
            ignored_cache[path] = (
                ignored_for_path(_relative_to(path, config.root), per_file) if per_file else set()
            )
        if finding.code in ignored_cache[path]:
            continue
        if is_suppressed(result.suppressions.get(path, []), finding.code, finding.location.start):
            continue
        kept.append(finding)
    ran = {rule.code for rule in result.rules if not isinstance(rule, SuppressionRule)}
    for rule in result.rules:
        if isinstance(rule, SuppressionRule):
            for document, _facts in result.checked():
                sups = result.suppressions[document.path]
                if sups:
                    found = rule.check_suppressions(document, sups, set(registry.rules), ran)
                    kept.extend(
                        f for f in found if f.code not in ignored_cache.get(document.path, set())
                    )
    return kept


def _relative_to(path: str, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return path


def with_positions(findings: Iterable[Finding], texts: Mapping[str, str]) -> list[Finding]:
    """Fill in lines and columns; sort by file, position and code."""
    indexes: dict[str, LineIndex] = {}

    def place(location: Location) -> Location:
        text = texts.get(location.path)
        if text is None:
            return location
        index = indexes.get(location.path)
        if index is None:
            index = indexes[location.path] = LineIndex(text)
        line, column = index.line_column(location.start)
        end_line, end_column = index.line_column(location.end)
        return records.replace(
            location, line=line, column=column, end_line=end_line, end_column=end_column
        )

    placed = [
        records.replace(
            f,
            location=place(f.location),
            related=tuple(Related(place(r.location), r.message) for r in f.related),
        )
        for f in findings
    ]
    placed.sort(key=lambda f: (f.location.path, f.location.start, f.code, f.message))
    return placed
