"""A synthetic archive of any size, made from a real one, for benchmarks/archive.py.

    python benchmarks/archive_synth.py REAL.sqlite OUT.sqlite --stories N [--pool POOL.sqlite]

``REAL.sqlite`` is an archive ``factlint index`` built from real stories
(../shared/corpora/news). The synthetic one holds them (era 0) and then
copies of them in further *eras* until it has N stories. Each era renames
the people: every single-word surname and given name of the real stories
is mapped, the same way in every story of the era, to another name of the
same length from a pool (the names the real stories use and the name tables
of ../shared/corpora/names: romanisation variants, English given names and
nicknames), and every date moves by ``era * 73`` days. So each era is a
newsroom's few months with its own cast: the head of the distribution (the
prime minister in 12% of BBC stories) and its long tail repeat under other
names, and a surname's share of the archive stays what it is in real copy
instead of growing with the number of copies.

Stories are not extracted again (a million texts would take hours): the
stored document and facts of each real story are renamed in place (names of
the same length keep every offset valid), and the keys are computed by the
rules' own ``archive_keys`` on the renamed facts, so they are the keys
``factlint index`` would store for the renamed text. The text's quotations
and event words are kept: a common quotation shingle or event-word pair is
in as many stories per thousand as in real copy.

The rows are written straight into SQLite: the stories first, their keys
into an unindexed table, then sorted into the keys table in one pass. With
``--pool`` the generated rows are kept in POOL (built once, at the largest
size) and each smaller archive is cut from it by story id.
"""

from __future__ import annotations

import argparse
import array
import csv
import datetime as dt
import json
import os
import random
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factlint import records

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT.parent / "shared" / "corpora" / "names"
ERA_DAYS = 73
_WORD = re.compile(r"[A-Z][a-z]{2,}\Z")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def table_names() -> tuple[set[str], set[str]]:
    """Surnames and given names of the name tables, as capitalised words."""
    surnames: set[str] = set()
    given: set[str] = set()
    romanization = NAMES / "name_variants_romanization.json"
    if romanization.exists():
        for section, entries in json.loads(romanization.read_text(encoding="utf-8")).items():
            # "..._surnames" and "..._given_names" tables are one kind; the
            # others ("arabic_names") hold both.
            targets = [
                t for kind, t in (("given", given), ("surname", surnames)) if kind in section
            ]
            for entry in entries.values():
                for form in entry.get("forms", []):
                    word = form.capitalize()
                    if _WORD.match(word):
                        for target in targets or (given, surnames):
                            target.add(word)
    nicknames = NAMES / "nicknames_carltonnorthern_names.csv"
    if nicknames.exists():
        with nicknames.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for name in (row.get("name1", ""), row.get("name2", "")):
                    if _WORD.match(name.capitalize()):
                        given.add(name.capitalize())
    return surnames, given


def _mappings(pool: set[str], era: int, seed: str) -> dict[str, str]:
    """A permutation of the pool within each length, one per era."""
    by_length: dict[int, list[str]] = {}
    for name in sorted(pool):
        by_length.setdefault(len(name), []).append(name)
    mapping: dict[str, str] = {}
    for length, names in by_length.items():
        shuffled = names[:]
        random.Random(f"{seed}/{era}/{length}").shuffle(shuffled)
        mapping.update(zip(names, shuffled, strict=True))
    return mapping


class Renamer:
    """Renames the people of one stored story and shifts its dates."""

    def __init__(self, surnames: dict[str, str], given: dict[str, str], days: int) -> None:
        self.surnames, self.given, self.days = surnames, given, days

    def story(self, document: Any, facts: Any) -> tuple[Any, Any]:
        from factlint.facts import Facts

        table: dict[str, str] = {}
        for mention in facts.get_list("people"):
            for name, mapping in ((mention.surname, self.surnames), (mention.given, self.given)):
                new = mapping.get(name) if name else None
                if new and new != name:
                    table[name] = new
                    table[name.upper()] = new.upper()
        if table:
            pattern = re.compile(
                r"(?<![\w])(" + "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
                + r")(?![\w])"
            )  # fmt: skip

            def sub(text: str) -> str:
                return pattern.sub(lambda m: table[m.group(1)], text)
        else:

            def sub(text: str) -> str:
                return text

        memo: dict[int, Any] = {}

        def fact(value: Any) -> Any:
            if id(value) in memo:
                return memo[id(value)]
            changes = {}
            for f in records.fields(value):
                old = getattr(value, f.name)
                if isinstance(old, str):
                    new = self._date(sub(old)) if f.name in ("value",) else sub(old)
                elif isinstance(old, tuple) and old and all(isinstance(x, str) for x in old):
                    new = tuple(self._date(x) for x in old)
                else:
                    continue
                if new != old:
                    changes[f.name] = new
            memo[id(value)] = records.replace(value, **changes) if changes else value
            return memo[id(value)]

        meta = document.metadata
        published = meta.published + dt.timedelta(days=self.days) if meta.published else None
        meta = records.replace(
            meta,
            published=published,
            title=sub(meta.title) if meta.title else meta.title,
        )
        document = records.replace(
            document, text=sub(document.text), prose=sub(document.prose), metadata=meta
        )
        renamed = {
            name: [fact(v) if records.is_record(v) else v for v in values]
            for name, values in facts.items()
        }
        return document, Facts(renamed)

    def _date(self, text: str) -> str:
        if not self.days:
            return text

        def shift(m: re.Match[str]) -> str:
            try:
                day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return m[0]
            return (day + dt.timedelta(days=self.days)).isoformat()

        return _ISO.sub(shift, text)


def _setup() -> tuple[Any, list[Any]]:
    from factlint.archive import corpus_rules
    from factlint.config import load_config
    from factlint.plugins import load_registry

    config = load_config(isolated=True)
    registry = load_registry(config.plugins, config.plugin_paths)
    return registry, corpus_rules(registry, config)


def real_rows(real: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return real.execute(
        "SELECT path, size, mtime_ns, hash, dateline, title, blob FROM stories ORDER BY ord"
    ).fetchall()


def corpus_names(rows: list[tuple[Any, ...]]) -> tuple[set[str], set[str]]:
    from factlint.archive import decode_story

    surnames: set[str] = set()
    given: set[str] = set()
    for row in rows:
        _document, facts = decode_story(row[6])
        for mention in facts.get_list("people"):
            if _WORD.match(mention.surname):
                surnames.add(mention.surname)
            if mention.given and _WORD.match(mention.given):
                given.add(mention.given)
    return surnames, given


def generate(
    rows: list[tuple[Any, ...]], rules: list[Any], count: int, pools: tuple[set[str], set[str]]
) -> Iterator[tuple[tuple[Any, ...], list[int]]]:
    """(story row, keys) for ``count`` stories: the real ones, then eras."""
    from factlint.archive import decode_story, encode_story, story_keys

    made = 0
    era = 0
    while made < count:
        surnames = _mappings(pools[0], era, "surname") if era else {}
        given = _mappings(pools[1], era, "given") if era else {}
        renamer = Renamer(surnames, given, era * ERA_DAYS)
        for path, size, mtime_ns, digest, dateline, _title, blob in rows:
            if made >= count:
                break
            document, facts = decode_story(blob)
            if era:
                document, facts = renamer.story(document, facts)
                document = records.replace(document, path=f"era{era:03d}/{path}")
                blob = encode_story(document, facts)
            keys = story_keys(rules, document, facts)
            meta = document.metadata
            published = meta.published.isoformat() if meta.published else None
            row = (
                document.path,
                str(made),
                size,
                mtime_ns,
                digest,
                published,
                dateline,
                meta.title,
            )
            yield (*row, blob, array.array("q", keys).tobytes()), keys
            made += 1
        era += 1


def write_pool(real_path: str, pool_path: str, count: int) -> None:
    """Generate ``count`` stories into ``pool_path`` (stories, unsorted keys)."""
    _registry, rules = _setup()
    real = sqlite3.connect(real_path)
    rows = real_rows(real)
    meta = real.execute("SELECT key, value FROM meta").fetchall()
    real.close()
    tables = table_names()
    mine = corpus_names(rows)
    pools = (tables[0] | mine[0], tables[1] | mine[1])
    if os.path.exists(pool_path):
        os.remove(pool_path)
    out = sqlite3.connect(pool_path, isolation_level=None)
    out.execute("PRAGMA journal_mode = OFF")
    out.execute("PRAGMA synchronous = OFF")
    out.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    out.executemany("INSERT INTO meta VALUES (?, ?)", meta)
    from factlint.archive import _SCHEMA

    for statement in _SCHEMA.split(";"):
        if statement.strip() and "meta" not in statement:
            out.execute(statement)
    out.execute("CREATE TABLE keys_raw (key INTEGER NOT NULL, story INTEGER NOT NULL)")
    started = time.perf_counter()
    out.execute("BEGIN")
    stories: list[tuple[Any, ...]] = []
    keys: list[tuple[int, int]] = []
    for n, (row, found) in enumerate(generate(rows, rules, count, pools), 1):
        stories.append((n, *row))
        keys.extend((k, n) for k in found)
        if len(stories) >= 2000:
            _flush(out, stories, keys)
        if n % 50000 == 0:
            rate = n / (time.perf_counter() - started)
            print(f"  {n} stories generated ({rate:.0f}/s)", file=sys.stderr, flush=True)
    _flush(out, stories, keys)
    out.execute("COMMIT")
    out.close()


def _flush(out: sqlite3.Connection, stories: list[Any], keys: list[Any]) -> None:
    out.executemany(
        "INSERT INTO stories (id, path, ord, size, mtime_ns, hash, published, dateline, title,"
        " blob, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        stories,
    )
    out.executemany("INSERT INTO keys_raw VALUES (?, ?)", keys)
    stories.clear()
    keys.clear()


def cut(pool_path: str, out_path: str, count: int) -> None:
    """An archive of the first ``count`` stories of the pool, keys sorted in."""
    from factlint.archive import _SCHEMA

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(out_path + suffix):
            os.remove(out_path + suffix)
    out = sqlite3.connect(out_path, isolation_level=None)
    out.execute("PRAGMA journal_mode = OFF")
    out.execute("PRAGMA synchronous = OFF")
    out.execute("PRAGMA cache_size = -200000")
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            out.execute(statement)
    out.execute("ATTACH DATABASE ? AS pool", (pool_path,))
    out.execute("BEGIN")
    out.execute("INSERT INTO meta SELECT * FROM pool.meta")
    # The stored facts and keys depend on the extractors and rules, which a
    # change to the archive's own code leaves alone: the archive is stamped
    # with the fingerprint of the code at hand, so the pool stays usable.
    from factlint.archive import SCHEMA_VERSION, fingerprint

    registry, _rules = _setup()
    out.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("schema", str(SCHEMA_VERSION)), ("fingerprint", fingerprint(registry))],
    )
    from factlint.archive import order_key

    out.create_function("order_key", 1, order_key, deterministic=True)
    out.execute(
        "INSERT INTO stories SELECT id, path, order_key(path), size, mtime_ns, hash, published,"
        " dateline, title, blob, keys FROM pool.stories WHERE id <= ?",
        (count,),
    )
    out.execute(
        "INSERT INTO keys SELECT key, story FROM pool.keys_raw WHERE story <= ?"
        " ORDER BY key, story",
        (count,),
    )
    out.execute("COMMIT")
    out.execute("DETACH DATABASE pool")
    out.execute("PRAGMA journal_mode = WAL")
    out.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("real", help="an archive factlint index built from real stories")
    parser.add_argument("out", help="the synthetic archive to write")
    parser.add_argument("--stories", type=int, required=True)
    parser.add_argument("--pool", help="keep (or reuse) the generated rows in this file")
    parser.add_argument(
        "--pool-stories", type=int, help="generate this many into the pool (default --stories)"
    )
    args = parser.parse_args()
    pool = args.pool or args.out + ".pool"
    have = 0
    if os.path.exists(pool):
        with sqlite3.connect(pool) as conn:
            have = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    if have < args.stories:
        write_pool(args.real, pool, max(args.stories, args.pool_stories or 0))
    cut(pool, args.out, args.stories)
    if not args.pool:
        os.remove(pool)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
