"""The chapter over the years and the summary's verdict on the horizon, on the toy company worked
by hand in test_horizon (in-house 28,000 a month; the vendor Cheap 9,600 a month with its checks;
one year discounted at 12%, two months of dual running: NPV 99,577.54, payback in month 6)."""

from dataclasses import replace

import pytest
from test_horizon import CHANGE, CHEAP, toy_company
from toy_company import toy_staff

from analysis import compare, report, staffing
from analysis.horizon import evaluate_horizon
from analysis.i18n import fmt_years
from analysis.names import strip_isolates
from analysis.options import evaluate
from analysis.report import summary as summary_report
from analysis.report.years import cumulative_frame
from analysis.summary import headline


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


@pytest.fixture(scope="module")
def outsourcing():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staffing, "staff", toy_staff)
        inputs = toy_company(replace(CHANGE, discount_rate=0.12, dual_running_months=2), 1)
        return inputs, compare.compare(inputs, draws=20)


def test_the_verdict_speaks_of_the_horizons_present_value(outsourcing):
    _inputs, comparison = outsourcing
    text = report.verdict(comparison, "en").text
    # In-house 28,000 x the twelve factors minus the vendor's months, as test_horizon works out:
    # 99,578, given to the SAR10,000 the simulated range allows.
    # A one-year horizon is "1 year", never "1 years".
    assert text.startswith("Recommendation: outsource to Cheap. Over the planning horizon of 1 "
                           "year it would cost about SAR100,000 less than the in-house team")
    basis = report.basis(comparison, "en").text
    assert "discounted at 12% a year" in basis and "today's operation (In-house team)" in basis
    # The steady-state year beside it: 336,000 against 124,200 (fees spread), 211,800 less.
    assert ("Cheap costs SAR124,200 and the in-house team SAR336,000: SAR211,800 a year less"
            in basis)


def test_npv_table_marks_todays_operation_and_gives_the_payback(outsourcing):
    _inputs, comparison = outsourcing
    rows = [line.split(" | ") for line in report.npv_table(comparison, "en").text.splitlines()]
    assert rows[0][2] == "NPV against today (SAR)"
    assert rows[1] == ["Cheap", rows[1][1], "99,578", "6"]
    assert rows[2][0] == "In-house team" and rows[2][2:] == ["today's operation", "—"]
    ro = report.npv_table(comparison, "ro").text
    assert "operarea actuală" in ro


def test_the_cumulative_saving_crosses_zero_in_the_payback_month(outsourcing):
    _inputs, comparison = outsourcing
    frame = cumulative_frame(comparison, "en")
    cheap = frame[frame["name"] == "Cheap"].set_index("month")["saving"]
    # -35,600, -45,200, -54,800, -36,400, -18,000, +400 (test_horizon).
    assert list(cheap[:6]) == pytest.approx([-35_600, -45_200, -54_800, -36_400, -18_000, 400])
    assert set(frame["name"]) == {"Cheap"}  # today's operation is the zero line


def test_one_off_table_lists_each_kind_of_change(outsourcing):
    _inputs, comparison = outsourcing
    lines = report.one_off_table(comparison, "en").text.splitlines()
    assert lines[0] == "Cost (SAR) | Cheap | In-house team"
    assert "Dual running | 56,000 | 0" in lines
    assert "Severance | 28,000 | 0" in lines
    assert "Changing, in all | 110,000 | 0" in lines
    sentence = report.one_off_sentence(comparison, "en").text
    assert "costs SAR110,000, most of it dual running (SAR56,000)" in sentence
    assert "No exit is planned" in sentence


def test_yearly_table_has_a_row_a_year():
    inputs = toy_company(replace(CHANGE, exit_year=1, dual_running_months=1), 2)
    comparison = compare.compare(inputs, draws=10)
    lines = report.yearly_table(comparison, "en").text.splitlines()
    assert len(lines) == 1 + 1 + 2  # caption, header, two years
    assert "Planned exit back in-house" in report.one_off_table(comparison, "en").text
    assert "end of year 1" in report.plan_table(inputs, comparison, "en").text


def test_a_vendor_today_is_left_for_in_house_in_words():
    # Today the dear vendor runs the line: in-house costs less over the year, changes included.
    inputs = toy_company(replace(CHANGE, current_vendor="Cheap"), 1,
                         replace(CHEAP, rate=40))
    comparison = compare.compare(inputs, draws=10)
    assert comparison.recommendation.option_id == "inhouse"
    text = report.verdict(comparison, "en").text
    assert text.startswith("Recommendation: bring customer service back in-house from Cheap.")
    assert comparison.recommendation.today_id == "vendor:Cheap"
    # The move is worth what it saves against staying with Cheap (the in-house team's NPV against
    # today's operation, worked by hand in test_horizon for this kind of case), not against the
    # cheapest outsourced option.
    npv = comparison.horizon.inhouse.npv
    spread = comparison.uncertainty.option("inhouse").saving
    step = summary_report.rounding_step(spread.p10, spread.p90, npv)
    assert f"costs about SAR{summary_report.rounded(npv, step):,.0f} less in present value than " \
        "staying with Cheap" in text


def test_a_range_is_rounded_outwards():
    # Ends to a tenth of the amount's step, outwards: P10 1,536,483 and P90 5,385,232 around an
    # amount given to the million are 1,500,000 and 5,400,000, never the narrower 2,000,000 and
    # 5,000,000; a P10 of -935 around an amount to the 100,000 is -10,000, not 0.
    assert summary_report.widened(1_536_483, 5_385_232, 1_000_000) == (1_500_000, 5_400_000)
    assert summary_report.widened(-935, 350_200, 100_000) == (-10_000, 360_000)
    assert summary_report.widened(2_000, 3_000, 1_000) == (2_000, 3_000)


def test_headline_rows_carry_the_horizon(outsourcing):
    inputs, comparison = outsourcing
    rows = {row.id: row for row in headline(inputs, "en", comparison.scenario,
                                            comparison.horizon)}
    assert rows["vendor:Cheap"].payback_month == 6
    assert rows["vendor:Cheap"].annual_cost_by_year == pytest.approx((225_200,))
    again = evaluate_horizon(evaluate(inputs)).option("vendor:Cheap")
    assert rows["vendor:Cheap"].npv == pytest.approx(again.npv)


def test_chart_is_mirrored_for_arabic(outsourcing):
    _inputs, comparison = outsourcing
    spec = report.cumulative_chart(cumulative_frame(comparison, "ar"), comparison, "ar").spec
    assert spec["layer"][0]["encoding"]["x"]["scale"]["reverse"] is True
    # The title is one right-to-left run, isolated (U+2067 ... U+2069) from the chart's layout.
    assert spec["title"]["text"] == "\u2067ما وفّره كل خيار مقارنةً بالتشغيل الحالي، شهرًا بشهر\u2069"


def test_todays_operation_is_named_in_the_readers_language(outsourcing):
    _inputs, comparison = outsourcing
    reasons = report.reasons(comparison, "ar").text
    assert "مقارنةً بالتشغيل الحالي (" in reasons and "فريق داخلي" in reasons
    assert "In-house team" not in reasons


@pytest.mark.parametrize(("count", "lang", "expected"), [
    (1, "en", "1 year"), (3, "en", "3 years"), (1, "ro", "1 an"), (3, "ro", "3 ani"),
    (1, "ar", "سنة واحدة"),
])
def test_a_horizon_is_counted_in_words(count, lang, expected):
    assert strip_isolates(fmt_years(count, lang)) == expected


def test_when_staying_costs_least_the_chapter_says_so():
    # Today Cheap runs the line at 9,600 a month (test_horizon): 115,200 over the year, less than
    # bringing the work in-house, so no option "costs least against" itself.
    inputs = toy_company(replace(CHANGE, current_vendor="Cheap", dual_running_months=1), 1)
    comparison = compare.compare(inputs, draws=10)
    text = report.cumulative_sentence(comparison, "en").text
    assert text.endswith("Over the planning horizon of 1 year, keeping today's operation costs "
                         "least: SAR115,200 in all.")
