"""Patterns compile when first used: a link-only run compiles no name, quote
or person pattern, and a lazy pattern answers as the compiled one does.
Compiled patterns are kept in a per-user cache file between runs: a pattern
from the file answers as a freshly compiled one, and a file from another
version, a broken file or one that others could write is not used."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex

from factlint import lazy

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_3c3a6071b36f80b8.txt"

_COUNT_COMPILES = """
import sys, regex
count = 0
original = regex.compile
def counting(*args, **kwargs):
    global count
    count += 1
    return original(*args, **kwargs)
regex.compile = counting
from factlint.cli import main
code = main(sys.argv[1:])
print(count)
"""


def _regex_compiles(*args: str) -> int:
    proc = subprocess.run(
        [sys.executable, "-c", _COUNT_COMPILES, "check", "--isolated", *args, str(SEED)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FACTLINT_NO_CACHE": "1"},
    )
    return int(proc.stdout.strip().splitlines()[-1])


def test_a_link_only_run_compiles_no_name_or_quote_pattern() -> None:
    assert _regex_compiles("--select", "FL4") == 0
    # The default rules read names and quotes: then the patterns are compiled.
    assert _regex_compiles() > 10


_MODULES_AFTER = """
import sys
from factlint.cli import main
code = main(sys.argv[1:])
print(" ".join(sorted(sys.modules)))
"""


def test_a_one_story_run_imports_only_what_it_uses() -> None:
    """The pre-commit case: the default rules on one story, the report on
    standard output. Its findings need no fuzzy matching (one spelling of
    each name), no quotation diff, no temporary file and no dataclasses."""
    proc = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, "check", "--isolated", str(SEED)],
        capture_output=True,
        text=True,
        check=False,
    )
    loaded = set(proc.stdout.strip().splitlines()[-1].split())
    assert "factlint_rules.quote_drift" in loaded  # the rules that could use them did run
    assert not loaded & {"dataclasses", "rapidfuzz", "difflib", "tempfile", "shutil", "sqlite3"}


def test_patterns_from_the_cache_need_no_regex_parser(tmp_path: Path) -> None:
    """Once the cache holds a run's patterns, the next pre-commit run (one
    story) builds them with the engine alone: the ``regex`` package (its
    parser) is not imported, and the run reports what a run that compiles
    every pattern reports."""
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path)}
    args = [sys.executable, "-c", _MODULES_AFTER, "check", "--isolated", str(SEED)]
    first = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    second = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    assert "regex._regex_core" in first.stdout.split()  # it compiled: the parser was needed
    loaded = set(second.stdout.strip().splitlines()[-1].split())
    assert "regex._regex" in loaded
    assert not loaded & {"regex", "regex._main", "regex._regex_core"}
    assert second.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1]
    assert "1 file checked" in second.stdout


def test_flag_values_are_the_packages() -> None:
    assert (lazy.REGEX_I, lazy.REGEX_V1) == (regex.I, regex.V1)


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    text = "Ms. Ortiz said, and Mr. Newman-Ortiz agreed."
    for source in (r"\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?", r"(?P<who>Mr|Ms)\.\s+(\w+)"):
        pending = lazy.regex(source)
        assert pending.pattern == source  # known before compiling
        compiled = regex.compile(source)
        assert [m.span() for m in pending.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert pending.sub("X", text) == compiled.sub("X", text)
        assert pending.groupindex == compiled.groupindex
    pending_re = lazy.re(r"said|agreed", re.I)
    assert pending_re.findall(text.upper()) == ["SAID", "AGREED"]
    assert pending_re.flags == re.compile(r"said|agreed", re.I).flags


_SOURCES = [
    ("regex", r"\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?", 0),
    ("regex", r"(?P<who>Mr|Ms)\.\s+(\w+)(?=\s+(?:said|agreed))", regex.IGNORECASE),
    ("regex", r"(?<![\p{L}.])(?:van|von|de)\s+\p{Lu}\w+", 0),
    ("re", r"(?P<verb>said|agreed)\b", re.IGNORECASE),
    ("re", r"(?<![\w.])(\d{1,2})\s+(?:Jan|Feb|Mar)\w*", 0),
]
_TEXT = "Ms. Ortiz said on 3 March, and MR. Newman-Ortiz AGREED with van Dijk on 12 Jan."


def _answers(pattern: object) -> list[object]:
    found = list(pattern.finditer(_TEXT))  # type: ignore[attr-defined]
    return [(m.span(), m.groups(), m.groupdict()) for m in found]


def _compile(cache: lazy._PatternCache, kind: str, source: str, flags: int) -> object:
    compile = lazy._regex_compile if kind == "regex" else lazy._re_compile
    return cache.compile(compile, source, flags)


def _fill(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    cache = lazy._PatternCache()
    for kind, source, flags in _SOURCES:
        _compile(cache, kind, source, flags)
    cache.write()
    (path,) = folder.iterdir()
    return path


def test_a_cached_pattern_answers_as_a_freshly_compiled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _fill(tmp_path / "cache", monkeypatch)
    assert len(json.loads(path.read_text(encoding="utf-8"))["entries"]) == len(_SOURCES)
    cache = lazy._PatternCache()
    for kind, source, flags in _SOURCES:
        cached = _compile(cache, kind, source, flags)
        fresh = (regex if kind == "regex" else re).compile(source, flags)
        assert type(cached) is type(fresh)
        assert (cached.pattern, cached.flags, cached.groupindex) == (  # type: ignore[attr-defined]
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        assert _answers(cached) == _answers(fresh)
        assert _answers(cached)  # the text has matches for every pattern
    assert not cache._new  # every one came from the file


def test_a_file_from_another_version_or_broken_or_open_to_others_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _fill(tmp_path / "cache", monkeypatch)
    good = path.read_text(encoding="utf-8")
    stale = json.loads(good)
    stale["stamp"]["regex"][0] = "0.0"
    broken = good[: len(good) // 2]
    for text in (json.dumps(stale), broken):
        path.write_text(text, encoding="utf-8")
        cache = lazy._PatternCache()
        for kind, source, flags in _SOURCES:
            fresh = (regex if kind == "regex" else re).compile(source, flags)
            assert _answers(_compile(cache, kind, source, flags)) == _answers(fresh)
        assert len(cache._new) == len(_SOURCES)  # compiled again, not read
        cache.write()  # and the file is good again
        assert json.loads(path.read_text(encoding="utf-8"))["stamp"] == lazy._stamp()
    if hasattr(os, "getuid"):
        path.chmod(0o666)
        cache = lazy._PatternCache()
        _compile(cache, *_SOURCES[0])
        assert len(cache._new) == 1


def test_a_check_gives_the_same_output_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FACTLINT_NO_CACHE", None)
    command = [sys.executable, "-m", "factlint", "check", "--isolated", "--select", "ALL"]
    command += ["--format", "json", str(SEED.parent)]
    outputs = []
    for _ in range(2):  # the first run fills the cache, the second reads it
        proc = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        outputs.append(proc.stdout)
    assert list((tmp_path / "cache").iterdir())
    off = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**env, "FACTLINT_NO_CACHE": "1"}
    )
    assert outputs[0] == outputs[1] == off.stdout
    assert json.loads(off.stdout)


_NEW_ENTRIES = """
import sys
from factlint import lazy
from factlint.cli import main
main(sys.argv[1:])
print(sorted(key.split(chr(0))[2][:80] for key in lazy._CACHE._new), file=sys.stderr)
"""


def test_every_cached_pattern_is_the_same_in_every_process(tmp_path: Path) -> None:
    # A pattern built from a set (its iteration order changes with the hash
    # seed) would miss the cache and rewrite the file on every run.
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FACTLINT_NO_CACHE", None)
    args = ["check", "--isolated", "--select", "ALL", "--jobs", "1", str(SEED.parent)]
    new = []
    for seed in ("1", "2"):
        proc = subprocess.run(
            [sys.executable, "-c", _NEW_ENTRIES, *args],
            capture_output=True,
            text=True,
            check=False,
            env={**env, "PYTHONHASHSEED": seed},
        )
        new.append(proc.stderr.strip().splitlines()[-1])
    assert new[0] != "[]"  # the first run filled the cache
    assert new[1] == "[]"


def test_two_installs_of_one_regex_version_share_the_cache(tmp_path: Path) -> None:
    """The cache stamp names the ``regex`` package by its files' contents, not
    their times: two virtualenvs with the same version (installed at different
    times) read each other's patterns instead of rewriting the file in turn."""
    installed = Path(regex.__file__).parent
    stamps = []
    for n, when in enumerate((1_000_000_000, 1_600_000_000)):
        copy = tmp_path / str(n) / "regex"
        shutil.copytree(installed, copy, ignore=shutil.ignore_patterns("__pycache__", "tests"))
        for path in copy.iterdir():
            os.utime(path, (when, when))
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "import json, factlint.lazy as l; print(json.dumps(l._stamp()))",
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join([str(copy.parent), *sys.path])},
        )
        stamp = json.loads(proc.stdout)
        assert stamp["regex_files"], "the copy's files are in the stamp"
        stamps.append(stamp)
    assert stamps[0] == stamps[1]


def test_files_of_other_versions_unused_for_a_month_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    month_ago = time.time() - lazy.PRUNE_AFTER - 3600
    old = folder / "patterns-cpython-311-regex2024.1.1-factlint0.0.9.json"
    recent = folder / "patterns-cpython-312-factlint0.1.0.json"  # another Python, in use
    leftover = folder / "patterns-cpython-311-factlint0.1.0.json.4242.tmp"
    mine_too = folder / "notes.txt"  # not the cache's
    for path in (old, recent, leftover, mine_too):
        path.write_text("{}", encoding="utf-8")
    for path in (old, leftover, mine_too):
        os.utime(path, (month_ago, month_ago))
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    cache = lazy._PatternCache()
    _compile(cache, *_SOURCES[0])
    cache.write()
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([lazy._file_name(), recent.name, mine_too.name])


def test_a_regex_installed_without_sources_is_stamped_by_its_version(tmp_path: Path) -> None:
    """Compiled files only (no ``.py`` to read): the stamp falls back to the
    package's version, and the engine is the package's own module."""
    import compileall

    copy = tmp_path / "regex"
    shutil.copytree(Path(regex.__file__).parent, copy, ignore=shutil.ignore_patterns("tests"))
    assert compileall.compile_dir(str(copy), quiet=1, legacy=True)
    for source in copy.glob("*.py"):
        source.unlink()
    script = (
        "import json, sys, factlint.lazy as l, regex; "
        "print(json.dumps([l._stamp()['regex_files'], l._REGEX_ENGINE is regex._regex, "
        "regex.compile('a+').match('aa').group()]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])},
    )
    files, same_engine, matched = json.loads(proc.stdout)
    assert files == [["version", regex.__version__]]
    assert same_engine and matched == "aa"
