"""The people extractor's fast scan for runs of capitalised words gives the
same runs as the run pattern itself, and its one-word path reads a word as
the general path does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import news_texts
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


# Made-up copy with the one-word runs the short path sorts out: titles,
# compass surnames, particles, acronyms, firms, possessives, initials,
# sentence openers and lone surnames after a speech verb.
_DRAFT = (
    "North said the plan was dead. Voters in the North said no, and North's aide agreed.\n\n"
    "Gov. Walker said Monday that BAe and PCs were not the issue, said Walker.\n\n"
    "Schroder and Co declined to comment. Sheriff Clarke's deputies left; "
    "according to Barrett, de Gaulle and al-Assad were named. Jr. and J. stood.\n\n"
    'But Smith, the chairman, told Reuters: "Jones is wrong." Núñez, Mr. O\'Brien '
    "and Dr. Reddy's lab. UNICEF said. West.\n"
)


def _one_word_runs(prose: str) -> list[tuple[object, object]]:
    """For every one-word run of a story, what the short path reads and
    what the general path (split into sentences, then read) reads."""
    lex = people.lexicon()
    patterns = people._patterns()
    quotes = people.quoted_spans(prose)
    pairs = []
    for m in people._runs(prose):
        word = m.group()
        if len(word.split(None, 1)) != 1:
            continue
        short = people._read_word(m.start(), m.end(), word, prose, lex, patterns, quotes)
        general = [
            found
            for tokens in people._split_sentences(m, lex)
            for found in people._read_run(tokens, prose, lex, *patterns[1:], quotes)
        ]
        pairs.append((short, general[0] if general else None))
        assert len(general) <= 1
    return pairs


def test_the_one_word_path_reads_a_word_as_the_general_path() -> None:
    """The short path for one-word runs repeats the general one's steps:
    both read every one-word run of a draft full of hard cases alike."""
    pairs = _one_word_runs(_DRAFT)
    assert sum(short is not None for short, _ in pairs) >= 6  # mentions and lone words
    assert [short for short, _ in pairs] == [general for _, general in pairs]


def test_the_one_word_path_on_real_stories(corpora) -> None:
    texts = news_texts(corpora, "bbc/politics")
    pairs = [pair for text in texts for pair in _one_word_runs(text)]
    assert sum(short is not None for short, _ in pairs) > 500  # real mentions and lone words
    assert [short for short, _ in pairs] == [general for _, general in pairs]
