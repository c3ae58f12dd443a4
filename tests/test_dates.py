"""The date resolver on the seeds and on short drafts, and property tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.facts.dates import resolve


def _dates(seeds: Path, name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    main(["facts", "--isolated", str(seeds / name)])
    (doc,) = json.loads(capsys.readouterr().out)
    return {d["text"]: d for d in doc["facts"]["dates"]}


def test_seed_001_weekdays_resolve_by_tense(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dates = _dates(seeds, "001_503aeeceae458385.txt", capsys)
    assert dates["Tuesday"]["value"] == "2017-07-04"  # "reported Tuesday": past
    assert dates["Tuesday"]["tense"] == "past"
    assert dates["Thursday"]["value"] == "2017-07-06"  # "set to take effect Thursday"
    assert dates["Thursday"]["tense"] == "future"
    assert dates["last month"]["value"] == "2017-06"
    assert dates["April"]["value"] == "2017-04"


def test_seed_000_absolute_and_month_ranges(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dates = _dates(seeds, "000_3c3a6071b36f80b8.txt", capsys)
    assert dates["May 1st"]["value"] == "2017-05-01"
    late = dates["late January"]
    assert late["value"] == "2017-01"
    assert late["range"] == ["2017-01-21", "2017-01-31"]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("It happened yesterday.", "2017-07-04", "2017-07-03"),
        ("It will happen tomorrow.", "2017-07-04", "2017-07-05"),
        ("They met last Tuesday.", "2017-07-04", "2017-06-27"),
        ("They meet next Friday.", "2017-07-04", "2017-07-07"),
        ("It happened two days ago.", "2017-07-04", "2017-07-02"),
        ("The report came out last week.", "2017-07-04", "2017-W26"),
        ("It will be done next week.", "2017-07-04", "2017-W28"),
        ("Sales rose this year.", "2017-07-04", "2017"),
        ("It was cold earlier this month.", "2017-07-04", "2017-07"),
        ("The rule takes effect Jan. 1.", "2017-12-12", "2018-01-01"),
        ("They met on Dec. 30.", "2018-01-02", "2017-12-30"),
        ("Filed 7/4/2017 in court.", "2017-07-10", "2017-07-04"),
        ("On 4 July 2017 it rained.", "2017-07-10", "2017-07-04"),
        ("Dated 2017-07-04.", "2017-07-10", "2017-07-04"),
        ("Fireworks on the Fourth of July drew crowds.", "2017-07-10", "2017-07-04"),
        ("The deal closed in March 2016.", "2017-07-10", "2016-03"),
        ("Announced last February 28, the plan froze prices.", "1987-02-26", "1986-02-28"),
    ],
)
def test_resolution(text: str, published: str, value: str) -> None:
    (expression,) = resolve(text, dt.date.fromisoformat(published))
    assert expression.value == value


def test_no_clock_without_a_publication_date() -> None:
    (expression,) = resolve("The vote was Tuesday.", None)
    assert expression.value is None
    assert expression.how == "no publication date"


def test_may_the_verb_is_not_a_month() -> None:
    assert resolve("The council may vote. It met in May.", dt.date(2017, 7, 4))[0].text == "May"
    assert len(resolve("The council may vote.", dt.date(2017, 7, 4))) == 0


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("MayJuneTuesday 0123456789,./-lastnextago ")), max_size=80
    ),
    published=st.one_of(st.none(), st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31))),
)
def test_resolver_never_crashes_and_spans_stay_inside(text: str, published: dt.date | None) -> None:
    for expression in resolve(text, published):
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text


def test_text_whose_lower_case_changes_length_resolves_the_same() -> None:
    """'İ' lower-cases to two characters: offsets must still point at the text."""
    published = dt.date(2017, 7, 4)
    plain = resolve("ISTANBUL — The talks began on Monday and end in late July.", published)
    dotted = resolve("İSTANBUL — The talks began on Monday and end in late July.", published)
    assert [(d.start, d.end, d.text, d.value) for d in dotted] == [
        (d.start, d.end, d.text, d.value) for d in plain
    ]
    assert [d.text for d in plain] == ["Monday", "late July"]


@pytest.mark.parametrize(
    ("text", "published", "value", "weekday"),
    [
        ("The report is dated 2019-03-05 (Monday).", "2019-03-10", "2019-03-05", "Monday"),
        ("The vote is Wed., July 5.", "2017-07-10", "2017-07-05", "Wednesday"),
        ("The vote is Thurs. July 6.", "2017-07-10", "2017-07-06", "Thursday"),
        ("Residents met Wednesday the 5th.", "2017-07-10", "2017-07-05", "Wednesday"),
        ("Residents met Friday the 30th.", "2017-07-02", "2017-06-30", "Friday"),
        ("The rally is July 5 (Wednesday).", "2017-07-10", "2017-07-05", "Wednesday"),
        ("Talks opened on Wednesday, 5 July 2017.", "2017-07-10", "2017-07-05", "Wednesday"),
    ],
)
def test_dates_written_with_their_weekday(
    text: str, published: str, value: str, weekday: str
) -> None:
    (expression,) = resolve(text, dt.date.fromisoformat(published))
    assert (expression.kind, expression.value, expression.weekday) == ("absolute", value, weekday)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Nearness, whatever the tense: the tense is FL302's to compare.
        ("The union will hold its rally on April 18.", "2017-06-02", "2017-04-18"),
        ("Hundreds marched in the parade on May 3.", "2017-03-09", "2017-05-03"),
        ("The rule takes effect in January.", "2017-12-12", "2018-01"),
        # "this <weekday>" is the one of the publication date's week (Monday to Sunday).
        ("He said it would be discussed this Friday.", "1987-03-09", "1987-03-13"),
        ("Prices fell at this Tuesday's auction.", "1987-03-04", "1987-03-03"),
        # "this/last/next <month>"
        ("Sales will pick up this September.", "1998-02-10", "1998-09"),
        ("Sales fell last December.", "1989-11-01", "1988-12"),
        ("Sales will rise next March.", "1989-11-01", "1990-03"),
        ("The sale may go ahead.", "1989-11-01", None),
        # a deadline month is the nearest, not the verb's direction
        ("They gave the firm until mid-November to reply.", "1989-10-30", "1989-11"),
        # ... and one the sentence puts ahead is ahead
        ("Lenders have extended loans through January.", "1989-10-30", "1990-01"),
        ("Qantas will double its flights by August.", "1998-02-13", "1998-08"),
        # a period that "ended" is over: the latest on or before the publication date
        ("Revenue was $76 million for the year ended March 31.", "1989-11-01", "1989-03-31"),
        ("The index is at its highest since May 9.", "2006-12-20", "2006-05-09"),
        # an "and" clause with no verb takes the one before it
        ("He stepped down as chairman and chief executive in March.", "1989-11-02", "1989-03"),
        # "unspecified" is no past-tense verb
        ("It would be paid on an unspecified date in January.", "1989-10-26", "1990-01"),
    ],
)
def test_nearest_occurrence_and_relations(text: str, published: str, value: str | None) -> None:
    found = resolve(text, dt.date.fromisoformat(published))
    assert [e.value for e in found] == ([value] if value else [])


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Story of Thursday, April 3, 1997: reported plans point ahead.
        ("An official said the committee would meet Friday in Rome.", "1997-04-03", "1997-04-04"),
        ("The trial resumes on Monday with new witnesses.", "1997-04-03", "1997-04-07"),
        ("Iraq goes to the polls on Thursday.", "1997-04-01", "1997-04-03"),
        ("A response may still come, possibly on Monday.", "1997-04-03", "1997-04-07"),
        ("More protests are expected Sunday.", "1997-04-03", "1997-04-06"),
        ("The court adjourned the session until Tuesday.", "1997-04-03", "1997-04-08"),
        ("Voters rallied ahead of Sunday's election.", "1997-04-03", "1997-04-06"),
        # ... and past verbs point back, "would have" too.
        ("The rebels killed 34 pupils in the attack Tuesday.", "1997-04-03", "1997-04-01"),
        ("Prices would have fallen Monday without the cut.", "1997-04-03", "1997-03-31"),
    ],
)
def test_a_weekday_takes_the_clause_tense(text: str, published: str, value: str) -> None:
    found = [e for e in resolve(text, dt.date.fromisoformat(published)) if e.kind == "weekday"]
    assert [e.value for e in found] == [value]


@pytest.mark.parametrize(
    ("text", "published", "value", "how"),
    [
        ("The summit opened in March last year.", "1997-04-07", "1996-03", '("last year")'),
        ("It will reopen in July next year.", "2006-12-03", "2007-07", '("next year")'),
        ("It was set up on October 13 this year.", "2006-12-10", "2006-10-13", '("this year")'),
        ("The launch is planned in November of this year.", "1997-04-10", "1997-11", "this year"),
        ("He was brought to Qatar in September, 2004 by his coach.", "2006-12-14", "2004-09", ""),
        # a decimal point ends no clause: "lifted" still governs "in March"
        ("The bank lifted its rate to 5.50 percent in March.", "2005-12-14", "2005-03", ""),
    ],
)
def test_the_year_given_in_words(text: str, published: str, value: str, how: str) -> None:
    (expression,) = resolve(text, dt.date.fromisoformat(published))
    assert expression.value == value
    assert how in expression.how


def test_a_month_and_a_count_after_a_comma_is_no_year() -> None:
    found = resolve("Protests grew in March, 2000 people marched.", dt.date(2017, 7, 4))
    assert [(e.text, e.value) for e in found] == [("March", "2017-03")]


def test_the_dateline_date_is_metadata_in_any_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for line in ("RIO DE JANEIRO, MARCH 25 - ", "Chicago, March 25 - "):
        path = tmp_path / "story.md"
        path.write_text(
            f"---\ndate: 1987-03-25\n---\n\n{line}The board voted on March 24 to sell.\n",
            encoding="utf-8",
        )
        dates = _dates(tmp_path, "story.md", capsys)
        assert list(dates) == ["March 24"], line
        assert dates["March 24"]["how"] == "year from the publication date (nearest occurrence)"


def _dates_benchmark() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "dates.py"
    spec = importlib.util.spec_from_file_location("factlint_dates_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_timebank_value_accuracy(corpora: Path) -> None:
    """TimeBank 1.2 gold values: at least 0.93 of the found calendar DATEs
    (0.94 now; issue 15 asks for 0.92)."""
    bench = _dates_benchmark()
    if not (corpora / "timeml" / "timebank.docs.jsonl").exists():
        pytest.skip(f"TimeBank not found in {corpora / 'timeml'}")
    score = bench.timebank()
    assert score.accuracy() >= 0.93, score.accuracy()


def test_tempeval_silver_is_measured(corpora: Path) -> None:
    """The silver set's values are a machine's, so its agreement is printed,
    not held to a bar; the test checks it is read and mostly agrees."""
    bench = _dates_benchmark()
    if not (corpora / "timeml" / "te3-silver.dates.jsonl").exists():
        pytest.skip(f"the TempEval-3 silver set is not in {corpora / 'timeml'}")
    score, unplaced = bench.silver()
    assert sum(score.total.values()) > 9000 and unplaced < 100
    # 0.867 now; most disagreements are the machine's (benchmarks/dates.py --classes)
    assert score.accuracy() >= 0.86, score.accuracy()


def test_silver_disagreements_are_classed() -> None:
    bench = _dates_benchmark()
    # a Tuesday story's own "Tuesday" given next week's date by the machine
    assert bench.silver_error("Tuesday", "1997-04-08", "1997-04-01", "1997-04-01", "past") == 0
    # a date ahead in a future-tense clause given last year's
    assert bench.silver_error("May 12", "1996-05-12", "1997-05-12", "1997-04-22", "future") == 1
    assert bench.silver_error("Dec. 1-15", "2006-11-29", "2006-12-01", "2006-11-29", None) == 3
    assert bench.silver_error("late Tuesday", "1997-04-09", "1997-04-08", "1997-04-09", None) == 4
    # a past-tense date the machine put ahead: ours to look at, not the machine's error
    assert bench.silver_error("May 12", "1996-05-12", "1997-05-12", "1997-04-22", "past") is None
    assert bench.silver_error("Friday", "1997-04-04", "1997-03-28", "1997-04-03", None) is None
    # a count from the DCT, or a stated other date, given the DCT itself
    assert bench.silver_error("10 days ago", "2006-12-18", "2006-12-08", "2006-12-18", None) == 6
    assert bench.silver_error("Nov. 16", "2005-11-18", "2005-11-16", "2005-11-18", None) == 6
    # a clock time read as a year
    assert bench.silver_error("0900 GMT Wednesday", "0900", "2006-12-06", "2006-12-12", None) == 7
    # a stated date that is the DCT is no silver error
    assert bench.silver_error("Nov. 18", "2005-11-18", "2005-11-17", "2005-11-18", None) is None


def test_scoring_up_to_granularity() -> None:
    bench = _dates_benchmark()
    assert bench.within("2003-01-01", "2003") and bench.within("2003-01", "2003")
    assert bench.within("1997-04-02", "1997-W14") and bench.within("1997-04", "1997-04")
    # a coarser or another value is not inside
    assert not bench.within("2003", "2003-01-01") and not bench.within("2004-01-01", "2003")
    assert not bench.within("1997-04-09", "1997-W14") and not bench.within(None, "2003")
    # up to granularity, either way round: "a year ago" is 1988 to factlint
    assert bench.nested("1988", "1988-11-02") and bench.nested("2003-01-01", "2003")
    assert not bench.nested("1989", "1988-11-02") and not bench.nested(None, "1988")


def test_silver_dates_are_placed_by_their_offsets() -> None:
    bench = _dates_benchmark()
    sentence = "It was set for Friday and Saturday, and held Saturday."
    group = [
        {"text": "Saturday", "start": 1026, "context": sentence},
        {"text": "Saturday", "start": 1045, "context": sentence},
    ]
    # both offsets fit a sentence starting at 1000 ("Saturday" at 26 and 45)
    assert bench._sentence_start(group) == 1000


# One draft per way a date form can begin (the scan passes over words that
# begin otherwise): every first letter of a month, weekday or cue word, digits
# in any script.
_EVERY_START = [
    "in 2019", "by 2020", "until 2021", "during 2018", "after 2017", "of 2016", "since 2015",
    "before 2014", "early March", "mid-March", "late March", "coming Friday", "past week",
    "yesterday", "tonight", "today", "tomorrow", "earlier this week", "later this month",
    "two days ago", "a week ago", "one year ago", "five days later", "six weeks ago",
    "seven days ago", "eight months ago", "nine years ago", "ten days ago", "eleven days ago",
    "twelve months ago", "three weeks ago", "four days ago", "the Fourth of July", "Jan. 5",
    "Feb 2", "Oct. 3", "Dec. 1", "Aug. 9", "April 4", "June 1", "July 2", "Nov. 8", "Sept. 9",
    "May 5, 2019", "next Monday", "last Tuesday", "this Thursday", "Wednesday the 5th",
    "Sat., March 4", "Sunday", "3/4/2020", "2019-03-05", "\u0663 March", "4 July 2017",
    "Wed., July 5", "next week", "last year", "this month", "coming weekend",
]  # fmt: skip


@pytest.mark.parametrize("prefix", ["", "\u0130stanbul: "])  # "İ" lower-cases longer
def test_every_way_a_date_begins_is_found(prefix: str) -> None:
    for form in _EVERY_START:
        text = f"{prefix}They said it happened {form} at noon."
        assert [d.text for d in resolve(text, dt.date(2020, 3, 10))] == [form]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # A year-less date more than 60 days from the publication date whose
        # clause's tense points the other way is the other year's ...
        ("The first case in humans was announced on March 18.", "2006-12-23", "2006-03-18"),
        ("The World Cup will kick off on June 9 in Munich.", "2005-11-16", "2006-06-09"),
        # ... or, near the turn of the year, the publication date's own (AP style)
        ("The tariff, which took effect on Jan. 1, cut imports.", "2006-11-16", "2006-01-01"),
        # but a reporting verb or a plan in the past does not date it
        ("The opposition have alleged the January 23 polls will be rigged.", "2006-12-11",
         "2007-01-23"),
        ("The talks had been scheduled for July 25.", "2006-11-07", "2006-07-25"),
        # and within 60 days the nearest stays, for FL302 to compare
        ("The union will hold its rally on April 18.", "2017-06-02", "2017-04-18"),
        ("Hundreds marched in the parade on May 3.", "2017-03-09", "2017-05-03"),
    ],
)  # fmt: skip
def test_a_far_year_less_date_takes_the_tense(text: str, published: str, value: str) -> None:
    (expression,) = resolve(text, dt.date.fromisoformat(published))
    assert expression.value == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a passive after a modal or "to" is ahead, as the active modal is
        ("Soldiers would be deployed on the streets from early Monday.", "1997-04-13",
         "1997-04-14"),
        ("The budget is to be presented in parliament on Tuesday.", "2005-11-07", "2005-11-08"),
        # "were to be" is a plan in the past: no cue, read as past
        ("The first refugees were to be airlifted out on Friday, but rebels blocked the move.",
         "1997-04-21", "1997-04-18"),
        # a present passive is no past tense ...
        ("The force will leave after elections are held in June.", "1997-04-13", "1997-06"),
        ("The elections were held in June.", "1997-04-13", "1996-06"),
        # ... nor is an -ed word in a compound
        ("The rise in value-added tax in January will slow growth.", "2006-12-13", "2007-01"),
        # a cue after a date that opens a long clause
        ("On Sunday, the new six-million-kilowatt hydropower station on the upper reaches of"
         " the river will start operation.", "2006-11-24", "2006-11-26"),
        # a modal at the start of a long sentence
        ("The club can still finish the year on top of the league table, three points clear of"
         " its rivals, if it beats its struggling visitors from the coast at home on Wednesday.",
         "2006-12-18", "2006-12-20"),
        # a verb far before a month alone does not date it: the nearest
        ("The minister became the sixth to leave the party as part of the continuing turmoil in"
         " national politics in the run-up to a March general election.", "2005-12-07",
         "2006-03"),
        ("He resigned from the party in March.", "2005-12-07", "2005-03"),
        # an adjective in -ed after the date is no verb ("untouched by the crisis")
        ("The airline will double its flights between Perth and Delhi by August in search of"
         " markets untouched by the crisis.", "1998-02-13", "1998-08"),
        # a colon inside a clock time ends no clause: "will be turned off" governs Monday
        ("Gas supplies will be turned off at 10:00 am (0700 GMT) on Monday.", "2006-12-28",
         "2007-01-01"),
        ("Gas supplies were turned off at 10:00 am (0700 GMT) on Monday.", "2006-12-28",
         "2006-12-25"),
        # fixtures that kick off ahead
        ("Other first-leg matches kick off on Wednesday.", "2005-11-29", "2005-11-30"),
        # "since January" is over
        ("It is the worst month for the troops since January.", "2005-10-31", "2005-01"),
    ],
)  # fmt: skip
def test_tense_cues_around_the_date(text: str, published: str, value: str) -> None:
    (expression,) = resolve(text, dt.date.fromisoformat(published))
    assert expression.value == value


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        # a delivery or contract month is traded ahead, whatever the verb
        ("Crude for delivery in December fell 1.11 dollars.", "2005-11-07", ["2005-12"]),
        ("Light crude for December settlement closed up 48 cents.", "2006-11-15", ["2006-12"]),
        ("The January contract had closed up 25 cents.", "2005-12-16", ["2006-01"]),
        # ... and a month that is not one keeps the tense
        ("Crude output fell in December.", "2005-11-07", ["2004-12"]),
        # the start of a range is the latest on or before its end
        ("From Jan. to Oct. exports rose.", "2005-11-30", ["2005-01", "2005-10"]),
        ("Between January and October, imports rose.", "2006-11-22", ["2006-01", "2006-10"]),
        ("He was economy minister from April to August 2005.", "2006-11-28",
         ["2005-04", "2005-08"]),
        ("The expo runs from May 1 to October 31, 2010.", "2005-11-28",
         ["2010-05-01", "2010-10-31"]),
        # ... but two months joined by "and" alone are no range
        ("Storms hit the coast in August and September.", "2005-11-30", ["2005-08", "2005-09"]),
        # the year after a range of days is the first day's too
        ("The bombs fell on August 6 and 9, 1945.", "2005-12-10", ["1945-08-06"]),
        # a count with a thousands separator is counted whole
        ("The journey began more than 1,400 years ago.", "2006-12-28", ["0606"]),
        ("It was founded 15 years ago.", "2006-12-28", ["1991"]),
        # "that year" is another date's year: not the publication date's
        ("In September that year, he raised the issue.", "2006-12-29", [None]),
        ("In September last year, he raised the issue.", "2006-12-29", ["2005-09"]),
    ],
)  # fmt: skip
def test_months_traded_ahead_ranges_and_counts(
    text: str, published: str, values: list[str | None]
) -> None:
    found = resolve(text, dt.date.fromisoformat(published))
    assert [e.value for e in found] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a year in words, as broadcast transcripts write it
        ("Atlanta, nineteen ninety-six. A bomb blast shocks the games.", ["1996"]),
        ("January nineteen ninety-seven. Atlanta again.", ["1997-01"]),
        ("He was convicted in nineteen ninety-one.", ["1991"]),
        ("The plan was to halve it by the year two thousand.", ["2000"]),
        ("It opened in nineteen oh five.", ["1905"]),
        # ... but counts in words are no years
        ("Nineteen hundred people came.", []),
        ("It won two thousand and five votes.", []),
        ("Twenty five people came.", []),
    ],
)
def test_years_in_words(text: str, values: list[str]) -> None:
    found = resolve(text, dt.date(1998, 2, 27))
    assert [e.value for e in found] == values
