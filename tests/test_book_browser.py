"""The built book in a real browser, offline: headless Debian Chromium driven by Playwright.

The test builds the book first through `analysis.book.pipeline` (the default example, three
languages); the build is incremental, so after `make book` this takes a second. Every request
that is not a local file is aborted and recorded: the book must need none. Screenshots go to
test-artifacts/ for people to look at.

Which font actually drew a text is asked of Chromium itself through the DevTools protocol
(`CSS.getPlatformFontsForNode`): for the Arabic page text and for chart text it must be the
book's own web font (analysis.report.fonts), never a font the machine happens to have.

Without /usr/bin/chromium a local run skips, saying so; with CI=true it fails instead. The
browser and the build are shared with test_book_reading.py (conftest.py's `browser` and `site`).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import files_holding, machine_details

from analysis.book import paths
from analysis.report import fonts

ARTIFACTS = paths.ROOT / "test-artifacts"
PAGES = {
    "landing": "index.html",
    "en-summary": "en/notebooks/01_summary.html",
    "ar-summary": "ar/notebooks/01_summary.html",
    "ro-glossary": "ro/book/glossary.html",
}


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
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=str(ARTIFACTS / f"book-{name}.png"), full_page=True)
        results[name] = {
            "dir": page.evaluate("document.documentElement.dir"),
            "charts": page.evaluate(CHARTS),
            "links": page.evaluate(
                "[...document.querySelectorAll('a.language-switcher__item, a.language')]"
                ".map(a => a.href)"),
            "sidebar_right": page.evaluate(SIDEBAR_ON_THE_RIGHT),
            "errors": list(errors),
            "failed": list(failed),
        }
        # Last: DevTools' CSS agent fetches the page again for its inline styles, and the route
        # above may refuse that fetch; it is the inspector's request, not the book's.
        results[name]["fonts"] = fonts_used(page, FONT_PROBES)
        page.close()
    context.close()
    return results, blocked


CHARTS = """
[...document.querySelectorAll('.cell_output img, .cell_output svg')]
  .filter(el => el.getClientRects().length > 0).map(el => {
  const box = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), width: box.width, height: box.height,
          marks: el.querySelectorAll('path, rect, line').length,
          label: el.getAttribute('aria-label'), role: el.getAttribute('role')};
})
"""
"""The charts a reader sees: each figure holds a desktop and a phone drawing, one hidden."""
FONT_PROBES = {
    "text": "h1, p, li, td, th, a, span",
    "chart title": "figure.report-chart svg g.role-title text",
    "chart labels": "figure.report-chart svg text",
}
"""Which text of a page to ask Chromium about: its words, a chart's title, every chart text.

The protocol reports the fonts of a node's own text, not its descendants', hence the list of
the elements that hold the book's words."""


def fonts_used(page, probes: dict[str, str]) -> dict[str, dict[str, object]]:
    """For each probe: the text it matched and the fonts Chromium drew it with.

    Each font is (family name from the font file, whether it is a web font); the protocol reports
    the font actually used for the glyphs, after every fallback.
    """
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = {}
    for name, selector in probes.items():
        nodes = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
        used: set[tuple[str, bool]] = set()
        for node in nodes["nodeIds"]:
            for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                used.add((font["familyName"], font["isCustomFont"]))
        text = page.evaluate("s => [...document.querySelectorAll(s)].map(e => e.textContent)"
                             ".join(' ')", selector)
        found[name] = {"text": text, "fonts": sorted(used)}
    session.detach()
    return found
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


def test_every_chart_is_drawn_inline_and_named(visits):
    # Inline SVG, not <img>: only inline can the chart's text use the page's web font.
    results, _blocked = visits
    charts = results["en-summary"]["charts"] + results["ar-summary"]["charts"]
    assert charts, "the summary chapter should show at least one chart"
    for chart in charts:
        assert chart["tag"] == "svg", chart
        assert chart["width"] > 0 and chart["height"] > 0 and chart["marks"] > 0, chart
        assert chart["role"] == "img" and chart["label"], chart
    # The accessible name is the title and what the chart shows, in the reader's language.
    label = results["ar-summary"]["charts"][0]["label"]
    assert label.startswith("ما يوفّره كل خيار سنويًا. عمود لكل خيار")
    assert "SAR" not in label and "ر.س." in label


ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
BOOK_FONT = [(fonts.FAMILY, True)]
"""What every probe must find: the book's family, as a web font (isCustomFont)."""


def test_arabic_page_text_is_drawn_with_the_books_font(visits):
    results, _blocked = visits
    probe = results["ar-summary"]["fonts"]["text"]
    assert ARABIC_LETTERS.search(probe["text"]), probe["text"][:80]
    assert probe["fonts"] == BOOK_FONT


def test_chart_text_is_drawn_with_the_books_font_in_both_scripts(visits):
    results, _blocked = visits
    for name in ("en-summary", "ar-summary"):
        for probe_name in ("chart title", "chart labels"):
            assert results[name]["fonts"][probe_name]["fonts"] == BOOK_FONT, (name, probe_name)
    assert ARABIC_LETTERS.search(results["ar-summary"]["fonts"]["chart title"]["text"])


def test_every_page_text_is_drawn_with_the_books_font(visits):
    # The landing page too (it borrows the first book's fonts), and Romanian with ș and ț.
    results, _blocked = visits
    for name, result in results.items():
        assert result["fonts"]["text"]["fonts"] == BOOK_FONT, name
    assert re.search("[șțȘȚ]", results["ro-glossary"]["fonts"]["text"]["text"])


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
