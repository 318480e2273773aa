"""The book's presentation helpers: locale formats, message parameters, derived figures, charts.

Every expected value is worked out by hand in a comment: CLDR's separators for Romanian (1.234,5)
and for Arabic written with Latin digits (1,234.5), the seed's published price ranges, and small
made-up staffing and cost records whose sums are easy to check.
"""

from __future__ import annotations

import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from analysis import report
from analysis.costs import InHouseCost
from analysis.model import Channel, Hours
from analysis.recommend import Message
from analysis.staffing import ChannelStaffing, Staffing
from analysis.workbook import Problem, Severity, problems


def _cost(**changes: float) -> InHouseCost:
    """Salaries 300,000 + premium 10,000 + on-cost 50,000 + leads 40,000 = 400,000 of pay, plus
    100,000 of other costs (recruitment 20,000, training 20,000, equipment 10,000, software
    10,000, rent 30,000, overhead 10,000): 500,000 in all, for 10 FTE and 100,000 contacts."""
    values = dict(
        channels=(Channel.EMAIL,), fte=10.0, headcount=10, team_leads=1.0, seats=8,
        annual_contacts=100_000.0, handled_minutes=400_000.0, salaries=300_000.0,
        shift_premium=10_000.0, oncost=50_000.0, supervision=40_000.0, recruitment=20_000.0,
        training=20_000.0, equipment=10_000.0, software=10_000.0, rent=30_000.0,
        overhead=10_000.0,
    )
    return InHouseCost(**(values | changes))


def _channel(channel: Channel, fte: float, agent_hours: float, premium: float,
             intervals: pd.DataFrame | None = None, contacts: float = 0.0,
             workload: float = 0.0) -> ChannelStaffing:
    return ChannelStaffing(
        channel=channel, intervals=intervals if intervals is not None else pd.DataFrame(),
        weekly_contacts=contacts, weekly_workload_hours=workload,
        weekly_agent_hours=agent_hours, premium_share=premium, fte=fte, peak_agents=1.0,
        service_level=None, asa_seconds=None,
    )


# --- numbers and words in the reader's locale -----------------------------------------------


def test_chart_locale_uses_each_languages_separators():
    # English 1,234.5; Romanian 1.234,5; Arabic with Latin digits (CLDR "latn") 1,234.5.
    en, ro, ar = (report.charts.chart_locale(lang) for lang in ("en", "ro", "ar"))
    assert (en["decimal"], en["thousands"]) == (".", ",")
    assert (ro["decimal"], ro["thousands"]) == (",", ".")
    assert ar["thousands"] == ","


def test_use_charts_passes_the_locale_to_the_svg_renderer():
    previous = alt.renderers.active
    try:
        report.charts.use_charts("ro")
        assert alt.renderers.active == "svg"
        assert alt.renderers.options["embed_options"]["formatLocale"]["decimal"] == ","
    finally:
        alt.renderers.enable(previous)


@pytest.mark.parametrize(("name", "value", "lang", "expected"), [
    ("saving_money", 1_234_567.4, "ro", "1.234.567\xa0RON"),  # ro: "#,##0 ¤", no-break space
    ("saving_money", 1_234_567.4, "en", "RON1,234,567"),
    ("saving_share", 0.2, "en", "20%"),
    ("premium_share", 0.05, "ro", "5,0%"),  # below 10%: one decimal, Romanian comma
    ("contacts_count", 6211.4, "ro", "6.211"),
    ("aht_minutes", 10.5, "ro", "10,5"),
    ("response_hours", 24.0, "en", "24"),  # whole: no decimals
    ("channel", "inbound_phone", "en", "Inbound phone"),
    ("channels", "email,social", "en", "Email and Social media"),
    ("region", "africa_middle_east", "en", "Africa/Middle East"),
    ("region", "international", "en", "International"),
    ("option", "Acme BPO", "ro", "Acme BPO"),
])
def test_message_parameters_follow_the_naming_rule(name, value, lang, expected):
    assert report.words.param_text(name, value, "RON", lang) == expected


def test_arabic_money_keeps_latin_digits_and_the_riyal_sign():
    text = report.words.param_text("saving_money", 1_234_567, "SAR", "ar")
    assert "1,234,567" in text
    assert "ر.س" in text


def test_message_text_formats_every_parameter():
    message = Message(
        "{option} costs {saving_money} a year less than the in-house team "
        "({saving_share} of its cost).",
        (("option", "Acme"), ("saving_money", 2_405_207.0), ("saving_share", 0.2)),
    )
    assert report.words.message_text(message, "SAR", "en") == (
        "Acme costs SAR2,405,207 a year less than the in-house team (20% of its cost).")


def test_sentence_in_romanian_uses_romanian_numbers():
    # FTE 12.5 + 6.8 = 19.3 -> "19,3"; hired whole: 20; night/weekend share weighted by hours:
    # (0.1 x 100 + 0.4 x 50) / 150 = 30 / 150 = 20%.
    staff = Staffing((_channel(Channel.CHAT, 12.5, 100.0, 0.1),
                      _channel(Channel.EMAIL, 6.8, 50.0, 0.4)))
    text = report.staffing.staffing_sentence(staff, "ro").text
    assert {"19,3", "20", "20%"} <= set(re.findall(r"\d+(?:[.,]\d+)?%?", text))


def test_hours_text():
    assert report.words.hours_text(Hours(5, 9, 18), "en") == "5 days a week, 09:00 to 18:00"
    assert report.words.hours_text(Hours(7, 0, 24), "en") == "around the clock (24/7)"


def test_table_escapes_text_and_marks_figures_keys_and_labels():
    # Figures are marked "num" (book.css aligns them to the line's end), the decision column
    # "key"; every cell carries its column's header as the label of the phone layout.
    block = report.blocks.table(["Name", "Cost <SAR>"], [["<b>Acme & Co</b>", "1"]],
                                numeric=(1,), key=(1,))
    assert "&lt;b&gt;Acme &amp; Co&lt;/b&gt;" in block.html
    assert ('<td class="num key" data-label="Cost &lt;SAR&gt;">'
            '<span class="report-table__value">1</span></td>') in block.html
    assert '<th scope="col" class="num key">Cost &lt;SAR&gt;</th>' in block.html
    assert '<td data-label="Name"><span class="report-table__value">&lt;b&gt;' in block.html
    # Two columns, an item and its value: a table on a phone too (no "Cost" label in each card).
    assert block.html.startswith(
        '<div class="report-table-wrap"><table class="report-table report-table--pairs">')
    assert block.text == "Name | Cost <SAR>\n<b>Acme & Co</b> | 1"


def test_figures_with_words_may_wrap_between_the_words():
    # A numeric cell that holds words wraps between them ("words"); a bare figure, a share or a
    # figure with a one-letter unit does not. Three columns: cards on a phone.
    block = report.blocks.table(
        ["Vendor", "Rate", "Range"],
        [["Acme", "12.50 an hour in seat", "10.00 to 14.00"], ["Bee", "1,234.5", "12%"],
         ["Cee", "٢٫٥ ر.س.", "1.5 × الراتب"]], numeric=(1, 2))
    classes = re.findall(r'<td(?: class="([^"]*)")? data-label="R', block.html)
    assert classes == ["num words", "num words", "num", "num", "num", "num words"]
    assert block.html.startswith('<div class="report-table-wrap"><table class="report-table">')


# --- derived figures --------------------------------------------------------------------------


def test_workload_by_hour_sums_the_days_and_converts_to_hours():
    # Two days, hours 9 and 10, contacts 2, 4 (day 0) and 6, 8 (day 1): 20 a week at 300 s each,
    # 20 x 300 / 3600 = 1.667 h. Hour 9: 2 + 6 = 8 contacts = 0.667 h; hour 10: 12 = 1.0 h.
    rows = pd.DataFrame({"day": [0, 0, 1, 1], "hour": [9, 10, 9, 10],
                         "contacts": [2.0, 4.0, 6.0, 8.0]})
    staff = Staffing((_channel(Channel.CHAT, 1.0, 4.0, 0.0, rows, 20.0, 20 * 300 / 3600),))
    frame = report.operation.workload_by_hour(staff)
    assert list(frame["hour"]) == [9, 10]
    assert frame["hours"].tolist() == pytest.approx([8 * 300 / 3600, 1.0])
    assert set(frame["channel"]) == {"chat"}


def test_unit_costs():
    unit = report.inhouse.unit_costs(_cost())
    assert unit["total"] == 500_000
    assert unit["per_contact"] == pytest.approx(5.0)  # 500,000 / 100,000
    assert unit["per_minute"] == pytest.approx(1.25)  # 500,000 / 400,000
    assert unit["per_fte"] == pytest.approx(50_000)  # 500,000 / 10
    assert unit["people_share"] == pytest.approx(0.8)  # 400,000 / 500,000


def test_a_chance_never_reads_as_certain_unless_it_is():
    shown = report.uncertainty.probability
    assert shown(0.99926, "en") == "99.9%"
    assert shown(0.9997, "en") == "over 99.9%"
    assert shown(0.0002, "en") == "under 0.1%"
    assert shown(1.0, "en") == "100.0%"
    assert shown(0.0, "en") == "0.0%"
    assert shown(0.8124, "en") == "81.2%"


def test_regions_summary():
    # In-house 100: r1 is below even at its high (70), r2 only at its mid (95), r3 never.
    frame = pd.DataFrame({"region": ["r1", "r2", "r3"], "low": [50.0, 80.0, 120.0],
                          "mid": [60.0, 95.0, 130.0], "high": [70.0, 110.0, 140.0]})
    found = report.regions.regions_summary(frame, 100.0)
    assert found == {"count": 3, "cheaper_high": 1, "cheaper_mid": 2, "cheapest": "r1",
                     "cheapest_mid": 60.0}


def _warning(cell: str, found: str, expected: str,
             params: tuple[tuple[str, str], ...] = ()) -> Problem:
    return Problem("InHouse", cell, found, expected, Severity.WARNING, params)


WARNINGS = [
    _warning("B7", "250", "usually at most {limit}: check this value (it is used as entered)",
             (("limit", "100"),)),
    _warning("B18", "0.35", "percent points: {value} is read as {value}%; type {points} for "
             "{points}%", (("value", "0.35"), ("points", "35"))),
]


def test_workbook_warnings_list_each_value_with_its_sheet_and_cell():
    # Problem.render's pattern "{label}: sheet “{sheet}”, cell {cell}: found {found}; expected
    # {expected}." filled in by hand, one bullet per warning, in the loader's order.
    block = report.workbook_warnings(WARNINGS, "en")
    assert block.text == (
        "- Warning: sheet “InHouse”, cell B7: found 250; expected usually at most 100: check "
        "this value (it is used as entered).\n"
        "- Warning: sheet “InHouse”, cell B18: found 0.35; expected percent points: 0.35 is read "
        "as 0.35%; type 35 for 35%.")
    assert block.html.count("<li>") == 2


def test_workbook_warnings_are_in_the_readers_language(marked):
    # Three ids go through `_()`: the sentence pattern (its "[ar]" comes first), the label
    # "Warning" inside it, and the expectation before its {limit} is filled in.
    assert report.workbook_warnings(WARNINGS[:1], "ar").text == (
        "- [ar][ar]Warning: sheet “InHouse”, cell B7: found 250; expected [ar]usually at most "
        "100: check this value (it is used as entered).")


def test_no_workbook_warnings_says_so(marked):
    block = report.workbook_warnings([], "ro")
    assert block.text == "[ro]None of the workbook's values looks unusual."
    assert block.html.startswith("<p")


def test_every_name_the_notebooks_call_is_exported():
    notebooks = Path(__file__).parents[1] / "notebooks"
    called = {name for path in notebooks.glob("*.ipynb")
              for name in re.findall(r"report\.(\w+)\(", path.read_text(encoding="utf-8"))}
    assert "verdict" in called  # the scan found the notebooks' calls
    assert called <= set(report.__all__)
    assert all(callable(getattr(report, name)) for name in report.__all__)


# --- charts -----------------------------------------------------------------------------------


@pytest.fixture
def marked(monkeypatch):
    """Every message id comes back marked, so a test sees which words went through `_()`."""
    for module in (report.inhouse, report.operation, problems):
        monkeypatch.setattr(module, "translator",
                            lambda lang: lambda message: f"[{lang}]{message}")


RLI, FSI, PDI = "\u2067", "\u2068", "\u2069"


def test_chart_titles_and_labels_are_translated(marked):
    spec = report.inhouse.inhouse_chart(_cost(), "SAR", "ar").spec
    # Right-to-left chart text is isolated as such (RLI...PDI) in the left-to-right SVG.
    assert spec["title"]["text"] == f"{RLI}[ar]Where the in-house money goes{PDI}"
    # The currency as the Arabic prose writes it, isolated (FSI...PDI) inside the title; in
    # text holding Arabic, each Latin run is isolated as well.
    assert spec["layer"][0]["encoding"]["x"]["title"] == (
        f"{RLI}[{FSI}ar{PDI}]{FSI}Per year{PDI} ({FSI}ر.س.{PDI}){PDI}")
    assert "[ar]Salaries" in [row["name"] for row in spec["datasets"].popitem()[1]]


def test_right_to_left_charts_are_mirrored():
    ar = report.inhouse.inhouse_chart(_cost(), "SAR", "ar").spec["layer"][0]
    en = report.inhouse.inhouse_chart(_cost(), "SAR", "en").spec["layer"][0]
    assert ar["encoding"]["y"]["axis"]["orient"] == "right"
    assert ar["encoding"]["x"]["scale"]["reverse"] is True
    assert en["encoding"]["y"]["axis"]["orient"] == "left"
    assert en["encoding"]["x"]["scale"]["reverse"] is False
    whole_ar = report.inhouse.inhouse_chart(_cost(), "SAR", "ar").spec
    whole_en = report.inhouse.inhouse_chart(_cost(), "SAR", "en").spec
    assert whole_ar["title"]["anchor"] == "end" and whole_en["title"]["anchor"] == "start"


def test_every_chart_comes_in_a_desktop_and_a_phone_drawing():
    # The phone drawing puts each category's label above its bar (one panel per category,
    # a facet by row), across the narrow width; the desktop one keeps the labels on the axis.
    figure = report.inhouse.inhouse_chart(_cost(), "SAR", "en")
    wide, narrow = figure.specs["wide"], figure.specs["narrow"]
    assert wide["width"] == report.charts.WIDE.width
    assert wide["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert narrow["facet"]["row"]["header"]["labelOrient"] == "top"
    assert narrow["spec"]["width"] == report.charts.NARROW.width - 12


def test_long_category_labels_wrap_instead_of_being_cut():
    # 36 characters a line on the desktop drawing: the hybrid's name in three lines, whole.
    name = "Hybrid: dedicated in business hours, shared at night and weekends"
    assert report.charts.wrap(name, 36) == ["Hybrid: dedicated in business hours,",
                                            "shared at night and weekends"]
    assert report.charts.wrap("Supercalifragilisticexpialidocious", 10) == [
        "Supercalifragilisticexpialidocious"]
    # A name isolated for right-to-left text keeps each of its lines isolated.
    assert report.charts.wrap(f"{FSI}Acme Contact Centre{PDI}", 10) == [
        f"{FSI}Acme{PDI}", f"{FSI}Contact{PDI}", f"{FSI}Centre{PDI}"]


def test_charts_ask_for_the_books_own_font():
    # One family with Latin and Arabic glyphs (test_fonts.py checks the font itself).
    spec = report.inhouse.inhouse_chart(_cost(), "SAR", "ar").spec
    assert spec["config"]["font"].split(",")[0] == "Decision Book Sans"


def test_svg_axis_numbers_follow_the_locale():
    # Salaries of 300,000 make the axis end at 300,000: "300.000" in Romanian, "300,000" in
    # English. The SVG carries no random ids, so the same chart gives the same bytes.
    spec = report.inhouse.inhouse_chart(_cost(), "RON", "ro").spec
    ro = vlc.vegalite_to_svg(spec, format_locale=report.charts.chart_locale("ro"))
    en = vlc.vegalite_to_svg(spec, format_locale=report.charts.chart_locale("en"))
    assert "300.000" in ro
    assert "300,000" in en
    assert ro == vlc.vegalite_to_svg(spec, format_locale=report.charts.chart_locale("ro"))


def test_figure_shows_its_title_and_spec_as_plain_text():
    figure = report.inhouse.inhouse_chart(_cost(), "SAR", "ro")
    printed = []

    class Printer:
        def text(self, value: str) -> None:
            printed.append(value)

    figure._repr_pretty_(Printer(), False)
    title, specs, number_format, description = report.blocks.parse_chart_text(printed[0])
    assert title == "Unde merg banii echipei interne"
    assert specs["wide"]["layer"][0]["encoding"]["x"]["title"] == "Pe an (SAR)"
    assert description.startswith("O bară pentru fiecare dintre cele 14 categorii de cost")
    assert (number_format["decimal"], number_format["thousands"]) == (",", ".")
