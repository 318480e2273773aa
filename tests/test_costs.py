"""Costs worked out by hand: the arithmetic is in each test's comments."""

import math

import pandas as pd
import pytest

from analysis import reference
from analysis.costs import (
    Volume,
    commission_floor_hourly,
    inhouse_cost,
    quote_cost,
    quotes_table,
    retained_cost,
    split_by_premium,
    vendor_option,
)
from analysis.model import (
    Assumptions,
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
from analysis.staffing import ChannelStaffing

COSTS = InHouseCosts(
    annual_salary=30000, employer_oncost=0.25, night_weekend_premium=0.10,
    agents_per_team_lead=10, team_lead_salary=45000, recruitment_per_hire=2000, attrition=0.30,
    training_per_hire=1500, equipment_per_seat=1200, equipment_years=3,
    software_per_seat_month=50, rent_per_seat_month=200, overhead_per_seat_year=600,
    paid_hours_per_fte_year=1720, shrinkage=0.35, max_occupancy=0.85,
)
HOURS = Hours(5, 9, 17)


def channel(kind, rows, *, contacts, workload, agent_hours, premium_share, fte):
    """A hand-built ChannelStaffing; `rows` are (day, hour, contacts, agents, premium)."""
    intervals = pd.DataFrame(rows, columns=["day", "hour", "contacts", "agents", "premium"])
    return ChannelStaffing(
        channel=kind, intervals=intervals, weekly_contacts=contacts,
        weekly_workload_hours=workload, weekly_agent_hours=agent_hours,
        premium_share=premium_share, fte=fte, peak_agents=float(intervals["agents"].max()),
        service_level=None, asa_seconds=None,
    )


# Two channels sharing one office. Phone peaks at 09:00 (2.0 agents), email at 10:00 (2.5):
# together 3.2 agents at 09:00 and 4.0 at 10:00, so 4 desks (the sum of each channel's own
# peak, 4.5, would give 5). The interval rows only feed the seat count here.
PHONE = channel(Channel.INBOUND_PHONE, [(0, 9, 30, 2.0, False), (0, 10, 20, 1.5, False)],
                contacts=500, workload=40, agent_hours=100, premium_share=0.2, fte=2.6)
EMAIL = channel(Channel.EMAIL, [(0, 9, 10, 1.2, False), (0, 10, 15, 2.5, False)],
                contacts=250, workload=20, agent_hours=300, premium_share=0.3, fte=2.3)


def test_inhouse_cost_by_category():
    cost = inhouse_cost(COSTS, [PHONE, EMAIL])
    # FTE 2.6 + 2.3 = 4.9 -> 5 people (rounding each channel apart would give 3 + 3 = 6).
    assert cost.headcount == 5
    assert cost.seats == 4
    # Premium share weighted by in-seat hours: (0.2 x 100 + 0.3 x 300) / 400 = 0.275.
    assert cost.salaries == pytest.approx(150_000)  # 5 x 30,000
    assert cost.shift_premium == pytest.approx(4_125)  # 0.10 x 150,000 x 0.275
    assert cost.oncost == pytest.approx(38_531.25)  # 0.25 x (150,000 + 4,125)
    assert cost.team_leads == pytest.approx(0.5)  # 5 / 10
    assert cost.supervision == pytest.approx(28_125)  # 0.5 x 45,000 x 1.25
    assert cost.recruitment == pytest.approx(3_000)  # 5 x 0.30 = 1.5 hires x 2,000
    assert cost.training == pytest.approx(2_250)  # 1.5 x 1,500
    assert cost.equipment == pytest.approx(1_600)  # 4 seats x 1,200 / 3 years
    assert cost.software == pytest.approx(2_400)  # 4 x 50 x 12
    assert cost.rent == pytest.approx(9_600)  # 4 x 200 x 12
    assert cost.overhead == pytest.approx(2_400)  # 4 x 600
    # 150,000 + 4,125 + 38,531.25 + 28,125 + 3,000 + 2,250 + 1,600 + 2,400 + 9,600 + 2,400
    assert cost.total == pytest.approx(242_031.25)
    # (500 + 250) contacts a week x 52 = 39,000 a year; (40 + 20) h x 60 x 52 = 187,200 minutes.
    assert cost.per_contact == pytest.approx(242_031.25 / 39_000)
    assert cost.per_handled_minute == pytest.approx(242_031.25 / 187_200)
    breakdown = cost.breakdown()
    assert breakdown["annual"].sum() == pytest.approx(242_031.25)
    assert breakdown.set_index("category").loc["rent", "share"] == pytest.approx(
        9_600 / 242_031.25)


def test_seats_never_exceed_headcount():
    # One agent's FTE of 0.4 -> headcount 1, even if 2.0 agents are in seat at 09:00.
    alone = channel(Channel.CHAT, [(0, 9, 5, 2.0, False)], contacts=5, workload=1,
                    agent_hours=2, premium_share=0.0, fte=0.4)
    cost = inhouse_cost(COSTS, [alone])
    assert (cost.headcount, cost.seats) == (1, 1)


def inputs(quotes=(), billed=1.0, horizon=2, usd_rate=1.0):
    demand = tuple(
        ChannelDemand(c, 1000, 300, 20, 0.8, HOURS, success_rate=0.1)
        for c in (Channel.INBOUND_PHONE, Channel.EMAIL)
    )
    return Inputs(
        company=Company("Test", "EUR", usd_rate, HOURS, horizon),
        demand=demand, inhouse=COSTS, quotes=tuple(quotes),
        retained=RetainedManagement(manager_fte=0.5, manager_salary=60000, qa_per_month=1000),
        assumptions=Assumptions(billed_minutes_factor=billed),
    )


# 100 contacts a week, 10 handled hours, 20 in-seat hours, 0.6 FTE. A year: 5,200 contacts,
# 10 x 60 x 52 = 31,200 handled minutes, 20 x 52 = 1,040 in-seat hours.
VOLUME = Volume(Channel.INBOUND_PHONE, 100, 10, 20, 0.6)


def quote(model, rate, commission=0.0, minimum=0.0, setup=0.0, exit_fee=0.0, vendor="V",
          region="india", kind=Channel.INBOUND_PHONE):
    return VendorQuote(vendor, region, kind, model, rate, commission, minimum, setup, exit_fee)


@pytest.mark.parametrize(
    ("model", "rate", "commission", "expected"),
    [
        # 31,200 handled minutes x 1.2 billed per handled x 0.5 a minute.
        (PricingModel.SHARED_PER_MINUTE, 0.5, 0, 18_720),
        # 1,040 in-seat hours x 10 an hour.
        (PricingModel.DEDICATED_PER_HOUR, 10, 0, 10_400),
        # ceil(0.6 FTE) = 1 agent x 1,000 a month x 12.
        (PricingModel.MONTHLY_PER_AGENT, 1000, 0, 12_000),
        # 5,200 contacts x 10% success x 5 per success.
        (PricingModel.COMMISSION, 0, 5, 2_600),
        # 10,400 hourly + 2,600 commission.
        (PricingModel.HOURLY_PLUS_COMMISSION, 10, 5, 13_000),
    ],
)
def test_each_pricing_model(model, rate, commission, expected):
    priced = quote_cost(quote(model, rate, commission), VOLUME, 0.1, inputs(billed=1.2))
    assert priced.usage == pytest.approx(expected)
    assert priced.total == pytest.approx(expected)


def test_minimum_monthly_commitment_is_a_floor():
    # Usage 18,720 a year is 1,560 a month, under the 2,000 minimum: the year costs 24,000.
    shared = quote(PricingModel.SHARED_PER_MINUTE, 0.5, minimum=2000)
    priced = quote_cost(shared, VOLUME, None, inputs(billed=1.2))
    assert priced.floor_topup == pytest.approx(24_000 - 18_720)
    assert priced.total == pytest.approx(24_000)
    # A 1,000 minimum is below usage and adds nothing.
    low = quote(PricingModel.SHARED_PER_MINUTE, 0.5, minimum=1000)
    assert quote_cost(low, VOLUME, None, inputs(billed=1.2)).floor_topup == 0


def test_setup_and_exit_fees_spread_over_the_horizon():
    # (500 set-up + 100 exit) / 2 years = 300 a year on top of 10,400 of hours.
    hourly = quote(PricingModel.DEDICATED_PER_HOUR, 10, setup=500, exit_fee=100)
    priced = quote_cost(hourly, VOLUME, None, inputs(horizon=2))
    assert priced.fees == pytest.approx(300)
    assert priced.total == pytest.approx(10_700)


def test_commission_below_the_seed_premium_is_flagged():
    ref = reference.load()
    # India 5-9 USD/h, mid 7; x 2 (usd_rate) x 1.10 = 15.4 an hour at least.
    commission_only = quote(PricingModel.COMMISSION, 0, commission=5)
    floor = commission_floor_hourly(commission_only, 2.0, ref)
    assert floor == pytest.approx(15.4)
    # 2,600 commission / 1,040 hours = 2.5 an hour: flagged.
    poor = quote_cost(commission_only, VOLUME, 0.1, inputs(), floor)
    assert poor.implied_hourly == pytest.approx(2.5)
    assert poor.below_commission_premium
    # 5,200 x 10% x 40 = 20,800 / 1,040 = 20 an hour: above 15.4, not flagged.
    rich = quote_cost(quote(PricingModel.COMMISSION, 0, commission=40), VOLUME, 0.1, inputs(),
                      floor)
    assert rich.implied_hourly == pytest.approx(20)
    assert not rich.below_commission_premium


def test_retained_management():
    # 0.5 FTE x 60,000 x 1.25 on-cost + 1,000 x 12 QA = 37,500 + 12,000.
    assert retained_cost(inputs().retained, COSTS) == pytest.approx(49_500)


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


def test_split_by_premium():
    rows = [(0, 9, 30, 2.0, False), (0, 23, 6, 1.0, True), (6, 10, 4, 1.0, True)]
    night = channel(Channel.INBOUND_PHONE, rows, contacts=40, workload=4, agent_hours=4.0,
                    premium_share=0.5, fte=2.0)
    business, premium = split_by_premium(night, aht_seconds=360)
    # Business: 30 contacts x 6 min = 3 h; 2 in-seat hours of 4 -> half of the 2.0 FTE.
    assert (business.weekly_contacts, business.weekly_agent_hours) == (30, 2.0)
    assert business.weekly_workload_hours == pytest.approx(3.0)
    assert business.fte == pytest.approx(1.0)
    # Night and weekend: 6 + 4 = 10 contacts x 6 min = 1 h; 2 in-seat hours.
    assert (premium.weekly_contacts, premium.weekly_agent_hours) == (10, 2.0)
    assert premium.weekly_workload_hours == pytest.approx(1.0)
    assert math.isclose(business.fte + premium.fte, 2.0)
