from datetime import date

import pytest

from dyad.coding.timex import is_historical, resolve_date

BASE = date(2024, 11, 4)  # a Monday


@pytest.mark.parametrize(
    "text, future, expected, precision",
    [
        ("Monday", False, date(2024, 11, 4), "day"),
        ("on Friday", False, date(2024, 11, 1), "day"),
        ("next Tuesday", False, date(2024, 11, 5), "day"),
        ("Wednesday", True, date(2024, 11, 6), "day"),
        ("yesterday", False, date(2024, 11, 3), "day"),
        ("last week", False, date(2024, 10, 28), "week"),
        ("next month", False, date(2024, 12, 1), "month"),
        ("on Nov. 4", False, date(2024, 11, 4), "day"),
        ("4 November 2023", False, date(2023, 11, 4), "day"),
        ("December 20", False, date(2023, 12, 20), "day"),
        ("December 20", True, date(2024, 12, 20), "day"),
        ("in March 2019", False, date(2019, 3, 1), "month"),
        ("in 2014", False, date(2014, 1, 1), "year"),
        ("the 1990s", False, date(1990, 1, 1), "year"),
        ("three years ago", False, date(2021, 11, 5), "year"),
        ("years ago", False, date(2021, 11, 5), "year"),
        ("Decades ago", False, date(1994, 11, 12), "year"),  # three decades of 3,650 days
        ("2024-02-30", False, None, None),
    ],
)
def test_timex_resolves_against_article_date(text, future, expected, precision):
    found = resolve_date(text, BASE, future)
    if expected is None:
        assert found is None
    else:
        assert found == (expected, precision)


def test_timex_no_date_in_plain_words():
    assert resolve_date("the early hours", BASE) is None


@pytest.mark.parametrize("found, precision, historical", [
    (date(2014, 1, 1), "year", True), (date(2024, 1, 1), "year", False),
    (date(2023, 6, 1), "day", True), (date(2024, 10, 1), "day", False)])
def test_timex_historical_is_well_before_the_article(found, precision, historical):
    assert is_historical(found, precision, BASE) is historical


def test_timex_weekday_of_a_planned_event_is_the_next_one(code_text):
    coded = code_text("The foreign minister arrived in Nairobi on Tuesday and is scheduled to fly on to Djibouti "
                      "on Wednesday.", date(2025, 3, 4))  # published on a Tuesday
    [flight] = [e for e in coded.events if e.trigger == "fly"]
    assert flight.modality == "future" and (flight.date, flight.date_precision) == (date(2025, 3, 5), "day")
