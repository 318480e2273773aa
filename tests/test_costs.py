"""Costs worked out by hand: the arithmetic is in each test's comments."""

import math
from dataclasses import replace

import pandas as pd
import pytest
from two_channels import COSTS, EMAIL, PHONE, channel, inputs, quote

from analysis import reference
from analysis.costs import (
    Volume,
    commission_floor_hourly,
    expected_service_level,
    inhouse_cost,
    quote_cost,
    retained_cost,
    split_by_premium,
)
from analysis.model import BillingBasis, Channel, LicenceBasis, PricingModel
from analysis.staffing import ChannelStaffing

# Phone and email together, every v2 term at its default: spans 75 / 25 / 75 agents per
# operations manager / quality analyst / planner, their salaries 1.5 x 45,000 = 67,500 and
# 45,000 (the team-lead salary), 4 weeks of paid training per hire, software per user, 15% of
# paid time on site off the phones.


def test_inhouse_cost_by_category():
    cost = inhouse_cost(COSTS, [PHONE, EMAIL])
    # FTE 2.6 + 2.3 = 4.9 -> 5 people (rounding each channel apart would give 3 + 3 = 6).
    assert cost.headcount == 5
    # Premium share weighted by in-seat hours: (0.2 x 100 + 0.3 x 300) / 400 = 0.275.
    assert cost.salaries == pytest.approx(150_000)  # 5 x 30,000
    assert cost.shift_premium == pytest.approx(4_125)  # 0.10 x 150,000 x 0.275
    assert cost.oncost == pytest.approx(38_531.25)  # 0.25 x (150,000 + 4,125)
    assert cost.team_leads == pytest.approx(0.5)  # 5 / 10
    assert cost.supervision == pytest.approx(28_125)  # 0.5 x 45,000 x 1.25
    # Management: 5 / 75 operations managers x 67,500 x 1.25 = 5,625; 5 / 25 = 0.2 quality
    # analysts x 45,000 x 1.25 = 11,250; 5 / 75 planners x 45,000 x 1.25 = 3,750.
    assert cost.operations_management == pytest.approx(5_625)
    assert cost.quality == pytest.approx(11_250)
    assert cost.planning == pytest.approx(3_750)
    assert cost.management_fte == pytest.approx(5 / 75 + 0.2 + 5 / 75)
    assert cost.recruitment == pytest.approx(3_000)  # 5 x 0.30 = 1.5 hires x 2,000
    assert cost.training == pytest.approx(2_250)  # 1.5 x 1,500
    # 1.5 hires x 4 weeks x 30,000 / 52 a week x 1.25 on-cost = 225,000 / 52.
    assert cost.trainee_wages == pytest.approx(225_000 / 52)
    # Seats: the busiest hour (10:00) has 1.5 + 2.5 = 4 agents in seat; with 35% shrinkage of
    # which 15% on site, 1 + 0.15 / 0.65 people are present per agent in seat: 4.923; their
    # leads 0.4923; management 0.3333: 5.749 -> 6 seats (everyone: 5 + 0.5 + 0.333 = 5.83 -> 6).
    assert cost.seats == 6
    assert cost.licences == 6  # per user: 5.83 people -> 6 licences
    assert cost.equipment == pytest.approx(2_400)  # 6 seats x 1,200 / 3 years
    assert cost.software == pytest.approx(3_600)  # 6 licences x 50 x 12
    assert cost.rent == pytest.approx(14_400)  # 6 x 200 x 12
    assert cost.overhead == pytest.approx(3_600)  # 6 x 600
    # 150,000 + 4,125 + 38,531.25 + 28,125 + 5,625 + 11,250 + 3,750 + 3,000 + 2,250
    # + 4,326.92 + 2,400 + 3,600 + 14,400 + 3,600
    total = 270_656.25 + 225_000 / 52
    assert cost.total == pytest.approx(total)
    # (500 + 250) contacts a week x 52 = 39,000 a year; (40 + 20) h x 60 x 52 = 187,200 minutes.
    assert cost.per_contact == pytest.approx(total / 39_000)
    assert cost.per_handled_minute == pytest.approx(total / 187_200)
    breakdown = cost.breakdown()
    assert breakdown["annual"].sum() == pytest.approx(total)
    assert breakdown.set_index("category").loc["rent", "share"] == pytest.approx(14_400 / total)


def test_management_layer_spans_and_salaries():
    # 30 agents: 30 / 60 = 0.5 operations manager x 100,000; 30 / 15 = 2 quality analysts x
    # 40,000; 30 / 30 = 1 planner x 50,000; each x 1.25 on-cost.
    big = channel(Channel.EMAIL, [(0, 9, 10, 1.0, False)], contacts=10, workload=1,
                  agent_hours=1, premium_share=0.0, fte=30.0)
    costs = replace(COSTS, agents_per_operations_manager=60, operations_manager_salary=100_000,
                    agents_per_quality_analyst=15, quality_analyst_salary=40_000,
                    agents_per_planner=30, planner_salary=50_000)
    cost = inhouse_cost(costs, [big])
    assert cost.operations_management == pytest.approx(62_500)  # 0.5 x 100,000 x 1.25
    assert cost.quality == pytest.approx(100_000)  # 2 x 40,000 x 1.25
    assert cost.planning == pytest.approx(62_500)  # 1 x 50,000 x 1.25
    assert cost.management_fte == pytest.approx(3.5)
    # Everyone on the payroll: 30 agents + 3 team leads + 3.5 managers.
    assert cost.people == pytest.approx(36.5)


def test_trainee_wages():
    # 10 agents x 40% attrition = 4 hires, each paid 6 weeks of a 52,000 salary (1,000 a week)
    # plus 20% on-cost: 4 x 6 x 1,000 x 1.2 = 28,800. No weeks of training, no wages.
    ten = channel(Channel.EMAIL, [(0, 9, 10, 1.0, False)], contacts=10, workload=1,
                  agent_hours=1, premium_share=0.0, fte=10.0)
    costs = replace(COSTS, annual_salary=52_000, employer_oncost=0.2, attrition=0.4,
                    training_weeks=6)
    assert inhouse_cost(costs, [ten]).trainee_wages == pytest.approx(28_800)
    assert inhouse_cost(replace(costs, training_weeks=0), [ten]).trainee_wages == 0


def test_software_per_user_or_per_seat():
    # Per user: 6 licences (see the first test). Per seat: the 6 seats too; with no time on
    # site off the phones, 4 agents + 0.4 leads + 0.333 managers = 4.73 -> 5 seats, while the
    # 5.83 people still need 6 licences per user.
    per_seat = replace(COSTS, software_licences=LicenceBasis.PER_SEAT, onsite_shrinkage=0.0)
    seated = inhouse_cost(per_seat, [PHONE, EMAIL])
    assert (seated.seats, seated.licences) == (5, 5)
    assert seated.software == pytest.approx(3_000)  # 5 x 50 x 12
    per_user = inhouse_cost(replace(per_seat, software_licences=LicenceBasis.PER_USER),
                            [PHONE, EMAIL])
    assert (per_user.seats, per_user.licences) == (5, 6)
    assert per_user.software == pytest.approx(3_600)


def test_seats_come_from_the_people_present():
    # 20 agents in seat at the peak, 30% shrinkage of which 9% on site: 1 + 0.09 / 0.7 = 1.1286
    # people present per agent in seat: 22.57; leads 22.57 / 10 = 2.257; managers 40 / 75 + 40 /
    # 25 + 40 / 75 = 2.667: 27.5 -> 28 seats (the 40 agents, 4 leads and 2.67 managers = 46.7
    # people on the payroll are not all there at once).
    rows = [(0, 10, 100, 20.0, False), (0, 11, 50, 8.0, False)]
    busy = channel(Channel.INBOUND_PHONE, rows, contacts=150, workload=15, agent_hours=28,
                   premium_share=0.0, fte=40.0)
    costs = replace(COSTS, shrinkage=0.30, onsite_shrinkage=0.09)
    assert inhouse_cost(costs, [busy]).seats == 28
    # On-site time beyond the shrinkage is read as the whole shrinkage: 1 + 0.3 / 0.7 = 1.4286
    # -> 28.57 agents present, 2.857 leads, 2.667 managers: 34.1 -> 35 seats.
    assert inhouse_cost(replace(costs, onsite_shrinkage=0.5), [busy]).seats == 35


def test_seats_never_exceed_the_people_employed():
    # One agent's FTE of 0.4 -> headcount 1, even if 2.0 agents are in seat at 09:00: 1 agent
    # present, 0.1 lead, 1 / 75 + 1 / 25 + 1 / 75 = 0.067 managers: 1.17 -> 2 seats, and the
    # payroll (1 + 0.1 + 0.067 = 1.17 people) -> 2 as well.
    alone = channel(Channel.CHAT, [(0, 9, 5, 2.0, False)], contacts=5, workload=1,
                    agent_hours=2, premium_share=0.0, fte=0.4)
    cost = inhouse_cost(COSTS, [alone])
    assert (cost.headcount, cost.seats) == (1, 2)


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
        # 20 in-seat hours a week / (40 contract hours x (1 - 35% shrinkage) = 26) = 0.77 -> 1
        # agent x 1,000 a month x 12.
        (PricingModel.MONTHLY_PER_AGENT, 1000, 0, 12_000),
        # 5,200 contacts x 10% success x 5 per success.
        (PricingModel.COMMISSION, 0, 5, 2_600),
        # 10,400 hourly + 2,600 commission.
        (PricingModel.HOURLY_PLUS_COMMISSION, 10, 5, 13_000),
        # 5,200 contacts x 2 per handled contact.
        (PricingModel.PER_TRANSACTION, 2, 0, 10_400),
        # 5,200 contacts x 70% resolved (the default) x 3 per resolved contact.
        (PricingModel.PER_OUTCOME, 3, 0, 10_920),
    ],
)
def test_each_pricing_model(model, rate, commission, expected):
    priced = quote_cost(quote(model, rate, commission), VOLUME, 0.1, inputs(billed=1.2))
    assert priced.usage == pytest.approx(expected)
    assert priced.total == pytest.approx(expected)


def test_per_outcome_uses_the_quotes_resolution_rate():
    # 5,200 contacts x 85% resolved = 4,420 x 3 = 13,260.
    priced = quote_cost(quote(PricingModel.PER_OUTCOME, 3, resolution_rate=0.85), VOLUME, None,
                        inputs())
    assert priced.billed == pytest.approx(4_420)
    assert priced.total == pytest.approx(13_260)


# Ten agents in seat around the clock for a year: 10 x 168 hours a week = 1,680 in-seat hours,
# x 52 = 87,360 a year; they handle 1,176 hours of contacts a week (70% of the time), 61,152 a
# year.
TEN_AGENTS = Volume(Channel.INBOUND_PHONE, 11_760, 1_176, 1_680, 10 / 0.7)


@pytest.mark.parametrize(
    ("basis", "billed", "charge"),
    [
        # In-seat (logged-in) hours: 87,360 x 20 USD.
        (BillingBasis.IN_SEAT, 87_360, 1_747_200),
        # Paid hours with the vendor's 30% shrinkage: 87,360 / 0.7 = 124,800 x 20.
        (BillingBasis.PAID, 124_800, 2_496_000),
        # Productive (handling) hours only: 61,152 x 20.
        (BillingBasis.PRODUCTIVE, 61_152, 1_223_040),
    ],
)
def test_hourly_billing_bases(basis, billed, charge):
    hourly = quote(PricingModel.DEDICATED_PER_HOUR, 20, billing_basis=basis,
                   vendor_shrinkage=0.30)
    priced = quote_cost(hourly, TEN_AGENTS, None, inputs())
    assert priced.billed == pytest.approx(billed)
    assert priced.total == pytest.approx(charge)


def test_paid_hours_use_the_companys_shrinkage_when_the_quote_gives_none():
    # 87,360 / (1 - 35%) = 134,400 paid hours x 20 = 2,688,000.
    hourly = quote(PricingModel.DEDICATED_PER_HOUR, 20, billing_basis=BillingBasis.PAID)
    assert quote_cost(hourly, TEN_AGENTS, None, inputs()).total == pytest.approx(2_688_000)


def test_per_minute_on_talk_time_or_full_handling_time():
    # 31,200 handled minutes a year at 0.5 a minute, billed 1.1 minutes per minute handled.
    # Full handling time: 31,200 x 1.1 x 0.5 = 17,160. Talk time with 20% after-call work:
    # 31,200 x 0.8 = 24,960 x 1.1 x 0.5 = 13,728.
    handling = quote(PricingModel.SHARED_PER_MINUTE, 0.5)
    talk = quote(PricingModel.SHARED_PER_MINUTE, 0.5, billing_basis=BillingBasis.TALK)
    company = inputs(billed=1.1, acw=0.20)
    assert handling.basis is BillingBasis.HANDLING  # the default
    assert quote_cost(handling, VOLUME, None, company).total == pytest.approx(17_160)
    priced = quote_cost(talk, VOLUME, None, company)
    assert priced.billed == pytest.approx(27_456)  # 24,960 x 1.1
    assert priced.total == pytest.approx(13_728)


def test_monthly_agents_on_the_vendors_contract_hours():
    # 280 in-seat hours a week. The company's 45-hour week at 35% shrinkage puts an agent 29.25
    # hours in seat: 9.6 -> 10 agents. A vendor on 40 hours (26 in seat) needs 280 / 26 = 10.8
    # -> 11 agents: 11 x 1,000 x 12 = 132,000; on 45 hours, 10 x 12,000 = 120,000; on 40 hours
    # with its own 20% shrinkage (32 in seat), 8.75 -> 9 agents, 108,000.
    email = Volume(Channel.EMAIL, 500, 200, 280, 280 / 29.25)
    monthly = quote(PricingModel.MONTHLY_PER_AGENT, 1000, kind=Channel.EMAIL)
    assert quote_cost(monthly, email, None, inputs()).billed == 11 * 12
    assert quote_cost(monthly, email, None, inputs()).total == pytest.approx(132_000)
    longer = replace(monthly, contract_hours_week=45)
    assert quote_cost(longer, email, None, inputs()).total == pytest.approx(120_000)
    leaner = replace(monthly, vendor_shrinkage=0.20)
    assert quote_cost(leaner, email, None, inputs()).total == pytest.approx(108_000)


def test_night_and_weekend_surcharge():
    # 6 of the 20 in-seat hours a week and 40 of the 100 contacts fall at night or at weekends.
    night = replace(VOLUME, premium_agent_hours=6, premium_contacts=40)
    # Hourly on in-seat hours: 10,400 x 20% surcharge x 6 / 20 = 624; total 11,024.
    hourly = quote(PricingModel.DEDICATED_PER_HOUR, 10, night_weekend_surcharge=0.20)
    priced = quote_cost(hourly, night, None, inputs())
    assert priced.surcharge == pytest.approx(624)
    assert priced.total == pytest.approx(11_024)
    # Per minute, by contacts: 15,600 (31,200 min x 0.5) x 20% x 40 / 100 = 1,248.
    minute = quote(PricingModel.SHARED_PER_MINUTE, 0.5, night_weekend_surcharge=0.20)
    assert quote_cost(minute, night, None, inputs()).surcharge == pytest.approx(1_248)
    # A commission is never surcharged: 5,200 x 10% x 5 = 2,600 with nothing on top.
    commission = quote(PricingModel.COMMISSION, 0, 5, night_weekend_surcharge=0.20)
    assert quote_cost(commission, night, 0.1, inputs()).total == pytest.approx(2_600)


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


def test_service_credits_at_the_vendors_planned_level():
    # 10,400 of hours; the vendor plans 75% against the phone channel's 80% target: 5 points
    # below x 1% = 5% of the charges back, -520. Capped at 3%: -312.
    base = quote(PricingModel.DEDICATED_PER_HOUR, 10, planned_service_level=0.75,
                 credit_per_point=0.01, bonus_per_point=0.005)
    priced = quote_cost(base, VOLUME, None, inputs())
    assert (priced.expected_service_level, priced.target_service_level) == (0.75, 0.8)
    assert priced.service_adjustment == pytest.approx(-520)
    assert priced.total == pytest.approx(9_880)
    capped = replace(base, credit_cap=0.03)
    assert quote_cost(capped, VOLUME, None, inputs()).service_adjustment == pytest.approx(-312)
    # Planned 85% against a contract target of 82%: 3 points above x 0.5% = 1.5% bonus, +156.
    above = replace(base, planned_service_level=0.85, sla_target=0.82)
    assert quote_cost(above, VOLUME, None, inputs()).service_adjustment == pytest.approx(156)
    # Without credit or bonus terms nothing is adjusted, whatever the planned level.
    plain = replace(base, credit_per_point=0.0, bonus_per_point=0.0)
    assert quote_cost(plain, VOLUME, None, inputs()).service_adjustment == 0


def _one_busy_hour() -> ChannelStaffing:
    """One hour a week: 200 calls of 180 s (10 erlangs) answered by 14 agents in seat."""
    columns = {"day": [0], "hour": [10], "contacts": [200.0], "agents": [14.0],
               "premium": [False]}
    return ChannelStaffing(
        channel=Channel.INBOUND_PHONE, intervals=pd.DataFrame(columns), weekly_contacts=200,
        weekly_workload_hours=10, weekly_agent_hours=14, premium_share=0.0, fte=14 / 26,
        peak_agents=14, service_level=None, asa_seconds=None,
    )


def test_service_level_derived_from_the_hours_the_vendor_is_paid_for():
    """The published Erlang C example (field notes): 10 erlangs of 180-second calls, 14 agents,
    80% in 20 s target: 88.8% answered within 20 s."""
    hour = Volume.of(_one_busy_hour())
    phone = replace(inputs().demand[0], aht_seconds=180, target_seconds=20)
    company = replace(inputs(), demand=(phone,))
    terms = {"credit_per_point": 0.01, "bonus_per_point": 0.005, "credit_cap": 0.10}
    # In-seat hours pay for the 14 agents: 88.8%, 8.8 points above 80% x 0.5% = 4.4% bonus on
    # 14 hours x 52 x 10 = 7,280: +320.3.
    in_seat = quote_cost(quote(PricingModel.DEDICATED_PER_HOUR, 10, **terms), hour, None, company)
    assert in_seat.expected_service_level == pytest.approx(0.888, abs=5e-4)
    assert in_seat.service_adjustment == pytest.approx(7_280 * 0.005 * 8.8, rel=0.01)
    # Productive hours pay for 10 hours of the 14: 14 x 10 / 14 = 10 agents for 10 erlangs, a
    # queue that never empties: 0% answered in time, 80 points below, -80% capped at -10% of
    # 10 h x 52 x 10 = 5,200: -520.
    productive = quote_cost(quote(PricingModel.DEDICATED_PER_HOUR, 10, **terms,
                                  billing_basis=BillingBasis.PRODUCTIVE), hour, None, company)
    assert productive.expected_service_level == pytest.approx(0.0)
    assert productive.service_adjustment == pytest.approx(-520)
    # A per-minute price buys no hours: nothing to derive, no credit.
    per_minute = quote(PricingModel.SHARED_PER_MINUTE, 0.5, **terms)
    assert expected_service_level(per_minute, hour, company) is None
    assert quote_cost(per_minute, hour, None, company).service_adjustment == 0
    # Email is a backlog: the share of its work the paid hours cover answers in time. Productive
    # hours cover 10 of 14: 71.4%.
    email = Volume(Channel.EMAIL, 200, 10, 14, 0.5)
    productive_email = quote(PricingModel.DEDICATED_PER_HOUR, 10, kind=Channel.EMAIL,
                             billing_basis=BillingBasis.PRODUCTIVE)
    assert expected_service_level(productive_email, email, inputs()) == pytest.approx(10 / 14)


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
    assert (business.premium_agent_hours, business.premium_contacts) == (0, 0)
    # Night and weekend: 6 + 4 = 10 contacts x 6 min = 1 h; 2 in-seat hours, all premium.
    assert (premium.weekly_contacts, premium.weekly_agent_hours) == (10, 2.0)
    assert premium.weekly_workload_hours == pytest.approx(1.0)
    assert (premium.premium_agent_hours, premium.premium_contacts) == (2.0, 10)
    assert math.isclose(business.fte + premium.fte, 2.0)
    # The whole channel's volume knows its premium part from the same rows.
    whole = Volume.of(night)
    assert (whole.premium_agent_hours, whole.premium_contacts) == (2.0, 10)
