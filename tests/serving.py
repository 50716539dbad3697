"""Test helpers for dyad serve: a database of the shipped examples, a real server on a free port.

The server is the installed `dyad serve`, a separate process on 127.0.0.1, polled until
/healthz answers; when it does not start, its output is in the failure message.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path

import httpx

from dyad.sources.files import make_article, parse_date
from dyad.store.database import Store

DYAD = str(Path(sys.executable).parent / "dyad")
TOKEN = "test-token-0123456789"

# An article whose text, title, source and URL hold markup and script: its pages must show it as text.
XSS_TEXT = ("NAIROBI (Dyad Wire) – Police arrested 12 protesters in Nairobi on Monday, the interior ministry said. "
            "<script>alert('text')</script> Witnesses posted <img src=x onerror=alert('img')> and a link "
            "<a href=\"javascript:alert('link')\">click here</a>.\n\n"
            "Kenya's government condemned the protest on Tuesday.")
XSS_TITLE = "<script>alert('title')</script> Protest <b>bold</b>"
XSS_SOURCE = "<img src=x onerror=alert('source')>"
XSS_URL = "javascript:alert('url')"


def example_articles() -> list:
    folder = resources.files("dyad.data").joinpath("examples")
    index = json.loads(folder.joinpath("index.json").read_text("utf-8"))
    return [make_article(folder.joinpath(row["file"]).read_text("utf-8"), date_=parse_date(row["date"], row["file"]),
                         title=row["title"], url=row.get("url"), source=row.get("source"), where=row["file"])
            for row in index]


def xss_article():
    return make_article(XSS_TEXT, date_=date(2025, 3, 10), title=XSS_TITLE, source=XSS_SOURCE, url=XSS_URL)


def build_db(path: Path, coder, articles: list) -> Path:
    """A DuckDB file holding the coded articles, written the way `dyad ingest` writes."""
    coded = list(coder.code_many(articles))
    Store(path).write(coded)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url: str, process: subprocess.Popen, log: Path):
        self.url, self.process, self.log = url, process, log

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


@contextmanager
def serving(db: Path, log_dir: Path, *args: str, token: str | None = None, timeout: float = 60.0):
    """`dyad serve --db DB` on 127.0.0.1 and a free port, until the block ends."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DYAD_API_TOKEN"}
    if token:
        env["DYAD_API_TOKEN"] = token
    log = log_dir / f"serve-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([DYAD, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *args],
                                   stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"dyad serve exited with {process.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"dyad serve did not answer on {url} within {timeout:g} s:\n{log.read_text()}")
            time.sleep(0.1)
        yield Server(url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
