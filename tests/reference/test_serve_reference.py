"""The reference article in the dashboard: its flags under "What doesn't add up", with the
knowledge-base facts behind them (a real server, Debian's chromium). Run by `make test-reference`."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.sources.files import make_article
from tests.serving import build_db, serving

pytestmark = pytest.mark.browser


def test_serve_reference_article_flags_in_the_dashboard(coder, reference_text, browser, tmp_path):
    article = make_article(reference_text, date_=date(2024, 11, 4), title="Reference article")
    db = build_db(tmp_path / "reference.duckdb", coder, [article])
    with serving(db, tmp_path) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{server.url}/articles/{article.id}#flags")
        section = page.locator("#flags")
        assert section.locator("h2").inner_text() == "What doesn't add up"
        text = section.inner_text()
        assert "role_conflict" in text and "contradiction" in text and "unverified_claim" in text
        conflict = section.locator("li.flag", has_text="role_conflict")
        assert "Shin Won-sik" in conflict.inner_text() and "Kim Yong-hyun" in conflict.inner_text()
        assert conflict.locator("details li", has_text="2024-09-06").count() >= 1  # the KB fact behind it
        assert conflict.locator(".evidence-list q").count() >= 1
        contradiction = section.locator("li.flag", has_text="contradiction")
        assert contradiction.locator(".evidence-list q").count() == 2
        assert page.locator("#quotes", has_text="@JosepBorrellF").count() == 1
        assert page.locator("#text mark.ev").count() > 0
        assert not errors, errors
        page.close()
