"""Staffing by hour and FTE, on cases worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.model import (
    WEEKS_PER_MONTH,
    Assumptions,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    Inputs,
)
from analysis.staffing import ChannelStaffing, Staffing, service_level_curve, staff, staff_channel

INHOUSE = InHouseCosts(
    annual_salary=30000, employer_oncost=0.25, night_weekend_premium=0.1,
    agents_per_team_lead=10, team_lead_salary=45000, recruitment_per_hire=2000, attrition=0.3,
    training_per_hire=1500, equipment_per_seat=1200, equipment_years=3,
    software_per_seat_month=50, rent_per_seat_month=200, overhead_per_seat_year=600,
    paid_hours_per_fte_year=1720, shrinkage=0.35, max_occupancy=0.85,
)
# Paid hours a week after shrinkage: 1720 / 52 x (1 - 0.35) = 1118 / 52 = 21.5.
PAID_WEEK = 21.5
FLAT = Assumptions(hourly_profile=(1.0,) * 24)
BUSINESS = Hours(days_per_week=5, open_hour=9, close_hour=17)


def monthly(per_day: float, days: int) -> float:
    """Monthly contacts that give `per_day` contacts on each of `days` open days a week."""
    return per_day * WEEKS_PER_MONTH * days


def only_at(hour: int) -> Assumptions:
    """A profile where every contact arrives in one hour of the day."""
    return Assumptions(hourly_profile=tuple(1.0 if h == hour else 0.0 for h in range(24)))


def phone(per_day: float, hours: Hours = BUSINESS) -> ChannelDemand:
    return ChannelDemand(
        Channel.INBOUND_PHONE, monthly(per_day, hours.days_per_week), aht_seconds=180,
        target_seconds=20, service_level=0.8, hours=hours,
    )


def email(per_day: float, hours: Hours = BUSINESS, target_hours: float = 24) -> ChannelDemand:
    return ChannelDemand(
        Channel.EMAIL, monthly(per_day, hours.days_per_week), aht_seconds=360,
        target_seconds=target_hours * 3600, service_level=None, hours=hours,
    )


def test_flat_phone_queue_is_the_published_example_every_hour():
    # 1600 calls a day over 8 open hours, flat: 200 calls an hour x 180 s / 3600 s = 10 erlangs,
    # 80% in 20 s with occupancy <= 85%: 14 agents (the published worked example, SL 88.8%,
    # ASA 7.8 s). 5 days x 8 hours x 14 = 560 agent hours; FTE 560 / 21.5 = 26.05.
    result = staff_channel(phone(1600), INHOUSE, FLAT)
    rows = result.intervals
    assert len(rows) == 40
    assert (rows["agents"] == 14).all()
    assert result.weekly_contacts == pytest.approx(8000)
    assert result.weekly_workload_hours == pytest.approx(400)
    assert result.weekly_agent_hours == pytest.approx(560)
    assert result.fte == pytest.approx(560 / PAID_WEEK)
    assert result.peak_agents == 14
    assert round(result.service_level, 3) == 0.888
    assert round(result.asa_seconds, 1) == 7.8
    assert result.premium_share == 0.0
    assert list(rows.columns) == [
        "day", "hour", "contacts", "agents", "service_level", "asa_seconds", "occupancy",
        "premium",
    ]
    assert sorted(set(rows["day"])) == [0, 1, 2, 3, 4]
    assert sorted(set(rows["hour"])) == list(range(9, 17))


def test_flat_email_is_workload_over_occupancy():
    # 80 emails a day over 8 hours = 10 an hour x 360 s = 1 hour of work each hour; at 85%
    # occupancy 1 / 0.85 agents each hour; 40 hours -> 40 / 0.85 = 47.06 agent hours;
    # FTE 47.06 / 21.5 = 2.189.
    result = staff_channel(email(80), INHOUSE, FLAT)
    np.testing.assert_allclose(result.intervals["agents"], 1 / 0.85)
    assert result.weekly_workload_hours == pytest.approx(40)
    assert result.weekly_agent_hours == pytest.approx(40 / 0.85)
    assert result.fte == pytest.approx(40 / 0.85 / PAID_WEEK)
    assert result.service_level is None
    assert result.asa_seconds is None
    assert result.intervals["service_level"].isna().all()
    np.testing.assert_allclose(result.intervals["occupancy"], 0.85)


@pytest.mark.parametrize(
    ("arrival_hour", "target_hours", "expected"),
    [
        # 40 emails a day, all at 09:00: 40 x 360 s = 4 hours of work, / 0.85 = 4.706 agent hours.
        # A 2-hour target spreads it over 09:00 and 10:00: 2.353 each.
        (9, 2, [2.0 / 0.85, 2.0 / 0.85, 0.0, 0.0]),
        # Arriving at 12:00, the last open hour, half is done first thing next morning.
        (12, 2, [2.0 / 0.85, 0.0, 0.0, 2.0 / 0.85]),
        # A 30-minute target leaves no room to spread: all of it in the hour it arrives.
        (9, 0.5, [4.0 / 0.85, 0.0, 0.0, 0.0]),
        # A 24-hour target is capped at the 4-hour open day: 1 hour of work in each.
        (10, 24, [1.0 / 0.85] * 4),
    ],
)
def test_deferred_work_is_levelled_over_the_response_window(arrival_hour, target_hours, expected):
    hours = Hours(days_per_week=5, open_hour=9, close_hour=13)
    result = staff_channel(email(40, hours, target_hours), INHOUSE, only_at(arrival_hour))
    day = result.intervals[result.intervals["day"] == 0]
    np.testing.assert_allclose(day["agents"], expected)
    assert result.weekly_agent_hours == pytest.approx(5 * 4 / 0.85)


def test_outbound_is_levelled_over_the_whole_open_day():
    # Outbound calls go out when it suits, whatever the target: 80 a day x 360 s = 8 hours of
    # work over 8 open hours = 1 per hour, / 0.85, every hour, despite the uneven profile.
    demand = ChannelDemand(
        Channel.OUTBOUND_PHONE, monthly(80, 5), aht_seconds=360, target_seconds=3600,
        service_level=None, hours=BUSINESS,
    )
    result = staff_channel(demand, INHOUSE, Assumptions())
    np.testing.assert_allclose(result.intervals["agents"], 1 / 0.85)
    # The contacts still follow the profile: 11:00 (weight 7.3) against 09:00 (weight 6.5).
    first_day = result.intervals[result.intervals["day"] == 0].set_index("hour")["contacts"]
    assert first_day[11] / first_day[9] == pytest.approx(7.3 / 6.5)


def test_profile_is_restricted_to_open_hours_and_renormalised():
    # Open 10:00-12:00 with the default profile: weights 7.2 and 7.3 of 14.5; 145 contacts a
    # day -> 72 at 10:00 and 73 at 11:00.
    hours = Hours(days_per_week=7, open_hour=10, close_hour=12)
    result = staff_channel(phone(145, hours), INHOUSE, Assumptions())
    first_day = result.intervals[result.intervals["day"] == 0]
    np.testing.assert_allclose(first_day["contacts"], [72, 73])
    assert result.weekly_contacts == pytest.approx(145 * 7)


def test_zero_profile_over_open_hours_spreads_evenly():
    hours = Hours(days_per_week=5, open_hour=9, close_hour=13)
    result = staff_channel(email(40, hours), INHOUSE, only_at(20))
    np.testing.assert_allclose(result.intervals["contacts"], 10)


def test_premium_hours_are_nights_and_the_last_days_of_the_week():
    # Open 20:00-24:00 every day, nights from 22:00: 22 and 23 are premium on days 0-4
    # (5 x 2 = 10), every hour on days 5 and 6 (2 x 4 = 8): 18 of 28 hours. Flat email
    # (4-hour window, flat agents) puts the same agents in every hour: premium share 18/28.
    hours = Hours(days_per_week=7, open_hour=20, close_hour=24)
    assumptions = Assumptions(hourly_profile=(1.0,) * 24, night_start_hour=22, weekend_days=2)
    result = staff_channel(email(40, hours), INHOUSE, assumptions)
    rows = result.intervals
    assert rows["premium"].sum() == 18
    assert not rows[(rows["day"] < 5) & (rows["hour"] < 22)]["premium"].any()
    assert result.premium_share == pytest.approx(18 / 28)


def test_early_hours_before_night_end_are_premium():
    hours = Hours(days_per_week=5, open_hour=4, close_hour=8)
    result = staff_channel(email(40, hours), INHOUSE, Assumptions(night_end_hour=6))
    first_day = result.intervals[result.intervals["day"] == 0]
    assert first_day["premium"].tolist() == [True, True, False, False]


@pytest.mark.parametrize(("start", "end", "expected"), [
    # Open 04:00-08:00 Monday to Friday, so only nights count (no weekend day is open).
    (22, 6, [True, True, False, False]),  # crosses midnight: 04 and 05 are night
    (0, 6, [True, True, False, False]),   # does not cross midnight: 04 and 05 are night
    (5, 7, [False, True, True, False]),   # 05 and 06 only
    (6, 6, [False, False, False, False]),  # equal ends: no night premium
])
def test_night_window_with_or_without_midnight(start, end, expected):
    hours = Hours(days_per_week=5, open_hour=4, close_hour=8)
    assumptions = Assumptions(night_start_hour=start, night_end_hour=end)
    result = staff_channel(email(40, hours), INHOUSE, assumptions)
    first_day = result.intervals[result.intervals["day"] == 0]
    assert first_day["premium"].tolist() == expected


def test_round_the_clock_costs_more_fte_than_business_hours_for_the_same_contacts():
    # The source documents' night-shift point: the same monthly calls spread thinly over
    # nights and weekends still need agents on every hour, and small queues need more agents
    # per erlang than big ones.
    contacts = phone(1600).monthly_contacts
    business = staff_channel(phone(1600), INHOUSE, Assumptions())
    round_clock_hours = Hours(days_per_week=7, open_hour=0, close_hour=24)
    round_clock = staff_channel(
        ChannelDemand(Channel.INBOUND_PHONE, contacts, 180, 20, 0.8, round_clock_hours),
        INHOUSE, Assumptions(),
    )
    assert round_clock.weekly_contacts == pytest.approx(business.weekly_contacts)
    assert round_clock.fte > business.fte
    assert round_clock.premium_share > 0
    assert business.premium_share == 0


def test_chat_is_a_queue_with_whole_agents():
    demand = ChannelDemand(Channel.CHAT, monthly(1600, 5), 180, 20, 0.8, BUSINESS)
    result = staff_channel(demand, INHOUSE, FLAT)
    assert (result.intervals["agents"] == 14).all()
    assert result.service_level is not None


def test_no_contacts_need_no_agents():
    result = staff_channel(phone(0), INHOUSE, Assumptions())
    assert (result.intervals["agents"] == 0).all()
    assert result.fte == 0
    assert result.premium_share == 0
    assert result.service_level is None
    assert result.asa_seconds is None


def test_staff_rounds_people_up_once_across_channels():
    # Phone: 560 agent hours (above); email: 40 / 0.85 = 47.06. Together 607.06 / 21.5 = 28.24
    # FTE -> 29 people, not ceil(26.05) + ceil(2.19) = 30.
    company = Company("Test Co", "EUR", 1.0, BUSINESS, horizon_years=3)
    inputs = Inputs(company, (phone(1600), email(80)), INHOUSE, assumptions=FLAT)
    staffing = staff(inputs)
    assert [c.channel for c in staffing.channels] == [Channel.INBOUND_PHONE, Channel.EMAIL]
    assert staffing.weekly_agent_hours == pytest.approx(560 + 40 / 0.85)
    assert staffing.total_fte == pytest.approx((560 + 40 / 0.85) / PAID_WEEK)
    assert staffing.whole_fte == 29


def _channel(fte: float, agent_hours: float, premium_share: float) -> ChannelStaffing:
    return ChannelStaffing(
        channel=Channel.EMAIL, intervals=pd.DataFrame(), weekly_contacts=0.0,
        weekly_workload_hours=0.0, weekly_agent_hours=agent_hours, premium_share=premium_share,
        fte=fte, peak_agents=0.0, service_level=None, asa_seconds=None,
    )


def test_staffing_totals():
    # 1.4 + 1.4 = 2.8 FTE -> 3 people; premium share weighted by hours: (30 x 0.5 + 10 x 0) / 40.
    staffing = Staffing((_channel(1.4, 30, 0.5), _channel(1.4, 10, 0.0)))
    assert staffing.total_fte == pytest.approx(2.8)
    assert staffing.whole_fte == 3
    assert staffing.premium_share == pytest.approx(0.375)
    # Exactly whole totals are not bumped up by float noise: thirty 0.1s sum to 3.0000000000000013.
    assert Staffing(tuple(_channel(0.1, 1, 0) for _ in range(30))).whole_fte == 3
    assert Staffing(()).premium_share == 0.0


def test_service_level_curve_at_the_busiest_hour():
    # Flat 10 erlangs each hour: CRAN ErlangC 0.1.0 README lists, for 100 calls per 30 min at
    # 180 s and 20 s, SL 0.3896138 with 11 agents and 0.88835 with 14.
    curve = service_level_curve(phone(1600), INHOUSE, FLAT, range(9, 16))
    assert curve["agents"].tolist() == list(range(9, 16))
    at = curve.set_index("agents")
    assert at.loc[11, "service_level"] == pytest.approx(0.3896138, abs=5e-8)
    assert at.loc[14, "service_level"] == pytest.approx(0.88835, abs=5e-6)
    assert at.loc[9, "service_level"] == 0.0  # 9 agents for 10 erlangs: the queue never clears
    assert curve.attrs["traffic_erlangs"] == pytest.approx(10)
    assert curve["service_level"].is_monotonic_increasing
    assert curve["asa_seconds"].iloc[1:].is_monotonic_decreasing


def test_service_level_curve_picks_the_peak_hour():
    # Open 08:00-18:00 with the default profile, whose largest weight there is 7.3 at 11:00.
    hours = Hours(days_per_week=5, open_hour=8, close_hour=18)
    curve = service_level_curve(phone(1000, hours), INHOUSE, Assumptions(), range(1, 5))
    assert curve.attrs["hour"] == 11
    weights = Assumptions().hourly_profile[8:18]
    assert curve.attrs["contacts"] == pytest.approx(1000 * 7.3 / math.fsum(weights))


def test_service_level_curve_needs_a_queue():
    with pytest.raises(ValueError):
        service_level_curve(email(80), INHOUSE, FLAT, range(1, 3))
