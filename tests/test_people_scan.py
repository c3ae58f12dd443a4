"""The people extractor's fast scan for runs of capitalised words gives the
same runs as the run pattern itself, and its one-word path reads a word as
the general path does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.facts import people

# Words and joins that exercise every opening of a run: capitals, initials,
# leading particles ("de Blasio"), prefixes with a hyphen ("al-Assad"),
# particles inside a name ("van der Berg"), words that hold a particle
# ("made", "Vanilla") and the characters the run pattern's look-behind refuses.
_WORDS = [
    "de", "la", "van", "der", "von", "bin", "ibn", "al", "el", "ben", "della", "du",
    "Blasio", "Assad", "Berg", "Smith", "A.J.", "J.", "O'Brien", "Neumann-Ortiz", "Ángel",
    "made", "Vanilla", "the", "said", "Laden", "Gaulle", "Núñez", "2019", "X",
]  # fmt: skip
_JOINS = [
    " ",
    "  ",
    "-",
    "\t",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\n",
    ". ",
    ", ",
    "'",
    "’",
    "",
    '"',
    "(",
    "é",
]


def _spans(pattern_matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in pattern_matches]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)  # the first example compiles the patterns
@given(st.lists(st.tuples(st.sampled_from(_JOINS), st.sampled_from(_WORDS)), max_size=14))
def test_the_fast_scan_finds_the_runs_of_the_run_pattern(parts: list[tuple[str, str]]) -> None:
    text = "".join(join + word for join, word in parts)
    expected = _spans(people._patterns()[0].finditer(text))
    assert _spans(people._runs(text)) == expected


def test_the_fast_scan_on_runs_that_open_in_lower_case() -> None:
    text = "Mayor Bill de Blasio met al-Assad, then van der Berg and de la Cruz.\nde Gaulle"
    expected = _spans(people._patterns()[0].finditer(text))
    assert [text[a:b] for a, b in expected][-1] == "de Gaulle"
    assert "al-Assad" in [text[a:b] for a, b in expected]
    assert _spans(people._runs(text)) == expected
