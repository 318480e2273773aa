"""Each channel's staffing as a function of its workload, worked out once and read per draw.

The engine (`engine`) never re-solves a queue per draw. What it reads here:

- **Live queues** (inbound phone, chat). An open hour's agents (chat slots) are a step function
  of its traffic A in erlangs: `required_agents` returns the least count N that passes its test
  (`erlang.meets`, `erlang_a.meets`), and the test only gets easier with more agents or less
  traffic, so N(A) = 1 + #{N : T_N < A} for A > 0, where T_N is the largest traffic N agents
  carry within the service level and occupancy cap. The T_N are found once by bisection on the
  very test the search applies (to 1e-12 of their size), so between them nothing is interpolated:
  the count is exact. The test depends on the traffic and, besides the fixed target, service
  level and occupancy cap, on the handling time of a contact (the answer target over the AHT)
  and, with a patience, on the patience over the AHT. Those two are the nodes of a grid: each
  draw's handling time (of a chat slot: AHT x (1 + growth x (chats - 1))) is rounded to the
  nearest node of a grid with steps of `AHT_STEP` (0.5%), its patience to `PATIENCE_STEP` (1%).
  Every open hour of the week has the same traffic each open day, spread over the day by the
  hourly profile, so a draw needs the count of each open hour of the day: one `searchsorted`
  per node for all the draws there. Agents are the slots over the chats per agent, rounded up.
  Rounding the handling time to a node is the only approximation; `tests/test_curves.py` bounds
  what it moves (a count differs by at most one in a few hours in a thousand).
- **Deferred work** (email, social, outbound): the staffing is level over the open hours and
  proportional to the week's handling hours (`staffing.deadline_capacity`, `staffing._level`),
  so a channel is one number per unit of workload, read exactly.

`ErlangCTable` gives the Erlang C probability of waiting on a fine traffic grid, for the service
level a vendor is expected to reach on the agents it is paid for (`costs.expected_service_level`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from scipy.special import gammaincc, gammaln

from analysis import erlang, erlang_a
from analysis.model import (
    DAYS_PER_WEEK,
    SECONDS_PER_HOUR,
    WEEKS_PER_MONTH,
    Assumptions,
    Channel,
    ChannelDemand,
)
from analysis.staffing import (
    DEADLINE_CHANNELS,
    deadline_capacity,
    night_hours,
    open_week,
    window_hours,
)

AHT_STEP = float(np.log1p(0.01))
"""Nodes of a contact's handling time, in natural logarithm: one every 1% (Erlang C)."""
ERLANG_A_AHT_STEP = float(np.log1p(0.025))
PATIENCE_STEP = float(np.log1p(0.05))
"""With a patience (Erlang A, whose test costs about a hundred times Erlang C's), a node every
2.5% of handling time and 5% of patience."""
BISECTIONS = 30
"""Halvings of each threshold's bracket: it ends within 1e-9 of the bracket's width, about 1e-8
of the threshold itself, far closer than two thresholds (1/N apart for N agents) or than the
traffic of any draw comes to one but by chance (one hour in millions)."""
ILLINOIS_STEPS = 100
"""At most this many false-position steps (they stop once every bracket is within 1e-9)."""


@dataclass(frozen=True)
class HourWeights:
    """One channel's open hours of the day and what each stands for in a week.

    `hours` are the open hours of the day (0-23); `share` each hour's part of a day's contacts
    (summing to 1, the hourly profile over the open hours, even when it is zero there); `days`
    the open days; `premium` per hour the open days on which it is a night or weekend hour.
    """

    hours: np.ndarray
    share: np.ndarray
    days: int
    premium: np.ndarray

    @property
    def open_slots(self) -> int:
        return self.days * len(self.hours)

    @property
    def premium_slots(self) -> float:
        return float(self.premium.sum())

    @property
    def premium_contacts(self) -> float:
        """The share of the week's arrivals in night and weekend hours."""
        return float(self.share @ self.premium) / self.days


def hour_weights(demand: ChannelDemand, assumptions: Assumptions) -> HourWeights:
    week = open_week(demand.hours, assumptions)
    per_day = len(week.profile)
    hours = np.asarray(week.hour[:per_day])
    premium = np.asarray(week.premium, dtype=float).reshape(-1, per_day).sum(axis=0)
    return HourWeights(hours, np.asarray(week.profile) / week.profile_total,
                       demand.hours.days_per_week, premium)


WORKERS = min(os.cpu_count() or 1, 4)
"""Threads that work out thresholds (`QueueCurve._exact`) or price points (`engine`) at once:
numpy and scipy leave Python's lock while they compute, and every node or point is worked out
on its own, so the figures are the same on any number of threads."""
T = TypeVar("T")
R = TypeVar("R")
SPLIT = 64
"""Nodes below which the thresholds are worked out on one thread (too little to share)."""


def spread(work: Callable[[T], R], parts: Sequence[T]) -> list[R]:
    """`work` on each part, on up to `WORKERS` threads when there is more than one part; the
    results in the parts' order."""
    if len(parts) > 1 and WORKERS > 1:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(parts))) as pool:
            return list(pool.map(work, parts))
    return [work(part) for part in parts]


@dataclass(frozen=True)
class Plan:
    """Where each draw's queue sits on the grid, the same every year of the horizon: `corners`
    the nodes of each draw's cell (shape (draws, corners), rows of `keys`, the distinct nodes
    as (handling-time, patience) indices) and `weights` each corner's share in the draw's
    bilinear interpolation (shape (draws, corners), summing to 1)."""

    keys: np.ndarray
    corners: np.ndarray
    weights: np.ndarray

    def take(self, index: slice) -> Plan:
        """The plan of some draws (the nodes stay those of all)."""
        return Plan(self.keys, self.corners[index], self.weights[index])


class QueueCurve:
    """A live channel's slots per open hour of the day as a function of its traffic.

    `base_traffic` is each open hour's traffic in erlangs at the workbook's volume and handling
    time (shape (hours,)); a draw's traffic is that times exp(y), y its log multiplier (volume,
    handling time and, in later years, growth together). The grid has a node every `steps[0]`
    (natural log) of a contact's handling time and, with a patience, every `steps[1]` of it. At a
    node, an hour's slots are a step function of y whose steps are the thresholds over the
    hour's base traffic: tabulated on buckets of y narrower than the closest two steps, a bucket
    holding the count at its lower edge and the one step inside it, if any, so that a lookup is
    two reads and a comparison (`_Table`). A draw between nodes takes the thresholds interpolated
    linearly in their logarithm (bilinearly with a patience): it reads the count at each corner
    of its cell; where they agree, that is the count on the interpolated thresholds (which lie
    between the corners'); where they differ (a few hours in a thousand), it is counted again on
    the interpolated thresholds themselves (`_recount`).

    Use: `plan` the draws, `prepare` the tables for the range of y they will be read at (every
    year), then `slots` for each year.
    """

    def __init__(self, demand: ChannelDemand, occupancy: float, base_traffic: np.ndarray):
        if demand.service_level is None:
            raise ValueError(f"{demand.channel} is queued but has no service level target")
        self.channel = demand.channel
        self.base_aht = demand.slot_aht_seconds
        self.base_patience = demand.patience_seconds
        self.target = demand.target_seconds
        self.goal = demand.service_level
        self.cap = occupancy
        self.steps = (AHT_STEP, 0.0) if self.base_patience is None else (
            ERLANG_A_AHT_STEP, PATIENCE_STEP)
        with np.errstate(divide="ignore"):
            self.log_base = np.log(np.asarray(base_traffic, dtype=float))
        self._logs: dict[tuple[int, int], np.ndarray] = {}
        self._table: _Table | None = None
        self._rows = np.zeros(0, dtype=np.int64)

    @property
    def patient(self) -> bool:
        """Erlang A: callers hang up, and the grid has a second direction."""
        return self.base_patience is not None

    def plan(self, slot_aht: np.ndarray, patience: np.ndarray | None) -> Plan:
        """Each draw's cell for its handling time (of a chat slot, for chat) and patience (the
        workbook's when None)."""
        along = np.log(slot_aht / self.base_aht) / self.steps[0]
        low_a = np.floor(along)
        part_a = along - low_a
        if self.patient:
            across = (np.log(patience / self.base_patience) / self.steps[1]
                      if patience is not None else np.zeros(len(slot_aht)))
            low_p = np.floor(across)
            part_p = across - low_p
            weights = np.stack([(1 - part_a) * (1 - part_p), part_a * (1 - part_p),
                                (1 - part_a) * part_p, part_a * part_p], axis=1)
        else:
            low_p = np.zeros(len(slot_aht))
            weights = np.stack([1 - part_a, part_a], axis=1)
        first = np.array([low_a.min(), low_p.min()], dtype=np.int64)
        width = int(low_p.max()) - int(first[1]) + 1 + self.patient
        cell = (low_a.astype(np.int64) - first[0]) * width + (low_p.astype(np.int64) - first[1])
        corners = np.array([0, width, 1, width + 1] if self.patient else [0, width])
        codes = cell[:, None] + corners[None, :]
        used = np.bincount(codes.ravel()) > 0
        distinct = np.flatnonzero(used)
        inverse = (np.cumsum(used) - 1)[codes]
        keys = np.stack([distinct // width, distinct % width], axis=1) + first
        return Plan(keys, inverse, weights)

    def prepare(self, plan: Plan, low: np.ndarray, high: np.ndarray) -> None:
        """The tables for `plan`'s draws, each read at log multipliers from `low` to `high`
        (shape (draws,): every year of the horizon)."""
        nodes = len(plan.keys)
        least = np.full(nodes, np.inf)
        most = np.full(nodes, -np.inf)
        for corner in range(plan.corners.shape[1]):
            np.minimum.at(least, plan.corners[:, corner], low)
            np.maximum.at(most, plan.corners[:, corner], high)
        keys = [(int(a), int(p)) for a, p in plan.keys]
        table = self._table
        if table is None or not table.covers(keys, least, most):
            table = self._table = self._tabulate(keys, least, most)
        self._rows = np.array([table.index[k] for k in keys], dtype=np.int64)

    def slots(self, y: np.ndarray, plan: Plan) -> np.ndarray:
        """Slots of each open hour, shape (hours, draws), for log multipliers `y` (shape
        (draws,)) at `plan`'s places (prepared with `prepare`)."""
        table = self._table
        if table is None:
            raise RuntimeError("prepare the curve's tables before reading it")
        bucket = ((y - table.start) / table.width).astype(np.int64)
        nodes = self._rows[plan.corners]
        counts = []
        for corner in range(nodes.shape[1]):
            node = nodes[:, corner]
            at = bucket - table.first[node]
            np.maximum(at, 0, out=at)
            np.minimum(at, table.length[node] - 1, out=at)
            at += table.offset[node]
            count = np.take(table.count, at, axis=1)
            count += y[None, :] > np.take(table.step, at, axis=1)
            counts.append(count)
        fewest = np.minimum(counts[0], counts[1])
        differ = counts[0] != counts[1]
        for count in counts[2:]:
            differ |= count != fewest
            np.minimum(fewest, count, out=fewest)
        differ = np.flatnonzero(differ)
        if differ.size:
            most = np.max([count.flat[differ] for count in counts], axis=0)
            _recount(fewest, most, differ, y, nodes, plan.weights, table.logs, self.log_base)
        if not self._open.all():
            fewest[~self._open] = 0
        return fewest

    @property
    def _open(self) -> np.ndarray:
        """Hours with traffic: an hour the hourly profile leaves empty needs nobody."""
        return np.isfinite(self.log_base)

    def _tabulate(self, keys: list[tuple[int, int]], least: np.ndarray,
                  most: np.ndarray) -> _Table:
        """Bucket tables of every node in `keys`, node k over y from `least[k]` to `most[k]`."""
        finite = self.log_base[self._open]
        top = finite.max(initial=-np.inf)
        peaks = np.exp(top + most) if finite.size else np.zeros(len(keys))
        logs = self._prepare(keys, peaks)
        longest = max(len(v) for v in logs.values())
        stacked = np.full((len(keys), longest), np.inf)
        needed = np.ones(len(keys), dtype=np.int64)
        for index, key in enumerate(keys):
            row = logs[key]
            stacked[index, :len(row)] = row
            needed[index] = min(int(np.searchsorted(row, np.log(max(peaks[index], 1e-300))))
                                + 2, len(row))
        gaps = [np.diff(stacked[i, :needed[i]]) for i in range(len(keys))]
        closest = min((g.min() for g in gaps if g.size), default=0.2)
        width = 0.45 * float(closest)
        start = float(least.min()) - width
        first = np.floor((least - start) / width).astype(np.int64)
        length = np.floor((most - start) / width).astype(np.int64) - first + 2
        offset = np.concatenate([[0], np.cumsum(length)[:-1]])
        hours = len(self.log_base)
        count = np.zeros((hours, int(length.sum())), dtype=np.int32)
        step = np.full(count.shape, np.inf, dtype=np.float32)
        live = self._open
        for index, row in enumerate(stacked):
            edges = start + width * (first[index] + np.arange(length[index]))
            shifted = (edges[:, None] + self.log_base[None, live]).ravel()
            below = np.searchsorted(row, shifted).reshape(len(edges), -1)
            inside = row[np.minimum(below, len(row) - 1)] - self.log_base[None, live]
            within = (below < len(row)) & (inside < edges[:, None] + width)
            rows = slice(offset[index], offset[index] + length[index])
            count[live, rows] = (below + 1).T
            step[live, rows] = np.where(within, _below(inside), np.inf).T
        return _Table(dict(zip(keys, range(len(keys)), strict=True)), start, width, first,
                      length, offset, count, step, stacked)

    def _prepare(self, keys: list[tuple[int, int]],
                 peaks: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
        """Log thresholds at every node in `keys`, enough of them to cover its `peaks` erlangs
        (counts rounded up to a power of 1.25, so that nodes are computed in a few batches).
        A node's thresholds are kept and extended when a later call needs more of them."""
        want = {k: _batch(_enough(float(peak), self.cap)) for k, peak in zip(keys, peaks,
                                                                                strict=True)}
        limits = {k: np.log(max(float(peak), 1e-300)) for k, peak in zip(keys, peaks,
                                                                           strict=True)}
        while True:
            have = {k: len(self._logs.get(k, ())) for k in keys}
            for known, size in sorted({(have[k], want[k]) for k in keys if have[k] < want[k]}):
                batch = [k for k in keys if (have[k], want[k]) == (known, size)]
                found = self._exact(batch, known, size)
                self._logs.update({k: np.concatenate([self._logs.get(k, np.zeros(0)), found[k]])
                                   for k in batch})
            short = [k for k in keys if self._logs[k][-1] < limits[k]]
            if not short:
                return {k: self._logs[k] for k in keys}
            for k in short:
                want[k] = _batch(len(self._logs[k]) + 1)

    def _exact(self, keys: list[tuple[int, int]], known: int,
               counts: int) -> dict[tuple[int, int], np.ndarray]:
        """Log thresholds T_N for N = `known` + 1 ... `counts` at each node."""
        aht = np.array([self.base_aht * np.exp(a * self.steps[0]) for a, _ in keys])
        patience = (np.array([self.base_patience * np.exp(p * self.steps[1]) for _, p in keys])
                    if self.patient else None)
        parts = np.array_split(np.arange(len(keys)), min(WORKERS, max(len(keys) // SPLIT, 1)))

        def part(rows: np.ndarray) -> np.ndarray:
            return _thresholds(known, counts, aht[rows],
                               None if patience is None else patience[rows], self.target,
                               self.goal, self.cap)

        limits = np.concatenate(spread(part, parts))
        return {key: np.log(row) for key, row in zip(keys, limits, strict=True)}


@dataclass(frozen=True)
class _Table:
    """The nodes' bucket tables, stacked: node k's buckets (of `width`, counted from `start`)
    `first[k]` to `first[k] + length[k] - 1` are columns `offset[k]` on, one row per open hour
    (so that a lookup gives (hours, draws), the engine's layout): `count` the slots at the
    bucket's lower edge, `step` the y inside the bucket above which one more is needed (inf:
    none). `logs[k, j]` are node k's log thresholds T_(j+1)."""

    index: dict[tuple[int, int], int]
    start: float
    width: float
    first: np.ndarray
    length: np.ndarray
    offset: np.ndarray
    count: np.ndarray
    step: np.ndarray
    logs: np.ndarray

    def covers(self, keys: list[tuple[int, int]], least: np.ndarray, most: np.ndarray) -> bool:
        """Whether every node's buckets reach from `least` to `most` (per key)."""
        if any(k not in self.index for k in keys):
            return False
        rows = np.array([self.index[k] for k in keys])
        low = np.floor((least - self.start) / self.width)
        high = np.floor((most - self.start) / self.width)
        return bool(np.all(low >= self.first[rows])
                    and np.all(high <= self.first[rows] + self.length[rows] - 2))


def _below(value: np.ndarray) -> np.ndarray:
    """The largest 32-bit float at most `value`: a step kept in 32 bits never lies above the
    threshold it stands for, so a traffic just above the threshold still counts one more (and
    one below it by less than 1e-7 of its logarithm would too: far rarer than anything else
    here)."""
    rounded = value.astype(np.float32)
    return np.where(rounded > value, np.nextafter(rounded, np.float32(-np.inf)), rounded)


def _recount(fewest: np.ndarray, top: np.ndarray, differ: np.ndarray, y: np.ndarray,
             nodes: np.ndarray, weights: np.ndarray, logs: np.ndarray,
             log_base: np.ndarray) -> None:
    """Where the corners' counts differ (`differ`, flat positions; `top` the most there), the
    count on the interpolated thresholds, written into `fewest`: the least count plus those of
    the thresholds between whose interpolated value lies below the draw's traffic."""
    hour, draw = np.divmod(differ, fewest.shape[1])
    base = fewest.flat[differ]
    count = base.astype(np.int64)
    for offset in range(int((top - base).max())):
        index = base - 1 + offset
        limit = sum(weights[draw, c] * logs[nodes[draw, c], index] for c in range(nodes.shape[1]))
        count += (index < top - 1) & (limit - log_base[hour] < y[draw])
    fewest.flat[differ] = count


def _batch(count: int) -> int:
    """A count rounded up to the next of 10, 13, 16, 20, 25 ... (powers of 1.25)."""
    size = 10
    while size < count:
        size = int(np.ceil(size * 1.25))
    return size


def _enough(peak: float, cap: float) -> int:
    """A count of agents that usually carries `peak` erlangs: above it and the occupancy cap,
    with the square-root room of a usual service level (the loop in `_prepare` adds more
    where it is not enough, working out only the counts it adds)."""
    return int(np.ceil(peak / cap + np.sqrt(peak) + 2))


def _thresholds(known: int, counts: int, aht: np.ndarray, patience: np.ndarray | None,
                target: float, goal: float, cap: float) -> np.ndarray:
    """T_N for N = `known` + 1 ... `counts` at each node (rows): shape (nodes, counts -
    known), the largest traffic N agents carry within `required_agents`' test.

    Erlang C: bisection on the test itself (`erlang.meets`), whose occupancy rule is a step.
    Erlang A: the root of the test's margin (`erlang_a.margin`, continuous) by the Illinois
    variant of false position, a bracketing method like bisection that needs a third of its
    steps; the bracket keeps a passing and a failing traffic throughout.
    """
    n = np.arange(known + 1, counts + 1, dtype=np.int64)[None, :].repeat(len(aht), axis=0)
    aht_ = np.broadcast_to(aht[:, None], n.shape)
    low = np.full(n.shape, 1e-300)
    if patience is None:
        high = n.astype(float)
        for _ in range(BISECTIONS):
            middle = (low + high) / 2
            ok = erlang.meets(n, middle, aht_, target, goal, cap, _erlang_b(n, middle))
            low = np.where(ok, middle, low)
            high = np.where(ok, high, middle)
        return low
    shape = n.shape
    n, aht_, low = n.ravel(), np.ascontiguousarray(aht_).ravel(), low.ravel()
    patience_ = np.broadcast_to(patience[:, None], shape).ravel()

    def margin(a: np.ndarray, at: np.ndarray) -> np.ndarray:
        return erlang_a.margin(n[at], a, aht_[at], target, goal, cap, patience_[at],
                               _erlang_b(n[at], a))

    every = np.arange(n.size)
    high = 4.0 * n + 10.0
    at_high = margin(high, every)
    while (at_high >= 0).any():
        high = np.where(at_high >= 0, 2 * high, high)
        at_high = margin(high, every)
    at_low = margin(low, every)
    side = np.zeros(n.size, dtype=np.int8)
    active = every
    for _ in range(ILLINOIS_STEPS):
        active = active[high[active] - low[active] > 1e-9 * high[active]]
        if not active.size:
            break
        lo, hi, f_lo, f_hi = low[active], high[active], at_low[active], at_high[active]
        guess = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        guess = np.where((guess > lo) & (guess < hi), guess, (lo + hi) / 2)
        found = margin(guess, active)
        passes = found >= 0
        last = side[active]
        f_hi = np.where(passes & (last == 1), f_hi / 2, f_hi)
        f_lo = np.where(~passes & (last == -1), f_lo / 2, f_lo)
        low[active] = np.where(passes, guess, lo)
        at_low[active] = np.where(passes, found, f_lo)
        high[active] = np.where(passes, hi, guess)
        at_high[active] = np.where(passes, f_hi, found)
        side[active] = np.where(passes, 1, -1)
    return low.reshape(shape)


def _erlang_b(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Erlang B in closed form, the Poisson probability of n over that of at most n: what the
    recurrence of `erlang.erlang_b` gives (to the last digits), at a cost that does not grow
    with the agents. Far more traffic than agents, both terms underflow to 0: every contact
    is blocked there, B = 1."""
    log_pmf = n * np.log(a) - a - gammaln(n + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        found = np.exp(log_pmf) / gammaincc(n + 1, a)
    return np.where(np.isfinite(found), np.minimum(found, 1.0), 1.0)


@dataclass(frozen=True)
class LevelChannel:
    """A deferred channel (email, social, outbound): agents per open hour, the same in every
    open hour, are `per_workload` x the week's handling hours / occupancy."""

    channel: Channel
    per_workload: float
    """Agents per open hour per weekly handling hour, before the occupancy cap."""
    weights: HourWeights
    premium_contacts: float
    """The share of the week's contacts handled in night and weekend hours."""


def level_channel(demand: ChannelDemand, assumptions: Assumptions) -> LevelChannel:
    """The staffing rule of a deferred channel as one number per unit of workload.

    Email and social: the level capacity per hour of weekly work that answers within the
    response target (`staffing.deadline_capacity`), contacts handled by its `handled_share`.
    Outbound: a day's work spread evenly over the open hours of the day.
    """
    weights = hour_weights(demand, assumptions)
    if demand.channel in DEADLINE_CHANNELS:
        capacity, handled, _on_time = deadline_capacity(
            demand.hours, assumptions.hourly_profile, window_hours(demand.target_seconds))
        week = open_week(demand.hours, assumptions)
        premium = float(np.asarray(handled)[np.asarray(week.premium)].sum())
        return LevelChannel(demand.channel, capacity, weights, premium)
    per_hour = 1.0 / (demand.hours.days_per_week * demand.hours.hours_per_day)
    return LevelChannel(demand.channel, per_hour, weights, weights.premium_contacts)


class ErlangCTable:
    """Erlang C's probability of waiting for 1 ... `agents` agents, on a grid of the traffic
    over the agents (`POINTS` steps from 0 to 1), read by linear interpolation: smooth in the
    traffic, so the error stays far below a thousandth of a point of service level. Erlang B
    is taken in closed form (`_erlang_b`), at a cost that does not grow with the agents."""

    POINTS = 4096

    def __init__(self, agents: int):
        self.agents = agents
        n = np.arange(1, agents + 1, dtype=float)[:, None]
        load = n * (np.arange(self.POINTS + 1) / self.POINTS)[None, :]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            blocking = _erlang_b(n, np.maximum(load, 1e-300))
            wait = n * blocking / (n - load * (1 - blocking))
        wait[:, -1] = 1.0
        self._wait = np.vstack([np.ones((1, self.POINTS + 1)), np.nan_to_num(wait, nan=1.0)])

    def service_level(self, agents: np.ndarray, traffic: np.ndarray,
                      decay: np.ndarray) -> np.ndarray:
        """`erlang.service_level` for whole `agents` (a float array, at most the table's) and
        `traffic` > 0, of shape (hours, points); `decay` the answer target over the AHT per
        point."""
        stable = agents > traffic
        position = np.where(stable, traffic / np.maximum(agents, 1.0), 0.0) * self.POINTS
        index = np.minimum(position.astype(np.int64), self.POINTS - 1)
        flat = agents.astype(np.int64) * (self.POINTS + 1) + index
        low = np.take(self._wait, flat)
        wait = low + (np.take(self._wait, flat + 1) - low) * (position - index)
        level = 1 - wait * np.exp((traffic - agents) * decay[None, :])
        level[~stable] = 0.0
        return level


def contacts_per_hour(monthly: np.ndarray, weights: HourWeights) -> np.ndarray:
    """Shape (draws, hours): each open hour's contacts on each open day."""
    per_day = monthly / (WEEKS_PER_MONTH * weights.days)
    return per_day[:, None] * weights.share[None, :]


def traffic_of(contacts: np.ndarray, aht_seconds: np.ndarray) -> np.ndarray:
    """Erlangs of each hour: contacts x AHT / 3,600 seconds."""
    return contacts * aht_seconds[:, None] / SECONDS_PER_HOUR


def night_or_weekend(day: np.ndarray, hour: np.ndarray, assumptions: Assumptions) -> np.ndarray:
    """Whether each (day, hour) of the week earns the premium: a night hour or a weekend day."""
    night = night_hours(hour, assumptions.night_start_hour, assumptions.night_end_hour)
    return night | (day >= DAYS_PER_WEEK - assumptions.weekend_days)
