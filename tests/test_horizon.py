"""The decision over the years, worked by hand month by month on the toy company (toy_company).

The toy team: 10 agents at 30,000 a year and one team lead (10 agents per lead) at 36,000, nothing
else (no on-cost, seats or attrition): 336,000 a year, 28,000 a month, 11 people. The vendor
"Cheap" serves the phone line for 10 SAR x 10,920 in-seat hours = 109,200 a year, 9,100 a month,
with a set-up fee of 6,000 and an exit fee of 3,000; the company keeps quality checks of 500 a
month to manage it. A change of operation costs 20,000 of knowledge transfer; severance is one
month of salary (2,500 an agent, 3,000 the lead), hiring and training 1,000 + 500 a person.
"""

import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from toy_company import COSTS, ERLANG_STAFF, company, hourly, toy_staff

from analysis import options, report, staffing, summary
from analysis.horizon import discount_factors, evaluate_horizon, payback_month
from analysis.model import Channel, PricingModel, VendorQuote, Years
from analysis.workbook import load
from analysis.workbook.examples import EXAMPLES_DIR

TEAM = replace(COSTS, team_lead_salary=36_000, attrition=0.0, recruitment_per_hire=1_000,
               training_per_hire=500)
CHEAP = VendorQuote("Cheap", "india", Channel.INBOUND_PHONE, PricingModel.DEDICATED_PER_HOUR,
                    10, 0, 0, setup_fee=6_000, exit_fee=3_000)
CHANGE = Years(knowledge_transfer=20_000, severance_months=1)


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


def toy_company(years: Years, horizon: int, quote: VendorQuote = CHEAP):
    inputs = company([quote], qa_per_month=500)
    return replace(inputs, inhouse=TEAM, years=years,
                   company=replace(inputs.company, horizon_years=horizon))


def laid_out(inputs):
    return evaluate_horizon(options.evaluate(inputs))


def test_the_toy_figures():
    scenario = options.evaluate(toy_company(Years(), 1))
    assert scenario.inhouse.total == pytest.approx(336_000)
    # 109,200 + (6,000 + 3,000) / 1 year spread + 6,000 of quality checks
    assert scenario.option("vendor:Cheap").total == pytest.approx(124_200)


def test_outsourcing_from_in_house_worked_month_by_month():
    """One year discounted at 12%, two months of dual running."""
    years = laid_out(toy_company(replace(CHANGE, discount_rate=0.12, dual_running_months=2), 1))
    # Month 1: vendor 9,100 + checks 500 + knowledge transfer 20,000 + set-up 6,000 + the old
    # team still paid (11 people x 28,000 / 11 = 28,000). Month 2: 9,600 + 28,000 of dual
    # running. Month 3, the first without the old team: 9,600 + severance 10 x 2,500 + 3,000.
    # Then 9,600 a month; no exit fee, as the contract is not left.
    vendor = [63_600, 37_600, 37_600] + [9_600] * 9
    inhouse = [28_000] * 12
    cheap = years.option("vendor:Cheap")
    assert cheap.total == pytest.approx(vendor)
    assert years.inhouse.total == pytest.approx(inhouse)
    assert cheap.annual_cost_by_year == pytest.approx([225_200])
    # End of month m is worth 1.12^(-m/12) today.
    factors = [1.12 ** (-m / 12) for m in range(1, 13)]
    assert years.discount == pytest.approx(factors)
    saving = [i - v for i, v in zip(inhouse, vendor, strict=True)]
    assert saving == [-35_600, -9_600, -9_600] + [18_400] * 9
    assert cheap.present_value == pytest.approx(sum(v * f for v, f in zip(vendor, factors,
                                                                          strict=True)))
    assert cheap.npv == pytest.approx(sum(s * f for s, f in zip(saving, factors, strict=True)))
    assert cheap.npv == pytest.approx(99_577.54, abs=0.01)  # the sum above, worked out
    # Cumulative saving: -35,600, -45,200, -54,800, -36,400, -18,000, +400: month 6.
    assert cheap.payback_month == 6
    assert (years.inhouse.npv, years.inhouse.payback_month) == (0, 1)
    # The one-offs of the change, by kind.
    assert cheap.one_off("transition", "dual_running") == pytest.approx(56_000)
    assert cheap.one_off("transition", "severance") == pytest.approx(28_000)
    assert cheap.one_off("transition") == pytest.approx(20_000 + 6_000 + 56_000 + 28_000)


def test_rates_and_the_exit_plan_worked_month_by_month():
    """Two years, no discounting; pay +10% and vendor prices +5% a year; the quote is in US
    dollars and the dollar rises 20% a year; the contract is left at the end of year 1, with one
    month of dual running."""
    plan = replace(CHANGE, dual_running_months=1, salary_inflation=0.10, vendor_escalation=0.05,
                   usd_rate_change=0.20, exit_year=1)
    years = laid_out(toy_company(plan, 2, replace(CHEAP, currency="USD")))
    # In-house: 28,000 a month in year 1; 28,000 x 1.1 = 30,800 in year 2 (pay only).
    inhouse = [28_000] * 12 + [30_800] * 12
    # Year 1 as before with one dual-running month: 63,600, then 9,600 + severance 28,000, then
    # 9,600. Month 13, back in-house: 30,800 + knowledge transfer 20,000 + 11 hires x 1,500 =
    # 16,500 + the vendor still paid for a month, 9,100 x 1.05 x 1.2 = 11,466, with its checks,
    # 500 x 1.1 = 550. Month 14: 30,800 + the exit fee, 3,000 x 1.2 = 3,600.
    vendor = ([63_600, 37_600] + [9_600] * 10
              + [30_800 + 20_000 + 16_500 + 11_466 + 550, 34_400] + [30_800] * 10)
    cheap = years.option("vendor:Cheap")
    assert years.inhouse.total == pytest.approx(inhouse)
    assert cheap.total == pytest.approx(vendor)
    assert cheap.annual_cost_by_year == pytest.approx([197_200, 421_716])
    assert cheap.exit_month == 13
    assert cheap.one_off("exit") == pytest.approx(20_000 + 16_500 + 12_016 + 3_600)
    # Nothing discounted: NPV = 705,600 - 618,916.
    assert cheap.npv == pytest.approx(86_684)
    # Cumulative saving: -35,600, -45,200, -26,800, -8,400, +10,000: month 5.
    assert cheap.payback_month == 5


def test_bringing_work_back_from_todays_vendor():
    """Today the vendor Cheap runs the phone line: the in-house team is the change."""
    years = laid_out(toy_company(replace(CHANGE, current_vendor="Cheap", dual_running_months=1),
                                 1))
    assert years.today_id == "vendor:Cheap"
    cheap, inhouse = years.option("vendor:Cheap"), years.inhouse
    # Staying costs the vendor and its checks, 9,600 a month: no set-up fee, already paid.
    assert cheap.total == pytest.approx([9_600] * 12)
    # In-house: 28,000 + knowledge transfer 20,000 + 11 hires x 1,500 + a month of the vendor,
    # 9,600; then 28,000 + its exit fee of 3,000; then 28,000.
    assert inhouse.total == pytest.approx([74_100, 31_000] + [28_000] * 10)
    assert inhouse.npv == pytest.approx(-(64_500 + 21_400 + 10 * 18_400))
    assert inhouse.payback_month is None
    assert (cheap.npv, cheap.payback_month) == (0, 1)


def test_tables_show_a_dash_for_todays_payback_and_never_when_none_comes():
    """Today's vendor has no change to pay back (month 1 in the JSON, a dash in every table);
    bringing the work in-house never pays back within the year (see the test above)."""
    inputs = toy_company(replace(CHANGE, current_vendor="Cheap", dual_running_months=1), 1)
    rows = summary.headline(inputs, "en")

    def cells(text: str, separator: str) -> dict[str, dict[str, str]]:
        lines = [re.split(separator, line.strip()) for line in text.splitlines()]
        header = next(line for line in lines if "Payback month" in line)
        return {line[0]: dict(zip(header, line, strict=True)) for line in lines
                if len(line) == len(header)}

    terminal = cells(summary.render(inputs, rows, "en"), r"\s{2,}")
    assert terminal["Cheap"]["Payback month"] == "—"
    assert terminal["In-house team"]["Payback month"] == "never"
    page = cells(report.headline_table(rows, "SAR", "en", 1, today_id="vendor:Cheap").text,
                 r" \| ")
    assert page["Cheap"]["Payback month"] == "—"
    assert page["Cheap"]["NPV against today (SAR)"] == "today's operation"
    assert page["In-house team"]["Payback month"] == "never"


def test_summary_json_carries_the_hand_worked_figures():
    inputs = toy_company(replace(CHANGE, discount_rate=0.12, dual_running_months=2), 1)
    answer = summary.summary_object(inputs)
    rows = {row["id"]: row for row in answer["options"]}
    assert rows["vendor:Cheap"]["annual_cost_by_year"] == pytest.approx([225_200])
    assert rows["vendor:Cheap"]["npv"] == pytest.approx(99_577.54, abs=0.01)
    assert rows["vendor:Cheap"]["payback_month"] == 6
    assert (rows["inhouse"]["npv"], rows["inhouse"]["payback_month"]) == (0, 1)
    assert answer["horizon"] == {"basis": "present_value", "years": 1, "discount_rate": 0.12,
                                 "today_id": "inhouse", "exit_year": None}
    assert answer["verdict"]["option_id"] == "vendor:Cheap"
    assert answer["verdict"]["npv"] == pytest.approx(99_577.54, abs=0.01)


def test_a_team_short_of_the_model_is_hired_up_to_it():
    """Today's 7 agents (0.7 of a lead) grow to the 10 agents and 1 lead the targets need."""
    years = laid_out(toy_company(replace(CHANGE, current_team=7), 1))
    # 3 agents + 0.3 of a lead hired in month 1 at 1,500 each.
    assert years.inhouse.total[0] == pytest.approx(28_000 + 3.3 * 1_500)
    # Outsourcing lets go of the 7.7 people there are: 7 x 2,500 + 0.7 x 3,000 in month 1.
    assert years.option("vendor:Cheap").one_off("transition", "severance") == pytest.approx(
        7 * 2_500 + 0.7 * 3_000)


def test_volume_growth_reprices_each_year_and_hires_for_it():
    """Contacts +50% in year 2: the toy staffing needs 15 agents and 1.5 leads; 5.5 hires."""
    years = laid_out(toy_company(replace(CHANGE, volume_growth=0.5), 2))
    inhouse = years.inhouse
    assert inhouse.total[12] == pytest.approx((15 * 30_000 + 1.5 * 36_000) / 12 + 5.5 * 1_500)
    assert inhouse.one_off("growth", "hiring") == pytest.approx(5.5 * 1_500)
    # The vendor bills the hours: 50% more.
    assert years.option("vendor:Cheap").line("vendor")[12] == pytest.approx(9_100 * 1.5)


def test_one_year_with_nothing_to_change_is_the_annual_cost():
    """One year, no rates, no change cost: every option's present value is its annual cost,
    except that a steady-state year carries the exit fee, which is paid only when a contract is
    left."""
    years = laid_out(toy_company(Years(), 1))
    for option in years.scenario.options:
        exit_fees = sum(q.quote.exit_fee for q in option.quotes)
        assert years.option(option.id).present_value == pytest.approx(option.total - exit_fees)
    assert years.option("vendor:Cheap").present_value == pytest.approx(124_200 - 3_000)


def test_one_year_of_the_gulf_example_is_its_annual_cost(monkeypatch):
    monkeypatch.setattr(staffing, "staff", ERLANG_STAFF)
    inputs, _warnings = load(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    inputs = replace(inputs, years=Years(),
                     company=replace(inputs.company, horizon_years=1))
    years = laid_out(inputs)
    for option in years.scenario.options:
        exit_fees = sum(q.quote.exit_fee for q in option.quotes)
        assert years.option(option.id).present_value == pytest.approx(option.total - exit_fees)
    # Cairo's exit fee is 10,000 USD x 3.75; in-house has none.
    cairo = years.scenario.option("vendor:Cairo Contact Centre (illustrative)")
    assert years.option(cairo.id).present_value == pytest.approx(cairo.total - 37_500)


def test_discount_factors_and_payback():
    assert discount_factors(0.12, 12)[[0, 11]] == pytest.approx([1.12 ** (-1 / 12), 1 / 1.12])
    assert payback_month([-10.0, 4.0, 6.0, -1.0]) == 3
    assert payback_month([1.0, -5.0]) == 1
    assert payback_month([-1.0, 0.5]) is None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(salary=st.floats(10_000, 100_000), rate=st.floats(1, 60),
       discount=st.floats(0, 0.3), short=st.integers(1, 5), longer=st.integers(1, 5))
def test_a_longer_horizon_never_changes_the_sign_of_a_steady_saving(salary, rate, discount,
                                                                    short, longer):
    """With nothing that changes from one year to the next (no change cost, no rates but the
    discount), the saving is the same every month, so its sign is the NPV's over any horizon."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staffing, "staff", toy_staff)
        quote = hourly("Steady", rate)
        signs = set()
        for horizon in (short, short + longer):
            inputs = company([quote])
            inputs = replace(inputs, inhouse=replace(COSTS, annual_salary=salary),
                             years=Years(discount_rate=discount),
                             company=replace(inputs.company, horizon_years=horizon))
            scenario = options.evaluate(inputs)
            annual = options.saving_of(scenario.option("vendor:Steady"), scenario.inhouse)
            npv = evaluate_horizon(scenario).option("vendor:Steady").npv
            signs.add((annual > 0, npv > 0))
        assert len(signs) == 1 and next(iter(signs))[0] == next(iter(signs))[1]


NEW = replace(CHEAP, vendor="New")


def test_todays_vendor_pays_no_set_up_fee_again():
    """Cheap runs the phone line today; New quotes exactly the same terms.

    Annual cost over a 3-year horizon, fees spread over the 3 years: New, a vendor still to set
    up, 109,200 + (6,000 + 3,000) / 3 + 6,000 of checks = 118,200; Cheap, set up already,
    109,200 + 3,000 / 3 + 6,000 = 116,200. Over the years Cheap's month 1 is its 9,600 alone,
    while moving to New pays New's 6,000 set-up fee (and the 20,000 of knowledge transfer) in
    month 1.
    """
    inputs = toy_company(replace(CHANGE, current_vendor="Cheap"), 3)
    inputs = replace(inputs, quotes=(CHEAP, NEW))
    years = laid_out(inputs)
    assert years.scenario.option("vendor:New").total == pytest.approx(118_200)
    assert years.scenario.option("vendor:Cheap").total == pytest.approx(116_200)
    assert years.option("vendor:Cheap").one_off("transition", "setup_fees") == 0
    assert years.option("vendor:Cheap").total[0] == pytest.approx(9_600)
    assert years.option("vendor:New").one_off("transition", "setup_fees") == pytest.approx(6_000)


def test_todays_vendor_one_year_is_its_annual_cost_less_the_exit_fee():
    """One year staying with Cheap, nothing to change: 12 x 9,600 = 115,200 over the year, and
    the annual cost 109,200 + 3,000 exit fee (one year) + 6,000 = 118,200 is that plus the exit
    fee a steady-state year carries; no set-up fee in either."""
    years = laid_out(toy_company(Years(current_vendor="Cheap"), 1))
    assert years.option("vendor:Cheap").present_value == pytest.approx(115_200)
    assert years.scenario.option("vendor:Cheap").total == pytest.approx(118_200)
