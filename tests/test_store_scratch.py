"""The run store's scratch databases: where a corpus rule keeps its own
working data on disk when the run's documents are stored."""

from __future__ import annotations

import os
import sqlite3

import pytest

from factlint.document import Document
from factlint.errors import FatalError
from factlint.facts import Facts
from factlint.store import RunStore, StoredDocument


def _document(number: int) -> Document:
    text = f"Story {number} says what it says.\n"
    return Document(f"story{number}.txt", text, "text", text)


def _stored(count: int) -> tuple[RunStore, list[Document]]:
    store = RunStore()
    documents = [_document(n) for n in range(count)]
    kept = documents[:2] + [store.put(d, Facts({}))[0] for d in documents[2:]]
    store.flush()
    return store, kept


def test_the_store_of_a_corpus_is_the_one_holding_its_documents() -> None:
    store, documents = _stored(5)
    try:
        assert isinstance(documents[-1], StoredDocument)
        assert RunStore.of(documents) is store
        assert RunStore.of(documents[:2]) is None  # those are in memory
        assert RunStore.of([]) is None
    finally:
        store.close()


def test_a_scratch_database_is_a_private_file_removed_after_its_block() -> None:
    store, _documents = _stored(3)
    try:
        with store.scratch() as db, store.scratch() as other:
            (path,) = (p for _n, name, p in db.execute("PRAGMA database_list") if name == "main")
            (other_path,) = (p for _n, n, p in other.execute("PRAGMA database_list") if n == "main")
            assert os.path.dirname(path) == store.folder and path != store.path
            assert other_path != path  # each call a file of its own
            db.execute("CREATE TABLE seen (key INTEGER PRIMARY KEY, doc INTEGER)")
            db.execute("BEGIN")
            db.executemany("INSERT INTO seen VALUES (?, ?)", [(k, k % 7) for k in range(1000)])
            db.execute("COMMIT")
            total = sum(k % 7 for k in range(1000))
            assert db.execute("SELECT count(*), sum(doc) FROM seen").fetchone() == (1000, total)
            other.execute("CREATE TABLE seen (key INTEGER)")  # not the same database
        assert not os.path.exists(path) and not os.path.exists(other_path)
        assert os.path.isfile(store.path)  # the store itself stays
        with pytest.raises(ZeroDivisionError), store.scratch() as db:
            (path,) = (p for _n, name, p in db.execute("PRAGMA database_list") if name == "main")
            raise ZeroDivisionError
        assert not os.path.exists(path)  # also after an error in the block
        with pytest.raises(sqlite3.ProgrammingError):
            db.execute("SELECT 1")  # closed
    finally:
        store.close()
    with pytest.raises(FatalError, match="already removed"), store.scratch():
        pass


def test_a_scratch_database_in_a_forked_process_leaves_the_store_whole() -> None:
    """Corpus rules may run in forked processes: one that writes its scratch
    there while reading the stored documents does not disturb the store."""
    store, documents = _stored(6)
    try:
        pid = os.fork()
        if pid == 0:  # the child: never return into pytest
            status = 1
            try:
                with store.scratch() as db:
                    db.execute("CREATE TABLE texts (doc INTEGER, size INTEGER)")
                    db.executemany(
                        "INSERT INTO texts VALUES (?, ?)",
                        [(n, len(d.text)) for n, d in enumerate(documents)],
                    )
                    rows = db.execute("SELECT count(*) FROM texts").fetchone()
                status = 0 if rows == (6,) else 1
            finally:
                os._exit(status)
        _pid, waited = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(waited) == 0
        assert [d.text for d in documents] == [_document(n).text for n in range(6)]
        assert os.listdir(store.folder) == [os.path.basename(store.path)]  # the child's is gone
    finally:
        store.close()
    assert not os.path.exists(store.folder)
