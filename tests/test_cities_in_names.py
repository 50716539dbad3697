"""A city inside the name of an institution or a site gives the sentence its place (twelfth round, 2026-12-04):
"Goma airport", "Auckland City Hospital", "the University of Cape Town". A first word that is a city's name only by
chance does not ("the Temple of …", a district named like a foreign town). The team's own sentences."""

import pytest

from tests.coded import coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, actor",
    [
        ("Militants shelled Mogadishu airport overnight.", "ASSAULT", "SOM/"),
        ("Junior doctors walked out of Lahore General Hospital on Monday, protesting against unpaid wages.", "PROTEST", "PAK/"),
        ("Students at the University of Nairobi marched against a fee rise on Tuesday.", "PROTEST", "KEN/"),
    ],
)
def test_a_city_in_an_institutions_name_gives_unnamed_actors_their_country(code_text, text, event, actor):
    got = first_of(coded_sectors(code_text, text), event)
    assert got[2] and all(a.startswith(actor) for a in got[2]), got


def test_a_name_that_only_starts_like_a_foreign_town_gives_no_country(code_text):
    got = first_of(coded_sectors(code_text, "Gunmen opened fire on tourists at the Temple of Apollo near Izmir on "
                                            "Sunday."), "ASSAULT")
    assert got[2] == ("TUR/UAF",), got
