"""Memory of a run: what the names rules share is dropped when they are done,
and past a threshold the documents' text waits in a temporary store."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from factlint.cli import main
from factlint.facts import identity
from factlint.store import STORE_AFTER_ENV, StoredDocument


def test_people_index_is_dropped_after_the_last_names_rule(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds
) -> None:
    monkeypatch.chdir(seeds.parent)
    identity._CACHE.clear()
    identity._USERS.clear()  # rules other tests made and never ran
    code = main(["check", "seeds/", "--isolated", "--select", "FL101,FL102,FL103,FL104,FL203"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Neumann-Ortiz" in out and "FL101" in out  # the names rules ran on the index
    assert identity._CACHE == {}  # ... and let it go when the last of them was done


def test_people_index_is_kept_while_a_names_rule_has_not_run(seeds) -> None:
    from factlint.config import Config
    from factlint.engine import Source, run
    from factlint.plugins import load_registry
    from factlint_rules.name_alias import NameAlias

    identity._CACHE.clear()
    identity._USERS.clear()  # rules other tests made and never ran
    config = Config()
    registry = load_registry(config.plugins, config.plugin_paths)
    waiting = NameAlias(config)
    sources = [Source(str(p), str(p)) for p in sorted(seeds.glob("*.txt"))]
    # A names rule made for the run but not run yet: the index stays for it.
    result = run(sources, registry, config, {"FL101"})
    assert any(f.code == "FL101" for f in result.findings)
    assert identity._CACHE != {}
    identity.done_with_people_index(waiting)
    assert identity._CACHE == {}


# ---------------------------------------------------------------- the run store

#: A real slice of the news corpora: full-length BBC and PolNeAR stories and
#: Reuters briefs (with front matter, so prose differs from text).
SLICE = (("bbc/business", "*.txt", 30), ("reuters", "*.md", 60), ("polnear/dev/text", "*.txt", 15))


def _slice(corpora: Path) -> list[str]:
    news = corpora / "news"
    files: list[str] = []
    for folder, pattern, count in SLICE:
        files += [str(p) for p in sorted((news / folder).glob(pattern))[:count]]
    return files


def _check(files: list[str], store_after: str, jobs: int, fmt: str, monkeypatch, capsys) -> str:
    monkeypatch.setenv(STORE_AFTER_ENV, store_after)
    code = main(["check", *files, "--isolated", "--select", "ALL", "--format", fmt,
                 "--jobs", str(jobs)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1, out[-2000:]
    return out


@pytest.mark.parametrize(("jobs", "fmt"), [(1, "json"), (2, "json"), (2, "html")])
def test_findings_with_the_run_store_are_byte_identical(
    corpora: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    jobs: int, fmt: str,
) -> None:  # fmt: skip
    files = _slice(corpora)
    in_memory = _check(files, "never", jobs, fmt, monkeypatch, capsys)
    stored = _check(files, "3", jobs, fmt, monkeypatch, capsys)
    assert in_memory.count('"code"' if fmt == "json" else "FL") > 20  # real findings
    assert stored == in_memory


def test_run_store_holds_the_text_past_the_threshold_and_is_removed(
    corpora: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factlint.config import Config
    from factlint.engine import Source, run
    from factlint.plugins import load_registry

    monkeypatch.setenv(STORE_AFTER_ENV, "10")
    config = Config()
    registry = load_registry(config.plugins, config.plugin_paths)
    files = _slice(corpora)
    result = run([Source(f, f) for f in files], registry, config, {"FL101", "FL203"})
    store = result.store
    assert store is not None and os.path.isfile(store.path)
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700  # private
    kept, stored = result.documents[:10], result.documents[10:]
    assert not any(isinstance(d, StoredDocument) for d in kept)
    assert len(stored) == len(files) - 10 and all(isinstance(d, StoredDocument) for d in stored)
    for document in stored[:5]:  # read back as the file has it
        with open(document.path, encoding="utf-8") as handle:
            assert document.text == handle.read()
    folder = store.folder
    result.close()
    assert not os.path.exists(folder)


@pytest.mark.parametrize(
    ("sent", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)]
)
def test_run_store_is_removed_after_ctrl_c_or_sigterm(
    corpora: Path, tmp_path: Path, sent: int, code: int
) -> None:
    """A real run interrupted while its store exists (Ctrl-C, or SIGTERM from
    a CI job or hook runner that stops it): the folder goes with it."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), STORE_AFTER_ENV: "0"}
    news = str(corpora / "news" / "reuters")
    proc = subprocess.Popen(
        [sys.executable, "-m", "factlint", "check", news, "--isolated", "--jobs", "1",
         "--output", os.devnull],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        # Wait until the store holds documents and the run is past the
        # imports its first writes make: a signal that lands inside an
        # import's clean-up callback is swallowed by Python itself ("Exception
        # ignored in ... _get_module_lock"), whatever factlint does.
        deadline = time.monotonic() + 120
        while not list(scratch.glob("factlint-run-*/texts.sqlite*")):
            assert proc.poll() is None, "the run ended before its store was made"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.5)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(sent)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err.decode()[-2000:]
    assert list(scratch.iterdir()) == []


def test_a_bad_store_threshold_is_a_clear_error(
    seeds: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(STORE_AFTER_ENV, "lots")
    assert main(["check", str(seeds), "--isolated"]) == 2
    err = capsys.readouterr().err
    assert "FACTLINT_STORE_AFTER='lots': expected a number of documents, or 'never'" in err


def _people(files: list[str], store_after: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    from factlint.config import Config
    from factlint.engine import Source, run
    from factlint.plugins import load_registry
    from factlint.rules import Corpus

    monkeypatch.setenv(STORE_AFTER_ENV, store_after)
    config = Config()
    registry = load_registry(config.plugins, config.plugin_paths)
    result = run([Source(f, f) for f in files], registry, config, {"FL101"})
    index = identity.build_index(Corpus(tuple(result.documents), tuple(result.facts)))
    number = {id(p): n for n, p in enumerate(index.people)}

    def refs(found: Any) -> list[tuple[int, Any]]:
        return [(r.doc, r.mention) for r in found]

    people = [
        (
            [(n.key, sorted(n.titles), sorted(n.middles), refs(n.refs)) for n in p.names],
            [(a.key, b.key) for a, b in p.variants],
            [(a.key, b.key) for a, b in p.aliases],
            refs(p.surname_refs),
            refs(p.distant_refs),
            p.canonical,
        )
        for p in index.people
    ]
    by_ref = {key: number[id(p)] for key, p in index.by_ref.items()}
    return people, by_ref, index, result


def test_people_index_is_the_same_with_the_run_store(
    corpora: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index built from stored documents (their mentions read back as
    copies, with their strings shared) equals the one built in memory: the
    same people, names, references, variants and aliases, in the same order."""
    files = _slice(corpora)
    in_memory, by_ref, _index, _result = _people(files, "never", monkeypatch)
    stored, stored_by_ref, index, result = _people(files, "3", monkeypatch)
    assert len(in_memory) > 100 and sum(len(p[3]) for p in in_memory) > 50  # real people
    assert stored == in_memory
    assert stored_by_ref == by_ref
    # A stored story's mentions share one string with equal ones of other stories.
    surnames: dict[str, Any] = {}
    shared = 0
    for person in index.people:
        for name in person.names:
            for ref in name.refs:
                if ref.doc >= 3:
                    seen = surnames.setdefault(ref.mention.surname, ref.mention.surname)
                    shared += seen is ref.mention.surname
    assert shared > len(surnames)  # some surnames met more than once, one object each
    result.close()
