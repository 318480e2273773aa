"""The options priced on a company small enough to do by hand (see toy_company), and one vendor
on hand-built staffing (see two_channels)."""

from dataclasses import replace

import pytest
from toy_company import PHONE as TOY_PHONE
from toy_company import company, hourly, toy_staff
from two_channels import EMAIL, PHONE, inputs, quote

from analysis import options, reference, staffing
from analysis.model import Assumptions, BillingBasis, Channel, Hours, PricingModel, VendorQuote
from analysis.options import (
    direction_split,
    evaluate,
    options_with_saving,
    quotes_table,
    regions_table,
    vendor_option,
)


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


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
    assert {q.quote.vendor for q in hybrid.quotes} == {options.REFERENCE_VENDOR}


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


def test_vendor_option_keeps_unquoted_channels_in_house():
    quotes = [
        # Phone: 100 h a week x 52 x 10 = 52,000; or monthly agents on 40-hour weeks at 35%
        # shrinkage (26 h in seat): 100 / 26 = 3.8 -> 4 agents x 1,000 x 12 = 48,000.
        quote(PricingModel.DEDICATED_PER_HOUR, 10, vendor="Acme"),
        quote(PricingModel.MONTHLY_PER_AGENT, 1000, vendor="Acme"),
        quote(PricingModel.DEDICATED_PER_HOUR, 1, vendor="Other"),
    ]
    option = vendor_option("Acme", inputs(quotes), [PHONE, EMAIL], reference.load())
    assert [q.quote.model for q in option.quotes] == [PricingModel.MONTHLY_PER_AGENT]
    assert option.outsourced == pytest.approx(48_000)
    # Email alone in-house: FTE 2.3 -> 3 people, premium share 0.3. Salaries 90,000; premium
    # 0.1 x 90,000 x 0.3 = 2,700; on-cost 0.25 x 92,700 = 23,175; leads 0.3 x 45,000 x 1.25 =
    # 16,875; operations manager 3 / 75 x 67,500 x 1.25 = 3,375, quality 3 / 25 x 45,000 x 1.25
    # = 6,750, planner 3 / 75 x 45,000 x 1.25 = 2,250; hires 0.9: 1,800 + 1,350, and 4 weeks'
    # wages 0.9 x 4 / 52 x 30,000 x 1.25 = 135,000 / 52. Seats: 2.5 agents in seat at the peak x
    # 1.23 present = 3.08, capped at the 3 agents, + 0.3 leads + 0.2 managers = 3.5 -> 4;
    # licences for 3 + 0.3 + 0.2 = 3.5 -> 4 users. Equipment 4 x 400 = 1,600, software
    # 4 x 600 = 2,400, rent 4 x 2,400 = 9,600, overhead 2,400. Total 164,275 + 135,000 / 52.
    assert option.inhouse.channels == (Channel.EMAIL,)
    email = 164_275 + 135_000 / 52
    assert option.inhouse_total == pytest.approx(email)
    # 48,000 + 49,500 retained + the email team.
    assert option.total == pytest.approx(48_000 + 49_500 + email)
    # The company keeps 0.5 vendor manager + 3 agents + 0.3 team lead + 0.2 managers.
    assert option.company_fte == pytest.approx(4.0)
    assert option.fte == pytest.approx(4.9)
    assert option.per_contact == pytest.approx((97_500 + email) / 39_000)
    table = quotes_table(option)
    assert table[["vendor", "channel", "model", "basis", "billed", "total"]].values.tolist() == [
        ["Acme", "inbound_phone", "monthly_per_agent", "", 48, pytest.approx(48_000)]]


def test_benchmarks_carry_typical_terms():
    """The default terms: a set-up fee of one month of charges and a minimum commitment of 80%
    of them, both set on today's workload."""
    scenario = evaluate(company(assumptions=Assumptions()))
    # Dedicated international low: 10,920 h x 30 SAR = 327,600 a year, 27,300 a month. Set-up
    # 27,300 over the 2-year horizon: 13,650 a year. The 21,840 minimum is below the charges.
    low = scenario.option("model:dedicated:international:low")
    (priced,) = low.quotes
    assert priced.quote.setup_fee == pytest.approx(27_300)
    assert priced.quote.min_monthly == pytest.approx(21_840)
    assert priced.floor_topup == 0
    assert low.total == pytest.approx(341_250)
    # India mid, a region benchmark: 26.25 SAR/h x 10,920 = 286,650, + 286,650 / 12 / 2.
    assert scenario.option("region:india:mid").total == pytest.approx(286_650 * (1 + 1 / 24))
    assert low.is_benchmark and not scenario.inhouse.is_benchmark


def test_a_benchmarks_minimum_holds_when_the_volume_falls():
    """The sensitivity moves the workload but not the contract: at half today's contacts the
    dedicated international low benchmark still pays its 80% minimum of today's charges."""
    inputs = company()
    committed = options.context(inputs, reference.load()).vendor_channels
    fewer = replace(TOY_PHONE, monthly_contacts=TOY_PHONE.monthly_contacts / 2)
    half = replace(inputs, demand=(fewer,))
    ctx = options.context(half, reference.load(), committed=committed)
    option = options.build(options.Spec("model", ("dedicated", "international", "low")), ctx)
    # Half the hours: 5,460 x 30 = 163,800 a year, under the minimum 0.8 x 327,600 = 262,080.
    (priced,) = option.quotes
    assert priced.usage == pytest.approx(163_800)
    assert priced.total == pytest.approx(262_080)


def test_outbound_is_priced_at_outbound_rates():
    outbound = replace(TOY_PHONE, channel=Channel.OUTBOUND_PHONE, service_level=None,
                       target_seconds=3600, success_rate=0.1)
    scenario = evaluate(company(demand=(outbound,)))
    # International market -> India/Philippines outbound 6-10 USD/h: low 6 x 3.75 = 22.5 SAR/h
    # x 10,920 h = 245,700 (the inbound international low, 8 USD, would give 327,600).
    assert scenario.option("model:dedicated:international:low").total == pytest.approx(245_700)
    # USA/Canada -> mature western countries 22-32: high 32 x 3.75 = 120 x 10,920 = 1,310,400.
    assert scenario.option("model:shared:usa_canada:high").total == pytest.approx(1_310_400)
    # Regions: Latin America -> Eastern Europe/Latin America outbound 9-14, mid 11.5 x 3.75 =
    # 43.125 x 10,920 = 470,925; Africa/Middle East has no outbound figure: its location rate,
    # mid 17.5 x 3.75 = 65.625 x 10,920 = 716,625.
    assert scenario.option("region:latin_america:mid").total == pytest.approx(470_925)
    assert scenario.option("region:africa_middle_east:mid").total == pytest.approx(716_625)


def test_a_shared_pool_charges_backlog_work_by_the_productive_hour():
    email = replace(TOY_PHONE, channel=Channel.EMAIL, service_level=None, target_seconds=3600)
    scenario = evaluate(company(demand=(email,)))
    # Email in the shared model: the international hourly rate on handling hours only, 1 hour a
    # clock hour x 168 x 52 = 8,736 h; low 8 USD x 3.75 = 30 SAR/h: 262,080 (per minute it
    # would have been 524,160 min x 1.3125 = 687,960).
    shared = scenario.option("model:shared:international:low")
    assert shared.total == pytest.approx(262_080)
    assert [q.basis for q in shared.quotes] == [BillingBasis.PRODUCTIVE]


def test_like_for_like_holds_a_quote_against_its_own_regions_range():
    dear = VendorQuote("Dear", "africa_middle_east", Channel.INBOUND_PHONE,
                       PricingModel.DEDICATED_PER_HOUR, 100, 0, 0, 0, 0)
    scenario = evaluate(company([dear]))
    like = options.like_for_like(scenario.option("vendor:Dear"), scenario.context)
    # Africa/Middle East 15-20 USD/h, mid 17.5 x 3.75 = 65.625 SAR/h x 10,920 h = 716,625, the
    # quote itself 100 x 10,920 = 1,092,000.
    assert like.total == pytest.approx(716_625)
    assert scenario.option("vendor:Dear").total == pytest.approx(1_092_000)


@pytest.mark.parametrize("hours, hybrid", [
    # Weekdays 09:00-18:00 and 08:00-18:00: no hour in the night (22:00-06:00) nor at the
    # weekend (days 6 and 7): the hybrid would be the dedicated model row for row.
    (Hours(5, 9, 18), False),
    (Hours(5, 8, 18), False),
    # Six days: the sixth is a weekend day, served by the shared pool in the hybrid.
    (Hours(6, 9, 18), True),
    # Weekdays to 23:00: the hour 22:00-23:00 is night.
    (Hours(5, 9, 23), True),
])
def test_a_hybrid_benchmark_only_with_night_or_weekend_hours(hours, hybrid):
    scenario = evaluate(company(demand=(replace(TOY_PHONE, hours=hours),)))
    models = {o.id.split(":")[1] for o in scenario.of_kind("model")}
    assert models == ({"shared", "dedicated", "hybrid"} if hybrid else {"shared", "dedicated"})


def test_no_hybrid_when_only_outbound_works_at_night():
    """Outbound calls are dedicated in every model: a night on them splits nothing."""
    outbound = replace(TOY_PHONE, channel=Channel.OUTBOUND_PHONE)
    inbound = replace(TOY_PHONE, hours=Hours(5, 9, 18))
    scenario = evaluate(company(demand=(inbound, outbound)))
    assert not [o for o in scenario.of_kind("model") if o.id.startswith("model:hybrid")]
