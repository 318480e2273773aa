"""Options, regions, sensitivity and the recommendation on a company small enough to do by hand.

The staffing stage is replaced by a toy with no queueing (contacts spread evenly over the open
hours, agents = workload / occupancy) so every figure below can be worked out on paper; the
Erlang C staffing has its own tests.
"""

from dataclasses import replace

import pandas as pd
import pytest

from analysis import compare, reference, staffing
from analysis.compare import (
    IN_HOUSE,
    OUTSOURCE,
    TOO_CLOSE,
    break_even,
    direction_split,
    evaluate,
    monte_carlo,
    options_with_saving,
    recommend,
    regions_table,
    tornado,
)
from analysis.model import (
    WEEKS_PER_MONTH,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    Inputs,
    PricingModel,
    RetainedManagement,
    VendorQuote,
)
from analysis.staffing import ChannelStaffing, Staffing


def toy_staff(inputs: Inputs) -> Staffing:
    """Even arrivals over the open hours; agents = contacts x AHT / occupancy; FTE = in-seat
    hours x 52 / (paid hours x (1 - shrinkage))."""
    rules, costs = inputs.assumptions, inputs.inhouse
    channels = []
    for demand in inputs.demand:
        hours = demand.hours
        slots = [(day, hour) for day in range(hours.days_per_week)
                 for hour in range(hours.open_hour, hours.close_hour)]
        contacts = demand.monthly_contacts / WEEKS_PER_MONTH / len(slots)
        agents = contacts * demand.aht_seconds / 3600 / costs.max_occupancy
        rows = pd.DataFrame(
            [(day, hour, contacts, agents,
              day >= 7 - rules.weekend_days
              or hour >= rules.night_start_hour or hour < rules.night_end_hour)
             for day, hour in slots],
            columns=["day", "hour", "contacts", "agents", "premium"],
        )
        agent_hours = agents * len(slots)
        channels.append(ChannelStaffing(
            channel=demand.channel, intervals=rows, weekly_contacts=contacts * len(slots),
            weekly_workload_hours=contacts * len(slots) * demand.aht_seconds / 3600,
            weekly_agent_hours=agent_hours, premium_share=float(rows["premium"].mean()),
            fte=agent_hours * 52 / (costs.paid_hours_per_fte_year * (1 - costs.shrinkage)),
            peak_agents=agents, service_level=None, asa_seconds=None,
        ))
    return Staffing(channels=tuple(channels))


ERLANG_STAFF = staffing.staff


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


H24 = Hours(7, 0, 24)
# One phone line open 24/7 in riyals (3.75 SAR to the dollar). 1,680 calls a week = 10 an hour
# over 168 hours (monthly 1,680 x 52 / 12 = 7,280); 6 minutes each = 1 workload hour an hour;
# at 80% occupancy 1.25 agents an hour, 210 in-seat hours a week, 10,920 a year. FTE:
# 10,920 / (1,820 paid hours x 0.6 after 40% shrinkage) = 10 agents.
# Premium hours: weekday nights 22:00-06:00, 5 x 8 = 40, plus the weekend, 2 x 24 = 48: 88 of
# 168. Business hours: 80 (800 calls, 100 in-seat hours); night and weekend 88 (880 calls,
# 88 workload hours = 5,280 minutes, 110 in-seat hours).
PHONE = ChannelDemand(Channel.INBOUND_PHONE, 1680 * 52 / 12, 360, 20, 0.8, H24)
# Salary only, so in-house is 10 agents x 30,000 = 300,000 a year.
COSTS = InHouseCosts(
    annual_salary=30000, employer_oncost=0, night_weekend_premium=0, agents_per_team_lead=10,
    team_lead_salary=0, recruitment_per_hire=0, attrition=0.3, training_per_hire=0,
    equipment_per_seat=0, equipment_years=3, software_per_seat_month=0, rent_per_seat_month=0,
    overhead_per_seat_year=0, paid_hours_per_fte_year=1820, shrinkage=0.4, max_occupancy=0.8,
)


def company(quotes=(), qa_per_month=0.0, demand=(PHONE,)) -> Inputs:
    return Inputs(
        company=Company("Riyadh Co", "SAR", 3.75, H24, 2), demand=demand, inhouse=COSTS,
        quotes=tuple(quotes), retained=RetainedManagement(0, 0, qa_per_month),
    )


def hourly(vendor, rate, region="india", channel=Channel.INBOUND_PHONE):
    return VendorQuote(vendor, region, channel, PricingModel.DEDICATED_PER_HOUR, rate,
                       0, 0, 0, 0)


def test_inhouse_baseline():
    scenario = evaluate(company())
    assert scenario.inhouse.inhouse.headcount == 10
    assert scenario.inhouse.total == pytest.approx(300_000)


def test_shared_dedicated_and_hybrid_at_reference_rates():
    scenario = evaluate(company())
    # International low: dedicated 8 USD x 3.75 = 30 SAR/h, shared 0.35 x 3.75 = 1.3125 SAR/min.
    # Dedicated: 10,920 h x 30 = 327,600. Shared: 1,680 x 6 min x 52 = 524,160 min x 1.3125.
    assert scenario.option("model:dedicated:international:low").total == pytest.approx(327_600)
    assert scenario.option("model:shared:international:low").total == pytest.approx(687_960)
    # Hybrid: business 100 h x 52 x 30 = 156,000; night/weekend 5,280 min x 52 x 1.3125 = 360,360.
    hybrid = scenario.option("model:hybrid:international:low")
    assert hybrid.total == pytest.approx(156_000 + 360_360)
    assert [q.quote.model for q in hybrid.quotes] == [
        PricingModel.DEDICATED_PER_HOUR, PricingModel.SHARED_PER_MINUTE]
    # USA/Canada high: dedicated 28 x 3.75 = 105 SAR/h -> 10,920 x 105 = 1,146,600.
    assert scenario.option("model:dedicated:usa_canada:high").total == pytest.approx(1_146_600)


def test_models_ignore_the_company_quotes():
    """A model option is named after a market and level, so it is priced from that reference
    range even when the company holds cheaper quotes for the same channel and model."""
    night = VendorQuote("Night", "egypt", Channel.INBOUND_PHONE,
                        PricingModel.SHARED_PER_MINUTE, 1.0, 0, 0, 0, 0)
    scenario = evaluate(company([night, hourly("Cheap", 10)]))
    # The quotes stay vendor options: Night 524,160 min x 1.0; Cheap 10,920 h x 10.
    assert scenario.option("vendor:Night").total == pytest.approx(524_160)
    assert scenario.option("vendor:Cheap").total == pytest.approx(109_200)
    # International low, as without quotes (see above): dedicated 327,600, shared 687,960,
    # hybrid 156,000 + 360,360.
    assert scenario.option("model:dedicated:international:low").total == pytest.approx(327_600)
    assert scenario.option("model:shared:international:low").total == pytest.approx(687_960)
    assert scenario.option("model:hybrid:international:low").total == pytest.approx(516_360)
    # International mid: (8 + 15) / 2 = 11.5 USD x 3.75 = 43.125 SAR/h x 10,920 h = 470,925.
    assert scenario.option("model:dedicated:international:mid").total == pytest.approx(470_925)
    # USA/Canada high: dedicated 28 x 3.75 = 105 SAR/h, shared 0.90 x 3.75 = 3.375 SAR/min.
    # Shared: 524,160 min x 3.375 = 1,769,040. Hybrid: business 100 h x 52 = 5,200 h x 105 =
    # 546,000; night/weekend 5,280 x 52 = 274,560 min x 3.375 = 926,640; 1,472,640 in all.
    assert scenario.option("model:shared:usa_canada:high").total == pytest.approx(1_769_040)
    hybrid = scenario.option("model:hybrid:usa_canada:high")
    assert hybrid.total == pytest.approx(1_472_640)
    assert {q.quote.vendor for q in hybrid.quotes} == {compare.REFERENCE_VENDOR}


def test_regional_prices_converted_to_riyals():
    table = regions_table(evaluate(company())).set_index(["region", "level"])
    india = table.loc["india"]
    # India 5 / 7 / 9 USD/h x 3.75 = 18.75 / 26.25 / 33.75 SAR/h, x 10,920 h a year.
    assert list(india["hourly_rate"]) == pytest.approx([18.75, 26.25, 33.75])
    assert list(india["total"]) == pytest.approx([204_750, 286_650, 368_550])
    # Saving against 300,000 in-house: 95,250, 13,350 and -68,550.
    assert list(india["saving"]) == pytest.approx([95_250, 13_350, -68_550])
    # Western Europe, one figure 40 USD: 150 SAR/h at every level.
    assert list(table.loc["western_europe", "hourly_rate"]) == pytest.approx([150, 150, 150])
    assert len(table) == 9 * 3


def test_vendor_options_and_direction_split():
    scenario = evaluate(company([hourly("Cheap", 10)]))
    # 10,920 h x 10 SAR.
    assert scenario.best_outsourced.id == "vendor:Cheap"
    assert scenario.best_outsourced.total == pytest.approx(109_200)
    vendors = options_with_saving(scenario, "vendor").set_index("vendor")
    # 300,000 - 109,200 = 190,800, 63.6% of the in-house cost.
    assert vendors.loc["Cheap", "saving"] == pytest.approx(190_800)
    assert vendors.loc["Cheap", "saving_share"] == pytest.approx(0.636)
    assert vendors.loc["Cheap", "fte"] == pytest.approx(10)
    split = direction_split(scenario).set_index("id")
    assert list(split["direction"]) == ["inbound", "inbound"]
    assert split.loc["inhouse", "total"] == pytest.approx(300_000)
    assert split.loc["vendor:Cheap", "total"] == pytest.approx(109_200)


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
    # Widest swing first: shrinkage moves the saving from 270,000 - 109,200 = 160,800 to
    # 360,000 - 109,200 = 250,800 (90,000); contacts from 152,640 to 228,960 (76,320).
    assert list(rows.index[:2]) == ["shrinkage", "contacts"]
    assert rows.loc["shrinkage", "swing"] == pytest.approx(90_000)
    assert rows.loc["contacts", "swing"] == pytest.approx(76_320)


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


def decide(inputs: Inputs, draws: int = 40):
    scenario = evaluate(inputs)
    best = scenario.best_outsourced
    spread = monte_carlo(inputs, best, reference.load(), draws=draws)
    return recommend(scenario, spread, None)


def ids(messages):
    return [m.id for m in messages]


def test_recommends_the_cheaper_vendor():
    verdict = decide(company([hourly("Cheap", 10), hourly("Dear", 25, "usa_canada")]))
    # Cheap: 109,200; Dear: 273,000; in-house 300,000. Saving 190,800 = 63.6% of 300,000.
    assert verdict.verdict == OUTSOURCE
    assert verdict.option_id == "vendor:Cheap"
    assert verdict.annual_saving == pytest.approx(190_800)
    assert verdict.saving_share == pytest.approx(0.636)
    assert dict(verdict.reasons[0].params)["saving_money"] == pytest.approx(190_800)
    # Nights and weekends are 88 of 168 hours: the 24/7 reason is given.
    night = [m for m in verdict.reasons if "night" in m.id]
    assert dict(night[0].params)["premium_share"] == pytest.approx(88 / 168)
    # An Indian vendor for (possibly) Arabic-speaking customers; security and exit always.
    caveats = ids(verdict.caveats)
    assert any("Arabic-speaking" in c for c in caveats)
    assert any("security audits" in c for c in caveats)
    assert any("exit plan" in c for c in caveats)


def test_a_much_cheaper_published_price_is_a_caveat():
    # Salaries doubled: in-house 10 x 60,000 = 600,000. The only quote, 50 SAR/h x 10,920 h =
    # 546,000, wins. The cheapest model at mid prices is dedicated international:
    # (8 + 15) / 2 = 11.5 USD x 3.75 = 43.125 SAR/h x 10,920 h = 470,925, i.e. 75,075 less,
    # above 5% of 600,000 = 30,000: the caveat names it.
    dear_inhouse = replace(company([hourly("Dear", 50)]),
                           inhouse=replace(COSTS, annual_salary=60_000))
    verdict = decide(dear_inhouse)
    assert verdict.option_id == "vendor:Dear"
    (gap,) = [m for m in verdict.caveats if "published price ranges" in m.id]
    params = dict(gap.params)
    assert params["gap_money"] == pytest.approx(75_075)
    assert params["region"] == "international"
    assert params["vendor"] == "Dear"
    # The cheap quote (109,200) beats every published price: no such caveat.
    cheap = decide(company([hourly("Cheap", 10)]))
    assert not [m for m in cheap.caveats if "published price ranges" in m.id]


def test_recommends_in_house_when_vendors_cost_more():
    # 10,920 x 50 = 546,000 against 300,000.
    verdict = decide(company([hourly("Dear", 50)]))
    assert verdict.verdict == IN_HOUSE
    assert verdict.option_id == "inhouse"
    assert verdict.annual_saving == pytest.approx(-246_000)
    assert verdict.caveats == ()


def test_without_quotes_the_models_at_mid_prices_compete():
    scenario = evaluate(company())
    # Three models x two markets at the middle of their ranges.
    assert sorted(o.id for o in scenario.candidates) == sorted(
        f"model:{m}:{k}:mid" for m in ("shared", "dedicated", "hybrid")
        for k in ("international", "usa_canada"))
    # International mid: dedicated 11.5 x 3.75 = 43.125 SAR/h x 10,920 = 470,925; shared
    # 0.40 x 3.75 = 1.5 SAR/min x 524,160 = 786,240; hybrid 5,200 h x 43.125 = 224,250 plus
    # 274,560 min x 1.5 = 411,840, 636,090. USA/Canada costs more still (25 USD/h, 0.825/min).
    verdict = decide(company(), draws=10)
    assert verdict.best_outsourced_id == "model:dedicated:international:mid"
    # 300,000 - 470,925: the team is cheaper.
    assert verdict.annual_saving == pytest.approx(-170_925)
    assert verdict.verdict == IN_HOUSE


def test_too_close_to_call():
    # 300,000 / 10,920 SAR an hour makes the vendor cost exactly what the team costs; salaries
    # and vendor rates each move +/-10%, so the simulated saving falls on both sides of zero.
    verdict = decide(company([hourly("Even", 300_000 / 10_920)]))
    assert verdict.annual_saving == pytest.approx(0, abs=1e-6)
    assert verdict.verdict == TOO_CLOSE
    assert any("Too close to call" in m for m in ids(verdict.reasons))


def test_long_contacts_and_commission_caveats():
    outbound = ChannelDemand(Channel.OUTBOUND_PHONE, 1680 * 52 / 12, 360, 3600, None, H24,
                             success_rate=0.1)
    long_calls = replace(PHONE, aht_seconds=720)
    # Commission 1 SAR a sale: 87,360 calls x 10% = 8,736 SAR / 10,920 h = 0.8 SAR/h, far below
    # India's 7 USD x 3.75 x 1.1 = 28.875 SAR/h.
    commission = VendorQuote("Seller", "india", Channel.OUTBOUND_PHONE, PricingModel.COMMISSION,
                             0, 1, 0, 0, 0)
    verdict = decide(company([commission, hourly("Seller", 1)], demand=(long_calls, outbound)),
                     draws=10)
    assert verdict.option_id == "vendor:Seller"
    long_reason = [m for m in verdict.reasons if "{aht_minutes}" in m.id]
    assert dict(long_reason[0].params) == {"channel": "inbound_phone", "aht_minutes": 12}
    flagged = [m for m in verdict.caveats if "{implied_money}" in m.id]
    params = dict(flagged[0].params)
    assert params["implied_money"] == pytest.approx(0.8)
    assert params["floor_money"] == pytest.approx(28.875)


def test_compare_runs_end_to_end():
    result = compare.compare(company([hourly("Cheap", 10)]), draws=5)
    assert result.recommendation.option_id == "vendor:Cheap"
    assert set(result.tornado["factor"]) == {f.id for f in compare.FACTORS}
    assert result.break_even is None
