"""Staffing by hour and FTE, on cases worked out by hand."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from analysis.staffing import (
    ChannelStaffing,
    Staffing,
    blend,
    service_level_curve,
    staff,
    staff_channel,
)

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
        "premium", "abandon_probability", "spare_agents",
    ]
    assert sorted(set(rows["day"])) == [0, 1, 2, 3, 4]
    assert sorted(set(rows["hour"])) == list(range(9, 17))


def test_flat_email_around_the_clock_answered_in_open_hours():
    # 80 emails per open day x 5 days = 400 a week, arriving evenly over all 168 hours of the
    # week (400 / 168 an hour); 400 x 360 s = 40 hours of work, done Monday-Friday 09:00-17:00
    # (40 open hours): at least 1 hour of work per open hour, / 0.85 = 1.176 agents. With a
    # 24-hour target that level is enough for every email that can be answered in time.
    # Friday 17:00 to Sunday 09:00 arrivals (7 + 24 + 10 = 41 hours) see no open hour within
    # 24 hours: 41 / 168 = 24.4% are answered late, the rest in time.
    result = staff_channel(email(80), INHOUSE, FLAT)
    np.testing.assert_allclose(result.intervals["agents"], 1 / 0.85)
    assert result.weekly_contacts == pytest.approx(400)
    assert result.weekly_workload_hours == pytest.approx(40)
    assert result.weekly_agent_hours == pytest.approx(40 / 0.85)
    assert result.fte == pytest.approx(40 / 0.85 / PAID_WEEK)
    assert result.late_share == pytest.approx(41 / 168)
    assert result.service_level == pytest.approx(1 - 41 / 168)
    assert result.asa_seconds is None


SHORT_DAYS = Hours(days_per_week=7, open_hour=9, close_hour=13)


@pytest.mark.parametrize(("target_hours", "per_hour"), [
    # 40 emails a day, all arriving at 10:00, 40 x 360 s = 4 hours of work a day; open every
    # day 09:00-13:00. A 24-hour target lets the work spread over 10:00-12:59 and 09:00 next
    # morning: 4 hours of work over 4 open hours, 1 an hour, / 0.85 agents.
    (24, 1.0),
    # A 1-hour target: all 4 hours of work within the 10:00 hour, and the level capacity is
    # what that hour needs: 4 / 0.85 agents in every open hour.
    (1, 4.0),
    # 2 hours: 10:00 and 11:00 share it, 2 an hour.
    (2, 2.0),
])
def test_email_response_target_in_clock_hours(target_hours, per_hour):
    result = staff_channel(email(40, SHORT_DAYS, target_hours), INHOUSE, only_at(10))
    np.testing.assert_allclose(result.intervals["agents"], per_hour / 0.85)
    assert result.weekly_agent_hours == pytest.approx(7 * 4 * per_hour / 0.85)
    assert result.late_share == pytest.approx(0.0, abs=1e-9)


def test_one_hour_email_target_needs_more_agents_than_24_hours():
    hours = Hours(days_per_week=7, open_hour=9, close_hour=22)
    one, day = (staff_channel(email(300, hours, h), INHOUSE, Assumptions()) for h in (1, 24))
    assert one.fte > day.fte
    # 24 hours: every email arriving 22:00-09:00 can still be answered the next morning, all in
    # time, and the week's work over the open hours is enough: 300 x 7 x 360 s = 210 hours over
    # 91 open hours, / 0.85.
    np.testing.assert_allclose(day.intervals["agents"], 210 / 91 / 0.85)
    assert day.late_share == pytest.approx(0.0, abs=1e-9)
    # 1 hour: the emails arriving 22:00-08:59 cannot be answered within the hour: late.
    profile = Assumptions().hourly_profile
    night = sum(profile[h] for h in (*range(9), 22, 23))
    assert one.late_share == pytest.approx(night / sum(profile))


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
    result = staff_channel(phone(40, hours), INHOUSE, only_at(20))
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
    # Phone: 560 agent hours (above); email: 40 / 0.85 = 47.06. On their own, 607.06 / 21.5 =
    # 28.24 FTE -> 29 people, not ceil(26.05) + ceil(2.19) = 30.
    company = Company("Test Co", "EUR", 1.0, BUSINESS, horizon_years=3)
    inputs = Inputs(company, (phone(1600), email(80)), INHOUSE, assumptions=FLAT)
    staffing = staff(inputs)
    assert [c.channel for c in staffing.channels] == [Channel.INBOUND_PHONE, Channel.EMAIL]
    assert sum(c.weekly_agent_hours for c in staffing.channels) == pytest.approx(560 + 40 / 0.85)
    # One in-house team: email needs 1.176 agents in each of its 40 open hours; the 0.176 of an
    # agent is worked in the phone agents' idle time (14 agents for 10 erlangs: 14 - 10 / 0.85 =
    # 2.24 agents idle below the 85% cap), so the team is 560 + 40 = 600 hours, 27.9 FTE, 28.
    assert staffing.blended_agent_hours == pytest.approx(40 * (1 / 0.85 - 1))
    assert staffing.weekly_agent_hours == pytest.approx(600)
    assert staffing.total_fte == pytest.approx(600 / PAID_WEEK)
    assert staffing.whole_fte == 28


def test_blending_stops_at_the_occupancy_cap():
    # Phone at 1,700 calls a day: 212.5 an hour x 180 s = 10.625 erlangs, 14 agents (80/20
    # needs 14: the published example's 10 erlangs need 14, and 10.625 / 0.85 = 12.5 < 14);
    # idle below the cap 14 - 10.625 / 0.85 = 1.5 agents. Email: 600 a week x 360 s = 60 hours
    # over 40 open hours, 1.5 an hour, 1.765 agents: its 0.765 fits. Social: 306 x 360 s =
    # 30.6 hours, 0.765 an hour, 0.9 agents, finds only 1.5 - 0.765 = 0.735 of idle time left.
    company = Company("Test Co", "EUR", 1.0, BUSINESS, horizon_years=3)
    mail = email(120)
    social = replace(email(61.2), channel=Channel.SOCIAL)
    inputs = Inputs(company, (phone(1700), mail, social), INHOUSE, assumptions=FLAT)
    staffing = staff(inputs)
    phone_rows, mail_rows, social_rows = (c.intervals for c in staffing.in_house)
    assert (phone_rows["agents"] == 14).all()
    np.testing.assert_allclose(phone_rows["spare_agents"], 14 - 10.625 / 0.85)
    np.testing.assert_allclose(mail_rows["agents"], 1.0)
    np.testing.assert_allclose(social_rows["agents"], 0.9 - (1.5 - (1.5 / 0.85 - 1)))
    assert blend(staffing.in_house) == staffing.in_house  # blending twice changes nothing


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


def chat(per_day: float, chats: int, growth: float, aht: float = 180) -> ChannelDemand:
    return ChannelDemand(
        Channel.CHAT, monthly(per_day, 5), aht_seconds=aht, target_seconds=20,
        service_level=0.8, hours=BUSINESS, chats_per_agent=chats, aht_growth_per_chat=growth,
    )


def test_chat_concurrency_is_erlang_on_slots():
    # 1,600 chats a day over 8 hours = 200 an hour x 180 s = 10 erlangs: the published example,
    # 14 agents at one chat each. Two chats per agent without any slowing: the same 14 slots,
    # 7 agents. Three chats: ceil(14 / 3) = 5 agents, whose 15 slots answer more in time.
    one, two, three = (staff_channel(chat(1600, c, 0.0), INHOUSE, FLAT) for c in (1, 2, 3))
    assert (one.intervals["agents"] == 14).all()
    assert (two.intervals["agents"] == 7).all()
    assert (three.intervals["agents"] == 5).all()
    assert round(two.service_level, 3) == 0.888
    assert three.service_level > two.service_level
    assert three.chats_per_agent == 3
    # Each extra chat slows every chat by 20%: at two chats a chat takes 180 x 1.2 = 216 s.
    assert chat(1600, 2, 0.2).slot_aht_seconds == pytest.approx(216)
    assert chat(1600, 3, 0.2).slot_aht_seconds == pytest.approx(252)


def test_two_chats_per_agent_need_markedly_fewer_gulf_chat_fte():
    from dataclasses import replace as swap

    from analysis.workbook import load
    from analysis.workbook.examples import EXAMPLES_DIR

    inputs, _warnings = load(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    demand = next(d for d in inputs.demand if d.channel is Channel.CHAT)
    assert (demand.chats_per_agent, demand.aht_growth_per_chat) == (2, 0.2)
    one, two = (staff_channel(swap(demand, chats_per_agent=c), inputs.inhouse,
                              inputs.assumptions) for c in (1, 2))
    # Two chats at 1.2 x the handling time each is 2 / 1.2 = 1.67 chats' work per agent: the
    # workload per agent falls by 40% (1 - 1 / 1.67); small hours round up, so at least 30%.
    assert two.fte < 0.7 * one.fte
    assert two.weekly_workload_hours == one.weekly_workload_hours


@settings(max_examples=20, deadline=None)
@given(
    st.integers(1, 7), st.integers(0, 20), st.integers(1, 12),
    st.lists(st.floats(0, 10), min_size=24, max_size=24),
    st.floats(0.25, 100), st.floats(0.25, 100),
)
def test_a_stricter_response_target_never_needs_fewer_agents(days, opening, length, profile,
                                                            first, second):
    hours = Hours(days, opening, min(24, opening + length))
    assumptions = Assumptions(hourly_profile=tuple(profile))
    strict, lax = sorted((first, second))
    tight, loose = (staff_channel(email(50, hours, target), INHOUSE, assumptions)
                    for target in (strict, lax))
    assert tight.fte >= loose.fte * (1 - 1e-9)
    assert tight.late_share >= loose.late_share - 1e-9
