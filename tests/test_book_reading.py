"""What a reader sees, measured in a real browser: every chapter page (each notebook of _toc.yml)
in English, Arabic and Romanian, on a desktop (1280 px) and a phone (390 px), offline.

One build and one Chromium (conftest.py's `site` and `browser`); one page per width, reused for
every chapter and language. Measured on each page:

- every table fits its column at 1280 px (no scrolling, the decision column visible), and no
  page scrolls sideways at either width;
- no chart text is drawn smaller than 11 CSS px (its font size times the SVG's scale on screen);
- the text of every figure in a table stands at least 8 px from the text of the cells beside it
  (same line: horizontally; one above the other, in the phone's cards: vertically, between their
  em boxes);
- table captions span the table's column (a phone's cards used to squeeze them into one cell's
  width), and a two-column table (an item and its value) repeats no column label in its cards;
- the company's name is on the page;
- Arabic pages hold no English word outside names from the workbook, codes (all-capital
  abbreviations, the workbook's sheet names with their cells), proper names of models and
  authors, and quotations (`<q>`, `<blockquote>`, `<cite>`, or any element whose `lang` is not
  Arabic); Romanian pages hold no sentence left in English: none equal to an English message
  of the catalogs (package and book) that has a Romanian translation of its own, none with two
  or more English function words.

The language checks read every chapter at the desktop's width (the methodology's formulas,
reference notes and sources used to stay in English) and the summary, staffing and regions
chapters at the phone's too; the layout checks read every chapter. Chapters are found in
_toc.yml (a notebook's name after its number), so renumbered or added notebooks keep being
tested. Screenshots of
every page go to test-artifacts/reading-<lang>-<chapter>-<width>.png (the first screen of a
page; the whole page for the chapters the language checks read).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from analysis.book import paths, stage
from analysis.i18n import po_path
from analysis.names import strip_isolates
from analysis.workbook import format as workbook_format
from analysis.workbook import loader

ARTIFACTS = paths.ROOT / "test-artifacts"
CHAPTERS = ("summary", "staffing", "regions")
"""The chapters every check reads, the language checks included."""
CHARTED = CHAPTERS
"""Chapters that must show charts."""
LANGUAGES = ("en", "ar", "ro")
WIDTHS = (1280, 390)
MIN_CHART_PX = 11.0
MIN_GAP_PX = 8.0

PROPER_NAMES = frozenset({
    "Erlang", "Palm", "Garnett", "Mandelbaum", "Reiman", "Zeltyn", "pyworkforce", "ccPlanning",
    "LiveAgent",
})
"""Proper names the Arabic prose keeps in Latin letters: the queueing models and their authors,
the library and the publishers the methodology cites."""
SHEETS = frozenset(workbook_format.SHEETS)
"""The workbook's sheet names: fixed English codes, as the reader sees them in the file."""
CODE = re.compile(r"^(?:[A-Z]{1,5}\d*|[A-Z]\d{1,3}|P\d{2})$")
"""An abbreviation or code: SAR, USD, FTE, AHT, P10, a cell such as B12."""
FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "is", "with", "for", "that", "this", "which", "from", "by", "be",
    "was", "were", "has", "have", "it", "its", "on", "at", "would", "should", "will", "your",
    "you", "our", "we", "they", "their", "than", "each", "when", "where", "these", "those",
    "into", "only", "also", "but", "if", "what", "how",
})
"""English words a Romanian sentence never holds ("a", "are", "an", "in", "or" and "as" are left
out: they are Romanian words too)."""


def chapter_pages() -> dict[str, str]:
    """chapter -> page name for every notebook of _toc.yml: "summary" for notebooks/01_summary."""
    found = {}
    for name in stage.toc_files():
        stem = name.rsplit("/", 1)[-1]
        number, _, chapter = stem.partition("_")
        if name.startswith("notebooks/") and number.isdigit():
            found[chapter] = name
    assert {*CHAPTERS, "methodology"} <= set(found), found
    return found


MEASURE = r"""
(args) => {
  const visible = el => el.getClientRects().length > 0;
  const textBox = el => {
    // The text's extent on its line: horizontally as laid out, vertically the em box (1.2 em
    // around the line's middle): the book's font carries Noto Sans Arabic's tall ascent and
    // descent (2.1 em), which would make two lines of Latin figures look as if they touched.
    const rects = [];
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text;
    while ((text = texts.nextNode())) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const size = parseFloat(getComputedStyle(text.parentElement).fontSize);
      for (const r of range.getClientRects()) {
        if (r.width <= 0 || r.height <= 0) continue;
        const middle = (r.top + r.bottom) / 2;
        rects.push({left: r.left, right: r.right, top: middle - 0.6 * size,
                    bottom: middle + 0.6 * size});
      }
    }
    if (!rects.length) return null;
    return {left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right)),
            top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom))};
  };
  const gap = (a, b) => {
    const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
    return sameLine ? Math.max(a.left - b.right, b.left - a.right)
                    : Math.max(a.top - b.bottom, b.top - a.bottom);
  };
  const tables = [...document.querySelectorAll('table.report-table')].filter(visible).map(t => {
    const wrap = t.parentElement;
    return {width: t.getBoundingClientRect().width, column: wrap.clientWidth,
            scrolls: wrap.scrollWidth > wrap.clientWidth + 0.5,
            text: t.innerText.slice(0, 60)};
  });
  const gaps = [];
  for (const cell of document.querySelectorAll('table.report-table td.num')) {
    if (!visible(cell)) continue;
    const mine = textBox(cell);
    if (!mine) continue;
    for (const other of [cell.previousElementSibling, cell.nextElementSibling]) {
      if (!other) continue;
      const theirs = textBox(other);
      if (theirs) gaps.push({gap: gap(mine, theirs), cell: cell.textContent,
                             other: other.textContent});
    }
  }
  const chartText = [];
  for (const svg of document.querySelectorAll('figure.report-chart svg')) {
    if (!visible(svg)) continue;
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      const m = text.getScreenCTM();
      const scale = Math.hypot(m.a, m.b);
      chartText.push({px: parseFloat(getComputedStyle(text).fontSize) * scale,
                      text: text.textContent});
    }
  }
  const own = document.documentElement.lang;
  const foreign = el => {
    const marked = el.closest('[lang]');
    return marked && marked.lang.split('-')[0] !== own;
  };
  const skipped = 'script, style, noscript, code, kbd, pre, samp, q, blockquote, cite, .name';
  const words = [];
  const labels = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest(skipped) || foreign(el) || !node.textContent.trim()) continue;
    // A chart label wrapped over lines (one tspan a line) is read whole: a name from the
    // workbook split over two lines is still that name.
    const label = el.closest('svg text');
    if (!label) {
      words.push(node.textContent);
    } else if (!labels.has(label)) {
      labels.add(label);
      const lines = [...label.querySelectorAll('tspan')].map(t => t.textContent);
      words.push(lines.length ? lines.join(' ') : label.textContent);
    }
  }
  const blocks = [];
  const blockSelector = 'p, li, td, th, caption, h1, h2, h3, h4, dt, dd, figcaption, svg text';
  for (const el of document.querySelectorAll('.bd-article ' + blockSelector.split(', ')
                                              .join(', .bd-article '))) {
    if (el.closest(skipped) || foreign(el)) continue;
    const copy = el.cloneNode(true);
    copy.querySelectorAll(skipped).forEach(x => x.remove());
    copy.querySelectorAll('[lang]').forEach(x => {
      if (x.lang.split('-')[0] !== own) x.remove();
    });
    blocks.push(copy.textContent.replace(/\s+/g, ' ').trim());
  }
  const captions = [...document.querySelectorAll('table.report-table caption')].filter(visible)
    .map(c => ({width: c.getBoundingClientRect().width,
                column: c.closest('.report-table-wrap').clientWidth, text: c.textContent}));
  const pairLabels = [];
  for (const cell of document.querySelectorAll('table.report-table td')) {
    if (!visible(cell) || cell.parentElement.children.length !== 2) continue;
    const label = getComputedStyle(cell, '::before').content;
    if (label && label !== 'none' && label !== 'normal') pairLabels.push(label);
  }
  return {tables, gaps, chartText, words, blocks, captions, pairLabels,
          pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
          text: document.body.innerText};
}
"""


@pytest.fixture(scope="module")
def workbook_names() -> tuple[str, list[str]]:
    """The company's name and every name the workbook brings (company, vendors)."""
    inputs, _warnings = loader.load(paths.DEFAULT_WORKBOOK)
    names = [str(inputs.company.name), *(str(q.vendor) for q in inputs.quotes)]
    return str(inputs.company.name), sorted(set(names), key=len, reverse=True)


@pytest.fixture(scope="module")
def readings(browser, site):
    """(lang, chapter, width) -> what MEASURE found, each page once, a screenshot each."""
    ARTIFACTS.mkdir(exist_ok=True)
    pages = chapter_pages()
    wanted = [(lang, chapter, width) for width in WIDTHS for lang in LANGUAGES
              for chapter in pages]
    found = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith("file:") else route.abort())
        page = context.new_page()
        for lang, chapter, at in wanted:
            if at != width:
                continue
            page.goto((site / lang / f"{pages[chapter]}.html").as_uri())
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.screenshot(path=str(ARTIFACTS / f"reading-{lang}-{chapter}-{width}.png"),
                            full_page=chapter in CHAPTERS)
            found[(lang, chapter, width)] = page.evaluate(MEASURE)
        context.close()
    return found


def _each(readings, chapters=None):
    """The readings of `chapters` (every chapter by default)."""
    return [(key, value) for key, value in readings.items()
            if chapters is None or key[1] in chapters]


def _language_checked(readings):
    """The pages the language checks read: every chapter on a desktop, CHAPTERS on a phone
    too."""
    return [(key, value) for key, value in readings.items()
            if key[1] in CHAPTERS or key[2] == 1280]


def test_every_chapter_is_read():
    pages = chapter_pages()
    assert len(pages) >= 9, pages
    assert all(name.startswith("notebooks/") for name in pages.values())


def test_tables_fit_their_column_on_a_desktop(readings):
    with_tables = set()
    for (lang, chapter, width), seen in _each(readings):
        if width != 1280:
            continue
        if chapter in CHAPTERS:
            assert seen["tables"], (lang, chapter)
        if seen["tables"]:
            with_tables.add(chapter)
        for table in seen["tables"]:
            assert table["width"] <= table["column"] + 0.5, (lang, chapter, table)
            assert not table["scrolls"], (lang, chapter, table)
    # The widest tables: the quotes against their ranges, the years, the methodology's inputs.
    assert {"outsourcing", "years", "methodology"} <= with_tables, with_tables


def test_no_page_scrolls_sideways(readings):
    for key, seen in _each(readings):
        assert seen["pageWidth"] <= seen["viewport"], (key, seen["pageWidth"])
        for table in seen["tables"]:
            assert not table["scrolls"], (key, table)


def test_captions_span_the_column(readings):
    # A caption in the phone's card layout used to shrink to a lone cell's width, a word a line.
    captioned = 0
    for key, seen in _each(readings):
        for caption in seen["captions"]:
            captioned += 1
            assert caption["width"] >= caption["column"] - 0.5, (key, caption)
    assert captioned


def test_an_item_and_its_value_need_no_label(readings):
    # A two-column table (item, value) keeps its header on a phone; no card repeats "Value".
    for key, seen in _each(readings):
        assert seen["pairLabels"] == [], (key, seen["pairLabels"][:3])


def test_no_chart_text_is_smaller_than_11_px(readings):
    for key, seen in _each(readings):
        if key[1] in CHARTED:
            assert seen["chartText"], key
        small = [t for t in seen["chartText"] if t["px"] < MIN_CHART_PX]
        assert not small, (key, small[:5])


def test_figures_in_tables_stand_apart_from_their_neighbours(readings):
    for key, seen in _each(readings):
        if key[1] in CHAPTERS:
            assert seen["gaps"], key
        close = [g for g in seen["gaps"] if g["gap"] < MIN_GAP_PX]
        assert not close, (key, close[:5])


def test_the_company_is_named_on_every_page(readings, workbook_names):
    company, _names = workbook_names
    for key, seen in readings.items():
        assert company in seen["text"], key


def english_words(texts: list[str], names: list[str]) -> list[str]:
    """The Latin-script words of `texts` that are not a workbook name, a code, a sheet or a
    proper name."""
    found = []
    for text in texts:
        text = strip_isolates(text)
        for name in names:
            text = text.replace(name, " ")
        for word in re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z0-9]*", text):
            if not (CODE.match(word) or word in SHEETS or word in PROPER_NAMES):
                found.append(word)
    return found


def test_arabic_pages_have_no_english_word(readings, workbook_names):
    _company, names = workbook_names
    for (lang, chapter, width), seen in _language_checked(readings):
        if lang == "ar":
            assert english_words(seen["words"], names) == [], (chapter, width)


@pytest.fixture(scope="module")
def english_messages() -> set[str]:
    """English messages that Romanian writes differently: the package's and the book's."""
    catalogs = [po_path("ro"), *sorted((paths.BOOK_DIR / "locale" / "ro" / "LC_MESSAGES")
                                       .glob("*.po"))]
    found = set()
    for path in catalogs:
        with Path(path).open("rb") as handle:
            for message in read_po(handle, locale="ro"):
                if (message.id and isinstance(message.id, str) and message.string
                        and message.string != message.id and len(message.id.split()) >= 3):
                    found.add(re.sub(r"\s+", " ", message.id).strip())
    return found


def untranslated(blocks: list[str], english: set[str], names: list[str]) -> list[str]:
    """The blocks that are an English message or hold two English function words or more."""
    found = []
    for block in blocks:
        text = block
        for name in names:
            text = text.replace(name, " ")
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
        if block in english or len(words & FUNCTION_WORDS) >= 2:
            found.append(block)
    return found


def test_romanian_pages_have_no_english_sentence(readings, english_messages, workbook_names):
    _company, names = workbook_names
    assert len(english_messages) > 100  # the catalogs were read
    for (lang, chapter, width), seen in _language_checked(readings):
        if lang == "ro":
            assert untranslated(seen["blocks"], english_messages, names) == [], (chapter, width)


def test_the_checks_would_see_english(workbook_names, english_messages):
    # The language checks find what they look for: an English sentence and a stray word.
    _company, names = workbook_names
    assert untranslated(["Each bar is what an option saves a year."], english_messages, names)
    assert untranslated(["Cost anual, minim"], english_messages, names) == []
    assert english_words(["الوفر saving (FTE) في Company B12 لدى Erlang C"], names) == ["saving"]
