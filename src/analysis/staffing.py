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

import functools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import erlang
from analysis.model import (
    DAYS_PER_WEEK,
    SECONDS_PER_HOUR,
    WEEKS_PER_MONTH,
    WEEKS_PER_YEAR,
    Assumptions,
    Channel,
    ChannelDemand,
    Hours,
    InHouseCosts,
    Inputs,
)

COLUMNS = [
    "day", "hour", "contacts", "agents", "service_level", "asa_seconds", "occupancy", "premium",
]


def whole(value: float) -> int:
    """Round up to whole people or seats, ignoring float noise (3.0000000001 is 3)."""
    return math.ceil(round(value, 9))


Columns = dict[str, np.ndarray]
"""The hourly table as read-only column arrays, in `COLUMNS` order."""


class _Intervals:
    """`ChannelStaffing.intervals`: the frame as given, or built on first read from `Columns`.

    `staff_channel` passes column arrays: the sensitivity analyses re-staff the company hundreds
    of times and only need a few sums of them (`ChannelStaffing.column`), and building the frame
    was most of their time. A dataclass calls `__set__` from `__init__`, and reads the
    AttributeError on class access as "no default".
    """

    def __get__(self, staffing: ChannelStaffing | None, owner: type | None = None) -> pd.DataFrame:
        if staffing is None:
            raise AttributeError("intervals")
        rows = staffing.__dict__["_intervals"]
        if isinstance(rows, dict):
            rows = staffing.__dict__["_intervals"] = pd.DataFrame(rows)
        return rows

    def __set__(self, staffing: ChannelStaffing, rows: pd.DataFrame | Columns) -> None:
        staffing.__dict__["_intervals"] = rows


@dataclass(frozen=True)
class ChannelStaffing:
    """One channel's staffing for a typical week.

    `intervals` has one row per open hour of the week: `day` (0-6), `hour` (0-23), `contacts`,
    `agents` (float; whole numbers for queued channels), `service_level`, `asa_seconds`,
    `occupancy` (NaN where not meaningful: no calls, or a channel without a live queue), and
    `premium` (night or weekend hour). Pass it as a DataFrame; `staff_channel` passes `Columns`
    and the frame is built when first read.
    """

    channel: Channel
    intervals: pd.DataFrame = _Intervals()
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

    def column(self, name: str) -> np.ndarray:
        """One column of `intervals` as a read-only array, without building the frame.

        A staffing without open hours has an empty array for every column.
        """
        rows = self.__dict__["_intervals"]
        if isinstance(rows, dict):
            return rows[name]
        return rows[name].to_numpy() if len(rows) else np.empty(0)


@dataclass(frozen=True)
class Staffing:
    """Every channel's staffing; totals round people up once, not per queue."""

    channels: tuple[ChannelStaffing, ...]

    @property
    def total_fte(self) -> float:
        return sum(c.fte for c in self.channels)

    @property
    def whole_fte(self) -> int:
        """People to hire: the fractional total rounded up once."""
        return whole(self.total_fte)

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

    Precondition: a queued channel (inbound phone, chat) has a service level target
    (`demand.service_level` is not None); the loader always sets one, and a ValueError is raised
    without it. The work is done on numpy arrays, and `intervals` only becomes a DataFrame when
    read: the sensitivity analyses re-staff every channel hundreds of times.
    """
    week = _week(demand.hours, assumptions)
    contacts = _contacts(demand, week)
    workload = contacts * demand.aht_seconds / SECONDS_PER_HOUR
    if demand.channel.is_queued:
        agents, service_level, asa_seconds, occupancy = _queued(contacts, demand, inhouse)
    else:
        window = _window_hours(demand)
        agents = _level(workload, demand.hours, window) / inhouse.max_occupancy
        service_level, asa_seconds = np.full(agents.shape, np.nan), np.full(agents.shape, np.nan)
        occupancy = np.where(agents > 0, inhouse.max_occupancy, np.nan)
    agent_hours = float(agents.sum())
    premium_hours = float(agents[week.premium].sum())
    paid_week = inhouse.paid_hours_per_fte_year / WEEKS_PER_YEAR * (1 - inhouse.shrinkage)
    intervals = dict(zip(COLUMNS, (
        week.day, week.hour, contacts, agents, service_level, asa_seconds, occupancy, week.premium,
    ), strict=True))
    for array in intervals.values():
        array.flags.writeable = False
    return ChannelStaffing(
        channel=demand.channel,
        intervals=intervals,
        weekly_contacts=float(contacts.sum()),
        weekly_workload_hours=float(workload.sum()),
        weekly_agent_hours=agent_hours,
        premium_share=premium_hours / agent_hours if agent_hours else 0.0,
        fte=agent_hours / paid_week,
        peak_agents=float(agents.max()) if agents.size else 0.0,
        service_level=_contact_weighted(service_level, contacts, demand.channel),
        asa_seconds=_contact_weighted(asa_seconds, contacts, demand.channel),
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
    week = _week(demand.hours, assumptions)
    contacts = _contacts(demand, week)
    busiest = int(np.argmax(contacts))
    traffic = erlang.traffic_erlangs(contacts[busiest], demand.aht_seconds, SECONDS_PER_HOUR)
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
        hour=int(week.hour[busiest]), contacts=float(contacts[busiest]),
        traffic_erlangs=float(traffic), max_occupancy=inhouse.max_occupancy,
    )
    return frame


@dataclass(frozen=True)
class _Week:
    """The open hours of a channel's week, as parallel read-only arrays (one entry per hour)."""

    day: np.ndarray
    hour: np.ndarray
    premium: np.ndarray
    """Night or weekend hour."""
    profile: np.ndarray
    """The arrival weights of one open day's hours (not yet summing to one)."""
    profile_total: float


@functools.lru_cache(maxsize=64)
def _week(hours: Hours, assumptions: Assumptions) -> _Week:
    """The open hours of the week with their premium flag and arrival weights.

    Cached: only the contacts change between the draws of the sensitivity analyses. A profile
    that is zero over every open hour says nothing about when contacts come, so they are spread
    evenly instead.
    """
    open_hours = np.arange(hours.open_hour, hours.close_hour)
    profile = np.asarray(assumptions.hourly_profile, dtype=float)[open_hours]
    if profile.sum() <= 0:
        profile = np.ones_like(profile)
    day = np.repeat(np.arange(hours.days_per_week), open_hours.size)
    hour = np.tile(open_hours, hours.days_per_week)
    night = night_hours(hour, assumptions.night_start_hour, assumptions.night_end_hour)
    weekend = day >= DAYS_PER_WEEK - assumptions.weekend_days
    arrays = (day, hour, night | weekend, profile)
    for array in arrays:
        array.flags.writeable = False
    return _Week(*arrays, profile_total=float(profile.sum()))


def night_hours(hour: np.ndarray, start: int, end: int) -> np.ndarray:
    """Whether each hour of the day falls in the night from `start` to `end`.

    A night usually crosses midnight (22 to 6), but a workbook may set one that does not (0 to 6);
    equal start and end mean no night premium at all.
    """
    if start > end:
        return (hour >= start) | (hour < end)
    return (hour >= start) & (hour < end)


def _contacts(demand: ChannelDemand, week: _Week) -> np.ndarray:
    """Each open hour's contacts: the same every open day, spread by the arrival weights."""
    days = demand.hours.days_per_week
    per_day = demand.monthly_contacts / (WEEKS_PER_MONTH * days)
    return np.tile(per_day * week.profile / week.profile_total, days)


def _queued(
    contacts: np.ndarray, demand: ChannelDemand, inhouse: InHouseCosts
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Erlang C agents for each hour, meeting the channel's target and the occupancy cap.

    Returns agents (as floats), service level, ASA and occupancy, hour by hour.
    """
    if demand.service_level is None:
        raise ValueError(f"{demand.channel} is queued but has no service level target")
    result = erlang.required_agents(
        contacts, demand.aht_seconds, SECONDS_PER_HOUR,
        demand.target_seconds, demand.service_level, inhouse.max_occupancy,
    )
    return (
        result.agents.astype(float), result.service_level, result.asa_seconds, result.occupancy,
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
    open day has the same arrivals, so wrapping within a day is the same as carrying over. Two
    copies of each day side by side give every wrapped shift as a slice (a cheap `np.roll`).
    """
    per_day = hours.hours_per_day
    days = workload.reshape(hours.days_per_week, per_day)
    twice = np.concatenate([days, days], axis=1)
    shifted = (twice[:, per_day - shift: 2 * per_day - shift] for shift in range(window))
    spread = sum(shifted) / window
    return np.asarray(spread).ravel()


def _contact_weighted(
    values: np.ndarray, contacts: np.ndarray, channel: Channel
) -> float | None:
    """The week's figure as callers feel it: each hour weighted by its contacts."""
    total = contacts.sum()
    if not channel.is_queued or total <= 0:
        return None
    return float(np.nansum((values * contacts)[contacts > 0]) / total)
