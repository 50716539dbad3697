"""dyad serve, read side: the HTTP API against a real server over the shipped examples (httpx)."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.serving import XSS_TEXT, serving


@pytest.fixture(scope="module")
def api(examples_db, tmp_path_factory):
    with serving(examples_db, tmp_path_factory.mktemp("log")) as server, server.client() as client:
        yield client


@pytest.fixture(scope="module")
def all_events(examples_db):
    with duckdb.connect(str(examples_db), read_only=True) as con:
        return {row[0]: row[1:] for row in con.execute("SELECT id, article_id, event, date FROM events").fetchall()}


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert "Traceback" not in response.text
    return body["error"]["message"]


def test_serve_healthz_counts_events(api, all_events):
    body = api.get("/healthz").json()
    assert body == {"status": "ok", "events": len(all_events), "write": False}


def test_serve_events_pages_with_cursor_cover_every_event_once(api, all_events):
    seen, cursor, pages = [], None, 0
    while True:
        body = api.get("/v1/events", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["id"] for e in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(all_events) and len(seen) == len(set(seen))
    assert pages == -(-len(all_events) // 7)
    dates = [all_events[i][2] or date.min for i in seen]
    assert dates == sorted(dates, reverse=True)


def test_serve_events_sort_ascending(api):
    events = api.get("/v1/events", params={"sort": "date", "limit": 1000}).json()["events"]
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated)


@pytest.mark.parametrize("params, check", [
    ({"type": "assault"}, lambda e: e["event"] == "ASSAULT"),
    ({"actor": "KEN"}, lambda e: any(a["code"] == "KEN" for a in e["actor"])),
    ({"recipient": "BLR"}, lambda e: any(a["code"] == "BLR" for a in e["recipient"])),
    ({"party": "BLR"}, lambda e: any(a["code"] == "BLR" for a in e["actor"] + e["recipient"])),
    ({"modality": "hedged"}, lambda e: e["modality"] == "hedged"),
    ({"since": "2024-01-01", "until": "2024-12-31"}, lambda e: "2024-01-01" <= e["date"] <= "2024-12-31"),
    ({"place": "Lima"}, lambda e: "Lima" in (e["place"] or "") + (e["event_loc"] or {}).get("resolved_place", "")),
    ({"bbox": "30,-5,45,15"}, lambda e: 30 <= e["event_loc"]["lon"] <= 45 and -5 <= e["event_loc"]["lat"] <= 15),
    ({"quad_class": 4}, lambda e: e["gdelt_quad_class"] == 4),
])
def test_serve_events_filters(api, params, check):
    events = api.get("/v1/events", params={**params, "limit": 1000}).json()["events"]
    assert events, f"no event for {params}"
    assert all(check(e) for e in events), params
    everything = api.get("/v1/events", params={"limit": 1000}).json()["events"]
    assert len(events) < len(everything)


def test_serve_events_mode_and_context_filters(api):
    everything = api.get("/v1/events", params={"limit": 1000}).json()["events"]
    mode = next(m for e in everything for m in e["mode"])
    assert all(mode in e["mode"] for e in api.get("/v1/events", params={"mode": mode}).json()["events"])
    context = next(c for e in everything for c in e["context"])
    got = api.get("/v1/events", params={"context": context}).json()["events"]
    assert got and all(context in e["context"] for e in got)


def test_serve_events_csv_and_parquet_downloads(api, tmp_path):
    json_rows = api.get("/v1/events", params={"type": "ASSAULT", "limit": 1000}).json()["events"]
    csv_response = api.get("/v1/events", params={"type": "ASSAULT", "format": "csv", "limit": 1000})
    assert csv_response.headers["content-type"].startswith("text/csv")
    lines = csv_response.text.splitlines()
    assert lines[0].startswith("id,article_id,date") and len(lines) == len(json_rows) + 1
    parquet = api.get("/v1/events", params={"type": "ASSAULT", "format": "parquet", "limit": 1000})
    assert parquet.content[:4] == b"PAR1"
    (tmp_path / "events.parquet").write_bytes(parquet.content)
    with duckdb.connect() as con:
        con.execute("CREATE TABLE p AS SELECT * FROM read_parquet(?)", [str(tmp_path / "events.parquet")])
        ids = {r[0] for r in con.execute("SELECT id FROM p WHERE event = 'ASSAULT'").fetchall()}
    assert ids == {e["id"] for e in json_rows}


def test_serve_event_has_its_evidence(api):
    first = api.get("/v1/events", params={"limit": 1}).json()["events"][0]
    event = api.get(f"/v1/events/{first['id']}").json()
    evidence = event["evidence"]
    article = api.get(f"/v1/articles/{evidence['article_id']}").json()
    assert article["text"][evidence["start"]:evidence["end"]] == evidence["sentence"] == event["text"]
    assert evidence["url"] == article["url"] and evidence["sentence_index"] == event["text_info"]["sentence"]


def test_serve_article_has_text_events_quotes_flags(api):
    flags = api.get("/v1/flags").json()["flags"]
    article = api.get(f"/v1/articles/{flags[0]['article_id']}").json()
    assert article["events"] and article["flags"] and article["text"]
    for event in article["events"]:
        info = event["text_info"]
        assert article["text"][info["start"]:info["end"]] == event["text"]
    for flag in article["flags"]:
        for ev in flag["evidence"]:
            assert ev["text"] == article["text"][ev["start"]:ev["end"]]
    with_quotes = [a for a in {f["article_id"] for f in flags}
                   if api.get(f"/v1/articles/{a}").json()["quotes"]]
    assert with_quotes


def test_serve_xss_article_is_returned_as_plain_data(api):
    events = api.get("/v1/events", params={"place": "Nairobi", "since": "2025-03-01", "until": "2025-03-31"}).json()
    article = api.get(f"/v1/articles/{events['events'][0]['article_id']}").json()
    assert article["text"] == XSS_TEXT and article["url"].startswith("javascript:")


def test_serve_actors_counts_and_detail(api):
    body = api.get("/v1/actors").json()
    assert body["counts"]["resolved_names"] > 0 and body["counts"]["mentions"] >= len(body["actors"])
    unresolved = api.get("/v1/actors", params={"resolved": "false"}).json()["actors"]
    assert all(not a["resolved"] for a in unresolved)
    actor = api.get("/v1/actors/KEN").json()
    assert actor["events"]["as_actor"] > 0 and actor["timeline"] and actor["partners"]
    assert any(o["office"] for o in actor["offices_on_event_dates"])
    person = next(o["kb_id"] for o in actor["offices_on_event_dates"] if o["kb_id"])
    detail = api.get(f"/v1/actors/{person}").json()
    assert detail["roles"] and all(r["kb_id"] == person for r in detail["roles"])


def test_serve_flags_and_kb(api):
    flags = api.get("/v1/flags", params={"kind": "unverified_claim"}).json()["flags"]
    assert flags and all(f["kind"] == "unverified_claim" for f in flags)
    holder = api.get("/v1/kb/holder", params={"office": "defence_minister", "of": "KOR", "on": "2024-11-04"}).json()
    assert [h["name"] for h in holder["holders"]] == ["Kim Yong-hyun"]
    found = api.get("/v1/kb/lookup", params={"name": "Kim Yong Hyun", "on": "2024-11-04"}).json()["entities"]
    assert any(r["held_on_date"] for e in found for r in e.get("roles", []))


def test_serve_stats(api, all_events):
    stats = api.get("/v1/stats").json()
    assert stats["counts"]["events"] == len(all_events)
    assert sum(sum(v for k, v in day.items() if k != "date") for day in stats["per_day_quad_class"]) == \
        sum(1 for v in all_events.values() if v[2])
    assert stats["top_dyads"] and stats["places"] and sum(stats["by_type"].values()) == len(all_events)


@pytest.mark.parametrize("path, params, status, code, words", [
    ("/v1/events", {"type": "PROTST"}, 400, "bad_type", "'PROTST' is not a PLOVER type"),
    ("/v1/events", {"since": "yesterday"}, 400, "bad_date", "since 'yesterday' is not an ISO date"),
    ("/v1/events", {"bbox": "1,2,3"}, 400, "bad_bbox", "min_lon,min_lat,max_lon,max_lat"),
    ("/v1/events", {"cursor": "garbage"}, 400, "bad_input", "not a cursor this server gave"),
    ("/v1/events", {"limit": 5000}, 400, "limit_too_large", "at most 1000 per JSON page"),
    ("/v1/events", {"limit": 0}, 422, "invalid_request", "limit:"),
    ("/v1/events/nope", {}, 404, "not_found", "event 'nope': no such event"),
    ("/v1/articles/nope", {}, 404, "not_found", "article 'nope': no such article"),
    ("/v1/actors/XXX", {}, 404, "not_found", "actor 'XXX'"),
    ("/v1/flags", {"kind": "odd"}, 400, "bad_kind", "kind 'odd' is not one of"),
    ("/v1/kb/holder", {"office": "defence_minister", "of": "Atlantis", "on": "2024-11-04"}, 404, "not_found",
     "'Atlantis': no country or organisation"),
    ("/v1/kb/lookup", {"name": "Nobody Atall"}, 404, "not_found", "not in the knowledge base"),
    ("/v1/nothing", {}, 404, "not_found", "/v1/nothing: no such page or endpoint"),
])
def test_serve_errors_are_json_with_status(api, path, params, status, code, words):
    assert words in _error(api.get(path, params=params), status, code)


def test_serve_write_endpoints_are_off_by_default(api):
    for path in ("/v1/code", "/v1/ingest"):
        message = _error(api.post(path, json={"text": "Police arrested 12 people."}), 403, "write_disabled")
        assert "--allow-write" in message


def test_serve_large_body_gets_413(api):
    message = _error(api.post("/v1/code", content=b"x" * 1_100_000, headers={"content-type": "application/json"}),
                     413, "body_too_large")
    assert "1,000,000 bytes" in message


def test_serve_openapi_and_docs_page(api):
    spec = api.get("/openapi.json").json()
    assert {"/v1/events", "/v1/events/{event_id}", "/v1/articles/{article_id}", "/v1/actors", "/v1/actors/{key}",
            "/v1/flags", "/v1/kb/holder", "/v1/kb/lookup", "/v1/stats", "/v1/code", "/v1/ingest",
            "/healthz"} <= set(spec["paths"])
    docs = api.get("/docs")
    assert docs.status_code == 200 and "/v1/events" in docs.text and "cdn" not in docs.text.lower()
    assert "script-src 'self'" in docs.headers["content-security-policy"]
