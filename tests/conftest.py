"""Shared fixtures: the real pinned spaCy model and knowledge base, loaded once per session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyad.ingest import make_article
from dyad.pipeline import Coder

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


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
