"""Costs worked out by hand: the arithmetic is in each test's comments."""

import math

import pytest
from two_channels import COSTS, EMAIL, PHONE, channel, inputs, quote

from analysis import reference
from analysis.costs import (
    Volume,
    commission_floor_hourly,
    inhouse_cost,
    quote_cost,
    retained_cost,
    split_by_premium,
)
from analysis.model import Channel, PricingModel


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


# 100 contacts a week, 10 handled hours, 20 in-seat hours, 0.6 FTE. A year: 5,200 contacts,
# 10 x 60 x 52 = 31,200 handled minutes, 20 x 52 = 1,040 in-seat hours.
VOLUME = Volume(Channel.INBOUND_PHONE, 100, 10, 20, 0.6)


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
