"""Shared fixtures: the real pinned spaCy model and knowledge base, loaded once per session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyad.coding.pipeline import Coder
from dyad.sources.files import make_article

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def coder() -> Coder:
    # The rules alone: the learned second opinion has seen the tuning gold, so with it the
    # macro-F1 floor would measure memory; tests/test_model.py builds coders with the model.
    return Coder(model=None)


@pytest.fixture(scope="session")
def code_text(coder):
    def run(text: str, published: date = date(2025, 3, 14)):
        return coder.code(make_article(text, date_=published))

    return run


@pytest.fixture
def site():
    """A real HTTP server on 127.0.0.1 (free port) serving pages, a 50-item feed and bad answers (tests/site.py)."""
    from tests.site import Site

    server = Site().start()
    yield server
    server.stop()
# --- dyad serve: the examples database and a real browser (tests/serving.py starts the servers) ---

@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, coder) -> Path:
    """The shipped examples plus an article full of markup, coded and stored once per session."""
    from tests.serving import build_db, example_articles, xss_article

    return build_db(tmp_path_factory.mktemp("serve") / "examples.duckdb", coder, [*example_articles(), xss_article()])


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (no browser download: the project's set-up installs chromium)."""
    from playwright.sync_api import sync_playwright

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("/usr/bin/chromium missing: run `make system-deps` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()
