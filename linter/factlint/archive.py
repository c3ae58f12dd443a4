"""The archive: published stories with their facts, in one SQLite file.

``factlint index PATH...`` reads stories with the same readers and
extractors as ``factlint check``, and stores, per story, its path, size,
modification time, content hash, publication date, dateline and title, the
document and its facts (compressed, so related locations get their line and
column) and the *lookup keys* that corpus rules return for it
(:meth:`factlint.rules.CorpusRule.archive_keys`), hashed to integers in an
indexed table. ``factlint check DRAFTS --archive FILE`` then loads only the
archived stories that share a key with a draft and hands them to the corpus
rules exactly as ``--reference`` documents: compared with, never reported on.
Under a key held by more than :data:`PER_KEY` stories only the ones indexed
last are loaded, so the cost of a draft does not grow with the archive.

The file (default ``.factlint/archive.sqlite``) is stdlib ``sqlite3`` in
WAL mode. It records its schema version and a fingerprint of the factlint
version, extractors and rules that built it: ``index`` rebuilds an archive
of another version (refusing one of a newer schema), ``check`` refuses it
with a message to index again. An index run is one transaction: a run that
is killed or fails (disk full) leaves the previous archive as it was, and
a second writer is told so at once. The stored documents are read back with
an unpickler that builds only records, enums and dates of modules
already imported (never imports a module, never calls a function), so an
archive file from elsewhere cannot run code.

The archive holds exactly the stories under the paths of the last index
run: files whose size and modification time are unchanged are skipped,
those whose bytes hash the same are only touched, changed ones are
extracted again, and files gone from the paths are dropped. Paths are stored
as given (run ``factlint index`` from the folder ``check`` runs in, the
repository root).
"""

from __future__ import annotations

import array
import contextlib
import datetime as dt
import enum
import hashlib
import io
import os
import pickle
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence

from factlint import records

# PER_KEY lives in the light command-line module, which builds the parser of
# every run without importing this one.
from factlint.archive_cli import PER_KEY
from factlint.errors import FatalError, InputError
from factlint.records import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from factlint.config import Config
    from factlint.document import Document
    from factlint.engine import RunResult, Source
    from factlint.facts import Facts
    from factlint.plugins import Registry
    from factlint.rules import Corpus, CorpusRule, Rule

#: The layout of the tables; bumped when it changes.
SCHEMA_VERSION = 2
_BATCH = 500  # parameters per IN (...) query
#: What ``check`` asks of the archive, every statement a search of an index
#: (tests/test_archive_scale.py asks SQLite's query planner): the newest
#: stories under one key, backwards along the keys table's primary key; all
#: the stories under some keys; stories by id.
LOOKUPS = {
    "newest": "SELECT story FROM keys WHERE key = ? ORDER BY story DESC LIMIT ?",
    "every": "SELECT DISTINCT story FROM keys WHERE key IN ({marks})",
    "load": "SELECT id, ord, size, mtime_ns, hash, blob FROM stories WHERE id IN ({marks})",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    ord TEXT NOT NULL,  -- order_key(path): archived stories join a run in this order
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    published TEXT,
    dateline TEXT,
    title TEXT,
    blob BLOB NOT NULL,
    keys BLOB NOT NULL  -- the story's keys (signed 64-bit, native order), to drop them
);
-- What a re-index reads of every story, without the pages of the blobs.
CREATE INDEX IF NOT EXISTS stories_stat ON stories (path, id, size, mtime_ns, hash);
CREATE TABLE IF NOT EXISTS keys (
    key INTEGER NOT NULL,
    story INTEGER NOT NULL,
    PRIMARY KEY (key, story)
) WITHOUT ROWID;
"""


class ArchiveError(FatalError):
    """The archive cannot be used: a one-line message, exit code 2."""


# ---------------------------------------------------------------- encoding


def key_hash(key: str) -> int:
    """A lookup key as the signed 64-bit integer the archive stores. Rules
    share keys: the four names rules return the same surname keys, stored
    once (a key two rules make alike only loads a story too many)."""
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def encode_story(document: Document, facts: Facts) -> bytes:
    return zlib.compress(pickle.dumps((document, facts), protocol=5), 6)


_SAFE_TYPES = frozenset({dt.date, dt.datetime, dt.time, dt.timedelta, dt.timezone})


class _SafeUnpickler(pickle.Unpickler):
    """Builds records, enums, :class:`Facts` and dates of modules already
    imported; refuses every other global (functions, classes that run code)."""

    def find_class(self, module: str, name: str) -> Any:
        from factlint.facts import Facts

        loaded = sys.modules.get(module)
        found = getattr(loaded, name, None) if loaded is not None and "." not in name else None
        if isinstance(found, type) and (
            found in _SAFE_TYPES
            or found is Facts
            or records.is_record(found)
            or issubclass(found, enum.Enum)
        ):
            return found
        raise pickle.UnpicklingError(f"global {module}.{name} is not allowed in an archive")


def decode_story(blob: bytes) -> tuple[Document, Facts]:
    from factlint.document import Document
    from factlint.facts import Facts

    document, facts = _SafeUnpickler(io.BytesIO(zlib.decompress(blob))).load()
    if not isinstance(document, Document) or not isinstance(facts, Facts):
        raise pickle.UnpicklingError("not a story")
    return document, facts


def fingerprint(registry: Registry) -> str:
    """What must match for stored facts and keys to mean what they mean now:
    factlint's version and a hash of the code that makes facts and keys (the
    sources of factlint, of the built-in rules and of every plugin module
    that gives a rule or an extractor), so an archive built by other code,
    even a development copy, is never misread."""
    from factlint import __version__

    digest = hashlib.sha256()
    files: set[str] = set()
    for package in ("factlint", "factlint_rules"):
        module = sys.modules.get(package)
        folder = os.path.dirname(getattr(module, "__file__", None) or "")
        for root, dirs, names in os.walk(folder) if folder else ():
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            files.update(os.path.join(root, n) for n in names if n.endswith((".py", ".json")))
    for thing in [*registry.rules.values(), *(type(e) for e in registry.extractors.values())]:
        source = getattr(sys.modules.get(thing.__module__), "__file__", None)
        if source:
            files.add(source)
    for path in sorted(files):
        digest.update("/".join(path.split(os.sep)[-2:]).encode())
        with contextlib.suppress(OSError), open(path, "rb") as handle:
            digest.update(handle.read())
    listed = ",".join(sorted(registry.rules)) + ";" + ",".join(sorted(registry.extractors))
    digest.update(listed.encode())
    return f"factlint {__version__}, code {digest.hexdigest()[:12]}"


def corpus_rules(registry: Registry, config: Config) -> list[CorpusRule]:
    """Every corpus rule the registry has, as the config sets its options."""
    from factlint.engine import instantiate_rules
    from factlint.rules import CorpusRule

    rules = instantiate_rules(registry, config, registry.rules)
    return [r for r in rules if isinstance(r, CorpusRule)]


def story_keys(rules: Iterable[CorpusRule], document: Document, facts: Facts) -> list[int]:
    keys: set[int] = set()
    for rule in rules:
        found = rule.archive_keys(document, facts)
        if found is not None:
            keys.update(key_hash(k) for k in found)
    return sorted(keys)


# ---------------------------------------------------------------- extraction


@record
class Extracted:
    """One story extracted for the archive (or why it could not be)."""

    display: str
    blob: bytes | None = None
    keys: list[int] = field(default_factory=list)
    published: str | None = None
    dateline: str | None = None
    title: str | None = None
    message: str | None = None  # an error; None with no blob: an empty file


_STATE: dict[str, Any] = {}


def _state(config: Config, registry: Registry | None = None) -> tuple[Registry, list[CorpusRule]]:
    """The registry and corpus rules of this process (a worker's, or ours)."""
    if _STATE.get("config") is not config or (registry and _STATE["registry"] is not registry):
        from factlint.engine import _WORKER
        from factlint.plugins import load_registry

        registry = registry or _WORKER.get("registry")  # type: ignore[assignment]
        if registry is None:
            registry = load_registry(config.plugins, config.plugin_paths)
        _STATE.update(config=config, registry=registry, rules=corpus_rules(registry, config))
    return _STATE["registry"], _STATE["rules"]


def extract_story(display: str, data: bytes, config: Config, order: list[str]) -> Extracted:
    """Parse and extract one story from its bytes; errors become messages."""
    from factlint.engine import FileTimeout, parse_document, time_limit
    from factlint.facts import extract_facts

    registry, rules = _state(config)
    try:
        with time_limit(config.timeout_per_file):
            try:
                document = parse_document(display, data, registry, config)
            except InputError as exc:
                return Extracted(display, message=str(exc))
            if document is None:
                return Extracted(display)
            facts = extract_facts(document, registry.extractors, order)
            keys = story_keys(rules, document, facts)
    except FileTimeout:
        return Extracted(
            display,
            message=f"{display}: reading and extracting facts took over"
            f" {config.timeout_per_file:g} s; skipped (see --timeout-per-file)",
        )
    except Exception as exc:  # an extractor or rule bug must not stop the other files
        return Extracted(display, message=f"{display}: extracting facts failed: {exc!r}")
    meta = document.metadata
    return Extracted(
        display,
        encode_story(document, facts),
        keys,
        meta.published.isoformat() if meta.published else None,
        meta.dateline,
        meta.title,
    )


def extract_batch(
    batch: Sequence[tuple[str, bytes]], config: Config, order: list[str]
) -> list[Extracted]:
    """A batch of stories, for one task of a worker (a process or Dask)."""
    return [extract_story(display, data, config, order) for display, data in batch]


def _extract_in_worker(item: tuple[str, bytes]) -> Extracted:
    """One story, in a worker of :func:`factlint.engine.worker_pool`."""
    from factlint.engine import _WORKER

    config: Any = _WORKER["config"]
    order: Any = _WORKER["order"]
    return extract_story(item[0], item[1], config, order)


def _batches(items: Sequence[tuple[str, bytes]], size: int) -> list[list[tuple[str, bytes]]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def extract_all(
    items: Sequence[tuple[str, bytes]],
    config: Config,
    order: list[str],
    *,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[Extracted]:
    """Extract stories here, in ``jobs`` processes, or on a Dask cluster.

    With ``scheduler`` (an address, or ``local`` for a LocalCluster of
    ``jobs`` workers) the texts travel to the workers, so they need no access
    to this machine's disk; the results come back here in any order.
    """
    if scheduler is not None:
        yield from _extract_dask(items, config, order, jobs, scheduler)
        return
    from factlint.engine import BYTES_PER_WORKER, chunk_size, worker_count, worker_pool

    # No more processes than the text pays for (engine.workers_for): a
    # re-index that finds two changed stories does them here, at once.
    text = sum(len(data) for _display, data in items)
    jobs = min(worker_count(jobs), 1 + text // BYTES_PER_WORKER)
    if jobs <= 1 or len(items) < 2:
        for display, data in items:
            yield extract_story(display, data, config, order)
        return
    registry, _rules = _state(config)
    with worker_pool(jobs, registry, config, order) as pool:
        yield from pool.map(_extract_in_worker, items, chunksize=chunk_size(len(items), jobs))


def _extract_dask(
    items: Sequence[tuple[str, bytes]],
    config: Config,
    order: list[str],
    jobs: int,
    scheduler: str,
) -> Iterator[Extracted]:
    import importlib

    from factlint.engine import chunk_size

    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise FatalError("--scheduler needs Dask: pip install 'factlint[distributed]'") from None
    with contextlib.ExitStack() as stack:
        if scheduler == "local":
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                    dashboard_address=None,
                )
            )  # fmt: skip
            client = stack.enter_context(distributed.Client(cluster))
        else:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout="10s"))
            except (OSError, TimeoutError) as exc:
                raise FatalError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = chunk_size(len(items), workers)
        config_future = client.scatter(config, broadcast=True)
        futures = [
            client.submit(extract_batch, batch, config_future, order, pure=False)
            for batch in _batches(items, size)
        ]
        for future in distributed.as_completed(futures):
            yield from future.result()
            future.release()


# ---------------------------------------------------------------- the file


def _connect(path: str, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"file:{_quote(os.path.abspath(path))}?mode=ro"
        try:
            return sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)
        except sqlite3.OperationalError:
            # A read-only folder cannot hold WAL's shared-memory file.
            return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=5, isolation_level=None)
    return sqlite3.connect(path, timeout=0, isolation_level=None)


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path)


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        return {}
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _problem(path: str, exc: sqlite3.Error) -> ArchiveError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return ArchiveError(
            f"{path}: the archive is being written by another 'factlint index' run;"
            " try again when it has finished"
        )
    if "readonly" in text or "read-only" in text:
        return ArchiveError(f"{path}: the archive is read-only; cannot update it ({text})")
    if "disk is full" in text or "disk I/O" in text:
        return ArchiveError(f"{path}: {text}; the archive was left as it was")
    return ArchiveError(
        f"{path}: not a usable factlint archive ({text}); delete it and run 'factlint index'"
    )


def _writable(path: str) -> bool:
    """Writable by us, and not marked read-only (``chmod a-w``, which even root
    honours here, as a desk that froze its archive means it)."""
    import stat

    return os.access(path, os.W_OK) and bool(os.stat(path).st_mode & stat.S_IWUSR)


@record
class IndexStats:
    stories: int = 0
    extracted: int = 0
    touched: int = 0
    unchanged: int = 0
    dropped: int = 0
    rebuilt: str | None = None
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def build_index(
    archive_path: str,
    sources: Sequence[Source],
    registry: Registry,
    config: Config,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IndexStats:
    """Bring the archive at ``archive_path`` up to date with ``sources``."""
    from factlint.facts import extraction_order

    stats = IndexStats()
    if os.path.exists(archive_path) and not _writable(archive_path):
        raise ArchiveError(f"{archive_path}: the archive is read-only; cannot update it")
    folder = os.path.dirname(os.path.abspath(archive_path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"{archive_path}: cannot create its folder: {exc.strerror}") from None
    if not os.access(folder, os.W_OK):
        raise ArchiveError(f"{archive_path}: its folder is read-only; cannot write the archive")
    order = extraction_order(registry.extractors, list(registry.extractors))
    wanted_fingerprint = fingerprint(registry)
    _state(config, registry)  # this process extracts with the registry at hand
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(archive_path, read_only=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("BEGIN IMMEDIATE")  # the write lock, at once: one writer at a time
        meta = _meta(conn)
        schema = int(meta.get("schema", SCHEMA_VERSION))
        if schema > SCHEMA_VERSION:
            raise ArchiveError(
                f"{archive_path}: written by a newer factlint (archive schema {schema},"
                f" this one reads {SCHEMA_VERSION}); upgrade factlint or index into another file"
            )
        if meta and (schema != SCHEMA_VERSION or meta.get("fingerprint") != wanted_fingerprint):
            stats.rebuilt = meta.get("fingerprint", "an unknown version")
            for table in ("keys", "stories", "meta"):
                conn.execute(f"DROP TABLE IF EXISTS {table}")
        # One statement at a time: executescript would commit the transaction.
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        _update(conn, sources, config, order, stats, jobs, scheduler, progress)
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [
                ("schema", str(SCHEMA_VERSION)),
                ("fingerprint", wanted_fingerprint),
                ("indexed", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            ],
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn is not None and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise _problem(archive_path, exc) from None
    except BaseException:
        if conn is not None and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    finally:
        if conn is not None:
            conn.close()
    return stats


def _update(
    conn: sqlite3.Connection,
    sources: Sequence[Source],
    config: Config,
    order: list[str],
    stats: IndexStats,
    jobs: int,
    scheduler: str | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    from factlint.engine import STDIN, read_bytes

    stored = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT path, id, size, mtime_ns, hash FROM stories INDEXED BY stories_stat"
        )
    }
    wanted: dict[str, tuple[int, int, str]] = {}  # path -> size, mtime, hash
    todo: list[tuple[str, bytes]] = []
    touch: list[tuple[int, int, int]] = []
    for source in sources:
        if source.read_from == STDIN:
            continue
        path = source.display
        try:
            st = os.stat(source.read_from)
        except OSError as exc:
            stats.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        old = stored.get(path)
        if old is not None and old[1] == st.st_size and old[2] == st.st_mtime_ns:
            stats.unchanged += 1
            wanted[path] = (st.st_size, st.st_mtime_ns, old[3])
            continue
        try:
            data = read_bytes(source, config)
        except InputError as exc:
            stats.errors.append(str(exc))
            continue
        digest = hashlib.sha256(data).hexdigest()
        wanted[path] = (st.st_size, st.st_mtime_ns, digest)
        if old is not None and old[3] == digest:
            stats.touched += 1
            touch.append((st.st_size, st.st_mtime_ns, old[0]))
            continue
        todo.append((path, data))
    gone = [old[0] for path, old in stored.items() if path not in wanted]
    todo_paths = {path for path, _ in todo}
    gone += [old[0] for path, old in stored.items() if path in todo_paths]
    for chunk in _chunks(gone):
        marks = ",".join("?" * len(chunk))
        for story, packed in conn.execute(
            f"SELECT id, keys FROM stories WHERE id IN ({marks})", chunk
        ).fetchall():
            conn.executemany(
                "DELETE FROM keys WHERE key = ? AND story = ?",
                [(k, story) for k in array.array("q", packed)],
            )
        conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
    stats.dropped = sum(1 for path in stored if path not in wanted)
    conn.executemany("UPDATE stories SET size = ?, mtime_ns = ? WHERE id = ?", touch)
    done = 0
    for item in extract_all(todo, config, order, jobs=jobs, scheduler=scheduler):
        done += 1
        if progress:
            progress(done, len(todo))
        if item.blob is None:
            if item.message:
                stats.errors.append(item.message)
            else:
                stats.notices.append(f"{item.display}: empty file, not archived")
            continue
        size, mtime_ns, digest = wanted[item.display]
        cursor = conn.execute(
            "INSERT INTO stories (path, ord, size, mtime_ns, hash, published, dateline, title,"
            " blob, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.display, order_key(item.display), size, mtime_ns, digest, item.published,
                item.dateline, item.title, item.blob, array.array("q", item.keys).tobytes(),
            ),
        )  # fmt: skip
        story = cursor.lastrowid
        conn.executemany("INSERT INTO keys VALUES (?, ?)", [(k, story) for k in item.keys])
        stats.extracted += 1
    stats.stories = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]


def order_key(path: str) -> str:
    """Where a story comes in a walk of its folders, as ``check`` walks them
    (the files of a folder, by name, before its subfolders, by name): the
    order archived stories join a run in, as ``--reference`` stories do. A
    key of the path alone, so a story added or removed moves no other."""
    parts = os.path.normpath(path).split(os.sep)
    return "".join(f"\x02{part}\x00" for part in parts[:-1]) + f"\x01{parts[-1]}"


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _BATCH):
        yield values[i : i + _BATCH]


# ---------------------------------------------------------------- checking


class Archive:
    """An archive opened for ``check``: indexed lookups, stories on demand.

    The lookup API: :meth:`stories_with` (the ids of the stories filed under
    any of a rule's keys), :meth:`load` (those stories' documents and facts)
    and :meth:`add_references` (what ``check`` does with them).
    """

    def __init__(self, path: str, registry: Registry, *, per_key: int | None = PER_KEY) -> None:
        self.path = path
        self.per_key = per_key  # see PER_KEY; None: every story under a key
        if not os.path.exists(path):
            raise ArchiveError(f"{path}: no such archive; build it with 'factlint index'")
        try:
            self._conn = _connect(path, read_only=True)
            meta = _meta(self._conn)
        except sqlite3.Error as exc:
            raise _problem(path, exc) from None
        if not meta:
            raise ArchiveError(
                f"{path}: not a factlint archive (no version recorded); run 'factlint index'"
            )
        schema = int(meta.get("schema", "0") or 0)
        if schema > SCHEMA_VERSION:
            raise ArchiveError(
                f"{path}: written by a newer factlint (archive schema {schema}, this one reads"
                f" {SCHEMA_VERSION}); upgrade factlint"
            )
        if schema != SCHEMA_VERSION or meta.get("fingerprint") != fingerprint(registry):
            raise ArchiveError(
                f"{path}: built by another factlint or set of plugins"
                f" ({meta.get('fingerprint', 'unknown')}); run 'factlint index' to rebuild it"
            )
        self.loaded: list[str] = []  # paths of the stories the last add_references loaded
        self._ord: dict[str, str] = {}
        self._stat: dict[str, tuple[int, int, str]] = {}
        self._for_rule: dict[str, frozenset[str]] = {}
        self._corpora: dict[frozenset[str], Corpus] = {}

    def __len__(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM stories")[0][0])

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _problem(self.path, exc) from None

    def stories_with(self, keys: Iterable[int], per_key: int | None = None) -> list[int]:
        """Ids of the stories filed under any of ``keys`` (see :func:`key_hash`):
        under each key, the ``per_key`` indexed last (all with None). One
        indexed range of the keys table per key, never a scan."""
        found: set[int] = set()
        wanted = sorted(set(keys))
        if per_key is None:
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                rows = self._query(LOOKUPS["every"].format(marks=marks), chunk)
                found.update(r[0] for r in rows)
            return sorted(found)
        for key in wanted:
            rows = self._query(LOOKUPS["newest"], (key, per_key))
            found.update(r[0] for r in rows)
        return sorted(found)

    def load(self, ids: Iterable[int], *, by_id: bool = False) -> list[tuple[Document, Facts]]:
        """The stories with ``ids``, in the order they were indexed (or of
        their ids, with ``by_id``)."""
        rows: list[tuple[int, str, int, int, str, bytes]] = []
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            rows += self._query(LOOKUPS["load"].format(marks=marks), chunk)
        rows.sort(key=lambda row: row[0] if by_id else row[1])
        stories = []
        for _id, ord_, size, mtime_ns, digest, blob in rows:
            try:
                stories.append(decode_story(blob))
                self._ord[stories[-1][0].path] = ord_
                self._stat[stories[-1][0].path] = (size, mtime_ns, digest)
            except (pickle.UnpicklingError, zlib.error, EOFError, ValueError, TypeError) as exc:
                raise ArchiveError(
                    f"{self.path}: a stored story cannot be read ({exc}); run 'factlint index'"
                    " again (delete the file if that fails)"
                ) from None
        return stories

    def add_references(self, result: RunResult) -> None:
        """Put the archived stories that share a key with a checked document
        at the head of the run, as references; a file of the run wins over
        its archived copy."""
        from factlint.rules import CorpusRule

        checked = result.checked()
        ids_of: dict[str, list[int]] = {}  # rule code -> the stories its keys found
        looked_up: dict[frozenset[int], list[int]] = {}  # rules that share keys look up once
        for rule in result.rules:
            if not isinstance(rule, CorpusRule):
                continue
            keys: set[int] = set()
            for document, facts in checked:
                found = rule.archive_keys(document, facts)
                if found is None:
                    break
                keys.update(key_hash(k) for k in found)
            else:
                wanted = frozenset(keys)
                if wanted not in looked_up:
                    looked_up[wanted] = self.stories_with(wanted, self.per_key)
                ids_of[rule.code] = looked_up[wanted]
        in_run = {os.path.normpath(d.path) for d in result.documents}
        real = {os.path.realpath(p) for p in in_run}
        documents, facts_list = [], []
        every = sorted({i for ids in ids_of.values() for i in ids})
        path_of: dict[int, str] = {}
        for story, (document, facts) in zip(every, self.load(every, by_id=True), strict=True):
            norm = os.path.normpath(document.path)
            if norm in in_run or os.path.realpath(norm) in real:
                continue
            path_of[story] = document.path
            documents.append(document)
            facts_list.append(facts)
        ranked = sorted(range(len(documents)), key=lambda n: self._ord[documents[n].path])
        documents = [documents[n] for n in ranked]
        facts_list = [facts_list[n] for n in ranked]
        self.loaded = [d.path for d in documents]
        self._for_rule = {
            code: frozenset(path_of[i] for i in ids if i in path_of) for code, ids in ids_of.items()
        }
        self._corpora = {}
        stale = [path for path in self.loaded if self._changed(path)]
        if stale:
            result.notices.append(
                f"{self.path}: {len(stale)} of the {len(self.loaded)} archived stories compared"
                f" have changed or gone since they were indexed ({stale[0]}"
                f"{', ...' if len(stale) > 1 else ''}); compared as indexed; refresh the archive"
                " with 'factlint index'"
            )
        result.documents[:0] = documents
        result.facts[:0] = facts_list
        result.references.update(self.loaded)

    def _changed(self, path: str) -> bool:
        """Whether an archived story's file is no longer what was indexed (its
        bytes, when size or modification time differ, as after a fresh
        checkout); a file that is gone counts."""
        size, mtime_ns, digest = self._stat[path]
        try:
            st = os.stat(path)
            if (st.st_size, st.st_mtime_ns) == (size, mtime_ns):
                return False
            with open(path, "rb") as handle:
                return hashlib.sha256(handle.read()).hexdigest() != digest
        except OSError:
            return True

    def corpus_for(self, rule: Rule, corpus: Corpus) -> Corpus:
        """The corpus one rule sees: the documents of the run and the archived
        stories its own keys found (all of them for a rule with no keys).
        Rules whose keys found the same stories share one corpus object, so
        what they compute from it (the people index) is computed once."""
        from factlint.rules import Corpus

        wanted = self._for_rule.get(rule.code)
        if wanted is None:
            return corpus
        if wanted not in self._corpora:
            archived = set(self.loaded)
            pairs = [(d, f) for d, f in corpus if d.path not in archived or d.path in wanted]
            self._corpora[wanted] = Corpus(
                tuple(d for d, _ in pairs), tuple(f for _, f in pairs), corpus.references
            )
        return self._corpora[wanted]

    def close(self) -> None:
        self._conn.close()
