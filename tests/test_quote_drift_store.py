"""FL203 (quote-drift) on a run that keeps its documents in the run store:
its index goes to a scratch database there, with the same findings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from factlint.cli import main
from factlint.store import STORE_AFTER_ENV

#: Stories of the news corpora where FL203 reports, with the stories they
#: are compared with (same-story pairs: a quotation worded differently), and
#: others around them that share shingles without a finding.
PAIRS = (
    "bbc/politics/154.txt", "bbc/politics/159.txt", "bbc/politics/186.txt",
    "bbc/politics/305.txt", "bbc/sport/304.txt", "bbc/sport/307.txt", "bbc/tech/009.txt",
    "bbc/tech/286.txt", "bbc/tech/379.txt", "bbc/tech/391.txt", "reuters/05752.md",
    "reuters/05786.md", "reuters/05895.md",
)  # fmt: skip


def _files(corpora: Path) -> list[str]:
    news = corpora / "news"
    files = [str(news / p) for p in PAIRS]
    files += [str(p) for p in sorted((news / "bbc" / "politics").glob("*.txt"))[:40]]
    files += [str(p) for p in sorted((news / "reuters").glob("*.md"))[5700:5760]]
    return list(dict.fromkeys(files))


def _fl203(files: list[str], store_after: str, jobs: int, monkeypatch, capsys) -> str:
    monkeypatch.setenv(STORE_AFTER_ENV, store_after)
    code = main(["check", *files, "--isolated", "--select", "FL203", "--format", "json",
                 "--jobs", str(jobs)])  # fmt: skip
    out = capsys.readouterr().out
    assert code in (0, 1), out[-2000:]
    return out


@pytest.mark.parametrize("jobs", [1, 2])
def test_quote_drift_with_the_run_store_reports_the_same(
    corpora: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: int
) -> None:
    files = _files(corpora)
    in_memory = _fl203(files, "never", jobs, monkeypatch, capsys)
    assert in_memory.count('"code": "FL203"') >= 5  # real findings, of both kinds of document
    # A few documents in memory, the rest stored: candidates of both kinds.
    assert _fl203(files, "4", jobs, monkeypatch, capsys) == in_memory
    assert _fl203(files, "0", jobs, monkeypatch, capsys) == in_memory


def _run(files: list[str], store_after: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    from factlint.config import Config
    from factlint.engine import Source, run
    from factlint.plugins import load_registry
    from factlint_rules.quote_drift import QuoteDrift

    monkeypatch.setenv(STORE_AFTER_ENV, store_after)
    config = Config()
    registry = load_registry(config.plugins, config.plugin_paths)
    result = run([Source(f, f) for f in files], registry, config, {"FL203"})
    return result, QuoteDrift(config)


def test_quote_drift_keeps_its_index_in_a_scratch_database_of_the_store(
    corpora: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factlint.rules import Corpus

    result, rule = _run(_files(corpora), "4", monkeypatch)
    store = result.store
    corpus = Corpus(tuple(result.documents), tuple(result.facts))
    try:
        expected = [(f.location, f.message, f.related) for f in rule._in_memory(corpus)]
        assert len(expected) >= 5
        found = []
        for finding in rule.check_corpus(corpus):
            scratch = [n for n in os.listdir(store.folder) if n.startswith("scratch-")]
            assert len(scratch) == 1  # the index, on disk while the rule runs
            found.append((finding.location, finding.message, finding.related))
        assert found == expected
        assert os.listdir(store.folder) == [os.path.basename(store.path)]  # then removed
    finally:
        result.close()


# Three drafts: b.txt changes a word in every three of a.txt's quotation (no
# three-word shingle in common, though alike by rapidfuzz's ratio); c.txt
# shares shingles with both.
DRAFTS = {
    "a.txt": "The council will close the old market hall next spring",
    "b.txt": "The council would close the cold market halls next spring",
    "c.txt": "The council will close the cold market halls next spring",
}


def test_a_candidate_that_shares_no_shingle_is_never_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On disk a shingle is a 64-bit hash of its words: two of different
    words with the same hash would make a candidate that shares no
    shingle. It is dropped, as the in-memory index would never offer it."""
    from factlint.rules import Corpus
    from factlint_rules.quote_drift import _words

    files = []
    for name, words in DRAFTS.items():
        (tmp_path / name).write_text(
            f'Mayor Anna Lindqvist spoke to reporters.\n\n"{words}," Lindqvist said.\n',
            encoding="utf-8",
        )
        files.append(str(tmp_path / name))
    result, rule = _run(files, "1", monkeypatch)
    try:
        corpus = Corpus(tuple(result.documents), tuple(result.facts))
        found = list(rule.check_corpus(corpus))
        assert [(f.location.path, f.related[0].location.path) for f in found] == [
            (files[2], files[0])  # c.txt against a.txt; b.txt against none
        ]
        assert found == list(rule._in_memory(corpus))
        (quote_a,), (quote_b,), (quote_c,) = (f.get_list("quotes") for f in corpus.facts)
        joined_a = " ".join(_words(quote_a.text))
        for doc, quote in ((1, quote_b), (2, quote_c)):
            words = _words(quote.text)
            # a.txt offered as a candidate, as a hash collision would.
            offered = rule._earliest_stored(
                corpus, [(0, 0, 0, joined_a)], doc, quote, words, " ".join(words)
            )
            assert (offered is None) == (doc == 1)
    finally:
        result.close()
