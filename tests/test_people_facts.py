"""What `factlint facts` lists as people, on short drafts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factlint.cli import main
from factlint.data import load_data


def _mentions(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, Any]]:
    """The person mentions `factlint facts` lists for a one-story draft."""
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["facts", "--isolated", str(path)]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    return list(doc["facts"]["people"])


def _people(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [p["text"] for p in _mentions(tmp_path, text, capsys)]


def test_word_lists_hold_only_words() -> None:
    """A YAML round trip once turned On, No and Yes into booleans."""
    data = load_data("people.json")
    for key, value in data.items():
        words = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        assert all(isinstance(w, str) and w for w in words), key


def test_month_abbreviations_and_sentence_openers_are_not_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Sen. Marco Rubio spoke on CNN on Dec. 6 and Gov. Jeb Bush said Dec. 7 that police"
        " needed help. On Dec. 8, Sen. Rubio said it again. No Gov. Bush aide would comment.\n"
    )
    people = _people(tmp_path, text, capsys)
    assert "Dec" not in people
    assert not any(p.startswith(("On ", "No ")) for p in people), people
    assert people.count("Rubio") == 1 and people.count("Bush") == 1


def test_unknown_given_name_with_an_age_or_a_titled_surname(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Hacker gets 52-month sentence.\n\n"
        "Marcel Lehel Lazar, 44, known online as Guccifer, was extradited in 2014 and"
        " pleaded guilty in May to identity theft and unauthorized access.\n\n"
        "Parker Griffith experienced the move away from the political middle firsthand.\n\n"
        "Dr. Griffith was beaten in the Republican primary in 2010.\n"
    )
    people = _people(tmp_path, text, capsys)
    assert "Marcel Lehel Lazar" in people
    assert "Parker Griffith" in people


def test_capitalised_phrases_are_not_full_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Republican Donor Adelson and Trump May Be Aligning on Israel.\n\n"
        "Top Republican donor Sheldon Adelson said on Friday that he met presidential"
        " candidate Donald Trump this week and that they discussed Israel at length.\n\n"
        "Iron Mike Tyson was not asked to speak, Trump wrote. Outside Carrier's plant,"
        " workers said Carrier had moved jobs; Carrier spokesman Todd Smith declined to comment.\n\n"
        "The issue was priced at par, lead manager J Henry Schroder Wagg and Co Ltd said.\n\n"
        "BAe said it would buy the planes.\n"
    )
    people = _people(tmp_path, text, capsys)
    assert "Sheldon Adelson" in people and "Donald Trump" in people
    unwanted = {"Donor Adelson", "Iron Mike Tyson", "Outside Carrier", "BAe"}
    assert not unwanted & set(people), people
    assert not any("Wagg" in p for p in people), people


def test_nicknames_in_quotes_and_no_break_spaces_inside_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        'RICHMOND, Va. — In a tradition he has kept for 40 years, Rep. Robert C. "Bobby" Scott'
        " threw open his family farm on Saturday.\n\n"
        "Scott said the crowd was bigger than ever. Sen.\u00a0Marco\u00a0Rubio came too, and"
        " said Priorities spokesman Justin Barasky had set the priorities for the day.\n"
    )
    people = _people(tmp_path, text, capsys)
    assert 'Robert C. "Bobby" Scott' in people
    assert "Marco\u00a0Rubio" in people
    assert "Priorities" not in people and "Justin Barasky" in people


def test_two_word_titles_whose_last_word_is_no_title_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Lt. Gov. Mandela Barnes and Attorney General Josh Kaul also spoke, as did"
        " District Attorney John Chisholm.\n"
    )
    titles = {p["text"]: p["title_key"] for p in _mentions(tmp_path, text, capsys)}
    assert titles == {
        "Mandela Barnes": "lieutenant-governor",
        "Josh Kaul": "attorney-general",
        "John Chisholm": "district-attorney",
    }


def test_middle_initials_suffixes_and_streets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "MILWAUKEE (AP) — Traffic was stopped on Martin Luther King Jr. Drive on Tuesday."
        " Sheriff David A. Clarke Jr. said deputies were safe, and actress Sally Field agreed.\n"
    )
    people = _people(tmp_path, text, capsys)
    assert "David A. Clarke" in people and "Sally Field" in people
    assert not any("Drive" in p for p in people), people


def test_royal_titles_title_word_surnames_and_places_before_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Saudi Crown Prince Mohammed bin Salman met the author Stephen King and director"
        " Mike Judge. Simon Coveney, speaking in Dublin, said he welcomed the talks."
        " King Abdullah sent a message.\n"
    )
    people = _people(tmp_path, text, capsys)
    assert {"Mohammed bin Salman", "Stephen King", "Mike Judge", "Simon Coveney"} <= set(people)
    assert "Dublin" not in people and "Abdullah" not in people


def test_a_describing_word_opening_the_sentence_is_not_a_given_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Singer Pete Doherty will spend the weekend in jail. Vice President Joe Biden"
        " spoke. Bill de Blasio agreed.\n"
    )
    found = {p["text"]: p["title"] for p in _mentions(tmp_path, text, capsys)}
    assert found == {"Pete Doherty": None, "Joe Biden": "Vice President", "Bill de Blasio": None}


def test_a_word_for_what_someone_does_opening_the_sentence_is_not_a_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """AP writes "volunteer Maria Lopez" in lower case; a sentence that opens
    with it capitalises the word, which is not her given name."""
    text = (
        "Volunteer Maria Lopez said the vigil would go on. Firefighter Dan Ruiz carried"
        " the banner. Juror Anne Kell declined to comment. Frances Farmer sang.\n"
    )
    found = {p["text"] for p in _mentions(tmp_path, text, capsys) if p["kind"] == "full"}
    assert found == {"Maria Lopez", "Dan Ruiz", "Anne Kell", "Frances Farmer"}


def test_titles_of_several_words_initials_honours_and_suffixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "WASHINGTON — House Majority Leader Steny Hoyer said the vote would be close, and"
        " Senate Minority Whip Dick Durbin's office said the same. Vice-President Dick Cheney"
        " agreed, and Ian MacDonald QC, A.J. Spiker, J. Smith and G Thomas disagreed."
        " Western Union said John Pope Jr was elected.\n"
    )
    mentions = {m["text"]: m for m in _mentions(tmp_path, text, capsys)}
    assert mentions["Steny Hoyer"]["title"] == "House Majority Leader"
    assert mentions["Dick Durbin"]["title"] == "Senate Minority Whip"
    assert mentions["Dick Cheney"]["title"] == "Vice-President"
    for name in ("Ian MacDonald", "A.J. Spiker", "J. Smith", "G Thomas", "John Pope"):
        assert mentions[name]["kind"] == "full", name
    assert "Jr" not in mentions


def test_front_matter_does_not_hide_the_headline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        "---\ndate: 2016-05-02\n---\n\nObama says Trump is unfit for office.\n\n"
        "WASHINGTON — President Barack Obama said Donald Trump was unfit for office.\n",
        encoding="utf-8",
    )
    assert main(["facts", "--isolated", str(path)]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    lone = [p for p in doc["facts"]["people"] if p["kind"] != "full"]
    assert lone and all(p["headline"] for p in lone), lone


def test_mis_encoded_letters_do_not_make_a_surname(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "WASHINGTON — Rep. Ra\u00c3\u00c2\u0081ol Grijalva urged Sanders to accept the result.\n"
    assert "Ra\u00c3\u00c2" not in _people(tmp_path, text, capsys)


def test_place_initials_are_not_a_given_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "TOKYO — Japanese crushers, starting to buy U.S. Soybeans for April, made purchases.\n"
    assert "U.S. Soybeans" not in _people(tmp_path, text, capsys)


def test_census_given_names_make_a_full_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given names the nicknames table lacks come from the 1990 US Census lists;
    names that are common words ("Hope", "Summer") are left out of that list."""
    text = (
        "LONDON — The panel heard from Shane Meadows and Charlene Barton on Monday."
        " Summer Olympics organisers spoke to Hope Street residents.\n"
    )
    found = _people(tmp_path, text, capsys)
    assert "Shane Meadows" in found and "Charlene Barton" in found
    assert "Summer Olympics" not in found and "Hope Street" not in found
    data = load_data("given_names.json")["given_names"]
    assert "shane" in data and "summer" not in data and "may" not in data


def test_a_capitalised_description_before_a_full_name_is_not_part_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "LONDON — The report was criticised. But BBC Political Correspondent Jane Hardwick"
        " said outsiders would pry. Liberal Democrat Alan Broome, who chairs the committee,"
        " agreed, and Kenyan Bernard Kiptoo ran third. Model Sophie Anders left the show,"
        " which Acme Capital CEO Richard Pellow funds, and Douglas Capital CEO Harold Pell"
        " backs. John Paul Jones was there, and Newcastle boss Graeme Sounder and Olympic"
        " champion Kenenisa Bekelo watched.\n"
    )
    found = _people(tmp_path, text, capsys)
    for name in (
        "Jane Hardwick", "Alan Broome", "Bernard Kiptoo", "Sophie Anders", "Richard Pellow",
        "John Paul Jones", "Harold Pell", "Graeme Sounder", "Kenenisa Bekelo",
    ):  # fmt: skip
        assert name in found, (name, found)


def test_the_office_after_a_title_and_of_is_not_part_of_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "LONDON — Shares fell after Chancellor of the Exchequer Nigel Lawson resigned."
        " Secretary of Defense Dick Cheney and Minister for Europe Denis Mactavish spoke,"
        " and Bank of England Harold Pinto did not. The Duke of Edinburgh Prince Philip came.\n"
    )
    found = _people(tmp_path, text, capsys)
    for name in ("Nigel Lawson", "Dick Cheney", "Denis Mactavish"):
        assert name in found, (name, found)
    # no title before "of": the run is left as it was read before
    assert "Harold Pinto" not in found and "Philip" not in found, found


def test_team_sheet_initials_list_names_and_credit_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown given name in a list with other names, repeated, or in a
    credit line; "A" in a list of initials and surnames is an initial."""
    text = (
        "CARDIFF — Tries from Jonathan Thomas, Tom Shanklin and Martyn Willets won it."
        " Later Martyn Willets scored again.\n\n"
        "Italy: R de Marigny; W Pozzebon, A Masi, L Nitoglia; KP Robertson, A Troncon.\n\n"
        "He gave to Marc Lasry of Avenue Capital, Orin Kramer of Boston Provident, and others."
        " Among the firms were Altria Group, RJ Reynolds Tobacco and others.\n\n"
        "(Reporting by Jason Lange; Editing by Grant McCool)\n"
    )
    found = _people(tmp_path, text, capsys)
    assert found.count("Martyn Willets") == 2, found
    for name in ("A Masi", "A Troncon", "KP Robertson", "Grant McCool", "Marc Lasry"):
        assert name in found, (name, found)
    assert "Boston Provident" not in found and "RJ Reynolds Tobacco" not in found
    assert "Masi" not in found


def test_a_compass_word_is_a_surname_after_a_given_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "WASHINGTON — The committee voted to hear Lt. Col. Oliver Northam and Oliver North."
        " North is the aide at the centre of the affair, and North's lawyer objected."
        " Troops moved North Korea's way, and the North was quiet.\n"
    )
    found = _people(tmp_path, text, capsys)
    assert found.count("North") == 2 and "Oliver North" in found, found  # not "the North"


def test_a_word_the_story_writes_as_a_company_speaks_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "ZURICH, March 19 - Aeroflug <AFLG.Z> said it ordered six jets.\n\n"
        "Aeroflug said in December it would replace its fleet, and Kessler said the same.\n"
    )
    found = _people(tmp_path, text, capsys)
    assert "Aeroflug" not in found and "Kessler" in found, found


def test_a_possessive_before_a_speech_verb_is_no_speaker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A possessive never speaks ("Ireland's continued his run" lost a name)."""
    text = "DUBLIN — Ireland's continued his excellent form. Walker continued the work.\n"
    found = _people(tmp_path, text, capsys)
    assert "Ireland" not in found and "Walker" in found, found


def test_a_story_title_and_lede_do_not_fill_the_name_cache() -> None:
    """fold() keeps its results for names and words that come again; the
    headline test folds a story's title and first paragraph, which never
    do, and must not keep them (on a folder they filled the cache)."""
    from factlint.facts.people import _lead_headline_end, fold

    prose = "Council Votes to Close Elm Street Library\n\nThe council voted 5-2 on Monday.\n"
    fold.cache_clear()
    # The title repeats the first paragraph: a headline, found as before.
    assert _lead_headline_end(prose, None, "Council Votes to Close Elm Street Library") > 0
    assert _lead_headline_end(prose, None, "Something else entirely") == 0
    assert fold.cache_info().currsize == 0


def test_the_nickname_table_reads_the_package_file_as_csv_reads_it() -> None:
    """The search for plain rows gives exactly the rows the csv module gives:
    on the package's file and on odd line breaks and rows."""
    import csv
    import os

    from factlint import lazy
    from factlint.facts.people import nickname_pairs, nickname_table

    def by_csv(text: str) -> set[tuple[str, str]]:
        rows = csv.reader(text.casefold().splitlines())
        return {(r[0], r[2]) for r in rows if len(r) == 3 and r[1] == "has_nickname"}

    spec = lazy.package_spec("nicknames")
    assert spec is not None and spec.submodule_search_locations
    path = os.path.join(next(iter(spec.submodule_search_locations)), "names.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    assert len(by_csv(text)) > 2000
    assert nickname_table().pairs == by_csv(text)
    odd = (
        "Name1,relationship,name2\r\nAaron,has_nickname,Ron\rBob,has_nickname,b,x\n"
        "Carl,has_nickname,\x0bCal\fDee,has_nickname,D\n,has_nickname,\nEd,is,E\n"
    )
    assert nickname_pairs(odd) == by_csv(odd)
    assert ("aaron", "ron") in nickname_pairs(odd) and ("dee", "d") in nickname_pairs(odd)
