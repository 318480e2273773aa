"""From each channel's demand to agents in seat, hour by hour, and to scheduled FTE.

The week is cut into hourly intervals. Each open day gets the same number of contacts
(monthly contacts / (weeks per month x open days)), spread over the open hours with the
assumptions' hourly arrival profile, restricted to those hours and rescaled to sum to one.

- Live queues (inbound phone, chat) get Erlang C agents per hour: the fewest that meet the
  service level target and the occupancy cap (`analysis.erlang`). Small hours with few calls need
  proportionally more agents than busy ones, which is why round-the-clock cover costs more FTE
  than business hours for the same contacts.
- Deferred work (outbound phone, email, social) is staffed by workload: the work can wait up to
  the response target, so each hour's work is spread evenly over a window of hours and done at
  the occupancy cap; fractional agents are allowed (part-timers, shared desks).

FTE turns in-seat hours into people: weekly agent hours / (paid hours a week x (1 - shrinkage)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import erlang
from analysis.model import (
    WEEKS_PER_MONTH,
    Assumptions,
    Channel,
    ChannelDemand,
    Hours,
    InHouseCosts,
    Inputs,
)

SECONDS_PER_HOUR = 3600
WEEKS_PER_YEAR = 52
DAYS_PER_WEEK = 7
COLUMNS = [
    "day", "hour", "contacts", "agents", "service_level", "asa_seconds", "occupancy", "premium",
]


@dataclass(frozen=True)
class ChannelStaffing:
    """One channel's staffing for a typical week.

    `intervals` has one row per open hour of the week: `day` (0-6), `hour` (0-23), `contacts`,
    `agents` (float; whole numbers for queued channels), `service_level`, `asa_seconds`,
    `occupancy` (NaN where not meaningful: no calls, or a channel without a live queue), and
    `premium` (night or weekend hour).
    """

    channel: Channel
    intervals: pd.DataFrame
    weekly_contacts: float
    weekly_workload_hours: float
    """Contacts x AHT, in hours: the pure handling work."""
    weekly_agent_hours: float
    """In-seat hours: the sum of agents over the open hours."""
    premium_share: float
    """Share of `weekly_agent_hours` at night or at the weekend."""
    fte: float
    """Scheduled FTE, fractional: in-seat hours / (paid hours a week x (1 - shrinkage))."""
    peak_agents: float
    service_level: float | None
    """Contact-weighted service level achieved over the week (queued channels only)."""
    asa_seconds: float | None
    """Contact-weighted average speed of answer over the week (queued channels only)."""


@dataclass(frozen=True)
class Staffing:
    """Every channel's staffing; totals round people up once, not per queue."""

    channels: tuple[ChannelStaffing, ...]

    @property
    def total_fte(self) -> float:
        return sum(c.fte for c in self.channels)

    @property
    def whole_fte(self) -> int:
        """People to hire: the fractional total rounded up once (float noise ignored)."""
        return math.ceil(round(self.total_fte, 9))

    @property
    def weekly_agent_hours(self) -> float:
        return sum(c.weekly_agent_hours for c in self.channels)

    @property
    def premium_share(self) -> float:
        hours = self.weekly_agent_hours
        premium = sum(c.premium_share * c.weekly_agent_hours for c in self.channels)
        return premium / hours if hours else 0.0


def staff(inputs: Inputs) -> Staffing:
    """Staff every channel the company runs with its own costs and assumptions."""
    return Staffing(tuple(
        staff_channel(demand, inputs.inhouse, inputs.assumptions) for demand in inputs.demand
    ))


def staff_channel(
    demand: ChannelDemand, inhouse: InHouseCosts, assumptions: Assumptions
) -> ChannelStaffing:
    """A channel's agents hour by hour over a typical week, and the FTE they add up to.

    Chat uses the same queue model as phone, one chat per agent at a time: agents who juggle
    several chats need fewer seats, so this is the prudent (higher) figure.
    """
    rows = _week(demand, assumptions)
    workload = rows["contacts"] * demand.aht_seconds / SECONDS_PER_HOUR
    if demand.channel.is_queued:
        rows = _queued(rows, demand, inhouse)
    else:
        window = _window_hours(demand)
        levelled = _level(workload.to_numpy(), demand.hours, window) / inhouse.max_occupancy
        rows = rows.assign(
            agents=levelled,
            service_level=np.nan,
            asa_seconds=np.nan,
            occupancy=np.where(levelled > 0, inhouse.max_occupancy, np.nan),
        )
    rows = rows[COLUMNS]
    agent_hours = float(rows["agents"].sum())
    premium_hours = float(rows.loc[rows["premium"], "agents"].sum())
    paid_week = inhouse.paid_hours_per_fte_year / WEEKS_PER_YEAR * (1 - inhouse.shrinkage)
    return ChannelStaffing(
        channel=demand.channel,
        intervals=rows,
        weekly_contacts=float(rows["contacts"].sum()),
        weekly_workload_hours=float(workload.sum()),
        weekly_agent_hours=agent_hours,
        premium_share=premium_hours / agent_hours if agent_hours else 0.0,
        fte=agent_hours / paid_week,
        peak_agents=float(rows["agents"].max()) if len(rows) else 0.0,
        service_level=_contact_weighted(rows, "service_level", demand.channel),
        asa_seconds=_contact_weighted(rows, "asa_seconds", demand.channel),
    )


def service_level_curve(
    demand: ChannelDemand, inhouse: InHouseCosts, assumptions: Assumptions, agents: range
) -> pd.DataFrame:
    """Service level, wait probability, ASA and occupancy against agents at the busiest hour.

    For the book's chart of how each added agent buys less service (queued channels only).
    Columns: `agents`, `service_level`, `wait_probability`, `asa_seconds`, `occupancy`; the
    frame's `attrs` hold the busiest hour's `hour`, `contacts` and `traffic_erlangs`.
    """
    if not demand.channel.is_queued:
        raise ValueError(f"{demand.channel} has no live queue")
    rows = _week(demand, assumptions)
    busiest = rows.loc[rows["contacts"].idxmax()]
    traffic = erlang.traffic_erlangs(busiest["contacts"], demand.aht_seconds, SECONDS_PER_HOUR)
    counts = np.asarray(agents, dtype=np.int64)
    frame = pd.DataFrame({
        "agents": counts,
        "service_level": erlang.service_level(
            counts, traffic, demand.aht_seconds, demand.target_seconds
        ),
        "wait_probability": erlang.wait_probability(counts, traffic),
        "asa_seconds": erlang.average_speed_of_answer(counts, traffic, demand.aht_seconds),
        "occupancy": erlang.occupancy(counts, traffic),
    })
    frame.attrs.update(
        hour=int(busiest["hour"]), contacts=float(busiest["contacts"]),
        traffic_erlangs=float(traffic), max_occupancy=inhouse.max_occupancy,
    )
    return frame


def _week(demand: ChannelDemand, assumptions: Assumptions) -> pd.DataFrame:
    """The open hours of the week with their contacts and premium flag.

    A profile that is zero over every open hour says nothing about when contacts come, so they
    are spread evenly instead.
    """
    hours = demand.hours
    open_hours = np.arange(hours.open_hour, hours.close_hour)
    profile = np.asarray(assumptions.hourly_profile, dtype=float)[open_hours]
    if profile.sum() <= 0:
        profile = np.ones_like(profile)
    per_day = demand.monthly_contacts / (WEEKS_PER_MONTH * hours.days_per_week)
    day = np.repeat(np.arange(hours.days_per_week), open_hours.size)
    hour = np.tile(open_hours, hours.days_per_week)
    night = (hour >= assumptions.night_start_hour) | (hour < assumptions.night_end_hour)
    weekend = day >= DAYS_PER_WEEK - assumptions.weekend_days
    return pd.DataFrame({
        "day": day,
        "hour": hour,
        "contacts": np.tile(per_day * profile / profile.sum(), hours.days_per_week),
        "premium": night | weekend,
    })


def _queued(rows: pd.DataFrame, demand: ChannelDemand, inhouse: InHouseCosts) -> pd.DataFrame:
    """Erlang C agents for each hour, meeting the channel's target and the occupancy cap."""
    if demand.service_level is None:
        raise ValueError(f"{demand.channel} is queued but has no service level target")
    result = erlang.required_agents(
        rows["contacts"].to_numpy(), demand.aht_seconds, SECONDS_PER_HOUR,
        demand.target_seconds, demand.service_level, inhouse.max_occupancy,
    )
    return rows.assign(
        agents=result.agents.astype(float),
        service_level=result.service_level,
        asa_seconds=result.asa_seconds,
        occupancy=result.occupancy,
    )


def _window_hours(demand: ChannelDemand) -> int:
    """Hours over which deferred work may be spread: the response target, at most one open day.

    Outbound calls are placed whenever suits, so they are spread over the whole open day.
    Whole hours only, rounded down so the work is still done within the target; at least one.
    """
    per_day = demand.hours.hours_per_day
    if demand.channel is Channel.OUTBOUND_PHONE:
        return per_day
    target_hours = math.floor(round(demand.target_seconds / SECONDS_PER_HOUR, 9))
    return max(1, min(target_hours, per_day))


def _level(workload: np.ndarray, hours: Hours, window: int) -> np.ndarray:
    """Spread each open hour's work evenly over it and the next `window - 1` open hours.

    Work arriving near closing time carries over to the first hours of the next open day; every
    open day has the same arrivals, so wrapping within a day is the same as carrying over.
    """
    days = workload.reshape(hours.days_per_week, hours.hours_per_day)
    spread = sum(np.roll(days, shift, axis=1) for shift in range(window)) / window
    return np.asarray(spread).ravel()


def _contact_weighted(rows: pd.DataFrame, column: str, channel: Channel) -> float | None:
    """The week's figure as callers feel it: each hour weighted by its contacts."""
    weights = rows["contacts"]
    if not channel.is_queued or weights.sum() <= 0:
        return None
    return float((rows[column] * weights)[weights > 0].sum() / weights.sum())
