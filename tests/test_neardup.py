"""Near-duplicates: real coded articles in a real DuckDB file; copies keep their row but not their events."""

from datetime import date

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources.files import make_article
from dyad.store import neardup
from dyad.store.database import Store
from tests.conftest import RESOURCES

SYNDICATION = RESOURCES / "syndication"
DAY = date(2024, 6, 26)


def _article(name: str, source: str):
    return make_article((SYNDICATION / name).read_text("utf-8"), date_=DAY, source=source, where=name,
                        url=f"https://{source.lower().replace(' ', '-')}.example/{name}")


@pytest.fixture(scope="module")
def coded(coder):
    return {name: coder.code(_article(name, source)) for name, source in
            [("wire.txt", "East Africa Wire"), ("syndicated.txt", "Daily Metro"), ("other-outlet.txt", "Nairobi Times")]}


def test_neardup_syndicated_copy_is_stored_with_dup_of_and_its_events_not_listed(tmp_path, coded):
    wire, copy = coded["wire.txt"], coded["syndicated.txt"]
    assert copy.events, "the copy is coded like any report"
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        assert store.write([wire]).near_duplicates == ()
    with Store(path) as store:  # a later run: the LSH index is read from the file
        written = store.write([copy])
    assert written.stored == 1 and written.duplicates == ()
    [(item, first, overlap)] = written.near_duplicates
    assert (item, first) == ("syndicated.txt", wire.article.id) and overlap >= neardup.THRESHOLD
    with Store(path, read_only=True) as store:
        dup_of = dict(store.query(lambda con: con.execute("SELECT id, dup_of FROM articles").fetchall()))
        assert dup_of == {wire.article.id: None, copy.article.id: wire.article.id}
        listed = store.events()
        assert {e["article_id"] for e in listed} == {wire.article.id}
        assert len(listed) == len(wire.events)
        everything = store.events(include_duplicates=True)
        assert {e["article_id"] for e in everything} == {wire.article.id, copy.article.id}
        assert all(e["cluster_id"] is None for e in everything if e["article_id"] == copy.article.id)


def test_neardup_api_leaves_out_a_copys_events_as_the_cli_does(tmp_path, coded):
    from tests.serving import serving

    wire, copy = coded["wire.txt"], coded["syndicated.txt"]
    path = tmp_path / "api.duckdb"
    with Store(path) as store:
        store.write([wire, copy])
    with serving(path, tmp_path) as server, server.client() as client:
        listed = client.get("/v1/events", params={"limit": 500}).json()["events"]
        everything = client.get("/v1/events", params={"limit": 500, "duplicates": "true"}).json()["events"]
        own = client.get("/v1/events", params={"article": copy.article.id}).json()["events"]
    assert {e["article_id"] for e in listed} == {wire.article.id} and len(listed) == len(wire.events)
    assert {e["article_id"] for e in everything} == {wire.article.id, copy.article.id}
    assert len(own) == len(copy.events) > 0


def test_neardup_another_outlets_report_of_the_same_event_is_not_a_copy(tmp_path, coded):
    with Store(tmp_path / "t.duckdb") as store:
        written = store.write([coded["wire.txt"], coded["other-outlet.txt"]])
        assert written.stored == 2 and written.near_duplicates == ()
        assert {e["article_id"] for e in store.events()} == {coded["wire.txt"].article.id,
                                                             coded["other-outlet.txt"].article.id}


def test_neardup_copy_within_one_batch_and_of_a_copy_points_to_the_first(tmp_path, coded):
    wire, copy = coded["wire.txt"], coded["syndicated.txt"]
    text = copy.article.text.replace("Daily Metro", "Coast Herald").replace("tear gas", "teargas")
    again = make_article(text, date_=DAY, source="Coast Herald", where="again.txt")
    with Store(tmp_path / "t.duckdb") as store:
        written = store.write([wire, copy, coded_again(again, copy)])
    assert [(item, first) for item, first, _ in written.near_duplicates] == [
        ("syndicated.txt", wire.article.id), ("again.txt", wire.article.id)]


def coded_again(article, like):
    """`like`'s coding under another article (the events do not matter to near-duplicate finding)."""
    from dataclasses import replace

    return replace(like, article=article, events=())


def test_neardup_articles_stored_before_signatures_existed_are_indexed_on_the_next_write(tmp_path, coded):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write([coded["wire.txt"]])
    con = duckdb.connect(str(path))  # what a database written before near-duplicates looks like
    con.execute("DELETE FROM article_minhash")
    con.execute("DELETE FROM article_bands")
    con.close()
    with Store(path) as store:
        [(_, first, _)] = store.write([coded["syndicated.txt"]]).near_duplicates
    assert first == coded["wire.txt"].article.id


@pytest.mark.parametrize(("a", "b", "copy"), [
    ("The council met on Monday and agreed a budget for the coming year after long talks.",
     "The council met on Monday and agreed a budget for the coming year after long talks.", True),
    ("Police arrested protesters in the capital after a march against new taxes turned violent on Monday.",
     "Rebels shelled a market town in the north, killing six civilians, the army said on Sunday evening.", False),
])
def test_neardup_overlap_of_identical_and_unrelated_texts(a, b, copy):
    overlap = neardup.signature(a).overlap(neardup.signature(b))
    assert (overlap >= neardup.THRESHOLD) is copy


def test_neardup_overlap_of_many_stored_signatures_at_once_equals_one_by_one():
    import numpy as np

    texts = [(SYNDICATION / name).read_text("utf-8") for name in ("wire.txt", "syndicated.txt", "other-outlet.txt")]
    texts += ["Police arrested protesters in the capital on Monday.", "", texts[0][: len(texts[0]) // 3]]
    stored = [neardup.signature(text) for text in texts]
    values, counts = np.stack([s.values for s in stored]), np.array([s.shingles for s in stored])
    for sig in stored:
        assert neardup.overlap_many(sig, values, counts).tolist() == pytest.approx([sig.overlap(s) for s in stored])


def test_neardup_ingest_names_the_copy_and_events_hides_it(tmp_path):
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(SYNDICATION / "wire.txt"), "--db", str(db), "--date", "2024-06-26", "-q"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", str(SYNDICATION / "syndicated.txt"), "--db", str(db), "--date", "2024-06-26",
                                 "-q"])
    assert second.exit_code == 0, second.output
    assert "syndicated.txt: near-duplicate of a" in second.stderr
    assert "1 near-duplicates →" in second.stderr
    shown = runner.invoke(app, ["events", "--db", str(db), "--json"])
    every = runner.invoke(app, ["events", "--db", str(db), "--json", "--include-duplicates"])
    assert 0 < len(shown.stdout.splitlines()) < len(every.stdout.splitlines())
