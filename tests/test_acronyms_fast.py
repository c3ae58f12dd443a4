"""The acronym extractor's fast steps give what the plain steps they replace
give: letters and capitals counted on bytes, digits and visible characters
of a table line, whole-word look-ups by search or by the sets, patterns that
open with a character set, and initials of lower-case runs read from a
string of first letters. Each is checked on a made-up draft of hard cases
(always) and on real stories (when ../shared is present)."""

from __future__ import annotations

import re

from conftest import news_texts
from factlint.facts import acronyms

# Made-up copy with what each step must get right: letters beyond ASCII
# ("Élysée", Greek capitals, a combining mark), digits beyond ASCII ("²",
# Arabic-Indic), underscores, tabs and odd spaces, a table line, words that
# hold an acronym's letters ("Donato", "senator", "nato2", "nato_"), runs
# with "and", "of" and "for" (and "for-profit", where "for" is a word of
# its own for the run pattern), apostrophes and hyphens, capitals after a
# letter or a digit ("eBay", "3M"), and a lone surrogate.
_DRAFT = (
    "NATO AND THE ÉLYSÉE: ΑΘΗΝΑ SAYS NO\n\n"
    "Donato, a senator from the North Atlantic Treaty Organization (NATO), met "
    "officials of nato2 and nato_ in Paris. The Élysée said the Départment Of "
    "Homeland Security and Democracy for America disagreed.\n"
    "BPB 10p to 660\t 327.50 ² ٣٤ 12_3 June 329 x\u00a0y\u2009z\x1c\x1f\n"
    "The public sector borrowing requirement and consumer price index rose; a "
    "for-profit small and medium enterprises group, the prime minister's office "
    "and the Prime Minister's Office agreed. eBay, 3M and Qatar's QIA said so.\n"
    "Small-business owners of rural areas for economic development said\tthat "
    "nation-wide ordinary trade outlets and senior tax officials met. Senators "
    "Nato, Farook and FAROOK.\ud800 Café au lait cafés, Ñandú Über unter-\u0301den.\n"
)


def _lines(text: str) -> list[str]:
    return [*text.split("\n"), *(text[i : i + 97] for i in range(0, len(text), 61))]


def _check_counts(text: str) -> int:
    checked = 0
    for line in _lines(text):
        letters = len(re.findall(r"[^\W\d_]", line))
        capitals = len(re.findall(r"[A-Z]", line))
        assert acronyms._letters_and_capitals(line) == (letters, capitals), line
        assert acronyms._digits(line) == sum(c.isdigit() for c in line), line
        first = line.split("\n", 1)[0]  # a table line ends at its line break
        visible = sum(not c.isspace() for c in first)
        table = visible > 0 and sum(c.isdigit() for c in first) >= 0.2 * visible
        assert acronyms._table_line(line, 0, {}) == table, line
        checked += 1
    return checked


def test_counts_on_bytes_match_the_plain_counts() -> None:
    assert _check_counts(_DRAFT) > 10
    assert acronyms._letters_and_capitals("Élysée ΑΘΗΝΑ x_1") == (12, 0)
    assert acronyms._digits("² ٣٤ 12") == 5
    assert acronyms._table_line("BPB 10p to 660\t 327.50 ² ٣٤", 0, {})
    assert acronyms._letters_and_capitals("ZDF, Zanussi: AZ") == (12, 6)
    # every kind of space left out of the visible characters, not only " "
    for space in ("\t", "\u2009", "\u00a0", "\x1c", "\x0b"):
        assert acronyms._table_line(f"1 2{space * 8}abcdefgh\nx", 0, {})


def _candidates(text: str) -> set[str]:
    """Words to look up: every run of two to six ASCII letters of the text,
    in lower case and in title case, as the extractor asks for them."""
    found = set()
    for m in re.finditer(r"[A-Za-z]{2,6}", text):
        word = m.group()
        found |= {word.lower(), word.capitalize(), word.upper().lower()}
    return {w for w in found if len(w) >= 4 or w.islower()}


def _check_written(text: str) -> int:
    lower = {m.group() for m in re.finditer(r"\b[a-z]{2,12}\b", text)}
    titled = {m.group() for m in re.finditer(r"\b[A-Z][a-z]{3,11}\b", text)}
    words = sorted(_candidates(text))
    searched = acronyms._Written(text, searches=len(words) + 1)
    from_sets = acronyms._Written(text, searches=0)
    mixed = acronyms._Written(text)  # some searched, then the sets
    hits = 0
    for word in words:
        expected = word in (lower if word.islower() else titled)
        assert (word in searched) == expected, word
        assert (word in from_sets) == expected, word
        assert (word in mixed) == expected, word
        hits += expected
    assert searched.every is None and from_sets.every is not None
    return hits


def test_whole_word_look_ups_match_the_sets_of_words() -> None:
    assert _check_written(_DRAFT) > 20
    written = acronyms._Written(_DRAFT)
    # "Donato", "senator", "nato2", "nato_" hold the letters, not the word
    assert "nato" not in written
    assert "Nato" in written and "Farook" in written and "said" in written


# The patterns as they were written before they opened with a character
# set; the fast forms must find the same spans.
_SLOW_CAP_PHRASE = re.compile(
    rf"\b{acronyms._CAP_WORD}(?:[ \t]+{acronyms._SMALL}{acronyms._CAP_WORD})+"
)
_SLOW_WORD_RUN = re.compile(
    r"\b[A-Za-z][\w'’-]{3,}(?:[ \t]+(?:(?:and|of|for)[ \t]+)?[A-Za-z][\w'’-]{3,})+\b"
)


def _slow_lower_case_forms(prose: str, wanted: set[str], forms: dict[str, tuple[int, str]]) -> None:
    """The lower-case forms step as first written: every run, every word."""
    wanted = {w for w in wanted if len(w) >= 3}
    prefixes = {w[:i] for w in wanted for i in range(1, len(w) + 1)}
    for run in _SLOW_WORD_RUN.finditer(prose):
        words = list(acronyms._RUN_WORD.finditer(run.group()))
        for i in range(len(words) - 1):
            initials = words[i].group()[0].upper()
            for j in range(i + 1, min(len(words), i + 6)):
                initials += words[j].group()[0].upper()
                if initials not in prefixes:
                    break
                if initials in wanted and initials not in forms:
                    start = run.start() + words[i].start()
                    forms[initials] = (start, run.group()[words[i].start() : words[j].end()])


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def _check_forms(text: str, wanted: set[str]) -> int:
    assert _spans(acronyms._CAP_PHRASE.finditer(text)) == _spans(_SLOW_CAP_PHRASE.finditer(text))
    assert _spans(acronyms._WORD_RUN.finditer(text)) == _spans(_SLOW_WORD_RUN.finditer(text))
    capitalised = acronyms.spelled_out_forms(text)  # no wanted: no lower-case step
    found = 0
    # with the capitalised forms first (as spelled_out_forms runs it), and alone
    for start in ({k: v for k, v in capitalised.items() if k in wanted}, {}):
        fast, slow = dict(start), dict(start)
        acronyms._lower_case_forms(text, wanted, fast)
        _slow_lower_case_forms(text, wanted, slow)
        assert fast == slow
        found += len(fast) - len(start)
    return found


def _wanted(text: str) -> set[str]:
    """The acronyms of the text, as the extractor wants them, and every
    three to five initials of its runs of words (so that forms are found)."""
    wanted = {
        "".join(c for c in m.group(1) if c.isalpha()) for m in acronyms._ACRONYM.finditer(text)
    }
    for run in _SLOW_WORD_RUN.finditer(text):
        heads = "".join(w.group()[0] for w in acronyms._RUN_WORD.finditer(run.group())).upper()
        wanted |= {heads[i : i + n] for n in (3, 4, 5) for i in range(0, len(heads) - n + 1, 3)}
    return wanted


def test_fast_forms_match_the_plain_steps() -> None:
    wanted = {"PSBR", "CPI", "SME", "NATO", "DHS", "DFA", "SBO", "PMO", "EDS", "FPS", "OTO"}
    assert _check_forms(_DRAFT, wanted) >= 8
    assert _check_forms(_DRAFT, _wanted(_DRAFT)) > 10
    forms = acronyms.spelled_out_forms(_DRAFT, {"PSBR", "SME", "DHS", "FPS"})
    assert forms["PSBR"][1] == "public sector borrowing requirement"
    assert forms["SME"][1] == "small and medium enterprises"
    assert forms["DHS"][1] == "Départment Of Homeland Security"
    assert "FPS" not in forms  # "for-profit small": "for" opens no word of a run


def test_fast_steps_on_real_stories(corpora) -> None:
    texts = news_texts(corpora)
    assert sum(_check_counts(text) for text in texts) > 5000
    assert sum(_check_written(text) for text in texts) > 5000
    assert sum(_check_forms(text, _wanted(text)) for text in texts) > 500
