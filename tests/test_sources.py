"""Sources: URLs behind the SSRF guard, feeds, dyad watch, WARC, tables, folders, and kill -9 resumption.

Pages and feeds come from a real HTTP server on 127.0.0.1 (tests/site.py), reached with
--allow-private; one test checks that without it the guard refuses the local server.
"""

import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources import FetchError, FetchSettings, fetch
from dyad.sources.watch import parse_every
from tests.conftest import ROOT
from tests.site import page, story

runner = CliRunner()


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- URLs and the guards -----------------------------------------------------------------------------

def test_sources_url_page_is_coded_with_its_metadata(site):
    result = runner.invoke(app, ["code", site.url("/a/3.html"), "--json", "--allow-private"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert (row["title"], row["date"], row["source"], row["url"]) == (
        "Protest 3 in Minsk", "2025-03-04", "Test Wire", site.url("/a/3.html"))
    # "on Monday" read against the page's date, Tuesday 2025-03-04
    assert any(e["event"] == "COERCE" and e["date"] == "2025-03-03" for e in row["events"]), row["events"]
    from dyad import __version__

    assert site.agents == {f"dyad/{__version__} (news event coder; reads pages and feeds it is given)"}


def test_sources_ssrf_guard_refuses_the_local_server_without_allow_private(site):
    result = runner.invoke(app, ["code", site.url("/a/3.html"), "--json"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: {site.url('/a/3.html')}: refused: its host resolves to 127.0.0.1, a "
                                     "loopback address (pass --allow-private to fetch from your own network)")
    assert site.hits["/a/3.html"] == 0


@pytest.mark.parametrize("url, reason", [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254, a link-local address"),
    ("http://10.0.0.5/", "10.0.0.5, a private address"),
    ("http://[::1]:9/", "::1, a loopback address"),
    ("http://224.0.0.1/", "224.0.0.1, a multicast address"),
    ("http://0.0.0.0/", "0.0.0.0, an unspecified address"),
    ("http://localhost/", ", a loopback address"),
])
def test_sources_ssrf_guard_refuses_addresses_no_public_server_has(url, reason):
    with pytest.raises(FetchError, match=re.escape(reason + " (pass --allow-private")):
        fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/"])
def test_sources_only_http_and_https_are_fetched(url):
    result = runner.invoke(app, ["code", url, "--allow-private"])
    assert result.exit_code == 1
    assert f"error: {url}: refused: only http and https URLs are fetched" in result.stderr


def test_sources_redirect_to_a_private_address_is_refused_after_the_hop(site):
    # The first hop is the local test server, trusted by address; the redirect goes to cloud metadata.
    settings = FetchSettings(allow_addresses=frozenset({"127.0.0.1"}))
    assert fetch(site.url("/to-home"), settings).url == site.url("/a/7.html")
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/to-metadata"), settings)
    assert str(caught.value) == ("http://169.254.169.254/latest/meta-data/: refused: its host resolves to "
                                 "169.254.169.254, a link-local address (pass --allow-private to fetch from your own "
                                 "network)")


def certificate(tmp_path, name):
    """A self-signed certificate for one host name, made by the openssl command."""
    cert, key = tmp_path / f"{name}.crt", tmp_path / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
                    "-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return str(cert), str(key)


@pytest.mark.parametrize("certified, works", [("localhost", True), ("news.test", False)])
def test_sources_https_connects_to_the_checked_address_and_verifies_the_name(tmp_path, certified, works):
    import ssl

    from tests.site import Site

    cert, key = certificate(tmp_path, certified)
    server = Site(tls=(cert, key), name="localhost").start()
    try:
        settings = FetchSettings(allow_private=True, ssl_context=ssl.create_default_context(cafile=cert))
        if works:  # pinned to 127.0.0.1, yet the certificate is checked against the name in the URL
            got = fetch(server.url("/a/1.html"), settings)
            assert got.status == 200 and b"Protest 1" in got.body
        else:
            with pytest.raises(FetchError, match="certificate verify failed"):
                fetch(server.url("/a/1.html"), settings)
    finally:
        server.stop()


BAD = [
    ("/broken.xml", "not a readable RSS or Atom feed"),
    ("/empty.html", "no article text found in the HTML page"),
    ("/loop", "more than 5 redirects"),
    ("/huge.html", "body over the limit of 1,000,000 bytes; stopped reading"),
    ("/image.png", "content type 'image/png' is not a web page or feed"),
    ("/slow.html", "timed out (no data for 1 s)"),
    ("/gone.html", "HTTP 404"),
]


def test_sources_each_bad_url_is_a_failure_row_and_the_rest_is_stored(site, tmp_path):
    listed = tmp_path / "urls.txt"
    good = [site.url(f"/a/{i}.html") for i in range(3)]
    listed.write_text("# pages\n" + "\n".join(good[:2] + [site.url(p) for p, _ in BAD] + [good[2]]) + "\nnot a url\n")
    db = tmp_path / "u.duckdb"
    result = runner.invoke(app, ["ingest", "--urls", str(listed), "--db", str(db), "-q", "--allow-private",
                                 "--timeout", "1", "--max-bytes", "1000000"])
    assert result.exit_code == 1
    assert "3 coded" in result.stderr and f"{len(BAD) + 1} failed" in result.stderr, result.stderr
    failures = dict(rows(db, "SELECT input, reason FROM failures"))
    for path, reason in BAD:
        assert reason in failures[site.url(path)], (path, failures[site.url(path)])
    assert "urls.txt:12: 'not a url' is not an http or https URL" in failures[f"{listed}:12"]
    assert sorted(r[0] for r in rows(db, "SELECT url FROM articles")) == sorted(good)
    again = runner.invoke(app, ["ingest", *good, "--db", str(db), "-q", "--allow-private"])
    assert "0 coded, 0 unsupported (not English), 0 duplicates, 3 skipped (already stored), 0 failed" in again.stderr
    assert all(site.hits[f"/a/{i}.html"] == 1 for i in range(3))  # not fetched again


# --- feeds -------------------------------------------------------------------------------------------

def test_sources_feed_url_fetches_each_entry_page_with_the_entry_date(site, tmp_path):
    db = tmp_path / "f.duckdb"
    site.items = 12
    result = runner.invoke(app, ["ingest", site.url("/feed.xml"), "--db", str(db), "-q", "--allow-private",
                                 "--since", "2025-03-05"])
    assert result.exit_code == 0, result.stderr
    stored = rows(db, "SELECT url, date, title FROM articles ORDER BY date")
    assert len(stored) == 8 and stored[0][1].isoformat() == "2025-03-05"  # entries 4..11; --since left 0..3 out
    assert stored[0][0] == site.url("/a/4.html") and stored[0][2] == "Protest 4"
    assert site.hits["/a/4.html"] == 1 and site.hits["/a/3.html"] == 0


def test_sources_feed_summaries_only_fetches_no_page(site, tmp_path):
    site.items = 5
    result = runner.invoke(app, ["code", site.url("/feed.xml"), "--json", "--allow-private", "--summaries-only"])
    assert result.exit_code == 0, result.stderr
    coded = [json.loads(line) for line in result.stdout.splitlines()]
    assert [c["date"] for c in coded] == [f"2025-03-0{i + 1}" for i in range(5)]
    assert not [p for p in site.hits if p.startswith("/a/")]


def test_sources_malformed_feed_reads_what_it_can_and_says_so(tmp_path):
    cut = tmp_path / "cut.rss"
    cut.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title><item><title>One</title>"
                   f"<pubDate>Sun, 02 Mar 2025 10:00:00 GMT</pubDate><description>{story(1)}</description></item>"
                   "<item><title>Two, cut o")
    result = runner.invoke(app, ["code", str(cut), "--json", "--summaries-only"])
    assert f"warning: {cut}: malformed feed (" in result.stderr and "entries read anyway" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["title"] == "One"


def test_sources_atom_file_is_read_as_a_feed(tmp_path):
    atom = tmp_path / "news.atom"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id><updated>2025-03-02T00:00:00Z</updated>
<entry><title>Lima</title><id>urn:wire:1</id><updated>2025-03-02T10:00:00Z</updated>
<summary>{story(1)}</summary></entry></feed>""")
    result = runner.invoke(app, ["code", str(atom), "--json", "--summaries-only"])
    assert result.exit_code == 0, result.stderr
    row = json.loads(result.stdout)
    assert (row["title"], row["date"], row["source"]) == ("Lima", "2025-03-02", "Atom Wire")


# --- dyad watch --------------------------------------------------------------------------------------

def watch(feeds, db, *extra):
    return runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--every", "0s", "--allow-private", *extra])


def test_sources_watch_second_round_codes_only_new_items(site, tmp_path):
    """Done-when: a 50-item feed, two rounds of dyad watch, the server adds items in between."""
    feeds, db = tmp_path / "feeds.txt", tmp_path / "w.duckdb"
    feeds.write_text(site.url("/feed.xml") + "\n")
    first = watch(feeds, db, "--rounds", "1")
    assert first.exit_code == 0, first.stderr
    assert f"round 1: {site.url('/feed.xml')}: 50 entries, 50 new, 50 coded, 0 failed" in first.stderr
    site.items = 55
    second = watch(feeds, db, "--rounds", "2")
    assert second.exit_code == 0, second.stderr
    assert f"round 1: {site.url('/feed.xml')}: 55 entries, 5 new, 5 coded, 0 failed" in second.stderr
    assert f"round 2: {site.url('/feed.xml')}: not modified" in second.stderr  # ETag answered with 304
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(55, 55)]
    assert all(site.hits[f"/a/{i}.html"] == 1 for i in range(55))
    assert rows(db, "SELECT count(*) FROM feed_entries") == [(55,)]
    assert rows(db, "SELECT status, etag IS NOT NULL FROM feeds") == [("not_modified", True)]


def test_sources_watch_one_failing_feed_never_stops_the_others(site, tmp_path):
    feeds, db = tmp_path / "feeds.txt", tmp_path / "w.duckdb"
    site.items = 3
    feeds.write_text("\n".join([site.url("/broken.xml"), site.url("/loop"), site.url("/feed.xml")]) + "\n")
    result = watch(feeds, db, "--rounds", "1")
    assert result.exit_code == 1
    assert f"round 1: {site.url('/broken.xml')}: failed: {site.url('/broken.xml')}: not a readable RSS" in result.stderr
    assert f"round 1: {site.url('/feed.xml')}: 3 entries, 3 new, 3 coded" in result.stderr
    assert rows(db, "SELECT input, stage FROM failures ORDER BY input") == [
        (site.url("/broken.xml"), "watch"), (site.url("/loop"), "watch")]
    assert rows(db, "SELECT url, status FROM feeds ORDER BY url") == sorted(
        [(site.url("/broken.xml"), "failed"), (site.url("/loop"), "failed"), (site.url("/feed.xml"), "ok")])


@pytest.mark.parametrize("value, seconds", [("15m", 900), ("30s", 30), ("2h", 7200), ("0", 0), ("1.5m", 90)])
def test_sources_watch_every_reads_durations(value, seconds):
    assert parse_every(value) == seconds


def test_sources_watch_every_refuses_nonsense(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n")
    result = runner.invoke(app, ["watch", str(feeds), "--every", "soon"])
    assert result.exit_code == 2 and "--every 'soon' is not a duration such as 30s, 15m or 2h" in result.stderr


# --- WARC --------------------------------------------------------------------------------------------

def make_warc(path, pages, compress):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, body, kind in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2025-02-20T08:00:00Z"})
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temporary file
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def undated(i):
    return re.sub(rb'<meta property="article:published_time"[^>]*>', b"", page(i))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_sources_warc_html_responses_keep_the_record_date_and_url(tmp_path, name):
    warc = tmp_path / name
    make_warc(warc, [("https://news.example/a/1", undated(1), "text/html; charset=utf-8"),
                     ("https://news.example/logo.png", b"\x89PNG", "image/png"),
                     ("https://news.example/empty", b"<html><body></body></html>", "text/html"),
                     ("https://news.example/a/2", page(2), "text/html")], name.endswith(".gz"))
    db = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["ingest", str(warc), "--db", str(db), "-q"])
    assert result.exit_code == 1  # the empty page
    assert rows(db, "SELECT url, date FROM articles ORDER BY url") == [
        ("https://news.example/a/1", __import__("datetime").date(2025, 2, 20)),  # the capture date
        ("https://news.example/a/2", __import__("datetime").date(2025, 3, 3))]  # the page's own date
    [(where, reason)] = rows(db, "SELECT input, reason FROM failures")
    assert where.endswith("https://news.example/empty") and "no article text found" in reason


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_sources_truncated_warc_codes_what_is_whole_and_fails_the_rest(tmp_path, name):
    warc = tmp_path / name
    data = make_warc(warc, [(f"https://news.example/a/{i}", page(i), "text/html") for i in range(3)],
                     name.endswith(".gz"))
    warc.write_bytes(data[: len(data) - 200])
    db = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["ingest", str(warc), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert [r[0] for r in rows(db, "SELECT url FROM articles ORDER BY url")] == [
        "https://news.example/a/0", "https://news.example/a/1"]
    [(reason,)] = rows(db, "SELECT reason FROM failures")
    assert str(warc) in reason and ("truncated" in reason) and "the records before it were read" in reason


def test_sources_gzip_that_is_no_warc_is_a_failure(tmp_path):
    bogus = tmp_path / "x.warc.gz"
    bogus.write_bytes(gzip.compress(b"hello, not a warc"))
    result = runner.invoke(app, ["code", str(bogus)])
    assert result.exit_code == 1 and f"error: {bogus}@0: corrupt or truncated WARC" in result.stderr


# --- tables and folders ------------------------------------------------------------------------------

def test_sources_csv_with_named_columns(tmp_path):
    table = tmp_path / "wire.csv"
    table.write_text("key,body,published,link\n"
                     f"k1,\"{story(1)}\",2025-03-02,https://news.example/1\n"
                     "k2,,2025-03-03,https://news.example/2\n"
                     f"k3,\"{story(3)}\",not a date,https://news.example/3\n")
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(table), "--db", str(db), "-q", "--text-col", "body", "--id-col", "key",
                                 "--date-col", "published", "--url-col", "link"])
    assert result.exit_code == 1
    assert rows(db, "SELECT id, date, url FROM articles") == [
        ("k1", __import__("datetime").date(2025, 3, 2), "https://news.example/1")]
    reasons = sorted(r[0] for r in rows(db, "SELECT reason FROM failures"))
    assert reasons == [f"{table}:3: empty text in column 'body', nothing to code",
                       f"{table}:4: date 'not a date' is not an ISO date (YYYY-MM-DD)"]


def test_sources_parquet_by_duckdb(tmp_path):
    table = tmp_path / "wire.parquet"
    con = duckdb.connect()
    con.execute(f"COPY (SELECT 'p' || i AS id, ? || ' Item ' || i AS text, DATE '2025-03-01' + i::INTEGER AS date "
                f"FROM range(3) t(i)) TO '{table}' (FORMAT parquet)", [story(0)])
    con.close()
    result = runner.invoke(app, ["code", str(table), "--json"])
    assert result.exit_code == 0, result.stderr
    coded = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["id"], c["date"]) for c in coded] == [("p0", "2025-03-01"), ("p1", "2025-03-02"), ("p2", "2025-03-03")]


def test_sources_missing_column_names_the_columns(tmp_path):
    table = tmp_path / "wire.csv"
    table.write_text("a,b\n1,2\n")
    result = runner.invoke(app, ["code", str(table), "--text-col", "body"])
    assert result.exit_code == 1
    assert f"error: {table}: no column 'body' for --text-col (columns: a, b)" in result.stderr


def test_sources_folders_are_walked_recursively(tmp_path):
    (tmp_path / "in" / "2025" / "03").mkdir(parents=True)
    (tmp_path / "in" / ".hidden").mkdir()
    (tmp_path / "in" / "top.txt").write_text(story(1))
    (tmp_path / "in" / "2025" / "03" / "deep.html").write_bytes(page(2))
    (tmp_path / "in" / "2025" / "rows.csv").write_text(f"text\n\"{story(4)}\"\n")
    (tmp_path / "in" / ".hidden" / "skip.txt").write_text(story(5))
    (tmp_path / "in" / "2025" / "notes.md").write_text("not an input")
    result = runner.invoke(app, ["code", str(tmp_path / "in"), "--json", "--date", "2025-03-09"])
    assert result.exit_code == 0, result.stderr
    origins = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert len(origins) == 3


# --- nothing lost: kill -9 and run again -------------------------------------------------------------

def stored_count(db):
    """Articles stored so far, read while the writer works (it closes the file between batches)."""
    try:
        return rows(db, "SELECT count(*) FROM articles")[0][0]
    except duckdb.Error:
        return None  # locked by the writer this instant, or not created yet


def kill_after_batches(command, db, at_least, total, timeout=300):
    log = db.with_suffix(".log")
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and process.poll() is None:
            count = db.exists() and stored_count(db)
            if count and count >= at_least:
                break
            time.sleep(0.05)
        assert process.poll() is None, "finished before it could be killed: " + log.read_text()
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    stored = stored_count(db)
    assert at_least <= stored < total, stored
    return stored


DYAD = [str(Path(sys.executable).parent / "dyad")]  # the installed entry point


def test_sources_ingest_killed_with_sigkill_finishes_when_run_again(tmp_path):
    total = 120
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"n{i}", "text": story(i), "date": "2025-03-03"}) + "\n"
                            for i in range(total)))
    db = tmp_path / "k.duckdb"
    command = [*DYAD, "ingest", str(feed), "--db", str(db), "-q", "--batch-size", "4"]
    before = kill_after_batches(command, db, at_least=8, total=total)
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{total - before} coded" in again.stderr and f"{before} skipped (already stored)" in again.stderr
    assert rows(db, "SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles") == [
        (total, total, total)]
    assert rows(db, "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)") == [(0,)]


def test_sources_watch_killed_with_sigkill_finishes_when_run_again(site, tmp_path):
    feeds, db = tmp_path / "feeds.txt", tmp_path / "k.duckdb"
    feeds.write_text(site.url("/feed.xml") + "\n")
    command = [*DYAD, "watch", str(feeds), "--db", str(db), "--every", "0s", "--rounds", "1", "--allow-private",
               "--batch-size", "4"]
    before = kill_after_batches(command, db, at_least=8, total=50)
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(50, 50)]
    assert rows(db, "SELECT count(*) FROM feed_entries") == [(50,)]
    assert before > 0 and all(site.hits[f"/a/{i}.html"] <= 2 for i in range(50))
