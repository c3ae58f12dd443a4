"""The quote extractor and FL201 stay linear on hostile input; the quick
verb check before the "before" pattern loses no match."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.config import Config
from factlint.document import Document
from factlint.facts import extract_facts, extraction_order
from factlint.plugins import load_registry


@pytest.mark.parametrize(
    "text",
    [
        'He said "' + " ".join(["Word"] * 8000) + "\n",
        '"' * 16000 + "\n",
        '"Hello there," ' + " ".join(["Word"] * 8000) + "\n",
    ],
    ids=["one quote then 8,000 capitalised words", "16,000 marks", "capitals after a quote"],
)
def test_hostile_input_is_fast(text: str) -> None:
    registry = load_registry()
    order = extraction_order(registry.extractors, ["quotes"])
    rule = registry.rules["FL201"](Config())
    document = Document(path="x.txt", text=text, format="text", prose=text)
    started = time.process_time()
    facts = extract_facts(document, registry.extractors, order)
    list(rule.check(document, facts))
    assert time.process_time() - started < 10
    assert facts["quotes"]


def _speakers(text: str) -> list[tuple[str | None, bool]]:
    registry = load_registry()
    order = extraction_order(registry.extractors, ["quotes"])
    document = Document(path="x.txt", text=text, format="text", prose=text)
    return [
        (q.speaker, q.attributed)
        for q in extract_facts(document, registry.extractors, order)["quotes"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will not sign anything this week," writes Kevin Marsh, a council critic.\n',
            "Kevin Marsh",
        ),
        ('"This is fantastic!" beamed Donald Hartley of Madison.\n', "Donald Hartley"),
        (
            '"Deals are not required," Chairman Jason Wells (R-Utah) said in a statement.\n',
            "Chairman Jason Wells",
        ),
        ('"The figures add up," analyst John Ing commented.\n', "John Ing"),
        (
            '"We waited ten years for this," said former secretary of state Lisa Okafor.\n',
            "Lisa Okafor",
        ),
        ('"Let me finish," Ann Pike shot back.\n', "Ann Pike"),
        (
            '"Good work, that," Tom Reyes, the party\'s candidate for the northern district '
            "and a former mayor of the town, told reporters.\n",
            "Tom Reyes",
        ),
        (
            "Band member Lisa Okafor shared the news online last week, writing "
            '"It feels great to support someone we believe in."\n',
            "Lisa Okafor",
        ),
        (
            '"It is very hard here," his sister, Maria Elena Voss, wrote in a letter.\n',
            "Maria Elena Voss",
        ),
        (
            'Jane Doe, The Daily Ledger: "The council has run out of excuses and time."\n',
            "Jane Doe",
        ),
    ],
)
def test_named_speaker(text: str, expected: str) -> None:
    assert _speakers(text) == [(expected, True)]


def test_unnamed_speaker_is_attributed_without_a_name() -> None:
    assert _speakers('"Prices will fall," said a trader at a large Zurich bank.\n') == [
        (None, True)
    ]


def test_speaker_after_must_be_in_the_same_paragraph() -> None:
    text = '"This budget protects every service the city provides."\n\nCritics say it does not.\n'
    assert _speakers(text) == [(None, False)]


def test_a_new_sentence_after_a_quote_does_not_take_its_credit() -> None:
    text = (
        "Union leader Mark Serwotka warned there could be further walkouts.\n\n"
        '"That is working until people drop," he said. "It is completely unacceptable." '
        "Correspondent Stephen Cape said the unions represented a formidable force.\n"
    )
    speakers = [speaker for speaker, _ in _speakers(text)]
    assert "Stephen Cape" not in speakers


def test_a_weekday_before_a_colon_is_no_speaker() -> None:
    text = 'Mr Blair told the party meeting on Monday: "Nothing will get in the way of unity."\n'
    assert _speakers(text) == [("Mr Blair", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Mayor Ann Pike called the audit "a witch hunt" on Tuesday.\n', "Ann Pike"),
        (
            "On Sunday, Ann Pike thanked volunteers, saying, "
            '"We could not have done this without every one of you."\n',
            "Ann Pike",
        ),
        (
            "Tom Reyes, 52, the son of a former governor, wrote on Monday, "
            '"Next year the council will have to choose between the two plans."\n',
            "Tom Reyes",
        ),
        (
            "Former Ambassador Lisa Okafor recently urged voters to turn out, saying, "
            '"Nobody else is going to make this choice for you."\n',
            "Lisa Okafor",
        ),
    ],
)
def test_speaker_is_the_subject_of_the_sentence(text: str, expected: str) -> None:
    assert _speakers(text)[0][0] == expected


def test_a_name_after_a_preposition_is_no_subject() -> None:
    text = 'The report by Ann Pike called the plan "unworkable" and costly.\n'
    assert _speakers(text)[0][0] is None


def test_a_new_sentence_with_its_own_cue_is_no_split_quote() -> None:
    text = (
        'Tom Reyes is said to have called the plan "a sham" in a memo. '
        'The memo reportedly said: "We will fight this plan in every court we can find."\n'
    )
    assert _speakers(text)[1] == (None, True)


def test_a_name_after_a_clause_following_the_verb_is_no_speaker() -> None:
    text = '"We will be back," said a woman who once worked for Tom Reyes.\n'
    assert _speakers(text)[0][0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Tom Reyes later on Thursday told Channel Nine: "Both sides will meet next week."\n',
            "Tom Reyes",
        ),
        (
            "Touring the empty mills of upstate New York, Reyes concludes: "
            '"Nobody did this to them."\n',
            "Reyes",
        ),
        (
            "In a statement to the Ledger, her adviser, Jake Mora, said: "
            '"The senator believes the deal is strongest as it stands."\n',
            "Jake Mora",
        ),
    ],
)
def test_a_name_before_a_colon_that_was_told_is_no_speaker(text: str, expected: str) -> None:
    assert _speakers(text)[0][0] == expected


def test_a_possessive_before_a_partial_quote_names_its_speaker() -> None:
    text = 'Voters never forgot Tom Reyes\'s "fair share" remark, made in 2012.\n'
    assert _speakers(text)[0][0] == "Tom Reyes"


def test_a_partial_quote_in_a_later_sentence_is_no_split_quote() -> None:
    text = (
        '"We will win," Ann Pike said on Monday. Voters booed the "fair share" line '
        "at every stop.\n"
    )
    assert _speakers(text)[1][0] is None


def test_a_capitalised_adverb_is_no_speaker() -> None:
    text = 'Recently wrote on her blog: "I am leaving the party for good."\n'
    speaker, attributed = _speakers(text)[0]
    assert speaker is None and attributed


def test_a_pronoun_resolves_to_the_last_person_before_it() -> None:
    text = (
        "Ann Pike met Tom Reyes on Monday.\n\n"
        'Reyes left early. "We will talk again next week," he said. Pike stayed.\n'
    )
    assert _speakers(text)[0][0] == "Reyes"


def test_an_inverted_attribution_names_the_speaker() -> None:
    text = 'It hurt. Said Tom Reyes, "The thought that we missed it is very painful to us."\n'
    assert _speakers(text)[0][0] == "Tom Reyes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'However, the museum board said Thursday on Twitter, "We have never wanted the gun.'
            ' We have no plans to show it."\n',
            "the museum board",
        ),
        (
            'Reyes told the Harbour Post in a written statement, "I do not want his backing,'
            ' because he does not stand for strength."\n',
            "Reyes",
        ),
        (
            'Sen. Dana Holt (D-Ore.), noting the size of the crowd, said, "Let me tell you, he'
            ' has got a heck of a mailing list."\n',
            "Sen. Dana Holt",
        ),
        (
            'Ann Pike emphatically proclaimed at a press conference, "I did not send any secret'
            ' files to anyone at all."\n',
            "Ann Pike",
        ),
        (
            "According to the Daily Ledger, “Voss also worked with the mayor's aides to post a"
            " friendly tweet.”\n",
            "Daily Ledger",
        ),
        (
            '"These are the darkest days for people like me," former George W. Bush aide Noam'
            " Reyes wrote in a column.\n",
            "Noam Reyes",
        ),
        (
            '"The impact of the shock remains very unclear for the year ahead," the IMF report'
            " stated.\n",
            "IMF",
        ),
        (
            'The bill passed.\n\n"There was not much advice for parents in the early years, said'
            " Kessel, whose group backs the bill.\n",
            "Kessel",
        ),
        (
            'Obama named Merrick Garland. As John Cornyn put it, "This person will not be'
            ' confirmed this year."\n',
            "John Cornyn",
        ),
    ],
)
def test_speaker_before_with_more_words_abbreviations_and_slips(text: str, expected: str) -> None:
    assert _speakers(text)[-1][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The city hoped to shed what Gilbert called "a perception problem."\n', "Gilbert"),
        (
            'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution"'
            " in a brief.\n",
            "Tribe",
        ),
        (
            'His ire was aimed at the aide, whom Beck on Wednesday called "a horrible man."\n',
            "Beck",
        ),
        ('The report by Ann Pike called the plan "unworkable" and costly.\n', None),
    ],
)
def test_the_one_who_called_it_so_said_a_partial_quote(text: str, expected: str | None) -> None:
    assert _speakers(text)[0][0] == expected


def test_a_new_sentence_after_a_quote_is_no_attribution() -> None:
    # '"... overlook." The star then recalled ...' credits nobody; the
    # sentence before names the speaker.
    text = (
        'Hayek agreed and said, "The country has a problem with bias that we try to overlook."'
        " The star then recalled an incident at a theatre.\n"
    )
    assert _speakers(text) == [("Hayek", True)]


def test_a_verb_before_a_colon_after_a_quote_introduces_the_next_one() -> None:
    text = (
        "Someone else spoke first.\n\n"
        "“I did not send any secret files to anyone.” The candidate reiterated: “I know the rules"
        " on secret files very well.”\n"
    )
    assert _speakers(text)[0] == (None, False)


def _verb_phrases() -> list[str]:
    """Every phrase of ``quotes.VERBS``, its one group written out."""
    from factlint.facts.quotes import VERBS

    plain, _, group = VERBS.rpartition("|(?:")
    phrases = plain.split("|")
    assert group == "issued|released)(?: the following| a)? statement"
    for verb in ("issued", "released"):
        phrases += [f"{verb}{middle} statement" for middle in ("", " the following", " a")]
    return phrases


@pytest.mark.parametrize("phrase", _verb_phrases())
@pytest.mark.parametrize(
    "ending", [": ", ", ", " ", ":", "\u00a0Thursday,\n", " reporters on Monday: "]
)
def test_the_verb_check_lets_every_attribution_before_a_quote_through(
    phrase: str, ending: str
) -> None:
    # The "before" pattern runs only when _has_verb finds a verb's first word:
    # every verb, however it ends, must pass, or its speakers are lost.
    from factlint.facts.quotes import _has_verb, _patterns

    text = f"In a long speech, Jane Doe {phrase}{ending}"
    assert _patterns()["before"].search(text) is not None
    assert _has_verb(text)


@settings(max_examples=300, deadline=None)  # the first example compiles the pattern
@given(
    st.lists(
        st.sampled_from(
            [
                "Jane",
                "Doe",
                "the",
                "spokesman",
                "said",
                "says",
                "told",
                "according",
                "to",
                "issued",
                "a",
                "statement",
                "(AP)",
                ",",
                ":",
                ".",
                "reporters",
                "quietly",
            ]
        ),
        max_size=12,
    ),
    st.lists(st.sampled_from([" ", "\t", "\n", "\u00a0", "", ", "]), min_size=12, max_size=12),
)
def test_the_verb_check_never_hides_a_match(words: list[str], gaps: list[str]) -> None:
    from factlint.facts.quotes import _has_verb, _patterns

    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    if _patterns()["before"].search(text) is not None:
        assert _has_verb(text)
