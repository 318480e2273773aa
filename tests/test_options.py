"""The options priced on a company small enough to do by hand (see toy_company), and one vendor
on hand-built staffing (see two_channels)."""

import pytest
from toy_company import company, hourly, toy_staff
from two_channels import EMAIL, PHONE, inputs, quote

from analysis import options, reference, staffing
from analysis.model import Channel, PricingModel, VendorQuote
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
        # Phone: 100 h a week x 52 x 10 = 52,000, or ceil(2.6) = 3 agents x 1,000 x 12 = 36,000.
        quote(PricingModel.DEDICATED_PER_HOUR, 10, vendor="Acme"),
        quote(PricingModel.MONTHLY_PER_AGENT, 1000, vendor="Acme"),
        quote(PricingModel.DEDICATED_PER_HOUR, 1, vendor="Other"),
    ]
    option = vendor_option("Acme", inputs(quotes), [PHONE, EMAIL], reference.load())
    assert [q.quote.model for q in option.quotes] == [PricingModel.MONTHLY_PER_AGENT]
    assert option.outsourced == pytest.approx(36_000)
    # Email alone in-house: FTE 2.3 -> 3 people, peak 2.5 agents -> 3 seats, premium share 0.3.
    # salaries 90,000; premium 0.1 x 90,000 x 0.3 = 2,700; on-cost 0.25 x 92,700 = 23,175;
    # leads 0.3 x 45,000 x 1.25 = 16,875; hires 0.9: 1,800 + 1,350; seats 3: equipment 1,200,
    # software 1,800, rent 7,200, overhead 1,800. Total 147,900.
    assert option.inhouse.channels == (Channel.EMAIL,)
    assert option.inhouse_total == pytest.approx(147_900)
    # 36,000 + 49,500 retained + 147,900.
    assert option.total == pytest.approx(233_400)
    # The company keeps 0.5 manager + 3 agents + 0.3 team lead.
    assert option.company_fte == pytest.approx(3.8)
    assert option.fte == pytest.approx(4.9)
    assert option.per_contact == pytest.approx(233_400 / 39_000)
    table = quotes_table(option)
    assert table[["vendor", "channel", "model", "total"]].values.tolist() == [
        ["Acme", "inbound_phone", "monthly_per_agent", pytest.approx(36_000)]]
