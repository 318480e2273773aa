"""From each channel's demand to agents in seat, hour by hour, and to scheduled FTE.

The week is cut into hourly intervals. Live channels and outbound calls get their contacts in
their open hours: each open day the same number (monthly contacts / (weeks per month x open
days)), spread with the assumptions' hourly arrival profile restricted to those hours.

- Live queues (inbound phone, chat) get Erlang agents per hour: the fewest that meet the
  service level target and the occupancy cap. With a patience (mean seconds before a caller
  hangs up) the queue is Erlang A (`analysis.erlang_a`) and the service level counts a caller who
  hangs up as not answered within the target; without one nobody hangs up and it is Erlang C
  (`analysis.erlang`). Small hours with few calls need proportionally more agents than busy
  ones, which is why round-the-clock cover costs more FTE than business hours.
- Chat with several chats per agent is staffed as slots: Erlang on chat slots, each chat taking
  its handling time lengthened by the growth per extra concurrent chat, then agents = slots /
  chats per agent, rounded up in each hour.
- Email and social are answered against a response target in clock hours. Their contacts arrive
  around the clock (the hourly profile over all 24 hours, every day of the week), the work is
  done in the channel's open hours, first in first out, and closed hours count against the
  target. The staffing is the least level capacity per open hour (found by bisection on a fluid
  simulation of the cyclic week) that answers within the target every contact that can be,
  and never less than a looser target would need (a stricter target never needs fewer agents);
  contacts arriving where no open hour is left before their target are answered late, with the
  capacity the others leave, and `late_share` reports their share.
- Outbound calls are placed whenever suits: their work is spread evenly over the open day.
- Blending (`blend`): where a deferred channel needs a fraction of an agent in an hour, that
  fraction is worked in the live channels' idle time in the same hour, as far as it fits under
  the occupancy cap; the source documents' point that outbound and back-office work fill quiet
  hours. This is an assumption of the in-house team (one team sharing desks and skills): a
  vendor pricing a channel on its own staffs it unblended.

FTE turns in-seat hours into people: weekly agent hours / (paid hours a week x (1 - shrinkage)).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import erlang_a
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
    "abandon_probability", "spare_agents",
]
HOURS_PER_DAY = 24
HOURS_PER_WEEK = DAYS_PER_WEEK * HOURS_PER_DAY
DEADLINE_CHANNELS = frozenset({Channel.EMAIL, Channel.SOCIAL})
"""Channels answered against a response target in clock hours, arrivals around the clock."""


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

    `intervals` has one row per open hour of the week: `day` (0-6), `hour` (0-23), `contacts`
    (arriving; for email and social, handled in that hour), `agents` (float; whole numbers for
    queued channels), `service_level`, `asa_seconds`, `occupancy`, `abandon_probability` (NaN
    where not meaningful: no calls, or a channel without a live queue), `premium` (night or
    weekend hour) and `spare_agents` (live channels: idle agent time up to the occupancy cap, in
    agents; 0 for the others). Pass it as a DataFrame; `staff_channel` passes `Columns` and the
    frame is built when first read.
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
    """Queued channels: the contact-weighted share answered within the target (hang-ups count
    as not answered in time). Email and social: the share answered within the response target.
    None for outbound."""
    asa_seconds: float | None
    """Contact-weighted average speed of answer of the answered contacts (queued channels)."""
    abandon_probability: float | None = None
    """Queued channels with a patience: the contact-weighted share who hang up (0 without)."""
    late_share: float | None = None
    """Email and social: the share answered after the target because no open hour is left
    before it (0 when every contact can be answered in time)."""
    chats_per_agent: int = 1
    blended_agent_hours: float = 0.0
    """In-seat hours a week of this channel worked in live channels' idle time (`blend`)."""

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
    """Every channel's staffing; totals round people up once, not per queue.

    `channels` are staffed each on its own (what a vendor pricing one channel plans); `in_house`
    is the same team with deferred fractions blended into live idle time (`blend`), and the
    totals are the in-house team's.
    """

    channels: tuple[ChannelStaffing, ...]

    @functools.cached_property
    def in_house(self) -> tuple[ChannelStaffing, ...]:
        return blend(self.channels)

    @property
    def total_fte(self) -> float:
        return sum(c.fte for c in self.in_house)

    @property
    def whole_fte(self) -> int:
        """People to hire: the fractional total rounded up once."""
        return whole(self.total_fte)

    @property
    def weekly_agent_hours(self) -> float:
        return sum(c.weekly_agent_hours for c in self.in_house)

    @property
    def blended_agent_hours(self) -> float:
        return sum(c.blended_agent_hours for c in self.in_house)

    @property
    def premium_share(self) -> float:
        hours = self.weekly_agent_hours
        premium = sum(c.premium_share * c.weekly_agent_hours for c in self.in_house)
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

    Precondition: a queued channel (inbound phone, chat) has a service level target
    (`demand.service_level` is not None); the loader always sets one, and a ValueError is raised
    without it. The work is done on numpy arrays, and `intervals` only becomes a DataFrame when
    read: the sensitivity analyses re-staff every channel hundreds of times.
    """
    week = _week(demand.hours, assumptions)
    nan = np.full(week.day.shape, np.nan)
    spare, abandon, late = np.zeros(week.day.shape), nan, None
    if demand.channel.is_queued:
        contacts = _contacts(demand, week)
        agents, service_level, asa_seconds, occupancy, abandon, spare = _queued(
            contacts, demand, inhouse)
    elif demand.channel in DEADLINE_CHANNELS:
        agents, contacts, on_time = _deadline(demand, assumptions, inhouse)
        service_level, asa_seconds = np.where(contacts > 0, on_time, np.nan), nan
        occupancy = np.where(agents > 0, _handled(contacts, demand) / agents, np.nan)
        late = 1 - on_time
    else:
        contacts = _contacts(demand, week)
        workload = contacts * demand.aht_seconds / SECONDS_PER_HOUR
        agents = _level(workload, demand.hours, demand.hours.hours_per_day) / inhouse.max_occupancy
        service_level, asa_seconds = nan, nan
        occupancy = np.where(agents > 0, inhouse.max_occupancy, np.nan)
    columns = dict(zip(COLUMNS, (
        week.day, week.hour, contacts, agents, service_level, asa_seconds, occupancy,
        week.premium, abandon, spare,
    ), strict=True))
    weighted = demand.channel.is_queued
    paid_week = inhouse.paid_hours_per_fte_year / WEEKS_PER_YEAR * (1 - inhouse.shrinkage)
    return _summarise(
        demand.channel, columns, paid_week,
        weekly_workload_hours=float(contacts.sum()) * demand.aht_seconds / SECONDS_PER_HOUR,
        service_level=(_contact_weighted(service_level, contacts) if weighted
                       else None if late is None else 1 - late),
        asa_seconds=_contact_weighted(asa_seconds, contacts) if weighted else None,
        abandon_probability=_contact_weighted(abandon, contacts) if weighted else None,
        late_share=late, chats_per_agent=demand.chats_per_agent,
    )


def _summarise(channel: Channel, columns: Columns, paid_week: float,
               **known: object) -> ChannelStaffing:
    """The week's totals of an hourly table: hours in seat, premium share, FTE (`paid_week`:
    hours an FTE is in seat a week, after shrinkage), peak."""
    for array in columns.values():
        array.flags.writeable = False
    agents = columns["agents"]
    agent_hours = float(agents.sum())
    premium_hours = float(agents[columns["premium"]].sum())
    return ChannelStaffing(
        channel=channel,
        intervals=columns,
        weekly_contacts=float(columns["contacts"].sum()),
        weekly_agent_hours=agent_hours,
        premium_share=premium_hours / agent_hours if agent_hours else 0.0,
        fte=agent_hours / paid_week,
        peak_agents=float(agents.max()) if agents.size else 0.0,
        **known,
    )


def blend(channels: Sequence[ChannelStaffing]) -> tuple[ChannelStaffing, ...]:
    """The channels as one in-house team: each deferred channel's fraction of an agent in an
    hour is worked in the live channels' idle time of that hour, as far as it fits under the
    occupancy cap (the live channels' `spare_agents`).

    Whole agents stay on their channel (a planner schedules them there); only the part that
    would otherwise need a part-time seat is blended, channel by channel in the order given.
    Live channels are unchanged (their agents were idle then). Blending twice changes nothing.
    """
    channels = tuple(channels)
    if any(c.blended_agent_hours for c in channels):
        return channels
    spare = np.zeros(HOURS_PER_WEEK)
    for c in channels:
        if c.channel.is_queued and c.column("agents").size:
            np.add.at(spare, _slots(c), _idle(c))
    blended = []
    for c in channels:
        agents = c.column("agents")
        if c.channel.is_queued or not agents.size or not spare.any():
            blended.append(c)
            continue
        slots = _slots(c)
        fraction = agents - np.floor(np.round(agents, 9))
        moved = np.minimum(fraction, np.maximum(spare[slots], 0.0))
        if not moved.any():
            blended.append(c)
            continue
        np.subtract.at(spare, slots, moved)
        columns = {k: c.column(k) for k in COLUMNS}
        columns["agents"] = agents - moved
        blended.append(_summarise(
            c.channel, columns, c.weekly_agent_hours / c.fte,
            weekly_workload_hours=c.weekly_workload_hours, service_level=c.service_level,
            asa_seconds=c.asa_seconds, abandon_probability=c.abandon_probability,
            late_share=c.late_share, chats_per_agent=c.chats_per_agent,
            blended_agent_hours=float(moved.sum()),
        ))
    return tuple(blended)


def _idle(staffing: ChannelStaffing) -> np.ndarray:
    """A live channel's `spare_agents`; none for a table written without that column."""
    try:
        return staffing.column("spare_agents")
    except KeyError:
        return np.zeros(staffing.column("agents").shape)


def _slots(staffing: ChannelStaffing) -> np.ndarray:
    return staffing.column("day") * HOURS_PER_DAY + staffing.column("hour")


def service_level_curve(
    demand: ChannelDemand, inhouse: InHouseCosts, assumptions: Assumptions, agents: range
) -> pd.DataFrame:
    """Service level, wait and abandon probability, ASA and occupancy against agents at the
    busiest hour.

    For the book's chart of how each added agent buys less service (queued channels only).
    Columns: `agents`, `service_level`, `wait_probability`, `abandon_probability`,
    `asa_seconds`, `occupancy` (of the chat slots, `agents x chats per agent`, for chat); the
    frame's `attrs` hold the busiest hour's `hour`, `contacts` and `traffic_erlangs`.
    """
    if not demand.channel.is_queued:
        raise ValueError(f"{demand.channel} has no live queue")
    week = _week(demand.hours, assumptions)
    contacts = _contacts(demand, week)
    busiest = int(np.argmax(contacts))
    traffic = float(contacts[busiest] * demand.slot_aht_seconds / SECONDS_PER_HOUR)
    counts = np.asarray(agents, dtype=np.int64)
    found = erlang_a.metrics(counts * demand.chats_per_agent, traffic, demand.slot_aht_seconds,
                             demand.target_seconds, demand.patience_seconds)
    frame = pd.DataFrame({"agents": counts, **{key: found[key] for key in (
        "service_level", "wait_probability", "abandon_probability", "asa_seconds", "occupancy")}})
    frame.attrs.update(
        hour=int(week.hour[busiest]), contacts=float(contacts[busiest]),
        traffic_erlangs=traffic, max_occupancy=inhouse.max_occupancy,
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


def open_week(hours: Hours, assumptions: Assumptions) -> _Week:
    """The open hours of a channel's week, as the staffing spreads its contacts: `day`, `hour`,
    `premium` (night or weekend) and `profile` (one open day's arrival weights), read-only."""
    return _week(hours, assumptions)


def has_premium_hours(hours: Hours, assumptions: Assumptions) -> bool:
    """Whether a channel open these `hours` is ever open at night or at a weekend (the hours
    that earn the shift premium, as Assumptions sets the night and the weekend days).

    A channel without such hours keeps business hours in the model's own terms: nothing in it
    differs between business hours and nights or weekends (the hybrid benchmark, the cost of
    long opening hours).
    """
    return bool(_week(hours, assumptions).premium.any())


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
) -> tuple[np.ndarray, ...]:
    """Erlang agents for each hour, meeting the channel's target and the occupancy cap.

    Erlang A with the channel's patience (Erlang C without), on chat slots for chat: agents are
    the slots over chats per agent, rounded up, and the measures are those of the slots they
    bring. Returns agents (as floats), service level, ASA, occupancy, abandon probability and
    the agents' idle time up to the cap, hour by hour.
    """
    if demand.service_level is None:
        raise ValueError(f"{demand.channel} is queued but has no service level target")
    aht, chats = demand.slot_aht_seconds, demand.chats_per_agent
    result = erlang_a.required_agents(
        contacts, aht, SECONDS_PER_HOUR, demand.target_seconds, demand.service_level,
        inhouse.max_occupancy, patience_seconds=demand.patience_seconds,
    )
    agents = -(-result.agents // chats)
    found = vars(result)
    if chats > 1:
        found = erlang_a.metrics(agents * chats, result.traffic_erlangs, aht,
                                 demand.target_seconds, demand.patience_seconds)
    busy = result.traffic_erlangs / chats
    spare = np.maximum(agents - busy / inhouse.max_occupancy, 0.0)
    return (agents.astype(float), found["service_level"], found["asa_seconds"],
            found["occupancy"], found["abandon_probability"], spare)


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


def _handled(contacts: np.ndarray, demand: ChannelDemand) -> np.ndarray:
    return contacts * demand.aht_seconds / SECONDS_PER_HOUR


def window_hours(target_seconds: float) -> int:
    """Hours in which a contact may be answered, counting the hour it arrives in: the response
    target in whole hours, rounded down so the answer is within it, at least one."""
    return max(1, math.floor(round(target_seconds / SECONDS_PER_HOUR, 9)))


def _deadline(
    demand: ChannelDemand, assumptions: Assumptions, inhouse: InHouseCosts
) -> tuple[np.ndarray, np.ndarray, float]:
    """Email or social: level agents per open hour, contacts handled in each open hour, and the
    share answered within the target (`deadline_capacity` does the work per unit of load)."""
    capacity, handled_share, on_time = deadline_capacity(
        demand.hours, assumptions.hourly_profile, window_hours(demand.target_seconds))
    weekly = demand.monthly_contacts / WEEKS_PER_MONTH
    work = weekly * demand.aht_seconds / SECONDS_PER_HOUR
    agents = np.full(handled_share.shape, capacity * work / inhouse.max_occupancy)
    return agents, handled_share * weekly, on_time


@functools.lru_cache(maxsize=256)
def deadline_capacity(
    hours: Hours, profile: tuple[float, ...], window: int
) -> tuple[float, np.ndarray, float]:
    """The level capacity per open hour, per hour of weekly work, that answers within `window`
    hours every contact that can be; with the share of the week's work handled in each open
    hour (read-only, in `_week`'s order) and the share answered in time.

    Arrivals follow `profile` over all 24 hours of all seven days. A contact arriving in hour `h`
    is in time when done by the end of hour `h + window - 1`; one with no open hour in that
    window cannot be, and waits for capacity the others leave free (`_fifo`). The capacity is
    the least that keeps every other contact in time (`_least_capacity`), and at least what any
    looser target needs: a looser target brings more of the contacts arriving while closed within
    reach, each then due soon after opening, and a stricter target must never need fewer agents.
    The capacity scales with the load, so it is found once per hours, profile and window and
    cached: the sensitivity analyses re-staff with other volumes and handling times.
    """
    work, is_open = _arrivals(hours, profile)
    closed_run = _longest_closed_run(is_open)
    capacity = max(_least_capacity(hours, profile, k)
                   for k in range(window, max(window, closed_run + 1) + 1))
    late, handled = _fifo(work, is_open * capacity, window, _reachable(is_open, window))
    share = handled[is_open] / handled.sum()
    share.flags.writeable = False
    return capacity, share, float(1 - late.sum() / work.sum())


def _arrivals(hours: Hours, profile: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """One week's arrivals by hour (summing to one) and whether each hour is open."""
    weights = np.asarray(profile, dtype=float)
    if weights.sum() <= 0:
        weights = np.ones(HOURS_PER_DAY)
    work = np.tile(weights / weights.sum() / DAYS_PER_WEEK, DAYS_PER_WEEK)
    hour = np.arange(HOURS_PER_WEEK) % HOURS_PER_DAY
    day = np.arange(HOURS_PER_WEEK) // HOURS_PER_DAY
    is_open = (day < hours.days_per_week) & (hour >= hours.open_hour) & (hour < hours.close_hour)
    return work, is_open


def _reachable(is_open: np.ndarray, window: int) -> np.ndarray:
    """Whether an open hour falls within `window` hours of each hour of the week (cyclic)."""
    ahead = (np.arange(HOURS_PER_WEEK)[:, None] + np.arange(min(window, HOURS_PER_WEEK))) \
        % HOURS_PER_WEEK
    return is_open[ahead].any(axis=1)


def _longest_closed_run(is_open: np.ndarray) -> int:
    """The most consecutive closed hours in the cyclic week."""
    run = longest = 0
    for hour_open in np.concatenate([is_open, is_open]):
        run = 0 if hour_open else run + 1
        longest = max(longest, run)
    return min(longest, HOURS_PER_WEEK)


@functools.lru_cache(maxsize=1024)
def _least_capacity(hours: Hours, profile: tuple[float, ...], window: int) -> float:
    """The least level capacity per open hour keeping every reachable contact in time: bisection
    between the weekly work over the open hours and the whole week's work in one hour."""
    work, is_open = _arrivals(hours, profile)
    reachable = _reachable(is_open, window)
    low, high = 1.0 / is_open.sum(), 1.0

    def in_time(capacity: float) -> bool:
        late = _fifo(work, is_open * capacity, window, reachable)[0]
        return late[reachable].sum() <= 1e-12

    if in_time(low):
        return low
    while high - low > 1e-10 * high:
        middle = (low + high) / 2
        low, high = (low, middle) if in_time(middle) else (middle, high)
    return high


def _fifo(work: np.ndarray, capacity: np.ndarray, window: int,
          reachable: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A fluid backlog over repeated weeks: the late work of each hour's arrivals and the work
    done in each hour, both for one week in its steady cycle.

    Contacts that can be in time (`reachable`) are worked first, first in first out (their due
    hours follow their arrival, so this is also earliest deadline first); the others, late
    whatever is done, take the capacity left, in arrival order. Arrivals of hour `h` may be
    worked in hour `h`. Each backlog is its cumulative (arrivals - capacity) reflected at zero.
    One week of warm-up from empty, the measured week, then as many weeks as the window needs.
    """
    weeks = 2 + -(-window // HOURS_PER_WEEK)
    first = np.tile(work * reachable, weeks)
    offered = np.tile(capacity, weeks)
    first_done = _served(first, offered)
    worked_first = np.diff(first_done, prepend=0.0)
    rest_done = _served(np.tile(work * ~reachable, weeks), offered - worked_first)
    arrived = np.cumsum(first)
    measured = np.arange(HOURS_PER_WEEK, 2 * HOURS_PER_WEEK)
    late = np.clip(arrived[measured] - np.maximum(arrived[measured - 1],
                                                  first_done[measured + window - 1]), 0.0, None)
    late = late + work * ~reachable
    done = first_done + rest_done
    return late, done[measured] - done[measured - 1]


def _served(arriving: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """Cumulative work done by the end of each hour by a first-in first-out fluid server."""
    net = np.cumsum(arriving - capacity)
    backlog = net - np.minimum(np.minimum.accumulate(net), 0.0)
    return np.cumsum(arriving) - backlog


def _contact_weighted(values: np.ndarray, contacts: np.ndarray) -> float | None:
    """The week's figure as callers feel it: each hour weighted by its contacts."""
    total = contacts.sum()
    if total <= 0:
        return None
    return float(np.nansum((values * contacts)[contacts > 0]) / total)
