"""The built book in a real browser, offline: headless Debian Chromium driven by Playwright.

The test builds the book first through `analysis.book.pipeline` (the default example, three
languages); the build is incremental, so after `make book` this takes a second. Every request
that is not a local file is aborted and recorded: the book must need none. Screenshots go to
test-artifacts/ for people to look at.

Without /usr/bin/chromium a local run skips, saying so; with CI=true it fails instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import files_holding, machine_details

from analysis.book import paths, pipeline

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
ARTIFACTS = paths.ROOT / "test-artifacts"
PAGES = {
    "landing": "index.html",
    "en-summary": "en/notebooks/01_summary.html",
    "ar-summary": "ar/notebooks/01_summary.html",
    "ro-glossary": "ro/book/glossary.html",
}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium (CI installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site() -> Path:
    pipeline.build(paths.DEFAULT_WORKBOOK, ["en", "ar", "ro"], say=lambda line: None)
    return paths.HTML_DIR


@pytest.fixture(scope="module")
def visits(browser, site):
    """Each page opened once: its <html> dir, charts, language links, blocked requests, errors."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    results = {}
    for name, relative in PAGES.items():
        page = context.new_page()
        errors: list[str] = []
        failed: list[str] = []
        page.on("console", lambda message, errors=errors: message.type == "error"
                and errors.append(message.text))
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.on("requestfailed", lambda request, failed=failed: failed.append(request.url))
        page.goto((site / relative).as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(ARTIFACTS / f"book-{name}.png"), full_page=True)
        results[name] = {
            "dir": page.evaluate("document.documentElement.dir"),
            "charts": page.evaluate(CHARTS),
            "links": page.evaluate(
                "[...document.querySelectorAll('a.language-switcher__item, a.language')]"
                ".map(a => a.href)"),
            "sidebar_right": page.evaluate(SIDEBAR_ON_THE_RIGHT),
            "errors": errors,
            "failed": failed,
        }
        page.close()
    context.close()
    return results, blocked


CHARTS = """
[...document.querySelectorAll('.cell_output img, .cell_output svg')].map(el => {
  if (el.tagName.toLowerCase() === 'img') {
    return {src: el.src, width: el.naturalWidth, height: el.naturalHeight};
  }
  return {src: 'inline', width: el.getBoundingClientRect().width, height: el.childElementCount};
})
"""
SIDEBAR_ON_THE_RIGHT = """
(() => {
  const sidebar = document.querySelector('.bd-sidebar-primary');
  const article = document.querySelector('.bd-article');
  if (!sidebar || !article) return null;
  return sidebar.getBoundingClientRect().left > article.getBoundingClientRect().left;
})()
"""


def test_nothing_is_requested_from_outside_the_book(visits):
    results, blocked = visits
    assert blocked == []
    for name, result in results.items():
        assert result["failed"] == [], name


def test_no_console_errors(visits):
    results, _blocked = visits
    for name, result in results.items():
        assert result["errors"] == [], name


def test_arabic_pages_are_right_to_left_with_the_chapters_on_the_right(visits):
    results, _blocked = visits
    assert results["ar-summary"]["dir"] == "rtl"
    assert results["ar-summary"]["sidebar_right"] is True
    assert results["en-summary"]["dir"] in ("", "ltr")
    assert results["en-summary"]["sidebar_right"] is False


def test_every_chart_is_drawn(visits):
    results, _blocked = visits
    charts = results["en-summary"]["charts"] + results["ar-summary"]["charts"]
    assert charts, "the summary chapter should show at least one chart"
    for chart in charts:
        assert chart["width"] > 0 and chart["height"] > 0, chart
        if chart["src"].endswith(".svg"):
            svg = Path(unquote(urlparse(chart["src"]).path)).read_text(encoding="utf-8")
            assert "<svg" in svg and "<path" in svg


def test_language_links_reach_existing_pages(visits):
    results, _blocked = visits
    for name, result in results.items():
        assert result["links"], name
        for link in result["links"]:
            target = Path(unquote(urlparse(link).path))
            assert target.is_file(), (name, link)


def test_published_site_carries_no_machine_details(site):
    """No path of this machine, user, host or build date in any published file: the executed
    notebooks (`_sources/`) are not published and their run metadata never reaches a page."""
    assert not (site / "en" / "_sources").exists()
    assert files_holding(site, machine_details(paths.ROOT)) == []
