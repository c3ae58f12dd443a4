"""Shared fixtures: paths to the seeds and to ../shared corpora, and a
folder holding one good story for the bad-input tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


def require_corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}; these tests read real news text there")
    return CORPORA


@pytest.fixture
def corpora() -> Path:
    """../shared/corpora, or skip the test with the reason."""
    return require_corpora()


#: A one-line story with one finding (a shortened link), for bad-input tests.
GOOD = "The group cited http://bit.ly/2te2fFQ in its statement.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, holding ``good.txt`` (:data:`GOOD`)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def news_texts(corpora: Path, bbc: str = "bbc/business", count: int = 40) -> list[str]:
    """The first ``count`` stories of a BBC section, of Reuters and of
    PolNeAR dev: real copy of each kind, for tests that hold a fast path
    equal to the plain one."""
    news = corpora / "news"
    texts: list[str] = []
    for folder, pattern in ((bbc, "*.txt"), ("reuters", "*.md"), ("polnear/dev/text", "*.txt")):
        for path in sorted((news / folder).glob(pattern))[:count]:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def imported_by_a_check(story: Path, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh process imports to check ``story`` (the
    default rules, as a pre-commit hook runs them)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from factlint.cli import main\n"
        "main(['check', '--isolated', '--output', '/dev/null', sys.argv[1]])\n"
        f"print('\\n'.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(story)], capture_output=True, text=True, check=True
    )
    return done.stdout.split()
