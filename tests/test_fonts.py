"""The book's own font family (analysis.report.fonts) and how charts carry it (blocks.Figure).

The fonts are read back with fontTools, independently of how they were made: their names, the
characters of the three languages, the Arabic joining features, the weights, the licences.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import pytest
from fontTools.ttLib import TTFont

from analysis.report import blocks, fonts


@pytest.fixture(scope="module")
def derived():
    return {weight: TTFont(fonts.chart_font_dir() / fonts.file_name(weight, "ttf"))
            for weight in fonts.WEIGHTS}


def test_one_family_of_our_own_name_in_two_weights(derived):
    for weight, font in derived.items():
        assert font["name"].getDebugName(1) == "Decision Book Sans"
        assert font["OS/2"].usWeightClass == weight
        assert "fvar" not in font  # static: every renderer draws the same instance
    assert derived[400]["name"].getDebugName(2) == "Regular"
    assert derived[700]["name"].getDebugName(2) == "Bold"
    assert derived[700]["head"].macStyle & 1


def test_the_fonts_keep_their_copyright_and_licence(derived):
    for font in derived.values():
        assert "Noto Project Authors" in font["name"].getDebugName(0)
        assert "SIL Open Font License" in font["name"].getDebugName(13)


def test_every_character_of_the_three_languages_is_in_the_font(derived):
    # Romanian with comma-below ș ț (U+0219, U+021B) and their capitals; Arabic letters, the
    # Arabic comma, Arabic-Indic digits, tatweel; the marks and isolates the book puts around
    # workbook names in right-to-left text (LRM U+200E, FSI U+2068, PDI U+2069); currency signs.
    text = ("ȘșȚțăâî ÂÎĂ Customer service "
            "خدمة العملاء، فريق داخلي أم الاستعانة بمصادر خارجية؟ ٠١٢٣٤٥٦٧٨٩ ـ"
            "\u200e\u200f\u2068\u2069 €$£ %‰")
    for font in derived.values():
        cmap = font.getBestCmap()
        missing = sorted({c for c in text if ord(c) not in cmap})
        assert missing == []


def test_arabic_letters_join(derived):
    # Without these GSUB features Arabic would be drawn as isolated letters.
    for font in derived.values():
        features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features
        scripts = {record.ScriptTag for record in font["GSUB"].table.ScriptList.ScriptRecord}
        assert {"arab", "latn"} <= scripts


def test_the_book_gets_web_fonts_a_stylesheet_and_the_licences():
    web = fonts.web_dir()
    css = (web / fonts.STYLESHEET).read_text(encoding="utf-8")
    sources = re.findall(r'url\("([^"]+)"\)', css)
    assert sorted(sources) == ["fonts/DecisionBookSans-Bold.woff2",
                               "fonts/DecisionBookSans-Regular.woff2"]
    for source in sources:
        assert (web / source).read_bytes()[:4] == b"wOF2"
    assert 'font-family: "Decision Book Sans"' in css
    licences = sorted(path.name for path in (web / "fonts").glob("OFL-*.txt"))
    assert licences == ["OFL-NotoSans.txt", "OFL-NotoSansArabic.txt"]
    for licence in licences:
        assert "SIL OPEN FONT LICENSE Version 1.1" in (web / "fonts" / licence).read_text()


# --- charts as inline SVG ---------------------------------------------------------------------


def _clipped_bars(values: list[float]) -> alt.Chart:
    """Bars cut at a fixed domain: vl-convert draws them with a clip path, which has an id."""
    frame = pd.DataFrame({"x": values, "y": ["a", "b", "c"]})
    return alt.Chart(frame).mark_bar(clip=True).encode(
        x=alt.X("x", scale=alt.Scale(domain=[0, 10])), y="y")


def _one(chart: alt.Chart) -> dict[str, dict]:
    """One chart as the only size of a figure's specs."""
    return {"wide": chart.to_dict()}


def test_ids_are_unique_on_a_page_and_the_same_for_the_same_chart():
    first = blocks.chart_html("A", _one(_clipped_bars([1, 5, 20])), {})
    second = blocks.chart_html("B", _one(_clipped_bars([2, 6, 30])), {})
    ids = [re.findall(r'\bid="([^"]+)"', html) for html in (first, second)]
    assert ids[0] and ids[1] and not set(ids[0]) & set(ids[1])
    for html, own in zip((first, second), ids, strict=True):
        assert set(re.findall(r"url\(#([^)]+)\)", html)) <= set(own)
    # vl-convert counts clip paths across the process; the page must not depend on that.
    assert blocks.chart_html("A", _one(_clipped_bars([1, 5, 20])), {}) == first


def test_a_chart_is_one_image_per_size_named_by_its_title_and_description():
    chart = _clipped_bars([1, 2, 3])
    html = blocks.chart_html("Costs & savings", {"wide": chart.to_dict(),
                                                 "narrow": chart.to_dict()}, {},
                             "Three bars <of costs>")
    label = 'aria-label="Costs &amp; savings. Three bars &lt;of costs&gt;"'
    assert html.startswith(f'<figure class="report-chart" dir="ltr"><svg role="img" {label} ')
    assert html.count("<svg ") == 2 and html.count(label) == 2
    assert 'class="marks report-chart__wide"' in html
    assert 'class="marks report-chart__narrow"' in html
    assert "<title>Costs &amp; savings</title>" in html
    assert html.endswith("</svg></figure>")


def test_chart_text_names_the_font_and_reads_back():
    figure = blocks.Figure({"wide": _clipped_bars([1, 5, 20]).configure(font="X")}, "Title",
                           "What it shows", {"decimal": ","})
    title, specs, number_format, description = blocks.parse_chart_text(figure.plain)
    assert (title, number_format, description) == ("Title", {"decimal": ","}, "What it shows")
    assert specs == figure.specs and specs["wide"]["config"]["font"] == "X"
    # an Altair upgrade alone does not change what nbval compares
    assert "$schema" not in specs["wide"]


def test_chart_text_changes_with_the_data():
    # What nbval compares: a figure that moves must change the text.
    one = blocks.Figure({"wide": _clipped_bars([1, 5, 20])}, "T").plain
    other = blocks.Figure({"wide": _clipped_bars([1, 5, 21])}, "T").plain
    assert one != other


def test_numbers_keep_nine_significant_digits():
    frame = pd.DataFrame({"x": [0.1 + 0.2, 1565685.9112634], "y": ["a", "b"]})
    spec = blocks.Figure({"wide": alt.Chart(frame).mark_bar().encode(x="x", y="y")}, "T").spec
    values = [row["x"] for row in next(iter(spec["datasets"].values()))]
    assert values == [0.3, 1565685.91]


def test_text_that_is_not_a_chart_is_refused():
    with pytest.raises(ValueError):
        blocks.parse_chart_text("A table\nName | Cost")


def test_deriving_again_gives_the_same_bytes(tmp_path):
    # The book is reproducible byte for byte only if its font files are: nothing in them may
    # come from the clock (fontTools stamps merged fonts with the time unless told otherwise).
    # The installed copy was derived earlier, at another second.
    again = tmp_path / "again"
    fonts._derive(again)
    made = sorted(path.relative_to(again) for path in again.rglob("*") if path.is_file())
    assert made
    for relative in made:
        assert (again / relative).read_bytes() == (fonts.ensure() / relative).read_bytes(), relative
