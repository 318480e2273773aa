"""Every chart of the book draws the same, byte for byte, whatever fonts the system has.

Each chart shown in the chapter notebooks (the stored English outputs in notebooks/, and the
Arabic, Romanian and English ones the book build executes) is drawn again from its plain text
(title, Vega-Lite spec, number format; see analysis.report.blocks.Figure) in fresh processes:
once with the machine's fonts as they are, once with every system font folder but DejaVu's
hidden, as on a fresh Debian machine. Hiding uses a private mount namespace (`unshare -m`) with an
empty tmpfs over each folder, so nothing changes outside that one process. Both drawings must
equal the stored output. A control chart asking for a system font shows that hiding does change
what vl-convert sees.

Without `unshare` (not root, no user namespaces) a local run skips, saying so; CI never skips.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from fontTools.ttLib import TTFont

from analysis.book import paths, pipeline
from analysis.report import blocks, fonts
from analysis.report import charts as charts_module

SYSTEM_FONTS = Path("/usr/share/fonts")
KEPT = "dejavu"
"""The fonts a fresh Debian machine may have (fontconfig pulls in fonts-dejavu-core)."""
HIDE = ('for folder; do mount -t tmpfs -o size=1m none "$folder" || exit 97; done; '
        'exec "$PYTHON" -c "$DRAW"')
"""Hides each folder named in its arguments, then runs DRAW (both passed in the environment)."""

DRAW = """
import json, sys
from pathlib import Path
from analysis.report.blocks import chart_html
charts = json.load(sys.stdin)
seen = sorted(str(path) for path in Path("/usr/share/fonts").rglob("*")
              if path.suffix.lower() in {".ttf", ".otf", ".ttc", ".otc", ".pfb", ".woff", ".woff2"})
print(json.dumps({"fonts": seen, "html": [chart_html(*chart) for chart in charts]}))
"""
"""Runs in the child: draws each [title, specs, number_format, description] and lists the font
files it could see (not the other data Debian keeps there, such as poppler's cMap tables)."""


def font_folders(keep: str | None = KEPT) -> list[Path]:
    """Every system font folder (e.g. truetype/noto, truetype/liberation) but `keep`'s."""
    folders = [folder for folder in sorted(SYSTEM_FONTS.glob("*/*"))
               if folder.is_dir() and folder.name != keep]
    local = Path("/usr/local/share/fonts")
    return folders + ([local] if local.is_dir() else [])


def _hiding_works() -> str:
    """Empty if this machine can hide folders from one process; else why not."""
    try:
        probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"],
                               capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        return "unshare is not installed"
    if probe.returncode != 0:
        return f"unshare -m with a tmpfs mount failed: {probe.stderr.strip()}"
    return ""


@pytest.fixture(scope="module")
def can_hide() -> None:
    reason = _hiding_works()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def draw(charts: list[list[object]], hide: bool, keep: str | None = KEPT) -> dict[str, list[str]]:
    """Draws the charts in a new Python process, with the system's fonts but `keep`'s hidden
    (`keep=None`: all of them), or with all of them visible."""
    command = [sys.executable, "-c", DRAW]
    if hide:
        command = ["unshare", "-m", "sh", "-c", HIDE, "hide", *map(str, font_folders(keep))]
    environment = {**os.environ, "PYTHON": sys.executable, "DRAW": DRAW}
    done = subprocess.run(command, input=json.dumps(charts), capture_output=True, text=True,
                          env=environment, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def charts_in(notebook: Path) -> list[tuple[str, list[object], str]]:
    """(where, [title, specs, number_format, description], stored HTML) for each chart a notebook
    shows."""
    found = []
    for number, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if html.startswith('<figure class="report-chart"'):
                chart = list(blocks.parse_chart_text(output["data"]["text/plain"]))
                found.append((f"{notebook} cell {number}", chart, html))
    return found


@pytest.fixture(scope="module")
def stored() -> list[tuple[str, list[object], str]]:
    charts = [chart for notebook in sorted((paths.ROOT / "notebooks").glob("*.ipynb"))
              for chart in charts_in(notebook)]
    assert len(charts) >= 8, "every chapter with a chart should have stored it"
    return charts


@pytest.fixture(scope="module")
def built() -> list[tuple[str, list[object], str]]:
    """The charts of the book build (incremental: after `make book` nothing runs again)."""
    pipeline.build(paths.DEFAULT_WORKBOOK, ["en", "ar", "ro"], say=lambda line: None)
    charts = [chart for notebook in sorted(paths.EXECUTED_DIR.glob("*/*.ipynb"))
              for chart in charts_in(notebook)]
    languages = {Path(where).parent.name for where, _chart, _html in charts}
    assert languages == {"en", "ar", "ro"}
    return charts


STALE = ("a chart drawn now differs from the stored one: after a deliberate upgrade of the fonts "
         "or of vl-convert (both pinned in pyproject.toml), run `make notebooks`")


def _mismatches(charts, drawn: list[str]) -> list[str]:
    return [where for (where, _chart, html), again in zip(charts, drawn, strict=True)
            if again != html]


def test_hiding_leaves_only_dejavu(can_hide):
    seen = draw([], hide=True)["fonts"]
    assert all(f"/{KEPT}/" in path for path in seen), seen


def test_stored_charts_are_redrawn_identically_with_only_dejavu(can_hide, stored):
    drawn = draw([chart for _where, chart, _html in stored], hide=True)["html"]
    assert _mismatches(stored, drawn) == [], STALE


def test_stored_charts_are_redrawn_identically_with_every_system_font(stored):
    drawn = draw([chart for _where, chart, _html in stored], hide=False)["html"]
    assert _mismatches(stored, drawn) == [], STALE


def test_arabic_and_romanian_charts_do_not_depend_on_system_fonts(can_hide, built):
    charts = [chart for _where, chart, _html in built]
    assert _mismatches(built, draw(charts, hide=True)["html"]) == []
    assert _mismatches(built, draw(charts, hide=False)["html"]) == []


def test_hiding_changes_a_chart_that_asks_for_a_system_font(can_hide):
    # The control: a chart in a system font's family must come out differently once that font is
    # hidden, else the tests above would pass without proving anything. DejaVu counts here, so
    # that a machine with DejaVu only has a font to hide too.
    families = sorted({TTFont(path, fontNumber=0)["name"].getDebugName(1)
                       for folder in font_folders(keep=None)
                       for path in sorted(folder.rglob("*.ttf"))[:5]})
    if not families:
        pytest.skip("this machine has no system font at all: nothing to hide")
    spec = {"data": {"values": [{"name": "Ilie Ștefănescu", "cost": 3},
                                {"name": "خدمة العملاء", "cost": 5}]},
            "mark": "bar",
            "encoding": {"y": {"field": "name", "type": "nominal"},
                         "x": {"field": "cost", "type": "quantitative"}},
            "config": {"font": families[0]}}
    chart = ["Control", {"wide": spec}, {}, ""]
    hidden = draw([chart], hide=True, keep=None)
    assert hidden["fonts"] == []
    assert hidden["html"] != draw([chart], hide=False)["html"]
    assert fonts.FAMILY not in families


def test_every_chart_of_the_built_book_is_inline_in_the_books_font(built):
    # The published pages, not the notebooks: each chart is an inline <svg> (an <img> could not
    # use the page's fonts) whose every text names only the book's family, on a page that loads
    # that family from its own _static/ folder.
    pages = {lang: sorted((paths.HTML_DIR / lang).rglob("*.html")) for lang in ("en", "ar", "ro")}
    charts = 0
    for lang, files in pages.items():
        static = paths.HTML_DIR / lang / "_static"
        css = (static / fonts.STYLESHEET).read_text(encoding="utf-8")
        for source in re.findall(r'url\("([^"]+)"\)', css):
            assert (static / source).is_file(), (lang, source)
        for page in files:
            html = page.read_text(encoding="utf-8")
            assert not re.search(r'<img[^>]+\.svg"', html), page
            figures = re.findall(r'<figure class="report-chart".*?</figure>', html, re.S)
            if figures:
                assert f'_static/{fonts.STYLESHEET}' in html, page
            for figure in figures:
                assert "<svg" in figure
                assert set(re.findall(r'font-family="([^"]+)"', figure)) == {charts_module.FONT}
            charts += len(figures)
    assert charts >= 3 * 8, "every chapter chart, in each of three languages"
