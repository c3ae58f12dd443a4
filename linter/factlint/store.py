"""The run's temporary store: past a threshold, documents wait on disk.

A plain ``factlint check`` keeps every document of the run, with the facts
the corpus rules read, because those rules compare stories with one
another. On the 22k stories of the news corpora that is 144 MB of Python
objects: the documents' text twice (``text`` and its ``prose`` mask, 57 MB),
their metadata (15 MB) and their dates, people and quotations (71 MB). Past
:func:`store_after` documents (``FACTLINT_STORE_AFTER``, default
:data:`DEFAULT_STORE_AFTER`), :func:`factlint.engine.run` puts each further
document's text and facts in a :class:`RunStore`, an SQLite file (stdlib
``sqlite3``, as the archive) in a private temporary folder, and keeps in
their place a :class:`StoredDocument` (the same path, format and metadata;
``text`` and ``prose`` read back when asked for) and :class:`StoredFacts`
(unpickled when asked for). The last :data:`CACHED` documents read stay
decoded, and a rule that goes through the documents in order reads them
:data:`BLOCK` at a time. Rules see equal values, so findings are the same,
byte for byte; what stays in memory is the metadata of each document and
what the corpus rules themselves keep (the people index). A corpus rule can
keep its own working data on disk beside them: :meth:`RunStore.scratch`.

The folder is removed when the store is closed or dropped (the run's result
with it), and at exit, also after an error or Ctrl-C; only by the process
that made it (a process forked to apply corpus rules reads the file with
its own connection and never removes it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Iterator

from factlint.document import Document
from factlint.errors import FatalError, sigterm_raises
from factlint.facts import Facts

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from typing import Any

    from factlint.document import Metadata

#: Documents kept whole in memory before the run stores the text of the next ones.
DEFAULT_STORE_AFTER = 2000
STORE_AFTER_ENV = "FACTLINT_STORE_AFTER"
#: Documents whose text (and, apart, whose facts) are kept decoded, the most
#: recently read: a rule reads one story's text many times over, then the next.
CACHED = 128
#: Documents read at once when a rule goes through them in order.
BLOCK = 64
_BATCH = 256  # documents written per statement


def store_after() -> int | None:
    """Documents kept whole before the text of the next goes to the store:
    ``FACTLINT_STORE_AFTER`` (a count; ``never`` or ``off``: keep all in
    memory), else :data:`DEFAULT_STORE_AFTER`."""
    value = os.environ.get(STORE_AFTER_ENV, "").strip().lower()
    if not value:
        return DEFAULT_STORE_AFTER
    if value in ("never", "off", "none"):
        return None
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise FatalError(f"{STORE_AFTER_ENV}={value!r}: expected a number of documents, or 'never'")
    return count


def _texts_of(row: tuple[int, str, str | None]) -> tuple[str, str]:
    return row[1], row[1] if row[2] is None else row[2]


def _facts_of(row: tuple[int, bytes]) -> dict[str, bytes]:
    import pickle

    values: dict[str, bytes] = pickle.loads(row[1])  # this run's, in its own folder
    return values


def _remove(folder: str, owner: int) -> None:
    import shutil

    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)


class RunStore:
    """Documents' text in an SQLite file in a private temporary folder."""

    def __init__(self) -> None:
        import tempfile

        self.folder = tempfile.mkdtemp(prefix="factlint-run-")  # mode 0700
        self.path = os.path.join(self.folder, "texts.sqlite")
        self._owner = os.getpid()
        self._cleanup = weakref.finalize(self, _remove, self.folder, self._owner)
        # A CI job or hook runner that stops the run sends SIGTERM: raise, so
        # the run's clean-up removes the folder as after Ctrl-C.
        self._sigterm = sigterm_raises()
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0
        self._pending: list[tuple[int, str, str | None, bytes]] = []
        self._texts: OrderedDict[int, tuple[str, str]] = OrderedDict()
        self._facts: OrderedDict[int, dict[str, bytes]] = OrderedDict()
        self._lists: OrderedDict[tuple[int, str], list[Any]] = OrderedDict()
        self._last_miss: dict[str, int] = {}
        self.count = 0

    def _connection(self) -> sqlite3.Connection:
        import sqlite3

        if self._db is None or self._db_pid != os.getpid():
            # A forked process opens its own: a connection must not cross a fork.
            try:
                db = sqlite3.connect(self.path, isolation_level=None)
                db.execute("PRAGMA journal_mode = OFF")  # a scratch file: no journal
                db.execute("PRAGMA synchronous = OFF")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS stories"
                    " (id INTEGER PRIMARY KEY, text TEXT NOT NULL, prose TEXT, facts BLOB NOT NULL)"
                )
            except sqlite3.Error as exc:
                raise FatalError(f"temporary store {self.path}: {exc}") from None
            self._db, self._db_pid = db, os.getpid()
        return self._db

    def put(self, document: Document, facts: Facts) -> tuple[StoredDocument, StoredFacts]:
        """Store a document's text and facts; what to keep in their place."""
        import pickle

        number = self.count
        self.count += 1
        prose = None if document.prose == document.text else document.prose
        # Each extractor's facts apart: a rule unpickles only those it reads.
        each = {name: pickle.dumps(found, protocol=5) for name, found in facts.items()}
        blob = pickle.dumps(each, protocol=5)
        self._pending.append((number, document.text, prose, blob))
        if len(self._pending) >= _BATCH:
            self.flush()
        return StoredDocument.make(self, number, document), StoredFacts(self, number)

    def flush(self) -> None:
        """Write the documents put since the last flush."""
        import sqlite3

        if not self._pending:
            return
        db = self._connection()
        try:
            db.execute("BEGIN")
            db.executemany("INSERT INTO stories VALUES (?, ?, ?, ?)", self._pending)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise FatalError(f"temporary store {self.path}: cannot write: {exc}") from None
        self._pending.clear()

    def texts(self, number: int) -> tuple[str, str]:
        """The text and prose of stored document ``number``."""
        found: tuple[str, str] = self._read(number, "text, prose", self._texts, _texts_of)
        return found

    def facts(self, number: int) -> dict[str, bytes]:
        """The facts of stored document ``number``, each extractor's pickled."""
        found: dict[str, bytes] = self._read(number, "facts", self._facts, _facts_of)
        return found

    def fact_list(self, number: int, name: str) -> list[Any]:
        """Extractor ``name``'s facts of stored document ``number`` (equal to
        those stored, not the same objects once they have left the cache)."""
        cache = self._lists
        key = (number, name)
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        import pickle

        found: list[Any] = pickle.loads(self.facts(number)[name])  # this run's own
        cache[key] = found
        if len(cache) > CACHED:
            cache.popitem(last=False)
        return found

    def _read(self, number: int, columns: str, cache: OrderedDict[int, Any], decode: Any) -> Any:
        """Document ``number``'s ``columns``, decoded, through ``cache``. A
        miss right after a miss on the document before (a rule going through
        the run's documents in order) reads the next :data:`BLOCK` at once."""
        if number in cache:
            cache.move_to_end(number)
            return cache[number]
        import sqlite3

        self.flush()
        last = self._last_miss.get(columns, -2)
        self._last_miss[columns] = number
        count = BLOCK if number == last + 1 else 1
        try:
            rows = (
                self._connection()
                .execute(
                    f"SELECT id, {columns} FROM stories WHERE id >= ? AND id < ?",
                    (number, number + count),
                )
                .fetchall()
            )
        except sqlite3.Error as exc:
            raise FatalError(f"temporary store {self.path}: cannot read: {exc}") from None
        for row in rows:
            cache[row[0]] = decode(row)
            if len(cache) > CACHED:
                cache.popitem(last=False)
        if number not in cache:
            raise FatalError(f"temporary store {self.path}: document {number} is missing")
        if count > 1:
            self._last_miss[columns] = number + count - 1
        return cache[number]

    @classmethod
    def of(cls, documents: Iterable[Document]) -> RunStore | None:
        """The store that holds any of ``documents`` (a corpus rule's
        ``corpus.documents``), or None when every one is in memory."""
        for document in documents:
            if isinstance(document, StoredDocument):
                return document._store
        return None

    @contextlib.contextmanager
    def scratch(self) -> Iterator[sqlite3.Connection]:
        """A private SQLite database for a corpus rule's own working data,
        removed when the ``with`` block ends.

        For plugin authors: a corpus rule that keeps something for every
        document of the run (an index of keys, the items it compares) grows
        with the folder, as the documents would without the store. When
        :meth:`of` finds the run's documents stored, the rule can keep that
        here instead, on disk, and read back what it needs as it goes::

            store = RunStore.of(corpus.documents)
            if store is not None:
                with store.scratch() as db:
                    db.execute("CREATE TABLE seen (key INTEGER, doc INTEGER)")
                    ...

        Each call makes a new file in the store's private folder (never the
        store's own file: a rule may run in a forked process beside others),
        opened in autocommit mode (wrap writes in ``BEGIN`` ... ``COMMIT``
        to batch them), without journal or sync, as a scratch file needs.
        It goes with the store's folder in any case (an error, Ctrl-C).
        """
        import sqlite3
        import tempfile

        if self.closed:
            raise FatalError(f"temporary store {self.path}: already removed")
        handle, path = tempfile.mkstemp(prefix="scratch-", suffix=".sqlite", dir=self.folder)
        os.close(handle)
        db: sqlite3.Connection | None = None
        try:
            try:
                db = sqlite3.connect(path, isolation_level=None)
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                db.execute("PRAGMA locking_mode = EXCLUSIVE")  # this process's alone
            except sqlite3.Error as exc:
                raise FatalError(f"temporary store {path}: {exc}") from None
            yield db
        finally:
            if db is not None:
                db.close()
            with contextlib.suppress(OSError):
                os.remove(path)

    def close(self) -> None:
        """Remove the file and its folder (in the process that made them)."""
        import sqlite3

        if self._db is not None and self._db_pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        self._texts.clear()
        self._facts.clear()
        self._lists.clear()
        self._cleanup()
        if self._sigterm is not None and os.getpid() == self._owner:
            with contextlib.suppress(ValueError):  # off the main thread: nothing to put back
                signal.signal(signal.SIGTERM, self._sigterm)
            self._sigterm = None

    @property
    def closed(self) -> bool:
        return not self._cleanup.alive


class StoredDocument(Document):
    """A :class:`Document` whose ``text`` and ``prose`` are in a :class:`RunStore`,
    read back when asked for."""

    __slots__ = ("_number", "_store")
    _store: RunStore
    _number: int

    @classmethod
    def make(cls, store: RunStore, number: int, document: Document) -> StoredDocument:
        self = object.__new__(cls)
        for name in ("path", "format", "metadata", "bom"):
            object.__setattr__(self, name, getattr(document, name))
        object.__setattr__(self, "_store", store)
        object.__setattr__(self, "_number", number)
        return self

    @property
    def text(self) -> str:
        return self._store.texts(self._number)[0]

    @property
    def prose(self) -> str:
        return self._store.texts(self._number)[1]

    def __reduce__(self) -> tuple[type[Document], tuple[str, str, str, str, Metadata, bool]]:
        # Sent to another process (or pickled) as the plain document it stands for.
        return (Document, (self.path, self.text, self.format, self.prose, self.metadata, self.bom))


class StoredFacts(Facts):
    """The :class:`Facts` of a document in a :class:`RunStore`, read back
    when asked for (equal to the facts stored, not the same objects)."""

    def __init__(self, store: RunStore, number: int) -> None:  # no super(): no _values
        self._store = store
        self._number = number

    @property
    def _values(self) -> dict[str, list[Any]]:  # type: ignore[override]
        return {name: self[name] for name in self}

    def __getitem__(self, name: str) -> list[Any]:
        return self._store.fact_list(self._number, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.facts(self._number))

    def __len__(self) -> int:
        return len(self._store.facts(self._number))

    def get_list(self, name: str) -> list[Any]:
        if name not in self._store.facts(self._number):
            return []
        return self._store.fact_list(self._number, name)

    def __reduce__(self) -> tuple[type[Facts], tuple[dict[str, list[Any]]]]:
        return (Facts, (self._values,))
