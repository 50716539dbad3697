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
    # The rules alone: the learned second opinion has seen the tuning gold, so with it the
    # macro-F1 floor would measure memory; tests/test_model.py builds coders with the model.
    return Coder(model=None)


@pytest.fixture(scope="session")
def code_text(coder):
    def run(text: str, published: date = date(2025, 3, 14)):
        return coder.code(make_article(text, date_=published))

    return run
