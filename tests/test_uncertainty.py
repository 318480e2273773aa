"""Tornado, Monte Carlo and break-even on a company small enough to do by hand (see toy_company)."""

from dataclasses import replace

import pytest
from toy_company import ERLANG_STAFF, company, hourly, toy_staff

from analysis import reference, staffing, uncertainty
from analysis.model import BillingBasis, Channel, PricingModel, VendorQuote
from analysis.options import evaluate
from analysis.uncertainty import billing_scenarios, break_even, monte_carlo, tornado


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


def test_tornado_directions():
    inputs = company([hourly("Cheap", 10)])
    scenario = evaluate(inputs)
    rows = tornado(inputs, scenario.best_outsourced, reference.load()).set_index("factor")
    # Contacts -20% / +20%: 8 / 12 agents x 30,000; the vendor bills 8,736 / 13,104 h x 10.
    assert rows.loc["contacts", ["inhouse_low", "inhouse_high"]].tolist() == pytest.approx(
        [240_000, 360_000])
    assert rows.loc["contacts", ["option_low", "option_high"]].tolist() == pytest.approx(
        [87_360, 131_040])
    # Salaries -10% / +10%: 270,000 / 330,000 in-house, the vendor unchanged.
    assert rows.loc["salary", ["inhouse_low", "inhouse_high"]].tolist() == pytest.approx(
        [270_000, 330_000])
    # Vendor rates +/-10%: 98,280 / 120,120; in-house unchanged.
    assert rows.loc["vendor_rates", ["option_low", "option_high"]].tolist() == pytest.approx(
        [98_280, 120_120])
    assert rows.loc["vendor_rates", "inhouse_low"] == pytest.approx(300_000)
    # Shrinkage 32% / 48%: FTE 10,920 / (1,820 x 0.68) = 8.82 -> 9, / (1,820 x 0.52) = 11.5 -> 12.
    assert rows.loc["shrinkage", ["inhouse_low", "inhouse_high"]].tolist() == pytest.approx(
        [270_000, 360_000])
    # The billing basis, cheapest to dearest: productive hours, 1 handling hour a clock hour
    # x 8,736 a year x 10 = 87,360; paid hours at the vendor's shrinkage (the company's 40%),
    # 10,920 / 0.6 = 18,200 x 10 = 182,000. Savings 212,640 and 118,000.
    assert rows.loc["billing_basis", ["option_low", "option_high"]].tolist() == pytest.approx(
        [87_360, 182_000])
    # The vendor's shrinkage moves nothing while it bills in-seat hours.
    assert rows.loc["vendor_shrinkage", "swing"] == 0
    # Widest swing first: the basis moves the saving by 94,640; shrinkage from 270,000 -
    # 109,200 = 160,800 to 360,000 - 109,200 = 250,800 (90,000); contacts from 152,640 to
    # 228,960 (76,320).
    assert list(rows.index[:3]) == ["billing_basis", "shrinkage", "contacts"]
    assert rows.loc["billing_basis", "swing"] == pytest.approx(94_640)
    assert rows.loc["shrinkage", "swing"] == pytest.approx(90_000)
    assert rows.loc["contacts", "swing"] == pytest.approx(76_320)


def test_vendor_shrinkage_moves_paid_hours_apart_from_the_company():
    # Billed on paid hours with the vendor's own 30%: 10,920 / 0.7 = 15,600 h x 10 = 156,000.
    # Vendor shrinkage 24% / 36%: 10,920 / 0.76 = 14,368.4 / 0.64 = 17,062.5 hours.
    paid = replace(hourly("Paid", 10), billing_basis=BillingBasis.PAID, vendor_shrinkage=0.30)
    inputs = company([paid])
    scenario = evaluate(inputs)
    assert scenario.option("vendor:Paid").total == pytest.approx(156_000)
    rows = tornado(inputs, scenario.option("vendor:Paid"), reference.load()).set_index("factor")
    assert rows.loc["vendor_shrinkage", ["option_low", "option_high"]].tolist() == pytest.approx(
        [10_920 / 0.76 * 10, 170_625])
    # The company's shrinkage moves the team only: the vendor's 30% stays.
    assert rows.loc["shrinkage", ["option_low", "option_high"]].tolist() == pytest.approx(
        [156_000, 156_000])


def test_the_monte_carlo_leaves_the_billing_basis_as_quoted(monkeypatch):
    """The billing basis is a contract term, not a random draw: every draw moves the other
    factors and leaves the basis alone."""
    seen = []
    real = uncertainty.priced_pair

    def recording(inputs, option, ref, multipliers, committed=()):
        seen.append(multipliers)
        return real(inputs, option, ref, multipliers, committed)

    monkeypatch.setattr(uncertainty, "priced_pair", recording)
    inputs = company([hourly("Cheap", 10)])
    monte_carlo(inputs, evaluate(inputs).best_outsourced, reference.load(), draws=5, seed=3)
    draws, base = seen[:5], seen[5:]
    drawn = {f.id for f in uncertainty.FACTORS} - {"billing_basis"}
    assert all(set(m) == drawn for m in draws)
    assert all(0.8 <= m["vendor_shrinkage"] <= 1.2 for m in draws)
    # ... and the headline saving is priced once more with every factor as it is.
    assert base == [{f.id: 1.0 for f in uncertainty.FACTORS}]


def test_billing_scenarios_show_the_verdict_under_each_basis():
    paid = replace(hourly("Paid", 10), billing_basis=BillingBasis.PAID, vendor_shrinkage=0.30)
    inputs = company([paid, hourly("Seat", 14)])
    frame = billing_scenarios(inputs, reference.load())
    best = frame[frame["best"]].set_index("scenario")
    # As quoted: Seat 10,920 x 14 = 152,880 is cheaper than Paid 156,000 (see above).
    assert best.loc["as_quoted", "id"] == "vendor:Seat"
    assert best.loc["as_quoted", "total"] == pytest.approx(152_880)
    # Both on in-seat hours: Paid 109,200 wins; both on paid hours (Seat at the company's 40%):
    # Paid 156,000 against Seat 10,920 / 0.6 x 14 = 254,800; productive: 8,736 x 10 = 87,360.
    assert best.loc["in_seat", ["id", "total"]].tolist() == ["vendor:Paid", pytest.approx(109_200)]
    assert best.loc["paid", "total"] == pytest.approx(156_000)
    assert best.loc["productive", "total"] == pytest.approx(87_360)
    assert best.loc["productive", "saving"] == pytest.approx(300_000 - 87_360)
    # No per-minute quote: the per-minute scenarios are left out.
    assert set(frame["scenario"]) == {"as_quoted", "in_seat", "paid", "productive"}
    seat = frame[(frame["scenario"] == "paid") & (frame["id"] == "vendor:Seat")]
    assert seat["total"].item() == pytest.approx(254_800)


def test_vendor_rates_move_the_whole_price():
    # Rate 10 SAR/h, minimum 10,000 a month, set-up 6,000 and exit 2,000 over the 2-year horizon.
    # Today: hours 10,920 x 10 = 109,200 are below the 120,000 minimum, so 120,000; fees
    # (6,000 + 2,000) / 2 = 4,000; 124,000 in all.
    quote = VendorQuote("Whole", "india", Channel.INBOUND_PHONE,
                        PricingModel.DEDICATED_PER_HOUR, 10, 0, 10_000, 6_000, 2_000)
    inputs = company([quote])
    scenario = evaluate(inputs)
    assert scenario.option("vendor:Whole").total == pytest.approx(124_000)
    rows = tornado(inputs, scenario.option("vendor:Whole"), reference.load()).set_index("factor")
    # -10%: hours 98,280 under the 9,000 x 12 = 108,000 minimum; fees 5,400 + 1,800 over 2 years
    # = 3,600; 111,600. +10%: hours 120,120 under 11,000 x 12 = 132,000; fees (6,600 + 2,200) / 2
    # = 4,400; 136,400. Fixed fees would have left 4,000 at both ends (112,000 / 136,000).
    assert rows.loc["vendor_rates", ["option_low", "option_high"]].tolist() == pytest.approx(
        [111_600, 136_400])


def test_more_contacts_cost_more_with_erlang_staffing(monkeypatch):
    """The real staffing: exact figures are its own tests' business, the direction is checked."""
    monkeypatch.setattr(staffing, "staff", ERLANG_STAFF)
    inputs = company([hourly("Cheap", 10)])
    rows = tornado(inputs, evaluate(inputs).best_outsourced, reference.load()).set_index("factor")
    assert rows.loc["contacts", "inhouse_high"] > rows.loc["contacts", "inhouse_low"]
    assert rows.loc["contacts", "option_high"] > rows.loc["contacts", "option_low"]
    assert rows.loc["aht", "inhouse_high"] > rows.loc["aht", "inhouse_low"]


def test_monte_carlo_is_deterministic():
    inputs = company([hourly("Cheap", 20)])
    best = evaluate(inputs).best_outsourced
    first = monte_carlo(inputs, best, reference.load(), draws=15, seed=7)
    again = monte_carlo(inputs, best, reference.load(), draws=15, seed=7)
    other = monte_carlo(inputs, best, reference.load(), draws=15, seed=8)
    assert first.savings == again.savings
    assert first.savings != other.savings
    assert first.p10 <= first.p50 <= first.p90


def test_break_even_volume():
    # The vendor bills 10,920 x 10 = 109,200 per unit of volume plus 100,000 a year of retained
    # QA; in-house pays 30,000 per whole agent, 10 agents per unit. At half today's volume,
    # just below: 5 agents = 150,000 against 54,600 + 100,000 = 154,600 (in-house cheaper); just
    # above: 6 agents = 180,000 (vendor cheaper). The saving changes sign at 0.5.
    inputs = company([hourly("Cheap", 10)], qa_per_month=100_000 / 12)
    best = evaluate(inputs).best_outsourced
    found = break_even(inputs, best, reference.load())
    assert found.scale == pytest.approx(0.5, abs=1e-3)
    assert found.monthly_contacts == pytest.approx(0.5 * 1680 * 52 / 12, rel=1e-3)


def test_no_break_even_when_one_always_wins():
    # 109,200 vs 300,000 per unit of volume, no fixed cost: the vendor is cheaper at any volume.
    inputs = company([hourly("Cheap", 10)])
    assert break_even(inputs, evaluate(inputs).best_outsourced, reference.load()) is None


@pytest.mark.parametrize("attrition", [None, 1.5, 3.0])
@pytest.mark.parametrize("name", ["gulf-ecommerce", "romania-saas", "us-consumer"])
def test_tornado_and_monte_carlo_start_from_the_headline(monkeypatch, name, attrition):
    """With the real staffing, every example (and attrition at 150% and 300%, inside the
    workbook's bounds) has its sensitivity base equal to the headline figures."""
    from dataclasses import replace

    from analysis.workbook import load
    from analysis.workbook.examples import EXAMPLES_DIR

    monkeypatch.setattr(staffing, "staff", ERLANG_STAFF)
    inputs, _warnings = load(EXAMPLES_DIR / f"{name}.xlsx")
    if attrition is not None:
        inputs = replace(inputs, inhouse=replace(inputs.inhouse, attrition=attrition))
    scenario = evaluate(inputs)
    best = scenario.best_outsourced
    rows = tornado(inputs, best, reference.load())
    assert rows["inhouse_base"].tolist() == [scenario.inhouse.total] * len(rows)
    assert rows["option_base"].tolist() == [best.total] * len(rows)
    spread = monte_carlo(inputs, best, reference.load(), draws=2)
    assert spread.base_saving == scenario.inhouse.total - best.total
