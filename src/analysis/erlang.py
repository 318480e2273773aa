"""Erlang C (the M/M/n queue) for many intervals at once.

A live queue (phone, chat) is staffed interval by interval: calls arrive at random (Poisson), take
an exponential time to handle, and wait first-in first-out for the first free agent; nobody hangs
up. Erlang C gives, for `n` agents and `A` erlangs of traffic, the chance a call waits, the share
answered within a target, the average wait (ASA) and the agents' occupancy.

Everything here takes numpy arrays (or scalars, which come back as 0-d arrays) and broadcasts
them, so a week of hourly intervals, or ten thousand of them, is one call with no Python loop over
intervals. The only loop is over agent counts, for the Erlang B recurrence
`B(k) = A·B(k-1) / (k + A·B(k-1))`, which stays between 0 and 1 and so never overflows, unlike the
textbook `A^n / n!` form: traffic in the hundreds of erlangs is fine.

Conventions for the edge cases, so arrays never raise:
- no traffic and no agents: nothing is measured, every metric is NaN;
- no traffic but some agents: nobody waits (wait 0, service level 1, ASA 0, occupancy 0);
- agents not above the traffic: the queue grows without end (wait 1, service level 0, ASA
  infinite, occupancy 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
ArrayLike = npt.ArrayLike

_DECIMALS = 9
"""Float noise ignored when rounding people up: 21 / 0.7 is 30.000000000000004, i.e. 30."""


@dataclass(frozen=True)
class ErlangResult:
    """The agents each interval needs and what they achieve; all arrays share one shape.

    - `traffic_erlangs`: calls x AHT / interval length (agents' worth of pure handling work);
    - `agents`: the fewest agents on the phones meeting every constraint (int, 0 for no calls);
    - `service_level`: share of calls answered within the target seconds with those agents;
    - `wait_probability`: share of calls that wait at all (Erlang C);
    - `asa_seconds`: average speed of answer, the mean wait over all calls;
    - `occupancy`: share of the agents' time spent handling calls (traffic / agents);
    - `scheduled`: agents / (1 - shrinkage) rounded up, the people rostered so that enough are
      on the phones after breaks, training and absence; None when no shrinkage was given.

    Metrics are NaN for intervals with no calls (see the module docstring).
    """

    traffic_erlangs: FloatArray
    agents: IntArray
    service_level: FloatArray
    wait_probability: FloatArray
    asa_seconds: FloatArray
    occupancy: FloatArray
    scheduled: IntArray | None = None


def traffic_erlangs(
    calls: ArrayLike, aht_seconds: ArrayLike, interval_seconds: ArrayLike
) -> FloatArray:
    """Offered traffic in erlangs: the handling work arriving per second of the interval."""
    calls, aht, interval = np.broadcast_arrays(
        *(np.asarray(x, dtype=float) for x in (calls, aht_seconds, interval_seconds))
    )
    if np.any(calls < 0) or np.any(aht <= 0) or np.any(interval <= 0):
        raise ValueError("calls must be >= 0, AHT and interval length > 0")
    return calls * aht / interval


def erlang_b(agents: ArrayLike, traffic: ArrayLike) -> FloatArray:
    """Erlang B: the share of calls that would be blocked with `agents` lines and no queue.

    Computed by the recurrence from B(0) = 1 up to the largest agent count, all intervals at
    once; each interval keeps the value at its own agent count.
    """
    n, a = _agents_and_traffic(agents, traffic)
    blocking = np.ones_like(a)
    for k in range(1, int(n.max(initial=0)) + 1):
        step = a * blocking / (k + a * blocking)
        blocking = np.where(k <= n, step, blocking)
    return blocking


def wait_probability(agents: ArrayLike, traffic: ArrayLike) -> FloatArray:
    """Erlang C: the share of calls that find every agent busy and wait."""
    n, a = _agents_and_traffic(agents, traffic)
    return _wait_from_blocking(n, a, erlang_b(n, a))


def service_level(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, target_seconds: ArrayLike
) -> FloatArray:
    """Share of calls answered within `target_seconds`: 1 - C·exp(-(n - A)·target / AHT)."""
    n, a = _agents_and_traffic(agents, traffic)
    return _service_level(n, a, wait_probability(n, a), aht_seconds, target_seconds)


def average_speed_of_answer(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike
) -> FloatArray:
    """Mean wait over all calls, in seconds: C·AHT / (n - A)."""
    n, a = _agents_and_traffic(agents, traffic)
    return _asa(n, a, wait_probability(n, a), aht_seconds)


def occupancy(agents: ArrayLike, traffic: ArrayLike) -> FloatArray:
    """Share of the agents' time spent handling calls: A / n (1 when the queue is unstable)."""
    n, a = _agents_and_traffic(agents, traffic)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > a, a / np.where(n > 0, n, 1), np.where(a > 0, 1.0, np.nan))


def required_agents(
    calls: ArrayLike,
    aht_seconds: ArrayLike,
    interval_seconds: ArrayLike,
    target_seconds: ArrayLike,
    service_level: ArrayLike,
    max_occupancy: ArrayLike = 1.0,
    shrinkage: ArrayLike | None = None,
) -> ErlangResult:
    """The fewest agents per interval that keep the queue stable, meet the service level and
    keep occupancy at or under `max_occupancy`; zero-call intervals need none.

    The search counts agents upward for all intervals together, carrying each interval's Erlang
    B value along, and retires an interval the first time all three constraints hold (service
    level rises with every added agent, so the first count that meets it is the smallest).
    `service_level` is a fraction below 1: a queue never answers every call within a target
    for sure. `shrinkage`, when given, adds `scheduled` to the result.
    """
    arrays = np.broadcast_arrays(
        *(np.asarray(x, dtype=float) for x in (
            calls, aht_seconds, interval_seconds, target_seconds, service_level, max_occupancy,
        ))
    )
    shape = arrays[0].shape
    calls_, aht, interval, target, goal, cap = (x.ravel() for x in arrays)
    if np.any(target < 0) or np.any((goal < 0) | (goal >= 1)) or np.any((cap <= 0) | (cap > 1)):
        raise ValueError("need target >= 0, 0 <= service level < 1, 0 < max occupancy <= 1")
    traffic = traffic_erlangs(calls_, aht, interval)
    agents, blocking = fewest_agents(traffic, target / aht, goal, cap)
    wait = _wait_from_blocking(agents, traffic, blocking)
    return ErlangResult(
        traffic_erlangs=traffic.reshape(shape),
        agents=agents.reshape(shape),
        service_level=_service_level(agents, traffic, wait, aht, target).reshape(shape),
        wait_probability=wait.reshape(shape),
        asa_seconds=_asa(agents, traffic, wait, aht).reshape(shape),
        occupancy=occupancy(agents, traffic).reshape(shape),
        scheduled=None if shrinkage is None else scheduled(agents.reshape(shape), shrinkage),
    )


def fewest_agents(
    traffic: FloatArray, decay: FloatArray, goal: FloatArray, cap: FloatArray
) -> tuple[IntArray, FloatArray]:
    """`required_agents`' search on flat arrays: the agents of each interval and their Erlang B.

    `decay` is target seconds / AHT; `goal` the service level; `cap` the occupancy cap. Erlang
    A's search starts from here (`erlang_a`), which is why the Erlang B values come back too.
    """
    fewest = np.where(
        traffic > 0,
        np.maximum(np.floor(traffic) + 1, np.ceil(np.round(traffic / cap, _DECIMALS))),
        0,
    )
    return _search(traffic, fewest, decay, goal)


def meets(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, target_seconds: ArrayLike,
    service_level: ArrayLike, max_occupancy: ArrayLike, blocking: FloatArray | None = None,
) -> np.ndarray:
    """Whether `agents` pass `required_agents`' test for `traffic` (arrays broadcast): at least
    the fewest it starts from (above the traffic, occupancy within the cap as it rounds) and the
    service level met. `required_agents` returns the least count that passes, and the test only
    gets easier with more agents or less traffic, so the count it returns for a traffic is the
    number of counts whose largest passing traffic is below it, plus one (`uncertainty.curves`
    tabulates those traffics). `blocking` is Erlang B for the agents and traffic when already
    known (the recurrence of `erlang_b` otherwise)."""
    n, a, aht, target, goal, cap = np.broadcast_arrays(
        np.asarray(agents), *(np.asarray(x, dtype=float) for x in (
            traffic, aht_seconds, target_seconds, service_level, max_occupancy)))
    fewest = np.maximum(np.floor(a) + 1, np.ceil(np.round(a / cap, _DECIMALS)))
    ready = (n >= fewest) & (a > 0)
    if blocking is None:
        blocking = erlang_b(n, a)
    level = _service_level(n, a, _wait_from_blocking(n, a, blocking), aht, target)
    return ready & (level >= goal)


def scheduled(agents: ArrayLike, shrinkage: ArrayLike) -> IntArray:
    """People to roster so that `agents` are on the phones after shrinkage, rounded up."""
    loss = np.asarray(shrinkage, dtype=float)
    if np.any((loss < 0) | (loss >= 1)):
        raise ValueError("shrinkage must be in [0, 1)")
    raw = np.asarray(agents, dtype=float) / (1 - loss)
    return np.asarray(np.ceil(np.round(raw, _DECIMALS)), dtype=np.int64)


def _search(
    traffic: FloatArray, fewest: FloatArray, decay: FloatArray, goal: FloatArray
) -> tuple[IntArray, FloatArray]:
    """Count agents up for every interval with traffic; return each one's first count that is at
    least `fewest` and meets `goal`, with its Erlang B value.

    Service level is only evaluated once an interval reaches its `fewest` (which is above the
    traffic, so the queue is stable there), and finished intervals drop out of the working set:
    the loop body only touches intervals still searching. `decay` is target seconds / AHT.
    """
    agents = np.zeros(traffic.shape, dtype=np.int64)
    blocking = np.ones_like(traffic)
    index = np.flatnonzero(traffic > 0)
    a, b, low, rate, want = (x[index] for x in (traffic, blocking, fewest, decay, goal))
    k = 0
    while index.size:
        k += 1
        load = a * b
        b = load / (k + load)
        ready = np.flatnonzero(low <= k)
        if not ready.size:
            continue
        a_r, b_r = a[ready], b[ready]
        wait = k * b_r / (k - a_r * (1 - b_r))
        met = ready[1 - wait * np.exp(-(k - a_r) * rate[ready]) >= want[ready]]
        if not met.size:
            continue
        agents[index[met]] = k
        blocking[index[met]] = b[met]
        keep = np.ones(index.size, dtype=bool)
        keep[met] = False
        index, a, b, low, rate, want = (x[keep] for x in (index, a, b, low, rate, want))
    return agents, blocking


def _agents_and_traffic(agents: ArrayLike, traffic: ArrayLike) -> tuple[IntArray, FloatArray]:
    n, a = np.broadcast_arrays(np.asarray(agents), np.asarray(traffic, dtype=float))
    if np.any(n < 0) or np.any(a < 0) or np.any(n != np.round(n)):
        raise ValueError("agents must be whole numbers >= 0 and traffic >= 0")
    return n.astype(np.int64), a


def _wait_from_blocking(n: ArrayLike, a: FloatArray, blocking: FloatArray) -> FloatArray:
    """Erlang C from Erlang B: C = n·B / (n - A·(1 - B)), for a stable queue (n > A)."""
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        stable = n * blocking / (n - a * (1 - blocking))
    unstable = np.where(a > 0, 1.0, np.nan)
    return np.where(n > a, np.where(a > 0, stable, 0.0), unstable)


def _service_level(
    n: ArrayLike, a: FloatArray, wait: FloatArray, aht: ArrayLike, target: ArrayLike
) -> FloatArray:
    n = np.asarray(n, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        answered = 1 - wait * np.exp(-(n - a) * np.asarray(target) / np.asarray(aht))
    return np.where(n > a, answered, np.where(a > 0, 0.0, np.nan))


def _asa(n: ArrayLike, a: FloatArray, wait: FloatArray, aht: ArrayLike) -> FloatArray:
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_wait = wait * np.asarray(aht) / (n - a)
    return np.where(n > a, mean_wait, np.where(a > 0, np.inf, np.nan))
