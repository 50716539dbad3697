"""dyad serve, write side: POST /v1/code and /v1/ingest behind --allow-write and a token, and reads
that keep answering while `dyad ingest` writes to the same file (a real server, a real ingest)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from datetime import date

import pytest

from dyad.records import coded_to_dict
from dyad.sources.files import make_article
from tests.serving import DYAD, TOKEN, serving

REPORT = ("Police arrested 12 opposition activists in Harare on Monday, the party said. "
          "Zimbabwe's government accused the activists of planning a riot.")


@pytest.fixture(scope="module")
def writable(examples_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("write")
    db = folder / "write.duckdb"
    shutil.copy(examples_db, db)
    with serving(db, folder, "--allow-write", "--max-body", "200000", token=TOKEN) as server:
        yield server, db


def _auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic " + TOKEN}])
def test_serve_write_needs_the_token(writable, headers):
    server, _ = writable
    with server.client() as client:
        response = client.post("/v1/code", json={"text": REPORT}, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_serve_code_returns_what_dyad_code_json_prints(writable, coder):
    server, _ = writable
    with server.client() as client:
        response = client.post("/v1/code", json={"text": REPORT, "date": "2025-03-10", "source": "Wire"},
                               headers=_auth())
    assert response.status_code == 200, response.text
    expected = coded_to_dict(coder.code(make_article(REPORT, date_=date(2025, 3, 10), source="Wire")))
    assert response.json() == json.loads(json.dumps(expected))
    assert {e["event"] for e in response.json()["events"]} >= {"COERCE", "ACCUSE"}


def test_serve_ingest_stores_once(writable):
    server, _ = writable
    text = REPORT.replace("12", "14")
    with server.client() as client:
        first = client.post("/v1/ingest", json={"text": text, "date": "2025-03-10"}, headers=_auth()).json()
        again = client.post("/v1/ingest", json={"text": text, "date": "2025-03-10"}, headers=_auth()).json()
        stored = client.get(f"/v1/articles/{first['article']['id']}").json()
    assert (first["stored"], again["stored"], again["skipped"]) == (1, 0, 1)
    assert stored["text"] == text and len(stored["events"]) == len(first["article"]["events"])


@pytest.mark.parametrize("body, status, code, words", [
    ({"text": "x", "colour": "red"}, 422, "invalid_request", "colour: Extra inputs are not permitted"),
    ({"url": "https://example.org/a"}, 400, "text_required", "fetching a URL is not supported yet"),
    ({"text": "   "}, 400, "bad_input", "empty input, nothing to code"),
    ({"text": REPORT, "date": "10/03/2025"}, 400, "bad_input", "date '10/03/2025' is not an ISO date"),
])
def test_serve_code_bad_bodies(writable, body, status, code, words):
    server, _ = writable
    with server.client() as client:
        response = client.post("/v1/code", json=body, headers=_auth())
    assert response.status_code == status and response.json()["error"]["code"] == code, response.text
    assert words in response.json()["error"]["message"]


def test_serve_body_limit_is_the_one_given(writable):
    server, _ = writable
    with server.client() as client:
        response = client.post("/v1/ingest", json={"text": "word " * 50_000}, headers=_auth())
    assert response.status_code == 413
    assert response.json()["error"]["message"].startswith("request body over the limit of 200,000 bytes")


def test_serve_keeps_answering_while_dyad_ingest_writes(writable, tmp_path):
    """A real `dyad ingest` writes small batches into the served file while clients read it."""
    server, db = writable
    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(24):
        (reports / f"r{i:02}.txt").write_text(f"Police arrested {i + 20} protesters in Lima on Monday after a march "
                                              f"over water prices in district {i}.", "utf-8")
    with server.client() as client:
        before = client.get("/healthz").json()["events"]
        ingest = subprocess.Popen([DYAD, "ingest", str(reports), "--db", str(db), "--date", "2025-04-07",
                                   "--batch-size", "2", "--wait", "60", "--quiet"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        statuses, seen_counts = [], set()
        deadline = time.monotonic() + 240
        while ingest.poll() is None and time.monotonic() < deadline:
            for path in ("/v1/events?limit=100", "/v1/stats", "/healthz"):
                response = client.get(path)
                statuses.append(response.status_code)
                if path == "/healthz" and response.status_code == 200:
                    seen_counts.add(response.json()["events"])
        out, err = ingest.communicate(timeout=60)
        after = client.get("/healthz").json()["events"]
    assert ingest.returncode == 0, err
    assert "24 coded" in err
    assert statuses and set(statuses) == {200}, [s for s in statuses if s != 200][:5]
    assert after > before
    assert len(seen_counts) >= 2, "the reads never saw the ingest's batches land"


@pytest.mark.parametrize("args, env, code, message", [
    (["--allow-write"], {}, 2, "error: --allow-write needs a token: set DYAD_API_TOKEN"),
    ([], {}, 1, "no such database; run `dyad ingest` or `dyad demo` first"),
])
def test_serve_refuses_to_start(tmp_path, args, env, code, message):
    from typer.testing import CliRunner

    from dyad.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb"), *args],
                                env={"DYAD_API_TOKEN": "", **env})
    assert result.exit_code == code and message in result.output
