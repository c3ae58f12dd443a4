"""Patterns compile when first used: a link-only run compiles no name, quote
or person pattern, and a lazy pattern answers as the compiled one does."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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
    )
    return int(proc.stdout.strip().splitlines()[-1])


def test_a_link_only_run_compiles_no_name_or_quote_pattern() -> None:
    assert _regex_compiles("--select", "FL4") == 0
    # The default rules read names and quotes: then the patterns are compiled.
    assert _regex_compiles() > 10


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
