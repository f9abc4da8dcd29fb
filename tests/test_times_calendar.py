"""Calendar arithmetic and word tables behind the time expressions (no pipeline needed)."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.extract.times.lexicon import load_lexicon
from lagebild.extract.times.recognize import find_mentions
from lagebild.extract.times.timeline import When, add_months, day, easter, occurrence, period_of, shift, weekly


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(2000, date(2000, 4, 23)), (2019, date(2019, 4, 21)), (2021, date(2021, 4, 4)), (2024, date(2024, 3, 31))],
)
def test_easter_sunday(year, sunday):
    assert easter(year) == sunday


@pytest.mark.parametrize(
    ("grain", "expected"),
    [
        ("D", "2021-01-03"),
        ("W", "2020-W53"),
        ("WE", "2020-W53-WE"),
        ("M", "2021-01"),
        ("S", "2020-WI"),
        ("Q", "2021-Q1"),
        ("H", "2021-H1"),
        ("Y", "2021"),
        ("DE", "202"),
        ("CE", "20"),
    ],
)
def test_periods_print_as_timex3_values(grain, expected):
    # 3 January 2021 is a Sunday in ISO week 53 of 2020, in the winter that began in December 2020.
    assert period_of(date(2021, 1, 3), grain).value == expected


def test_time_of_day_follows_the_date():
    assert day(date(2021, 12, 29)).at("TEV").value == "2021-12-29TEV"


def test_shifting_weeks_and_months_crosses_the_year():
    assert shift(date(2021, 12, 29), 1, "W").value == "2022-W01"
    assert shift(date(2021, 12, 29), -1, "W").value == "2021-W51"
    assert shift(date(2021, 12, 29), 1, "M").value == "2022-01"
    assert shift(date(2021, 1, 15), -1, "Q").value == "2020-Q4"


def test_adding_months_keeps_to_the_shorter_month():
    assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)


def test_occurrence_follows_direction_and_strictness():
    wednesday = date(2021, 12, 29)
    thursdays = weekly(4, wednesday)
    assert occurrence(thursdays, wednesday, 1) == When(date(2021, 12, 30), "D")
    assert occurrence(thursdays, wednesday, -1) == When(date(2021, 12, 23), "D")
    wednesdays = weekly(3, wednesday)
    assert occurrence(wednesdays, wednesday, -1) == When(wednesday, "D")
    assert occurrence(wednesdays, wednesday, -1, strict=True) == When(date(2021, 12, 22), "D")
    assert occurrence(wednesdays, wednesday, 0) == When(wednesday, "D")


def test_adjective_stems_match_their_inflected_forms():
    lexicon = load_lexicon()
    assert lexicon["dayword"]["gestrigen"] == -1
    assert lexicon["rel"]["Vergangenen"] == -1
    assert lexicon["month"]["jänner"] == 1


def test_longest_expression_wins_over_its_parts():
    text = "Am Sonntag, den 2. Oktober 2005, wurde gewählt."
    assert [text[m.start : m.end] for m in find_mentions(text, load_lexicon())] == ["Sonntag, den 2. Oktober 2005"]


def test_preposition_is_read_but_left_out_of_the_expression():
    text = "Er regiert seit 2014."
    (mention,) = find_mentions(text, load_lexicon())
    assert (text[mention.start : mention.end], mention.groups["lead"]) == ("2014", "seit")
