"""dyad serve, the dashboard in a real browser: Debian's chromium driven by Playwright.

Each page is opened as a person would; the test listens for dialogs and console errors (a stored
<script> or onerror= that ran would show there). Screenshots of each page go to docs/img/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.serving import XSS_TEXT, XSS_TITLE, serving

pytestmark = pytest.mark.browser
IMG = Path(__file__).resolve().parent.parent / "docs" / "img"


@pytest.fixture(scope="module")
def site(examples_db, tmp_path_factory):
    with serving(examples_db, tmp_path_factory.mktemp("log")) as server:
        yield server.url


class Watch:
    """Dialogs, console errors and failed requests of one page: a clean page has none."""

    def __init__(self, page):
        self.dialogs, self.errors = [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def clean(self):
        assert not self.dialogs, f"a script ran: {self.dialogs}"
        assert not self.errors, self.errors


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()


def _shot(page, name: str) -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / f"{name}.png"))


def test_serve_browser_overview_draws_chart_and_map(page, site):
    page.goto(site + "/")
    page.wait_for_selector("#chart[data-drawn=yes] svg rect.bar")
    page.wait_for_selector("#map[data-drawn=yes] svg path.land")
    assert page.locator("#chart rect.bar").count() > 5
    assert page.locator("#map circle.spot").count() == int(page.get_attribute("#map", "data-spots")) > 3
    assert page.locator("table.dyads tbody tr").count() > 0
    assert page.locator("ul.flags li").count() > 0
    page.select_option("#chart-by", "type")
    page.wait_for_function("document.querySelectorAll('#chart rect.bar[fill^=\"#\"]').length > 0")
    page.select_option("#chart-by", "quad")
    page.watch.clean()
    _shot(page, "overview")


@pytest.mark.parametrize("scheme, width, name", [("dark", 390, "overview-phone-dark"), ("light", 390, None)])
def test_serve_browser_overview_on_a_phone(browser, site, scheme, width, name):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    watch = Watch(page)
    page.goto(site + "/")
    page.wait_for_selector("#map[data-drawn=yes] svg path.land")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the phone
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(21, 23, 26)") == (scheme == "dark")
    watch.clean()
    if name:
        _shot(page, name)
    context.close()


def test_serve_browser_events_filter_and_open_article(page, site):
    page.goto(site + "/events")
    total = page.locator("table.events tbody tr").count()
    page.select_option("select[name=type]", "ASSAULT")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"type=ASSAULT"))
    rows = page.locator("table.events tbody tr")
    assert 0 < rows.count() < total
    assert set(rows.locator("span.type").all_inner_texts()) == {"ASSAULT"}
    assert all(text.strip() for text in rows.locator("td.evidence").all_inner_texts())
    _shot(page, "events")
    evidence = rows.first.locator("td.evidence").inner_text()
    rows.first.locator("td").first.click()  # the row, not its link
    page.wait_for_url(re.compile(r"/articles/\w+#ev-\w+"))
    event_id = page.url.rsplit("#ev-", 1)[1]
    assert page.locator(f"[id='ev-{event_id}']").count() == 1
    assert evidence.strip()[:40] in page.locator("#text").inner_text()
    page.watch.clean()


def test_serve_browser_article_highlights_evidence(page, site):
    page.goto(site + "/v1/flags?kind=unverified_claim")
    article_id = page.evaluate("JSON.parse(document.body.innerText).flags[0].article_id")
    page.goto(f"{site}/articles/{article_id}")
    marks = page.locator("#text mark.ev")
    assert marks.count() > 0
    title = marks.first.get_attribute("title")
    assert re.search(r"^[A-Z]+ · .+ · (asserted|hedged|future|hypothetical|negated|historical) · ", title)
    marks.first.hover()
    flags = page.locator("#flags li.flag")
    assert flags.count() > 0 and "unverified_claim" in page.locator("#flags").inner_text()
    assert page.locator("#flags .evidence-list q").count() > 0
    page.watch.clean()
    _shot(page, "article")


def test_serve_browser_actor_page(page, site):
    page.goto(site + "/actors/KEN")
    page.wait_for_selector("#timeline[data-drawn=yes] svg rect.bar")
    assert "Offices held" in page.inner_text("main")
    assert page.locator("main table").count() >= 2
    page.watch.clean()
    _shot(page, "actor")


def test_serve_browser_code_a_report(page, site):
    page.goto(site + "/code")
    page.fill("textarea[name=text]", "Police arrested 30 protesters in Lima on Monday. "
                                      "Peru's government condemned the march on Tuesday.")
    page.fill("input[name=date]", "2025-04-07")
    page.click("button[type=submit]")
    page.wait_for_selector("#brief pre.brief", timeout=120_000)
    brief = page.inner_text("#brief pre.brief")
    assert "Events (" in brief and "What doesn't add up" in brief and "PER" in brief
    assert re.search(r"COERCE|ASSAULT|ACCUSE|DISAPPROVE", brief)
    assert "Nothing is stored" in page.inner_text("main")
    page.watch.clean()
    page.locator("#brief").scroll_into_view_if_needed()
    _shot(page, "code")


def test_serve_browser_stored_markup_runs_no_script(page, site):
    page.goto(site + "/events?place=Nairobi&since=2025-03-01&until=2025-03-31")
    assert page.locator("table.events tbody tr").count() > 0
    page.locator("table.events td.evidence a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    text = page.locator("#text").inner_text()
    assert "<script>alert('text')</script>" in text and "onerror=alert('img')" in text
    assert text.replace("\n", "") == XSS_TEXT.replace("\n", "")
    assert page.locator("h1").inner_text() == XSS_TITLE
    assert page.locator("main img, main b, main a[href^='javascript']").count() == 0
    assert page.locator("script").count() == 1  # the dashboard's own app.js, nothing from the article
    assert "<img src=x onerror=alert('source')>" in page.inner_text(".meta")
    for path in ("/", "/events", "/actors/KEN"):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    page.watch.clean()
