"""Event clusters: reports of one event by several outlets, on real coded articles in a real DuckDB file."""

import json
from datetime import date

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources.files import make_article
from dyad.store.clusters import compatible_places
from dyad.store.database import Store
from tests.conftest import RESOURCES

SYNDICATION = RESOURCES / "syndication"
SOURCES = {"wire.txt": "East Africa Wire", "syndicated.txt": "Daily Metro", "other-outlet.txt": "Nairobi Times",
           "hedged.txt": "Rumour Mill", "elsewhere.txt": "Coast Herald"}


@pytest.fixture(scope="module")
def coded(coder):
    return {name: coder.code(make_article((SYNDICATION / name).read_text("utf-8"), date_=date(2024, 6, 26),
                                          source=source, where=name)) for name, source in SOURCES.items()}


def _arrests(store: Store) -> list[dict]:
    """Clusters of the Kenyan police arresting protesters (COERCE, KEN → KEN)."""
    return [c for c in store.clusters(type_="COERCE") if c["actor_codes"] == ["KEN"] and c["recipient_codes"] == ["KEN"]]


def test_clusters_two_outlets_reporting_one_event_share_a_cluster(tmp_path, coded):
    with Store(tmp_path / "t.duckdb") as store:
        store.write([coded["wire.txt"]])
        store.write([coded["other-outlet.txt"]])
        [cluster] = _arrests(store)
        assert (cluster["n_articles"], cluster["n_sources"], cluster["support"]) == (2, 2, "asserted")
        assert cluster["first_article_id"] == coded["wire.txt"].article.id
        assert cluster["first_source"] == "East Africa Wire"
        members = store.events(cluster=cluster["id"])
        assert {e["article_id"] for e in members} == {coded["wire.txt"].article.id, coded["other-outlet.txt"].article.id}
        assert {e["event"] for e in members} == {"COERCE"}


def test_clusters_a_hedged_and_an_asserted_report_say_some_only_hedge_it(tmp_path, coded):
    with Store(tmp_path / "t.duckdb") as store:
        store.write([coded["wire.txt"], coded["hedged.txt"]])
        [cluster] = _arrests(store)
    assert (cluster["n_articles"], cluster["n_asserting"], cluster["n_hedged_only"]) == (2, 1, 1)
    assert cluster["support"] == "partly_hedged"


def test_clusters_a_copy_does_not_count_and_another_city_is_another_event(tmp_path, coded):
    with Store(tmp_path / "t.duckdb") as store:
        store.write([coded[name] for name in ("wire.txt", "syndicated.txt", "other-outlet.txt", "elsewhere.txt")])
        clusters = sorted(_arrests(store), key=lambda c: -c["n_articles"])
    assert [(c["n_articles"], c["place"]) for c in clusters] == [(2, "Nairobi"), (1, "Mombasa")]


def test_clusters_only_the_clusters_a_new_article_touches_are_rewritten(tmp_path, coded):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.write([coded["wire.txt"]])
    con = duckdb.connect(str(path))  # mark every cluster row, then see which ones the next write replaces
    con.execute("UPDATE clusters SET n_sources = 99")
    con.close()
    with Store(path) as store:
        store.write([coded["other-outlet.txt"]])
        rows = store.clusters()
        touched = {e["cluster_id"] for e in store.events() if e["article_id"] == coded["other-outlet.txt"].article.id}
    assert [c["n_sources"] for c in rows if c["event"] == "COERCE" and c["actor_codes"] == ["KEN"]] == [2]
    untouched = [c for c in rows if c["id"] not in touched]
    assert untouched and all(c["n_sources"] == 99 for c in untouched)
    assert all(c["n_sources"] != 99 for c in rows if c["id"] in touched)


def test_clusters_merge_when_a_report_links_two(tmp_path, coded, coder):
    monday = coder.code(make_article("Kenyan police arrested 40 opposition protesters in Nairobi on Monday.",
                                     date_=date(2024, 6, 25), source="A"))
    wednesday = coder.code(make_article("Riot officers of the Kenyan police detained 40 opposition protesters in Nairobi "
                                        "on Wednesday, witnesses said.", date_=date(2024, 6, 27), source="B"))
    with Store(tmp_path / "t.duckdb") as store:
        store.write([monday, wednesday])
        assert sorted(c["n_articles"] for c in _arrests(store)) == [1, 1], "two days apart: two events"
        store.write([coded["wire.txt"]])  # Tuesday: a day from each
        [cluster] = _arrests(store)
    assert (cluster["n_articles"], cluster["first_date"], cluster["last_date"]) == (3, "2024-06-24", "2024-06-26")


@pytest.mark.parametrize(("a", "b", "ok"), [
    ({"country_code": "KEN", "resolution": 4, "lat": -1.28, "lon": 36.82}, {"country_code": "KEN", "resolution": 1,
                                                                            "lat": -1.28, "lon": 36.82}, True),
    ({"country_code": "KEN", "resolution": 4, "lat": -1.28, "lon": 36.82},
     {"country_code": "KEN", "resolution": 4, "lat": -4.05, "lon": 39.67}, False),
    ({"country_code": "KEN", "resolution": 1}, {"country_code": "UGA", "resolution": 1}, False),
    (None, {"country_code": "UGA", "resolution": 1}, True),
])
def test_clusters_compatible_places(a, b, ok):
    assert compatible_places(a, b) is ok


def test_clusters_cli_lists_clusters_as_json_and_filters(tmp_path):
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    for name in ("wire.txt", "other-outlet.txt"):
        result = runner.invoke(app, ["ingest", str(SYNDICATION / name), "--db", str(db), "--date", "2024-06-26",
                                     "--source", SOURCES[name], "-q"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["clusters", "--db", str(db), "--json", "--min-articles", "2", "--actor", "KEN"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["n_articles"] >= 2 for r in rows)
    assert any(r["event"] == "COERCE" and r["n_sources"] == 2 for r in rows)
    bad = runner.invoke(app, ["clusters", "--db", str(db), "--support", "maybe"])
    assert bad.exit_code == 2 and "--support 'maybe' is not one of asserted, partly_hedged, hedged" in bad.stderr
    none = runner.invoke(app, ["clusters", "--db", str(db), "--type", "AID"])
    assert none.exit_code == 0 and none.stdout == "" and "no clusters match" in none.stderr
